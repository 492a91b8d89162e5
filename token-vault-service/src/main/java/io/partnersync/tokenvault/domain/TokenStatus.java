package io.partnersync.tokenvault.domain;

/** Where a stored token is in its life. Only ACTIVE tokens have a secret. */
public enum TokenStatus {
    ACTIVE,
    /** Replaced by a newer token of the same owner; its secret was destroyed. */
    ROTATED,
    /** Deleted on purpose (DELETE or a disconnection); its secret was destroyed. */
    DESTROYED,
    /** Meta reported it invalid when it was checked again; its secret was destroyed. */
    INVALID
}
