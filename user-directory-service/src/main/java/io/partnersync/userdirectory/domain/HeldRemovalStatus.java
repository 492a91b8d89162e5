package io.partnersync.userdirectory.domain;

public enum HeldRemovalStatus {
    /** Waiting for an admin. */
    PENDING,
    /** An admin confirmed: the people still missing were removed. */
    CONFIRMED,
    /** An admin discarded: the people stay active. */
    DISCARDED,
    /**
     * A newer run of the partner finalized (its own view of who is missing replaces this
     * one), or the partner was disconnected. Nothing was removed by this batch.
     */
    SUPERSEDED
}
