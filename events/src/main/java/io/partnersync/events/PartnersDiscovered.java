package io.partnersync.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A full snapshot of the partners of an integration: a partner missing from it no longer
 * shares anything with the customer.
 */
public record PartnersDiscovered(
        UUID eventId,
        Instant occurredAt,
        String workspaceId,
        UUID integrationId,
        UUID taskId,
        String customerBusinessId,
        List<DiscoveredPartner> partners) implements PartnersyncEvent {

    @Override
    public String key() {
        return integrationId.toString();
    }
}
