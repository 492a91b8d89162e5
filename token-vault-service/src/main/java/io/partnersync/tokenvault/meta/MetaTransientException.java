package io.partnersync.tokenvault.meta;

import java.time.Duration;

/** A failure worth a quick second try (5xx, Graph codes 1 and 2, connection refused). */
public class MetaTransientException extends MetaUnavailableException {

    public MetaTransientException(String reason, Duration retryAfter) {
        super(reason, retryAfter);
    }
}
