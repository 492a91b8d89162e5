package io.partnersync.events;

import java.time.Instant;
import java.util.UUID;

/** The sync job of one partner failed; {@code error} is Meta's answer where there was one. */
public record PartnerSyncFailed(
        UUID eventId,
        Instant occurredAt,
        String workspaceId,
        UUID integrationId,
        UUID partnerId,
        String partnerBusinessId,
        UUID taskId,
        UUID jobId,
        SyncFailureReason reason,
        GraphError error) implements PartnersyncEvent {

    @Override
    public String key() {
        return partnerId.toString();
    }

    @Override
    public String subject() {
        return jobId.toString();
    }
}
