package io.partnersync.tokenvault.meta;

import java.time.Duration;

/** Meta could not answer now (unreachable, failing or throttling us): the caller should retry later. */
public class MetaUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public MetaUnavailableException(String reason, Duration retryAfter) {
        // No cause and no stack: the client's exceptions can quote a URL that holds a token.
        super(reason, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
