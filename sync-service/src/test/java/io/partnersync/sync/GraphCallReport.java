package io.partnersync.sync;

import io.partnersync.simulator.MinimumGraphCalls;

/** One printed line: a sync's Graph traffic next to the minimum its data needs and a plain client's. */
final class GraphCallReport {

    private GraphCallReport() {
    }

    static String line(String what, long calls, long requests, MinimumGraphCalls minimum) {
        return String.format("%-44s calls %6d (minimum %6d, plain client %6d) | HTTP requests %5d (minimum %5d)",
                what, calls, minimum.calls(), minimum.plainClientCalls(), requests, minimum.requests());
    }
}
