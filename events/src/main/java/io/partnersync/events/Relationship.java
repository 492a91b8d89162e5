package io.partnersync.events;

/** How a partner business relates to the customer's business in Meta Business Manager. */
public enum Relationship {
    /** The partner reaches assets the customer shares with it (Graph {@code /agencies}). */
    AGENCY,
    /** The customer reaches assets the partner shares with it (Graph {@code /clients}). */
    CLIENT
}
