package io.partnersync.tokenvault.meta;

import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Graph call answered with an error. Carries Graph's code, subcode and message, never the
 * request (its URL can hold a token). Only {@link MetaGraph} sees it.
 */
final class GraphCallFailed extends RuntimeException {

    static final String BUSINESS_USAGE_HEADER = "X-Business-Use-Case-Usage";
    private static final ObjectMapper JSON = new ObjectMapper();

    final int status;
    final Integer code;
    final Integer subcode;
    final String graphMessage;
    final boolean transientError;
    /** Meta's own estimate of when a throttled caller may come back, in seconds. */
    final OptionalLong regainAccessSeconds;

    private GraphCallFailed(int status, Integer code, Integer subcode, String graphMessage, boolean transientError,
            OptionalLong regainAccessSeconds) {
        super("Graph answered HTTP " + status + (code == null ? "" : " code " + code + (subcode == null ? "" : "/" + subcode)),
                null, false, false);
        this.status = status;
        this.code = code;
        this.subcode = subcode;
        this.graphMessage = graphMessage;
        this.transientError = transientError;
        this.regainAccessSeconds = regainAccessSeconds;
    }

    static GraphCallFailed of(int status, JsonNode body, String businessUsage) {
        JsonNode error = body == null ? null : body.get("error");
        Integer code = intOrNull(error, "code");
        Integer subcode = intOrNull(error, "error_subcode");
        String message = error != null && error.hasNonNull("message") ? error.get("message").asText() : null;
        boolean transientError = error != null && error.path("is_transient").asBoolean(false);
        return new GraphCallFailed(status, code, subcode, message, transientError, regainAccess(businessUsage));
    }

    /** Graph's throttling codes: application, user, page, custom and business use case limits. */
    boolean throttled() {
        if (code == null) {
            return status == 429;
        }
        return code == 4 || code == 17 || code == 32 || code == 341 || code == 613 || (code >= 80000 && code <= 80014);
    }

    /** Worth another try: Graph's own transient codes and server-side failures. */
    boolean retryable() {
        return status >= 500 || (code != null && (code == 1 || code == 2)) || (transientError && !throttled());
    }

    /** The token itself is invalid, expired or revoked (190, 102). */
    boolean tokenInvalid() {
        return code != null && (code == 190 || code == 102);
    }

    /** {@code estimated_time_to_regain_access} is in minutes; the largest one of any business counts. */
    private static OptionalLong regainAccess(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long minutes = -1;
            for (Iterator<JsonNode> businesses = JSON.readTree(header).elements(); businesses.hasNext();) {
                for (JsonNode usage : businesses.next()) {
                    minutes = Math.max(minutes, usage.path("estimated_time_to_regain_access").asLong(-1));
                }
            }
            return minutes > 0 ? OptionalLong.of(minutes * 60) : OptionalLong.empty();
        } catch (Exception unreadable) {
            return OptionalLong.empty();
        }
    }

    private static Integer intOrNull(JsonNode node, String field) {
        return Optional.ofNullable(node).map(n -> n.get(field)).filter(JsonNode::isNumber).map(JsonNode::asInt)
                .orElse(null);
    }
}
