package io.partnersync.sync.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.partnersync.events.SyncTrigger;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.TaskStatus;

/**
 * An automation task. {@code partnerId} is null for a sync of the whole integration; {@code jobs}
 * is given when one task is read, and left out of lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(
        UUID id,
        UUID integrationId,
        UUID partnerId,
        SyncTrigger trigger,
        String actor,
        TaskStatus status,
        int attempt,
        Instant createdAt,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt,
        String failureReason,
        Discovery discovery,
        List<JobView> jobs) {

    /** What discovery found and what it cost. */
    public record Discovery(Integer partnersFound, JobView.GraphTraffic graph) {
    }

    static TaskView of(SyncTask task, List<SyncJob> jobs) {
        return new TaskView(task.id, task.integrationId, task.partnerId, task.trigger, task.actor, task.status,
                task.attempt, task.createdAt, task.startedAt, task.updatedAt, task.finishedAt, task.failureReason,
                new Discovery(task.partnersDiscovered, new JobView.GraphTraffic(task.discoveryGraphCalls,
                        task.discoveryGraphRequests, task.discoveryThrottledWaits)),
                jobs == null ? null : jobs.stream().map(JobView::of).toList());
    }
}
