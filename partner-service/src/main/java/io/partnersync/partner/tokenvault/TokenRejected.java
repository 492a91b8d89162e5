package io.partnersync.partner.tokenvault;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * token-vault-service refused the token (422). {@code problem} is its problem+json answer,
 * member by member, so that the API can pass every failed check on unchanged.
 */
public class TokenRejected extends RuntimeException {

    private final transient Map<String, Object> problem;

    public TokenRejected(Map<String, Object> problem) {
        super("token-vault-service rejected the token: " + problem.get("detail"));
        this.problem = Collections.unmodifiableMap(new LinkedHashMap<>(problem));
    }

    public Map<String, Object> problem() {
        return problem;
    }
}
