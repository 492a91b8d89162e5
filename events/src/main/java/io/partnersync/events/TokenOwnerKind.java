package io.partnersync.events;

/** Who a stored Meta token belongs to. */
public enum TokenOwnerKind {
    /** The customer's own integration token, used for discovery. */
    INTEGRATION,
    /** A partner's system user token, used to read the partner's people. */
    PARTNER
}
