package io.partnersync.events;

import java.time.Instant;
import java.util.UUID;

/** A partner was connected with a validated token and is now onboarded. */
public record PartnerConnected(
        UUID eventId,
        Instant occurredAt,
        String workspaceId,
        UUID integrationId,
        UUID partnerId,
        String partnerBusinessId,
        String partnerName,
        Relationship relationship,
        String tokenRef,
        String connectedBy) implements PartnersyncEvent {

    @Override
    public String key() {
        return partnerId.toString();
    }
}
