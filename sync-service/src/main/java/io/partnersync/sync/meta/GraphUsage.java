package io.partnersync.sync.meta;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Graph's usage headers say: {@code X-App-Usage} (percentages for the app) and
 * {@code X-Business-Use-Case-Usage} (per business and use case, with
 * {@code estimated_time_to_regain_access} in minutes). A header that is absent or malformed
 * counts as no usage: pacing is a courtesy, never a reason to fail a sync.
 *
 * @param appPercent          the highest of call_count, total_cputime and total_time of the app
 * @param businessPercent     the same per business id, across its use cases
 * @param regainAccessMinutes the longest estimated_time_to_regain_access of any business
 */
public record GraphUsage(int appPercent, Map<String, Integer> businessPercent, int regainAccessMinutes) {

    public static final String APP_USAGE = "X-App-Usage";
    public static final String BUSINESS_USAGE = "X-Business-Use-Case-Usage";
    private static final String[] SHARES = {"call_count", "total_cputime", "total_time"};
    private static final ObjectMapper JSON = new ObjectMapper();

    public GraphUsage {
        businessPercent = Map.copyOf(businessPercent);
    }

    public static GraphUsage parse(String appUsage, String businessUsage) {
        int app = highestShare(read(appUsage));
        Map<String, Integer> businesses = new HashMap<>();
        int regain = 0;
        JsonNode perBusiness = read(businessUsage);
        for (Iterator<Map.Entry<String, JsonNode>> it = perBusiness.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> business = it.next();
            int highest = 0;
            for (JsonNode useCase : business.getValue()) {
                highest = Math.max(highest, highestShare(useCase));
                regain = Math.max(regain, useCase.path("estimated_time_to_regain_access").asInt(0));
            }
            businesses.merge(business.getKey(), highest, Math::max);
        }
        return new GraphUsage(app, businesses, regain);
    }

    /** The usage that limits calls for {@code businessId}: its own or the app's, whichever is higher. */
    public int percentFor(String businessId) {
        return Math.max(appPercent, businessPercent.getOrDefault(businessId, 0));
    }

    public Duration regainAccess() {
        return Duration.ofMinutes(regainAccessMinutes);
    }

    /**
     * The pause before a request at {@code percent} usage: none up to {@code threshold}, then growing
     * linearly to {@code max} at 100%, so the rest of the budget is spread over time instead of
     * being spent in a burst that ends in a block.
     */
    public static Duration paceDelay(int percent, int threshold, Duration max) {
        if (percent <= threshold || threshold >= 100) {
            return Duration.ZERO;
        }
        double share = Math.min(1.0, (percent - threshold) / (double) (100 - threshold));
        return Duration.ofMillis(Math.round(max.toMillis() * share));
    }

    private static int highestShare(JsonNode shares) {
        int highest = 0;
        for (String share : SHARES) {
            highest = Math.max(highest, shares.path(share).asInt(0));
        }
        return highest;
    }

    private static JsonNode read(String header) {
        if (header == null || header.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(header);
            return node.isObject() ? node : JSON.createObjectNode();
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}
