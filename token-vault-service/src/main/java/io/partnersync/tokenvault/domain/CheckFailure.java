package io.partnersync.tokenvault.domain;

/** One failed check, with a message a person can act on. */
public record CheckFailure(TokenCheck check, String message) {
}
