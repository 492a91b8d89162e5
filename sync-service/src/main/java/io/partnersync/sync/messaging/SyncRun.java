package io.partnersync.sync.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.partnersync.events.DiscoveredPartner;
import io.partnersync.events.GraphError;
import io.partnersync.events.PartnerSyncFailed;
import io.partnersync.events.PartnersDiscovered;
import io.partnersync.events.Relationship;
import io.partnersync.events.SyncFailureReason;
import io.partnersync.events.consumer.LogContext;
import io.partnersync.events.outbox.Outbox;
import io.partnersync.sync.config.SyncConfig;
import io.partnersync.sync.domain.ConnectedPartner;
import io.partnersync.sync.domain.Integration;
import io.partnersync.sync.domain.JobStatus;
import io.partnersync.sync.domain.Staging;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncRefused;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.Times;
import io.partnersync.sync.meta.Discovery;
import io.partnersync.sync.meta.GraphCallListener;
import io.partnersync.sync.meta.GraphClient;
import io.partnersync.sync.meta.GraphFailure;
import io.partnersync.sync.meta.PartnerPeopleReader;
import io.partnersync.sync.vault.TokenUnavailable;
import io.partnersync.sync.vault.TokenVault;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs one claimed task on a worker thread: discovery with the integration token, then one job
 * per partner to read, each with the partner's token. Every state change is a short transaction
 * of its own that first checks the task is still this worker's; no transaction is open while
 * Meta is called. Tokens live in local variables only.
 */
@ApplicationScoped
public class SyncRun {

    private static final Logger LOG = Logger.getLogger(SyncRun.class);

    /** A task as this worker claimed it: the attempt it runs and who it is. */
    record Claim(UUID taskId, String workspaceId, String workerId, int attempt) {
    }

    /** A job's identity, as its events need it. */
    record JobRef(UUID id, String workspaceId, UUID integrationId, UUID taskId, UUID partnerId, String partnerBusinessId) {
    }

    private record PartnerToRead(UUID id, String businessId, String name, Relationship relationship, String tokenRef) {
    }

    private record Plan(String customerBusinessId, String integrationTokenRef, UUID onlyPartnerId,
            List<PartnerToRead> partners, Set<UUID> settled) {
    }

    private final TokenVault vault;
    private final GraphClient graph;
    private final Discovery discovery;
    private final PartnerPeopleReader people;
    private final SyncTasks tasks;
    private final Outbox outbox;
    private final Staging staging;
    private final SyncConfig config;
    private final SyncMetrics metrics;

    SyncRun(TokenVault vault, GraphClient graph, Discovery discovery, PartnerPeopleReader people, SyncTasks tasks,
            Outbox outbox, Staging staging, SyncConfig config, SyncMetrics metrics) {
        this.vault = vault;
        this.graph = graph;
        this.discovery = discovery;
        this.people = people;
        this.tasks = tasks;
        this.outbox = outbox;
        this.staging = staging;
        this.config = config;
        this.metrics = metrics;
    }

