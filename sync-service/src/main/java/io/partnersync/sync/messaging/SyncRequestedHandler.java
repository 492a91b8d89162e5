package io.partnersync.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnersync.events.SyncRequested;
import io.partnersync.events.Topics;
import io.partnersync.events.consumer.ProcessedEvents;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.Times;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/**
 * Any replica may run a queued task: the one whose consumer gets its {@code SyncRequested}
 * claims it (QUEUED -> RUNNING, once, however often the event is delivered) and hands it to
 * its worker pool, so the consumer is free again at once.
 */
@ApplicationScoped
public class SyncRequestedHandler {

    private final ProcessedEvents processedEvents;
    private final SyncWorkers workers;

    SyncRequestedHandler(ProcessedEvents processedEvents, SyncWorkers workers) {
        this.processedEvents = processedEvents;
        this.workers = workers;
    }

    @Incoming(Topics.SYNC_REQUESTED)
    @Blocking
    public void onSyncRequested(SyncRequested event) {
        Integer claimedAttempt = QuarkusTransaction.requiringNew().call(() -> {
            if (!processedEvents.firstDelivery("run-sync", event)) {
                return null;
            }
            return SyncTask.lockInWorkspace(event.taskId(), event.workspaceId())
                    .filter(task -> task.claim(workers.workerId(), Times.now()))
                    .map(task -> task.attempt)
                    .orElse(null);
        });
        if (claimedAttempt != null) {
            workers.submit(event.taskId(), event.workspaceId(), claimedAttempt);
        }
    }
}
