package io.partnersync.userdirectory.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.GuestUsersImported;
import io.partnersync.events.Topics;
import io.partnersync.events.consumer.ProcessedEvents;
import io.partnersync.events.outbox.Outbox;
import io.partnersync.userdirectory.domain.ChunkImport;
import io.partnersync.userdirectory.domain.FinishedRun;

/**
 * Applies each chunk in one transaction with its processed-event mark; the chunk that
 * completes a run also writes {@code GuestUsersApplied} to the outbox, in that transaction.
 */
@ApplicationScoped
public class GuestUsersImportedHandler {

    static final String CONSUMER = "user-directory-import";

    private final ProcessedEvents processedEvents;
    private final ChunkImport chunkImport;
    private final Outbox outbox;

    GuestUsersImportedHandler(ProcessedEvents processedEvents, ChunkImport chunkImport, Outbox outbox) {
        this.processedEvents = processedEvents;
        this.chunkImport = chunkImport;
        this.outbox = outbox;
    }

    @Incoming(Topics.GUEST_USERS_IMPORTED)
    @Transactional
    public void onChunk(GuestUsersImported chunk) {
        if (!processedEvents.firstDelivery(CONSUMER, chunk)) {
            return;
        }
        chunkImport.apply(chunk).ifPresent(run -> outbox.write(applied(run)));
    }

    private static GuestUsersApplied applied(FinishedRun run) {
        return new GuestUsersApplied(UUID.randomUUID(), Instant.now(), run.workspaceId(), run.integrationId(),
                run.partnerId(), run.taskId(), run.jobId(), run.added(), run.updated(), run.removed(), run.unchanged(),
                run.removalsHeld());
    }
}
