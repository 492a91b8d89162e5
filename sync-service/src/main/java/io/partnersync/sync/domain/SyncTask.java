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

import io.partnersync.events.SyncTrigger;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * An automation task: one sync of an integration (discovery and every connected partner) or of
 * one partner. Its transitions are the only way its status changes.
 */
@Entity
@Table(name = "sync_task")
public class SyncTask extends PanacheEntityBase {

    @Id
    public UUID id;
    public String workspaceId;
    public UUID integrationId;
    public UUID partnerId;
    public String targetKey;
    @Enumerated(EnumType.STRING)
    public SyncTrigger trigger;
    public String actor;
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    public int attempt;
    public Instant createdAt;
    public Instant startedAt;
    public Instant updatedAt;
    public Instant finishedAt;
    public Instant heartbeatAt;
    public String workerId;
    public Instant readingDoneAt;
    public String failureReason;
    public Integer partnersDiscovered;
    public int discoveryGraphCalls;
    public int discoveryGraphRequests;
    public int discoveryThrottledWaits;

    public static SyncTask queue(String workspaceId, UUID integrationId, UUID partnerId, SyncTrigger trigger,
            String actor, Instant now) {
        SyncTask task = new SyncTask();
        task.id = UUID.randomUUID();
        task.workspaceId = workspaceId;
        task.integrationId = integrationId;
        task.partnerId = partnerId;
        task.targetKey = targetKey(integrationId, partnerId);
        task.trigger = trigger;
        task.actor = actor;
        task.status = TaskStatus.QUEUED;
        task.attempt = 1;
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }

    /** What one active task covers: a whole integration, or one partner of it. */
    public static String targetKey(UUID integrationId, UUID partnerId) {
        return partnerId == null ? integrationId.toString() : integrationId + "/" + partnerId;
    }

    public static Optional<SyncTask> findInWorkspace(UUID id, String workspaceId) {
        return find("id = ?1 and workspaceId = ?2", id, workspaceId).firstResultOptional();
    }

    /** The row locked until the transaction ends: transitions of one task never interleave. */
    public static Optional<SyncTask> lockInWorkspace(UUID id, String workspaceId) {
        return find("id = ?1 and workspaceId = ?2", id, workspaceId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<SyncTask> findActive(String workspaceId, String targetKey) {
        return find("workspaceId = ?1 and targetKey = ?2 and status in ?3", workspaceId, targetKey, TaskStatus.ACTIVE)
                .firstResultOptional();
    }

    /** A position in the newest-first order of tasks: strictly older than this task. */
    public record Position(Instant createdAt, UUID id) {
    }

    /** Tasks of a workspace, newest first, optionally filtered, after {@code after} (null: from the newest). */
    public static List<SyncTask> newestFirst(String workspaceId, UUID integrationId, TaskStatus status,
            SyncTrigger trigger, Position after, int limit) {
        StringBuilder query = new StringBuilder("workspaceId = :workspace");
        Parameters parameters = Parameters.with("workspace", workspaceId);
        if (integrationId != null) {
            query.append(" and integrationId = :integration");
            parameters.and("integration", integrationId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (trigger != null) {
            query.append(" and trigger = :trigger");
            parameters.and("trigger", trigger);
        }
        if (after != null) {
            query.append(" and (createdAt < :createdAt or (createdAt = :createdAt and id < :id))");
            parameters.and("createdAt", after.createdAt()).and("id", after.id());
        }
        return find(query.toString(), Sort.descending("createdAt", "id"), parameters).page(0, limit).list();
    }

    public boolean coversWholeIntegration() {
        return partnerId == null;
    }

    /** A worker takes the queued task; false when another delivery already did. */
    public boolean claim(String worker, Instant now) {
        if (status != TaskStatus.QUEUED) {
            return false;
        }
        status = TaskStatus.RUNNING;
        workerId = worker;
        heartbeatAt = now;
        if (startedAt == null) {
            startedAt = now;
        }
        updatedAt = now;
        return true;
    }

    /** The worker waits before trying Meta again. */
    public void retrying(Instant now) {
        requireStatus(TaskStatus.RUNNING, TaskStatus.RETRYING);
        status = TaskStatus.RETRYING;
        updatedAt = now;
    }

    public void running(Instant now) {
        requireStatus(TaskStatus.RUNNING, TaskStatus.RETRYING);
        status = TaskStatus.RUNNING;
        updatedAt = now;
    }

    /** Graph usage of discovery, counted whether it succeeded or not. */
    public void countDiscoveryUsage(int graphCalls, int graphRequests, int throttledWaits, Instant now) {
        discoveryGraphCalls += graphCalls;
        discoveryGraphRequests += graphRequests;
        discoveryThrottledWaits += throttledWaits;
        updatedAt = now;
    }

    public void discovered(int partners, Instant now) {
        requireStatus(TaskStatus.RUNNING, TaskStatus.RETRYING);
        partnersDiscovered = partners;
        updatedAt = now;
    }

    /** Every partner was read; the worker lets go, the directory's answers close the jobs. */
    public void readingDone(Instant now) {
        requireStatus(TaskStatus.RUNNING, TaskStatus.RETRYING);
        status = TaskStatus.RUNNING;
        readingDoneAt = now;
        workerId = null;
        updatedAt = now;
    }

    /**
     * Nobody claimed the task (its request was lost, or no consumer could take it yet): it is
     * asked for again. No worker ran it, so this is no new attempt.
     */
    public void requestedAgain(Instant now) {
        requireStatus(TaskStatus.QUEUED);
        updatedAt = now;
    }

    /** The worker died: queue the task again for any replica, as a new attempt. */
    public void resume(Instant now) {
        requireStatus(TaskStatus.QUEUED, TaskStatus.RUNNING, TaskStatus.RETRYING);
        if (readingDoneAt != null) {
            throw new IllegalStateException("task " + id + " read every partner already; nothing to resume");
        }
        status = TaskStatus.QUEUED;
        attempt++;
        workerId = null;
        heartbeatAt = null;
        updatedAt = now;
    }

    public void finish(TaskStatus outcome, String reason, Instant now) {
        if (outcome.isActive()) {
            throw new IllegalArgumentException(outcome + " does not finish a task");
        }
        requireStatus(TaskStatus.ACTIVE.toArray(TaskStatus[]::new));
        status = outcome;
        failureReason = reason;
        workerId = null;
        finishedAt = now;
        updatedAt = now;
    }

    public void fail(String reason, Instant now) {
        finish(TaskStatus.FAILED, reason, now);
    }

    private void requireStatus(TaskStatus... allowed) {
        if (!List.of(allowed).contains(status)) {
            throw new IllegalStateException("task " + id + " is " + status + "; expected one of " + List.of(allowed));
        }
    }
}
