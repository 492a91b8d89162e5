package io.partnersync.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An automation task was queued. {@code partnerId} is null when the whole integration is to
 * be synced. Keyed by integration so that syncs of one integration stay in order.
 */
public record SyncRequested(
        UUID eventId,
        Instant occurredAt,
        String workspaceId,
        UUID taskId,
        UUID integrationId,
        UUID partnerId,
        SyncTrigger trigger,
        String actor) implements PartnersyncEvent {

    @Override
    public String key() {
        return integrationId.toString();
    }

    @Override
    public String subject() {
        return taskId.toString();
    }
}
