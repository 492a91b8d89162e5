package io.partnersync.userdirectory.domain;

public enum SyncRunStatus {
    /** Chunks are arriving; people are upserted as each chunk arrives. */
    APPLYING,
    /** Every chunk arrived; removals were made or held and GuestUsersApplied was written. */
    FINALIZED
}