    void run(Claim claim) {
        LogContext.clear();
        LogContext.put("workspaceId", claim.workspaceId());
        LogContext.put("taskId", claim.taskId());
        try {
            execute(claim);
        } catch (CancellationException e) {
            LOG.infof("Task %s: worker %s stopped (%s)", claim.taskId(), claim.workerId(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Task %s: attempt %d failed on worker %s", claim.taskId(), claim.attempt(), claim.workerId());
            giveBack(claim, e);
        } finally {
            LogContext.clear();
        }
    }

    private void execute(Claim claim) {
        Plan plan = QuarkusTransaction.requiringNew().call(() -> plan(claim));
        if (plan == null) {
            return;
        }
        Progress discoveryProgress = new Progress(claim, null);
        List<DiscoveredPartner> discovered;
        try {
            String token = vault.secret(plan.integrationTokenRef());
            discovered = discovery.discover(graph.session(token, plan.customerBusinessId(), discoveryProgress),
                    plan.customerBusinessId());
        } catch (TokenUnavailable e) {
            failTask(claim, discoveryProgress, "The integration's token could not be read: " + e.getMessage(), false);
            return;
        } catch (GraphFailure e) {
            boolean tokenRejected = e.reason() == SyncFailureReason.TOKEN_INVALID;
            failTask(claim, discoveryProgress, (tokenRejected
                    ? "Meta rejected the integration's token; connect the integration again. " : "Discovery failed. ")
                    + e.getMessage(), tokenRejected);
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            SyncTask task = owned(claim);
            Instant now = Times.now();
            discoveryProgress.reportTo(task, now);
            task.discovered(discovered.size(), now);
            outbox.write(new PartnersDiscovered(UUID.randomUUID(), Instant.now(), task.workspaceId, task.integrationId,
                    task.id, plan.customerBusinessId(), discovered));
        });

        String failure = null;
        for (PartnerToRead partner : plan.partners()) {
            if (plan.settled().contains(partner.id())) {
                continue;
            }
            Optional<DiscoveredPartner> shares = discovered.stream().filter(found -> matches(found, partner)).findFirst();
            if (shares.isEmpty()) {
                LOG.infof("Task %s: partner %s (%s) shares no asset with business %s any more; not read",
                        claim.taskId(), partner.id(), partner.businessId(), plan.customerBusinessId());
                if (plan.onlyPartnerId() != null) {
                    failure = "Partner " + partner.name() + " (" + partner.businessId()
                            + ") shares no asset with the customer any more.";
                }
                continue;
            }
            runJob(claim, partner, shares.get());
        }
        String reason = failure;
        QuarkusTransaction.requiringNew().run(() -> {
            SyncTask task = owned(claim);
            Instant now = Times.now();
            if (reason != null) {
                tasks.fail(task, reason, now);
            } else {
                task.readingDone(now);
                tasks.closeIfDone(task, now);
            }
        });
    }

    /** What to read, or null when the task could not start (then it is FAILED with the reason). */
    private Plan plan(Claim claim) {
        SyncTask task = owned(claim);
        Instant now = Times.now();
        Optional<Integration> integration = Integration.findInWorkspace(task.integrationId, task.workspaceId);
        if (integration.isEmpty() || !integration.get().canSync()) {
            tasks.fail(task, integration.isEmpty() ? "sync-service knows no integration " + task.integrationId + "."
                    : new SyncRefused.IntegrationCannotSync(integration.get()).getMessage(), now);
            return null;
        }
        List<ConnectedPartner> partners = task.coversWholeIntegration()
                ? ConnectedPartner.connectedOf(task.integrationId, task.workspaceId)
                : ConnectedPartner.findInIntegration(task.partnerId, task.integrationId, task.workspaceId)
                        .filter(ConnectedPartner::canSync).map(List::of).orElse(List.of());
        if (!task.coversWholeIntegration() && partners.isEmpty()) {
            tasks.fail(task, "Partner " + task.partnerId + " is no longer connected.", now);
            return null;
        }
        Set<UUID> settled = new HashSet<>();
        for (SyncJob job : SyncJob.ofTask(task.id, task.workspaceId)) {
            if (job.status == JobStatus.RUNNING) {
                job.abandon("Its worker stopped; attempt " + task.attempt + " reads the partner again.", now);
            } else if (job.status != JobStatus.ABANDONED) {
                settled.add(job.partnerId);
            }
        }
        return new Plan(integration.get().customerBusinessId, integration.get().tokenRef, task.partnerId,
                partners.stream().map(p -> new PartnerToRead(p.id, p.businessId, p.name, p.relationship, p.tokenRef))
                        .toList(), settled);
    }

    private void runJob(Claim claim, PartnerToRead partner, DiscoveredPartner shares) {
        JobRef job = QuarkusTransaction.requiringNew().call(() -> {
            SyncTask task = owned(claim);
            SyncJob started = SyncJob.start(task, partner.id(), partner.businessId(), partner.name(), Times.now());
            started.persist();
            return new JobRef(started.id, task.workspaceId, task.integrationId, task.id, partner.id(), partner.businessId());
        });
        LogContext.put("integrationId", job.integrationId());
        LogContext.put("partnerId", job.partnerId());
        LogContext.put("jobId", job.id());
        Progress progress = new Progress(claim, job.id());
        long started = System.nanoTime();
        PeopleImport importing = new PeopleImport(job, progress, staging, outbox, config.chunkSize());
        String outcome = "READ";
        try {
            String token = vault.secret(partner.tokenRef());
            people.read(graph.session(token, partner.businessId(), progress), partner.businessId(),
                    shares.sharedAssets(), importing);
            importing.finish();
            LOG.infof("Task %s: job %s read %d people of partner %s in %d chunks", job.taskId(), job.id(),
                    importing.peopleEmitted(), partner.businessId(), importing.chunksSent());
        } catch (TokenUnavailable e) {
            outcome = SyncFailureReason.TOKEN_UNAVAILABLE.name();
            failJob(job, progress, SyncFailureReason.TOKEN_UNAVAILABLE, null, e.getMessage());
        } catch (GraphFailure e) {
            outcome = e.reason().name();
            failJob(job, progress, e.reason(), e.error(), e.getMessage());
        } finally {
            staging.clear(job.id(), job.workspaceId());
            metrics.partnerRead(Duration.ofNanos(System.nanoTime() - started), outcome, importing.peopleEmitted());
            LogContext.put("partnerId", null);
            LogContext.put("jobId", null);
        }
    }

    private void failJob(JobRef ref, Progress progress, SyncFailureReason reason, GraphError error, String message) {
        LOG.warnf("Task %s: job %s of partner %s failed (%s): %s", ref.taskId(), ref.id(), ref.partnerBusinessId(),
                reason, message);
        QuarkusTransaction.requiringNew().run(() -> {
            SyncJob job = SyncJob.lockInWorkspace(ref.id(), ref.workspaceId()).orElseThrow();
            if (!job.isRunning()) {
                throw new CancellationException("job " + job.id + " is " + job.status);
            }
            Instant now = Times.now();
            progress.reportTo(job, now);
            job.fail(reason, error, message, now);
            outbox.write(new PartnerSyncFailed(UUID.randomUUID(), Instant.now(), ref.workspaceId(), ref.integrationId(),
                    ref.partnerId(), ref.partnerBusinessId(), ref.taskId(), ref.id(), reason, error));
        });
    }

    private void failTask(Claim claim, Progress progress, String reason, boolean deactivateIntegration) {
        LOG.warnf("Task %s failed: %s", claim.taskId(), reason);
        QuarkusTransaction.requiringNew().run(() -> {
            SyncTask task = owned(claim);
            Instant now = Times.now();
            progress.reportTo(task, now);
            if (deactivateIntegration) {
                Integration.findInWorkspace(task.integrationId, task.workspaceId)
                        .ifPresent(integration -> integration.deactivate(reason, now));
            }
            tasks.fail(task, reason, now);
        });
    }

    /** An unexpected error: queue the task again while attempts remain, so no other replica waits for a timeout. */
    private void giveBack(Claim claim, RuntimeException error) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                SyncTask task = owned(claim);
                Instant now = Times.now();
                SyncJob.ofTask(task.id, task.workspaceId).stream().filter(SyncJob::isRunning)
                        .forEach(job -> job.abandon("Attempt " + task.attempt + " stopped on an internal error.", now));
                if (task.attempt < config.maxAttempts()) {
                    tasks.resume(task, now);
                } else {
                    tasks.fail(task, "Internal error on attempt " + task.attempt + " (" + error.getClass().getSimpleName()
                            + "); see the logs of " + claim.workerId() + ".", now);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Task %s: could not hand the task back (%s); the reaper will", claim.taskId(), e.toString());
        }
    }

