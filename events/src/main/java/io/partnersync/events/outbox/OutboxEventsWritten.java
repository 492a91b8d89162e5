package io.partnersync.events.outbox;

/** Fired by {@link Outbox} on every write; the relay reacts once the transaction committed. */
enum OutboxEventsWritten {
    INSTANCE
}
