package io.partnersync.sync.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.partnersync.events.SyncTrigger;
import io.partnersync.sync.domain.Integration;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * The daily sync of every active integration. Every replica's timer fires; the first to record
 * the firing time runs it, the others find the row and do nothing. An integration whose sync is
 * still active keeps that one.
 */
@ApplicationScoped
public class DailySchedule {

    private static final Logger LOG = Logger.getLogger(DailySchedule.class);
    static final String ACTOR = "schedule";

    private final SyncTasks tasks;
    private final SyncWorkers workers;
    private final EntityManager entityManager;

    DailySchedule(SyncTasks tasks, SyncWorkers workers, EntityManager entityManager) {
        this.tasks = tasks;
        this.workers = workers;
        this.entityManager = entityManager;
    }

    @Scheduled(cron = "${partnersync.sync.schedule.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void fire(ScheduledExecution execution) {
        syncEveryActiveIntegration(execution.getScheduledFireTime());
    }

    /** Answers how many tasks this call queued: 0 when another replica ran this firing. */
    @Transactional
    public int syncEveryActiveIntegration(Instant fireTime) {
        Instant firing = fireTime.truncatedTo(ChronoUnit.SECONDS);
        int claimed = entityManager.createNativeQuery("""
                insert into sync_schedule_run (fire_time, replica, started_at, tasks_queued) values (?1, ?2, ?3, 0)
                on conflict do nothing""")
                .setParameter(1, firing)
                .setParameter(2, workers.workerId())
                .setParameter(3, Instant.now())
                .executeUpdate();
        if (claimed == 0) {
            LOG.debugf("The schedule firing of %s ran on another replica", firing);
            return 0;
        }
        int queued = 0;
        for (Integration integration : Integration.active()) {
            if (integration.canSync() && tasks.start(integration.workspaceId, integration.id, null,
                    SyncTrigger.SCHEDULE, ACTOR).created()) {
                queued++;
            }
        }
        entityManager.createNativeQuery("update sync_schedule_run set tasks_queued = ?1 where fire_time = ?2")
                .setParameter(1, queued).setParameter(2, firing).executeUpdate();
        LOG.infof("Schedule firing of %s queued %d syncs", firing, queued);
        return queued;
    }
}
