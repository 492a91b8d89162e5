package io.partnersync.partner.domain;

/** How the last sync job of a partner ended. */
public enum SyncOutcome {
    /** The directory applied the people the job read ({@code GuestUsersApplied}). */
    COMPLETED,
    /** The job failed ({@code PartnerSyncFailed}); the reason says why. */
    FAILED
}
