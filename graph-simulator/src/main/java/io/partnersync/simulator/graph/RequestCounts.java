package io.partnersync.simulator.graph;

import io.partnersync.simulator.data.Token;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Graph calls seen since the last reset. Endpoints are normalized patterns such as
 * {@code GET /{business}/business_users}; a batch counts once as {@code POST /} and each of its items
 * under its own endpoint. Tokens are keyed by fingerprint ({@code ****} and the last 4 characters).
 */
public record RequestCounts(long total, Map<String, Long> byEndpoint, Map<String, Long> byToken) {

    public RequestCounts {
        byEndpoint = Collections.unmodifiableMap(new TreeMap<>(byEndpoint));
        byToken = Collections.unmodifiableMap(new TreeMap<>(byToken));
    }

    public long forEndpoint(String pattern) {
        return byEndpoint.getOrDefault(pattern, 0L);
    }

    public long forToken(String tokenValue) {
        return byToken.getOrDefault(Token.fingerprint(tokenValue), 0L);
    }
}
