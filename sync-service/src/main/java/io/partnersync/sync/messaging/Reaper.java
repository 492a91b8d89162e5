package io.partnersync.sync.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.partnersync.sync.config.SyncConfig;
import io.partnersync.sync.domain.JobStatus;
import io.partnersync.sync.domain.Staging;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.TaskStatus;
import io.partnersync.sync.domain.Times;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * No task stays active forever. Every replica runs this; each stale task is handled by exactly
 * one of them ({@code for update skip locked}):
 * <ul>
 * <li>RUNNING or RETRYING without a heartbeat for {@code stale-after} (its worker died): resumed
 * as a new attempt through the outbox; its running jobs are abandoned, to be read again under new
 * jobs. After {@code max-attempts}, FAILED with the reason.</li>
 * <li>QUEUED that long without being claimed (its {@code SyncRequested} was lost, or no consumer
 * holds its partition yet): its {@code SyncRequested} is sent again, as the same attempt.</li>
 * <li>Every partner read, but the directory silent for {@code apply-timeout}: the waiting jobs
 * FAILED, the task closed.</li>
 * </ul>
 */
@ApplicationScoped
public class Reaper {

    private static final Logger LOG = Logger.getLogger(Reaper.class);
    private static final int BATCH = 100;

    private final SyncConfig config;
    private final SyncTasks tasks;
    private final Staging staging;
    private final EntityManager entityManager;

    Reaper(SyncConfig config, SyncTasks tasks, Staging staging, EntityManager entityManager) {
        this.config = config;
        this.tasks = tasks;
        this.staging = staging;
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${partnersync.sync.reaper-interval}", delayed = "${partnersync.sync.reaper-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reap() {
        try {
            QuarkusTransaction.requiringNew().run(this::resumeStaleTasks);
            QuarkusTransaction.requiringNew().run(this::closeTasksTheDirectoryLeftWaiting);
            staging.clearEnded();
        } catch (RuntimeException e) {
            LOG.warn("Reaper run failed; the next one tries again", e);
        }
    }

    /** Public for tests that cannot wait for the timer. */
    public void resumeStaleTasks() {
        Instant now = Times.now();
        Instant cut = now.minus(config.staleAfter());
        @SuppressWarnings("unchecked")
        List<SyncTask> stale = entityManager.createNativeQuery("""
                select * from sync_task
                where reading_done_at is null
                  and ((status in ('RUNNING', 'RETRYING') and heartbeat_at < ?1) or (status = 'QUEUED' and updated_at < ?1))
                order by updated_at limit ?2
                for update skip locked""", SyncTask.class)
                .setParameter(1, cut)
                .setParameter(2, BATCH)
                .getResultList();
        for (SyncTask task : stale) {
            if (task.status == TaskStatus.QUEUED) {
                // After a crash the consumer group may take a while to hand the partition on;
                // waiting for it is no failed attempt.
                LOG.warnf("Task %s: no worker claimed it since %s; requesting it again", task.id, task.updatedAt);
                tasks.requestAgain(task, now);
                continue;
            }
            String lost = "worker " + task.workerId + " sent no heartbeat since " + task.heartbeatAt;
            SyncJob.ofTask(task.id, task.workspaceId).stream().filter(job -> job.status == JobStatus.RUNNING)
                    .forEach(job -> job.abandon("Abandoned: " + lost + ".", now));
            if (task.attempt >= config.maxAttempts()) {
                LOG.warnf("Task %s: %s; attempt %d was the last", task.id, lost, task.attempt);
                tasks.fail(task, "Gave up after " + task.attempt + " attempts: " + lost + ".", now);
            } else {
                LOG.warnf("Task %s: %s; resuming as attempt %d", task.id, lost, task.attempt + 1);
                tasks.resume(task, now);
            }
        }
    }

    public void closeTasksTheDirectoryLeftWaiting() {
        Instant now = Times.now();
        @SuppressWarnings("unchecked")
        List<SyncTask> waiting = entityManager.createNativeQuery("""
                select * from sync_task
                where reading_done_at < ?1 and status in ('RUNNING', 'RETRYING')
                order by reading_done_at limit ?2
                for update skip locked""", SyncTask.class)
                .setParameter(1, now.minus(config.applyTimeout()))
                .setParameter(2, BATCH)
                .getResultList();
        for (SyncTask task : waiting) {
            SyncJob.ofTask(task.id, task.workspaceId).stream()
                    .filter(job -> job.status == JobStatus.AWAITING_DIRECTORY)
                    .forEach(job -> job.fail(null, null, "user-directory-service did not confirm the import within "
                            + config.applyTimeout() + ".", now));
            tasks.closeIfDone(task, now);
            LOG.warnf("Task %s: the directory did not answer within %s; closed as %s", task.id, config.applyTimeout(),
                    task.status);
        }
    }
}
