package io.partnersync.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.Topics;
import io.partnersync.events.consumer.ProcessedEvents;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.Times;

/** The directory applied every chunk of a job: the job completes with its counts, maybe the task too. */
@ApplicationScoped
public class GuestUsersAppliedHandler {

    private static final Logger LOG = Logger.getLogger(GuestUsersAppliedHandler.class);

    private final ProcessedEvents processedEvents;
    private final SyncTasks tasks;

    GuestUsersAppliedHandler(ProcessedEvents processedEvents, SyncTasks tasks) {
        this.processedEvents = processedEvents;
        this.tasks = tasks;
    }

    @Incoming(Topics.GUEST_USERS_APPLIED)
    @Transactional
    public void onGuestUsersApplied(GuestUsersApplied event) {
        if (!processedEvents.firstDelivery("close-job", event)) {
            return;
        }
        // The task first, as every writer of a task's outcome locks it first.
        SyncTask task = SyncTask.lockInWorkspace(event.taskId(), event.workspaceId()).orElse(null);
        SyncJob job = task == null ? null : SyncJob.lockInWorkspace(event.jobId(), event.workspaceId()).orElse(null);
        if (job == null || !job.taskId.equals(task.id)) {
            LOG.warnf("GuestUsersApplied %s names job %s of task %s, unknown here; ignored", event.eventId(),
                    event.jobId(), event.taskId());
            return;
        }
        if (!job.applied(event, Times.now())) {
            LOG.infof("Job %s is %s; the directory's late answer changes nothing", job.id, job.status);
            return;
        }
        if (task.status.isActive()) {
            tasks.closeIfDone(task, Times.now());
        }
    }
}
