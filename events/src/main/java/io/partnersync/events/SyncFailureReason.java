package io.partnersync.events;

/** Why the sync of one partner failed. */
public enum SyncFailureReason {
    /** Meta rejected the token (codes 190, 102): the partner must reconnect. */
    TOKEN_INVALID,
    /** The token lacks a permission the sync needs (codes 10, 200-299). */
    PERMISSION_DENIED,
    /** The token could not be read from token-vault-service. */
    TOKEN_UNAVAILABLE,
    /** Meta stayed unreachable or throttled beyond the retry budget. */
    META_UNAVAILABLE,
    /** Any other error Meta answered. */
    META_ERROR
}
