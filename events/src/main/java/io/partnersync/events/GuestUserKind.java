package io.partnersync.events;

/** The kinds of people (and machines) in a partner business who can reach shared assets. */
public enum GuestUserKind {
    BUSINESS_USER,
    SYSTEM_USER,
    PENDING_INVITE
}
