package io.partnersync.userdirectory.domain;

public enum RiskFlag {
    /** A business user with the ADMIN role whose two-factor authentication is not enabled. */
    ADMIN_WITHOUT_2FA,
    /** Holds the MANAGE task (full control) on at least one shared asset. */
    FULL_CONTROL_ON_SHARED_ASSET,
    /** A pending invite sent longer ago than the configured age. */
    STALE_PENDING_INVITE,
    /** A system user (a machine identity) with the ADMIN role. */
    SYSTEM_USER_ADMIN
}
