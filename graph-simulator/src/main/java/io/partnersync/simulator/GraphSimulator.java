package io.partnersync.simulator;

import io.partnersync.simulator.control.ControlApi;
import io.partnersync.simulator.control.SimulatorControl;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.graph.FaultInjector;
import io.partnersync.simulator.graph.GraphApi;
import io.partnersync.simulator.graph.RequestCounter;
import io.partnersync.simulator.graph.UsageMeter;
import io.partnersync.simulator.http.SimulatorHttpServer;
import io.partnersync.simulator.state.GraphStore;

/**
 * A running Meta Graph API simulator, in this JVM, over real HTTP:
 * <pre>{@code
 * try (GraphSimulator sim = GraphSimulator.start(DataSet.demo())) {
 *     URI me = URI.create(sim.baseUrl() + "/v25.0/me?access_token=" + token);
 *     sim.control().revokeToken(token);
 * }
 * }</pre>
 */
public final class GraphSimulator implements AutoCloseable {

    private final SimulatorHttpServer server;
    private final SimulatorControl control;
    private final String host;

    private GraphSimulator(SimulatorHttpServer server, SimulatorControl control, String host) {
        this.server = server;
        this.control = control;
        this.host = host;
    }

    /** On a free port of 127.0.0.1 with the default options. */
    public static GraphSimulator start(DataSet data) {
        return start(SimulatorOptions.defaults(), data);
    }

    public static GraphSimulator start(int port, DataSet data) {
        return start(SimulatorOptions.defaults().withPort(port), data);
    }

    public static GraphSimulator start(SimulatorOptions options, DataSet data) {
        GraphStore store = new GraphStore(data);
        FaultInjector faults = new FaultInjector();
        UsageMeter usageMeter = new UsageMeter(options.callBudget());
        RequestCounter counter = new RequestCounter();
        GraphApi graph = new GraphApi(store, faults, usageMeter, counter, options.pageMaxLimit());
        SimulatorControl control = new SimulatorControl(store, data, faults, usageMeter, counter);
        SimulatorHttpServer server = new SimulatorHttpServer(options.host(), options.port(), graph,
                new ControlApi(control), faults);
        boolean anyAddress = options.host().equals("0.0.0.0") || options.host().equals("::");
        return new GraphSimulator(server, control, anyAddress ? "127.0.0.1" : options.host());
    }

    /**
     * {@code http://127.0.0.1:<port>} (or the address listened on), without a version: clients
     * append {@code /v25.0/...}.
     */
    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    public int port() {
        return server.port();
    }

    public SimulatorControl control() {
        return control;
    }

    @Override
    public void close() {
        server.close();
    }
}
