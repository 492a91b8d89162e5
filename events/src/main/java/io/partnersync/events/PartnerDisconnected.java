package io.partnersync.events;

import java.time.Instant;
import java.util.UUID;

/** The customer disconnected a partner: its token must be destroyed and its people removed. */
public record PartnerDisconnected(
        UUID eventId,
        Instant occurredAt,
        String workspaceId,
        UUID integrationId,
        UUID partnerId,
        String partnerBusinessId,
        String tokenRef,
        String disconnectedBy,
        String reason) implements PartnersyncEvent {

    @Override
    public String key() {
        return partnerId.toString();
    }
}
