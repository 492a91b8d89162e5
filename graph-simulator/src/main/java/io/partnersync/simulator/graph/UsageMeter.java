package io.partnersync.simulator.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Graph's business use case rate limit, simplified to call counts: each business has a budget of
 * calls per window; the window starts with the business's first call and restarts once it has passed.
 * A call over budget is throttled (and not counted). The usage headers report the share of the
 * budget used and, when throttled, the rest of the window in minutes rounded up, as Graph reports it.
 */
public final class UsageMeter {

    private static final String USE_CASE_TYPE = "ads_management";

    private volatile CallBudget budget;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public UsageMeter(CallBudget budget) {
        this.budget = budget;
    }

    public CallBudget budget() {
        return budget;
    }

    /** A new budget starts every window afresh. */
    public void setBudget(CallBudget newBudget) {
        budget = newBudget;
        windows.clear();
    }

    public void reset() {
        windows.clear();
    }

    /** Counts one call of {@code businessId} and tells whether it may go ahead. */
    Usage record(String businessId, boolean throttleAll) {
        CallBudget current = budget;
        Window window = windows.computeIfAbsent(businessId, id -> new Window());
        synchronized (window) {
            long now = System.currentTimeMillis();
            window.restartIfOver(now, current);
            boolean throttled = throttleAll || window.calls >= current.calls();
            if (!throttled) {
                window.calls++;
            }
            return window.usage(businessId, now, current, throttled);
        }
    }

    /** The usage of {@code businessId} without counting a call. */
    Usage peek(String businessId) {
        CallBudget current = budget;
        Window window = windows.get(businessId);
        if (window == null) {
            return new Usage(businessId, 0, 0, false);
        }
        synchronized (window) {
            long now = System.currentTimeMillis();
            window.restartIfOver(now, current);
            return window.usage(businessId, now, current, false);
        }
    }

    private static final class Window {
        private long startMillis = System.currentTimeMillis();
        private int calls;

        void restartIfOver(long now, CallBudget budget) {
            if (now - startMillis >= budget.windowSeconds() * 1000L) {
                startMillis = now;
                calls = 0;
            }
        }

        Usage usage(String businessId, long now, CallBudget budget, boolean throttled) {
            int percent = (int) (calls * 100L / budget.calls());
            if (!throttled) {
                return new Usage(businessId, percent, 0, false);
            }
            long remainingMillis = startMillis + budget.windowSeconds() * 1000L - now;
            int minutes = (int) Math.max(1, (remainingMillis + 59_999) / 60_000);
            return new Usage(businessId, Math.max(100, percent), minutes, true);
        }
    }

    /** One business's usage after a call, and the two headers Graph sends with it. */
    record Usage(String businessId, int callCountPercent, int regainAccessMinutes, boolean throttled) {

        /**
         * The simulator meters calls only, so CPU and time shares repeat the call share, and
         * {@code X-App-Usage} repeats the business's usage.
         */
        Map<String, String> headers() {
            String shares = "\"call_count\":" + callCountPercent + ",\"total_cputime\":" + callCountPercent
                    + ",\"total_time\":" + callCountPercent;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-App-Usage", "{" + shares + "}");
            headers.put("X-Business-Use-Case-Usage", "{\"" + businessId + "\":[{\"type\":\"" + USE_CASE_TYPE + "\","
                    + shares + ",\"estimated_time_to_regain_access\":" + regainAccessMinutes + "}]}");
            return headers;
        }
    }
}