    /** The task, locked, if this worker still owns this attempt of it; otherwise this worker must stop. */
    private static SyncTask owned(Claim claim) {
        SyncTask task = SyncTask.lockInWorkspace(claim.taskId(), claim.workspaceId())
                .orElseThrow(() -> new CancellationException("task " + claim.taskId() + " is gone"));
        if (!claim.workerId().equals(task.workerId) || task.attempt != claim.attempt() || !task.status.isActive()) {
            throw new CancellationException("task " + task.id + " is no longer this worker's");
        }
        return task;
    }

    private static boolean matches(DiscoveredPartner found, PartnerToRead partner) {
        return found.businessId().equals(partner.businessId())
                && (partner.relationship() == null || partner.relationship() == found.relationship());
    }

    /**
     * Counts a read's Graph traffic on this worker thread and reports it with the next state change;
     * shows the task RETRYING while the client waits to retry. A paced request is only measured: it is
     * no retry, and a state change per pause would cost more than the pause.
     */
    final class Progress implements GraphCallListener {

        private final Claim claim;
        private final UUID jobId;
        private int calls;
        private int requests;
        private int throttledWaits;

        Progress(Claim claim, UUID jobId) {
            this.claim = claim;
            this.jobId = jobId;
        }

        @Override
        public void requestSent(int callsInRequest) {
            calls += callsInRequest;
            requests++;
            metrics.graphRequest(jobId == null ? SyncMetrics.Phase.DISCOVERY : SyncMetrics.Phase.PEOPLE, callsInRequest);
        }

        @Override
        public void paced(Duration delay) {
            metrics.graphWait(SyncMetrics.WaitReason.PACED, delay);
        }

        @Override
        public void waiting(Duration wait, boolean throttled) {
            metrics.graphWait(throttled ? SyncMetrics.WaitReason.THROTTLED : SyncMetrics.WaitReason.BACKOFF, wait);
            if (throttled) {
                throttledWaits++;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                Instant now = Times.now();
                owned(claim).retrying(now);
                if (jobId != null) {
                    SyncJob.lockInWorkspace(jobId, claim.workspaceId()).ifPresent(job -> reportTo(job, now));
                }
            });
        }

        @Override
        public void resumed() {
            QuarkusTransaction.requiringNew().run(() -> owned(claim).running(Times.now()));
        }

        void reportTo(SyncJob job, Instant now) {
            job.countGraphUsage(calls, requests, throttledWaits, now);
            reset();
        }

        void reportTo(SyncTask task, Instant now) {
            task.countDiscoveryUsage(calls, requests, throttledWaits, now);
            reset();
        }

        private void reset() {
            calls = 0;
            requests = 0;
            throttledWaits = 0;
        }
    }
}
