package io.partnersync.testkit;

import java.util.Map;

import io.partnersync.simulator.GraphSimulator;
import io.partnersync.simulator.data.DataSet;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The Meta Graph API for service tests: one graph simulator per test JVM, serving the demo
 * data set over real HTTP. Services read its address from {@code partnersync.meta.base-url}.
 * Tests change its data and faults through {@link #simulator()}; they reset it when done.
 */
public class GraphSimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static GraphSimulator simulator;

    public static synchronized GraphSimulator simulator() {
        if (simulator == null) {
            simulator = GraphSimulator.start(DataSet.demo());
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "graph-simulator-shutdown"));
        }
        return simulator;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("partnersync.meta.base-url", simulator().baseUrl());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM.
    }
}
