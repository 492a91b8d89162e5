package io.partnersync.sync.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.opentelemetry.context.Context;
import io.partnersync.sync.config.SyncConfig;
import io.partnersync.sync.domain.Times;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * This replica's workers: a bounded pool, so a Kafka consumer hands a claimed task over in
 * milliseconds and is never held for the minutes a sync takes. Every task claimed here, running
 * or waiting for a free worker, is heartbeated by one timer; a task whose heartbeat finds it
 * owned by someone else (the reaper resumed it elsewhere) is cancelled here.
 */
@ApplicationScoped
public class SyncWorkers {

    private static final Logger LOG = Logger.getLogger(SyncWorkers.class);

    private final String workerId = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<UUID, Future<?>> owned = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final SyncRun run;
    private final EntityManager entityManager;

    SyncWorkers(SyncConfig config, SyncRun run, EntityManager entityManager) {
        this.run = run;
        this.entityManager = entityManager;
        AtomicInteger threads = new AtomicInteger();
        // A task runs in the trace of the SyncRequested that started it, so the events it
        // publishes (and everything downstream) carry that trace too.
        this.pool = Context.taskWrapping(Executors.newFixedThreadPool(config.workerPoolSize(), runnable -> {
            Thread thread = new Thread(runnable, "sync-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Names this replica in the tasks it claims. */
    public String workerId() {
        return workerId;
    }

    /** Runs a task this replica claimed. */
    void submit(UUID taskId, String workspaceId, int attempt) {
        FutureTask<Void> work = new FutureTask<>(() -> run.run(new SyncRun.Claim(taskId, workspaceId, workerId, attempt)), null);
        owned.put(taskId, work);
        pool.execute(() -> {
            try {
                work.run();
            } finally {
                owned.remove(taskId, work);
            }
        });
    }

    @Scheduled(every = "${partnersync.sync.heartbeat-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeat() {
        Set<UUID> ids = Set.copyOf(owned.keySet());
        if (ids.isEmpty()) {
            return;
        }
        Instant now = Times.now();
        @SuppressWarnings("unchecked")
        List<UUID> alive = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                update sync_task set heartbeat_at = ?1
                where worker_id = ?2 and id in (?3) and status in ('RUNNING', 'RETRYING')
                returning id""", UUID.class)
                .setParameter(1, now)
                .setParameter(2, workerId)
                .setParameter(3, ids)
                .getResultList());
        List<UUID> gone = ids.stream().filter(id -> !alive.contains(id)).toList();
        if (gone.isEmpty()) {
            return;
        }
        // Most are tasks that just ended here; a task another worker holds now was taken over.
        @SuppressWarnings("unchecked")
        List<UUID> takenOver = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select id from sync_task where id in (?1) and (worker_id <> ?2 or status = 'QUEUED')", UUID.class)
                .setParameter(1, gone)
                .setParameter(2, workerId)
                .getResultList());
        for (UUID id : gone) {
            Future<?> work = owned.remove(id);
            if (work != null && work.cancel(true) && takenOver.contains(id)) {
                LOG.warnf("Task %s was resumed elsewhere; worker %s stopped working on it", id, workerId);
            }
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "sync-service";
        }
    }
}
