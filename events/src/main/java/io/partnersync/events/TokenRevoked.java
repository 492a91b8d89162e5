package io.partnersync.events;

import java.time.Instant;
import java.util.UUID;

/** A stored token is gone or no longer valid. {@code ownerId} is the integration or partner id. */
public record TokenRevoked(
        UUID eventId,
        Instant occurredAt,
        String workspaceId,
        String tokenRef,
        TokenOwnerKind ownerKind,
        String ownerId,
        TokenRevocationReason reason,
        String detail) implements PartnersyncEvent {

    @Override
    public String key() {
        return ownerId;
    }
}
