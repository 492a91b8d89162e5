package io.partnersync.events;

import java.time.Instant;
import java.util.UUID;

/** A customer connected its Meta business; its token is stored under {@code tokenRef}. */
public record IntegrationConnected(
        UUID eventId,
        Instant occurredAt,
        String workspaceId,
        UUID integrationId,
        String integrationName,
        String metaBusinessId,
        String tokenRef,
        String connectedBy) implements PartnersyncEvent {

    @Override
    public String key() {
        return integrationId.toString();
    }
}
