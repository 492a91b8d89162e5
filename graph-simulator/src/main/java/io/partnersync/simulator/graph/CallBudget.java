package io.partnersync.simulator.graph;

/**
 * How many Graph calls each business may make per window before it is throttled. Graph's windows
 * last minutes to an hour; tests use seconds, and the simulator still reports the time to regain
 * access in whole minutes, rounded up, as Graph does.
 *
 * @param throttleCode the error a throttled call answers: 80004 (business use case) or 17 (user limit)
 */
public record CallBudget(int calls, int windowSeconds, int throttleCode) {

    public static final int BUSINESS_USE_CASE_LIMIT = 80004;
    public static final int USER_REQUEST_LIMIT = 17;

    public CallBudget {
        if (calls < 1 || windowSeconds < 1) {
            throw new IllegalArgumentException("calls and windowSeconds must be positive");
        }
        if (throttleCode != BUSINESS_USE_CASE_LIMIT && throttleCode != USER_REQUEST_LIMIT) {
            throw new IllegalArgumentException("throttleCode is 80004 or 17");
        }
    }

    /** 10,000 calls an hour per business: only a long benchmark comes near it. */
    public static CallBudget defaults() {
        return new CallBudget(10_000, 3_600, BUSINESS_USE_CASE_LIMIT);
    }

    public static CallBudget of(int calls, int windowSeconds) {
        return new CallBudget(calls, windowSeconds, BUSINESS_USE_CASE_LIMIT);
    }
}
