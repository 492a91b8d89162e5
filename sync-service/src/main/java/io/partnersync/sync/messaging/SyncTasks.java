package io.partnersync.sync.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnersync.events.SyncRequested;
import io.partnersync.events.SyncTrigger;
import io.partnersync.events.outbox.Outbox;
import io.partnersync.sync.domain.ConnectedPartner;
import io.partnersync.sync.domain.Integration;
import io.partnersync.sync.domain.JobStatus;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncRefused;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.TaskOutcome;
import io.partnersync.sync.domain.TaskStatus;
import io.partnersync.sync.domain.Times;

/**
 * Queues tasks (the task and its {@code SyncRequested} commit together, through the outbox) and
 * closes them once nothing is open any more.
 */
@ApplicationScoped
public class SyncTasks {

    /** The task answered, and whether this call queued it (false: an active one covered the target). */
    public record Started(SyncTask task, boolean created) {
    }

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final SyncMetrics metrics;

    SyncTasks(Outbox outbox, EntityManager entityManager, SyncMetrics metrics) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.metrics = metrics;
    }

    /** A start asked for by a person or an API client: refused when it cannot run. */
    @Transactional
    public Started requestedBy(String workspaceId, UUID integrationId, UUID partnerId, SyncTrigger trigger,
            String actor) {
        Integration integration = Integration.findInWorkspace(integrationId, workspaceId)
                .orElseThrow(() -> new SyncRefused.UnknownIntegration(integrationId));
        if (!integration.canSync()) {
            throw new SyncRefused.IntegrationCannotSync(integration);
        }
        if (partnerId != null && ConnectedPartner.findInIntegration(partnerId, integrationId, workspaceId)
                .filter(ConnectedPartner::canSync).isEmpty()) {
            throw new SyncRefused.PartnerNotConnected(partnerId);
        }
        return start(workspaceId, integrationId, partnerId, trigger, actor);
    }

    /**
     * Queues a task unless an active one already covers the target: the same target, or for one
     * partner, the whole integration. Starts of one integration are serialized by a transaction
     * lock, and the partial unique index on active targets backs that up.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Started start(String workspaceId, UUID integrationId, UUID partnerId, SyncTrigger trigger, String actor) {
        entityManager.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) as locked")
                .setParameter(1, workspaceId + "/" + integrationId)
                .getSingleResult();
        Optional<SyncTask> covering = partnerId == null ? Optional.empty()
                : SyncTask.findActive(workspaceId, SyncTask.targetKey(integrationId, null));
        if (covering.isEmpty()) {
            covering = SyncTask.findActive(workspaceId, SyncTask.targetKey(integrationId, partnerId));
        }
        if (covering.isPresent()) {
            return new Started(covering.get(), false);
        }
        SyncTask task = SyncTask.queue(workspaceId, integrationId, partnerId, trigger, actor, Times.now());
        task.persist();
        requestRun(task);
        return new Started(task, true);
    }

    /** The worker of the task died: any replica may pick it up again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resume(SyncTask task, Instant now) {
        task.resume(now);
        requestRun(task);
    }

    /** Nobody claimed the task: its {@code SyncRequested} is sent again (the claim happens once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestAgain(SyncTask task, Instant now) {
        task.requestedAgain(now);
        requestRun(task);
    }

    /** Ends the task when every partner was read and no job is open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeIfDone(SyncTask task, Instant now) {
        List<SyncJob> jobs = SyncJob.ofTask(task.id, task.workspaceId);
        List<JobStatus> statuses = jobs.stream().map(job -> job.status).toList();
        TaskOutcome.of(task.readingDoneAt != null, statuses).ifPresent(outcome -> {
            task.finish(outcome, outcome == TaskStatus.NOT_COMPLETED ? failedJobsSummary(jobs) : null, now);
            metrics.taskFinished(task);
        });
    }

    /** No job could run: the task is FAILED with the reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fail(SyncTask task, String reason, Instant now) {
        task.fail(reason, now);
        metrics.taskFinished(task);
    }

    private void requestRun(SyncTask task) {
        outbox.write(new SyncRequested(UUID.randomUUID(), Instant.now(), task.workspaceId, task.id,
                task.integrationId, task.partnerId, task.trigger, task.actor));
    }

    private static String failedJobsSummary(List<SyncJob> jobs) {
        List<SyncJob> counted = jobs.stream().filter(job -> job.status != JobStatus.ABANDONED).toList();
        List<SyncJob> failed = counted.stream().filter(job -> job.status == JobStatus.FAILED).toList();
        return failed.size() + " of " + counted.size() + " partner syncs failed: " + failed.stream()
                .map(job -> (job.partnerName != null ? job.partnerName : job.partnerBusinessId) + " ("
                        + (job.errorReason != null ? job.errorReason : "not confirmed by the directory") + ")")
                .collect(Collectors.joining(", "));
    }
}
