package io.partnersync.events;

/** Why a token stopped being usable. */
public enum TokenRevocationReason {
    /** Destroyed on purpose, e.g. because the partner was disconnected. */
    DESTROYED,
    /** Meta reported it invalid, expired or revoked. */
    INVALID
}
