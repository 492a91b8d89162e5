package io.partnersync.simulator.graph;

import io.partnersync.simulator.data.Token;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Trouble the simulator makes on purpose, so clients can be tested against Graph's bad days.
 *
 * @param latencyMs            added to every Graph HTTP request (a batch waits once)
 * @param errorRate            share of Graph calls, 0 to 1, answered HTTP 500 code 2; deterministic:
 *                             0.25 fails exactly every 4th call
 * @param throttleAll          every call with a business token answers the throttling error
 * @param emptyPageQuirk       the first page of every listing gets a {@code next} that leads to an empty page
 * @param tokenErrors          token value to the Graph error code it answers with (190: subcode 460)
 * @param reduceDataAboveLimit a {@code limit} above it answers code 1 "Please reduce the amount of data"; 0 = off
 */
public record Faults(
        long latencyMs,
        double errorRate,
        boolean throttleAll,
        boolean emptyPageQuirk,
        Map<String, Integer> tokenErrors,
        int reduceDataAboveLimit) {

    public Faults {
        if (latencyMs < 0 || errorRate < 0 || errorRate > 1 || reduceDataAboveLimit < 0) {
            throw new IllegalArgumentException("latencyMs >= 0, 0 <= errorRate <= 1 and reduceDataAboveLimit >= 0");
        }
        tokenErrors = tokenErrors == null ? Map.of() : Map.copyOf(tokenErrors);
    }

    public static Faults none() {
        return new Faults(0, 0, false, false, Map.of(), 0);
    }

    public Faults withLatencyMs(long millis) {
        return new Faults(millis, errorRate, throttleAll, emptyPageQuirk, tokenErrors, reduceDataAboveLimit);
    }

    public Faults withErrorRate(double share) {
        return new Faults(latencyMs, share, throttleAll, emptyPageQuirk, tokenErrors, reduceDataAboveLimit);
    }

    public Faults withThrottleAll(boolean on) {
        return new Faults(latencyMs, errorRate, on, emptyPageQuirk, tokenErrors, reduceDataAboveLimit);
    }

    public Faults withEmptyPageQuirk(boolean on) {
        return new Faults(latencyMs, errorRate, throttleAll, on, tokenErrors, reduceDataAboveLimit);
    }

    public Faults withTokenError(String token, int code) {
        Map<String, Integer> errors = new HashMap<>(tokenErrors);
        errors.put(token, code);
        return new Faults(latencyMs, errorRate, throttleAll, emptyPageQuirk, errors, reduceDataAboveLimit);
    }

    public Faults withReduceDataAboveLimit(int limit) {
        return new Faults(latencyMs, errorRate, throttleAll, emptyPageQuirk, tokenErrors, limit);
    }

    /** Tokens only by fingerprint: records print every component, and tokens must not reach logs. */
    @Override
    public String toString() {
        String errors = tokenErrors.entrySet().stream()
                .map(entry -> Token.fingerprint(entry.getKey()) + "=" + entry.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
        return "Faults[latencyMs=" + latencyMs + ", errorRate=" + errorRate + ", throttleAll=" + throttleAll
                + ", emptyPageQuirk=" + emptyPageQuirk + ", tokenErrors=" + errors
                + ", reduceDataAboveLimit=" + reduceDataAboveLimit + "]";
    }
}
