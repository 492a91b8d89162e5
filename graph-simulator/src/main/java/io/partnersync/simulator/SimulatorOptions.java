package io.partnersync.simulator;

import io.partnersync.simulator.graph.CallBudget;

/**
 * How to run a simulator.
 *
 * @param host         address to listen on; 127.0.0.1 by default, 0.0.0.0 in a container
 * @param port         0 for a free port
 * @param pageMaxLimit the largest {@code limit} honoured; larger ones are clamped to it
 * @param callBudget   calls per business per window before throttling
 */
public record SimulatorOptions(String host, int port, int pageMaxLimit, CallBudget callBudget) {

    /** Graph's own maximum differs by edge; 500 is the largest page clients here ask for. */
    public static final int DEFAULT_PAGE_MAX_LIMIT = 500;

    public SimulatorOptions {
        if (port < 0 || pageMaxLimit < 1) {
            throw new IllegalArgumentException("port >= 0 and pageMaxLimit >= 1");
        }
    }

    public static SimulatorOptions defaults() {
        return new SimulatorOptions("127.0.0.1", 0, DEFAULT_PAGE_MAX_LIMIT, CallBudget.defaults());
    }

    public SimulatorOptions withHost(String newHost) {
        return new SimulatorOptions(newHost, port, pageMaxLimit, callBudget);
    }

    public SimulatorOptions withPort(int newPort) {
        return new SimulatorOptions(host, newPort, pageMaxLimit, callBudget);
    }

    public SimulatorOptions withPageMaxLimit(int newPageMaxLimit) {
        return new SimulatorOptions(host, port, newPageMaxLimit, callBudget);
    }

    public SimulatorOptions withCallBudget(CallBudget newCallBudget) {
        return new SimulatorOptions(host, port, pageMaxLimit, newCallBudget);
    }
}
