package io.partnersync.sync.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.partnersync.events.GraphError;
import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.SyncFailureReason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The sync of one partner within a task: read from Meta, published in chunks, closed by the
 * directory's answer. A resumed task never continues a job: it reads the partner again under a
 * new job, so the directory, which finalizes per job, never mixes two reads.
 */
@Entity
@Table(name = "sync_job")
public class SyncJob extends PanacheEntityBase {

    private static final int MAX_MESSAGE_LENGTH = 2000;

    @Id
    public UUID id;
    public String workspaceId;
    public UUID taskId;
    public UUID partnerId;
    public String partnerBusinessId;
    public String partnerName;
    public int taskAttempt;
    @Enumerated(EnumType.STRING)
    public JobStatus status;
    public Instant startedAt;
    public Instant updatedAt;
    public Instant finishedAt;
    public int peopleRead;
    public Integer added;
    public Integer updated;
    public Integer removed;
    public Integer unchanged;
    public Integer removalsHeld;
    public int chunksPublished;
    public int graphCalls;
    public int graphRequests;
    public int throttledWaits;
    @Enumerated(EnumType.STRING)
    public SyncFailureReason errorReason;
    public Integer errorCode;
    public Integer errorSubcode;
    public String errorMessage;
    public String errorFbtraceId;

    public static SyncJob start(SyncTask task, UUID partnerId, String partnerBusinessId, String partnerName, Instant now) {
        SyncJob job = new SyncJob();
        job.id = UUID.randomUUID();
        job.workspaceId = task.workspaceId;
        job.taskId = task.id;
        job.partnerId = partnerId;
        job.partnerBusinessId = partnerBusinessId;
        job.partnerName = partnerName;
        job.taskAttempt = task.attempt;
        job.status = JobStatus.RUNNING;
        job.startedAt = now;
        job.updatedAt = now;
        return job;
    }

    public static List<SyncJob> ofTask(UUID taskId, String workspaceId) {
        return list("taskId = ?1 and workspaceId = ?2 order by startedAt, id", taskId, workspaceId);
    }

    public static Optional<SyncJob> lockInWorkspace(UUID id, String workspaceId) {
        return find("id = ?1 and workspaceId = ?2", id, workspaceId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public boolean isRunning() {
        return status == JobStatus.RUNNING;
    }

    /** Graph usage since the last report; counted whatever the job's status. */
    public void countGraphUsage(int calls, int requests, int throttled, Instant now) {
        graphCalls += calls;
        graphRequests += requests;
        throttledWaits += throttled;
        updatedAt = now;
    }

    public void chunkPublished(int people, Instant now) {
        requireStatus(JobStatus.RUNNING);
        chunksPublished++;
        peopleRead += people;
        updatedAt = now;
    }

    /** The last chunk is out. */
    public void awaitDirectory(Instant now) {
        requireStatus(JobStatus.RUNNING);
        status = JobStatus.AWAITING_DIRECTORY;
        updatedAt = now;
    }

    /** false when the job was not waiting (a late answer for a job failed or abandoned meanwhile). */
    public boolean applied(GuestUsersApplied answer, Instant now) {
        if (status != JobStatus.AWAITING_DIRECTORY) {
            return false;
        }
        added = answer.added();
        updated = answer.updated();
        removed = answer.removed();
        unchanged = answer.unchanged();
        removalsHeld = answer.removalsHeld();
        status = JobStatus.COMPLETED;
        finishedAt = now;
        updatedAt = now;
        return true;
    }

    public void fail(SyncFailureReason reason, GraphError error, String message, Instant now) {
        requireStatus(JobStatus.RUNNING, JobStatus.AWAITING_DIRECTORY);
        status = JobStatus.FAILED;
        errorReason = reason;
        if (error != null) {
            errorCode = error.code();
            errorSubcode = error.subcode();
            errorFbtraceId = error.fbtraceId();
        }
        errorMessage = truncate(message != null ? message : error != null ? error.message() : null);
        finishedAt = now;
        updatedAt = now;
    }

    /** Its worker died; a later attempt reads the partner again. */
    public void abandon(String message, Instant now) {
        requireStatus(JobStatus.RUNNING);
        status = JobStatus.ABANDONED;
        errorMessage = truncate(message);
        finishedAt = now;
        updatedAt = now;
    }

    /** The error as the events carry it, or null. */
    public GraphError graphError() {
        return errorCode == null ? null : new GraphError(errorCode, errorSubcode, errorMessage, errorFbtraceId);
    }

    private void requireStatus(JobStatus... allowed) {
        if (!List.of(allowed).contains(status)) {
            throw new IllegalStateException("job " + id + " is " + status + "; expected one of " + List.of(allowed));
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH);
    }
}
