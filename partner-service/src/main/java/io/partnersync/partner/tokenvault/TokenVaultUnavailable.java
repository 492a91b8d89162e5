package io.partnersync.partner.tokenvault;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token could not be validated now: token-vault-service did not answer, or answered
 * 503 because Meta is unreachable or throttling. {@code problem} is its answer when there
 * was one.
 */
public class TokenVaultUnavailable extends RuntimeException {

    private final long retryAfterSeconds;
    private final transient Map<String, Object> problem;

    public TokenVaultUnavailable(String message, long retryAfterSeconds, Map<String, Object> problem) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
        this.problem = problem == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(problem));
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** token-vault-service's own problem, empty when it did not answer. */
    public Map<String, Object> problem() {
        return problem;
    }
}
