package io.partnersync.sync.api;

import java.time.Instant;
import java.util.UUID;

import io.partnersync.events.SyncFailureReason;
import io.partnersync.sync.domain.JobStatus;
import io.partnersync.sync.domain.SyncJob;

/** One partner's sync within a task. Counts from the directory are null until it answered. */
public record JobView(
        UUID id,
        UUID partnerId,
        String partnerBusinessId,
        String partnerName,
        int taskAttempt,
        JobStatus status,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt,
        Counts counts,
        int chunksPublished,
        GraphTraffic graph,
        JobError error) {

    public record Counts(int peopleRead, Integer added, Integer updated, Integer removed, Integer unchanged,
            Integer removalsHeld) {
    }

    /** Graph calls made (batch items count one each), the HTTP requests carrying them, throttled waits. */
    public record GraphTraffic(int calls, int requests, int throttledWaits) {
    }

    /** Why the job failed; code, subcode and fbtrace id are Meta's, where Meta answered. */
    public record JobError(SyncFailureReason reason, Integer code, Integer subcode, String message, String fbtraceId) {
    }

    static JobView of(SyncJob job) {
        JobError error = job.status == JobStatus.FAILED || job.status == JobStatus.ABANDONED
                ? new JobError(job.errorReason, job.errorCode, job.errorSubcode, job.errorMessage, job.errorFbtraceId)
                : null;
        return new JobView(job.id, job.partnerId, job.partnerBusinessId, job.partnerName, job.taskAttempt, job.status,
                job.startedAt, job.updatedAt, job.finishedAt,
                new Counts(job.peopleRead, job.added, job.updated, job.removed, job.unchanged, job.removalsHeld),
                job.chunksPublished, new GraphTraffic(job.graphCalls, job.graphRequests, job.throttledWaits), error);
    }
}
