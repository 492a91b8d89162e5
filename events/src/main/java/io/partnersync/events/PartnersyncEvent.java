package io.partnersync.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What every event carries. The event id is also the CloudEvents {@code ce_id} and the key
 * of the idempotent-consumer guard.
 */
public interface PartnersyncEvent {

    UUID eventId();

    Instant occurredAt();

    String workspaceId();

    /** The Kafka record key: the aggregate whose events must stay in order. */
    @JsonIgnore
    String key();

    /** The CloudEvents subject: what the event is about. */
    @JsonIgnore
    default String subject() {
        return key();
    }
}
