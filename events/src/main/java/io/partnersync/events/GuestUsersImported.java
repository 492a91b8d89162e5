package io.partnersync.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One chunk (at most 500 people) of the people a sync job read from one partner business.
 * A job's chunks are numbered from 0; the last one says so, which tells the directory how
 * many to expect before it marks people not seen in the job as removed.
 */
public record GuestUsersImported(
        UUID eventId,
        Instant occurredAt,
        String workspaceId,
        UUID integrationId,
        UUID partnerId,
        String partnerBusinessId,
        UUID taskId,
        UUID jobId,
        int chunkIndex,
        boolean lastChunk,
        List<ImportedGuestUser> users) implements PartnersyncEvent {

    public static final int MAX_USERS_PER_CHUNK = 500;

    @Override
    public String key() {
        return partnerId.toString();
    }

    @Override
    public String subject() {
        return jobId.toString();
    }
}
