package io.partnersync.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The directory applied every chunk of a sync job. {@code removalsHeld} counts people the
 * sync safeguard kept instead of removing (0 when nothing was held).
 */
public record GuestUsersApplied(
        UUID eventId,
        Instant occurredAt,
        String workspaceId,
        UUID integrationId,
        UUID partnerId,
        UUID taskId,
        UUID jobId,
        int added,
        int updated,
        int removed,
        int unchanged,
        int removalsHeld) implements PartnersyncEvent {

    @Override
    public String key() {
        return partnerId.toString();
    }

    @Override
    public String subject() {
        return jobId.toString();
    }
}
