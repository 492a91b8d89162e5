package io.partnersync.events.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes pending outbox events to Kafka as CloudEvents and marks each one sent only after
 * the broker acknowledged it. A row the broker did not take stays pending and is tried again
 * on the next poll, so events survive broker outages and service restarts.
 * <p>
 * Order per key: one relay per service database runs at a time (a PostgreSQL advisory lock
 * held for the batch), and a batch holds at most one event per key, the oldest pending one.
 * So an event is only sent once every earlier event of its key was acknowledged, whatever
 * fails or is retried in between. Events of different keys go out in parallel.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Same value in every replica of a service; only one of them relays at a time. */
    private static final long RELAY_LOCK_ID = 0x6F7574626F78L;

    private static final int MAX_ERROR_LENGTH = 1000;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxMetrics metrics;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    MutinyEmitter<String> emitter;

    /** Relay runs happen one at a time, on this thread, whoever asked for them. */
    private final ExecutorService relayThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean runQueued = new AtomicBoolean();

    /** Publishes right after a transaction that wrote events committed, instead of at the next poll. */
    void onEventsCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEventsWritten written) {
        requestRun();
    }

    /** The safety net: events of a run that failed, or written while the relay was down. */
    @Scheduled(every = "${partnersync.outbox.poll-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        requestRun();
    }

    private void requestRun() {
        // Requests arriving while a run is queued are served by that run.
        if (runQueued.compareAndSet(false, true)) {
            relayThread.execute(this::relayPending);
        }
    }

    private void relayPending() {
        runQueued.set(false);
        try {
            BatchResult batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(this::publishNextBatch);
            } while (batch.sent() > 0 && batch.allAcknowledged());
            QuarkusTransaction.requiringNew().run(metrics::refreshPending);
        } catch (RuntimeException e) {
            LOG.warn("Outbox relay run failed; the next poll tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        relayThread.shutdownNow();
    }

    @Scheduled(every = "1h", delayed = "1m")
    void deleteSentEvents() {
        Instant before = Instant.now().minus(config.retention());
        long deleted = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.delete("sentAt < ?1", before));
        LOG.debugf("Deleted %d sent outbox events older than %s", deleted, before);
    }

    /** An empty batch ends a run; so does a failure, until the next poll. */
    record BatchResult(int sent, int acknowledged) {

        static final BatchResult NOTHING = new BatchResult(0, 0);

        boolean allAcknowledged() {
            return sent == acknowledged;
        }
    }

    BatchResult publishNextBatch() {
        if (!holdsRelayLock()) {
            return BatchResult.NOTHING;
        }
        List<OutboxEvent> batch = OutboxEvent.oldestPendingPerKey(config.batchSize() * 4, config.batchSize());
        if (batch.isEmpty()) {
            return BatchResult.NOTHING;
        }
        List<Uni<Throwable>> sends = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            sends.add(emitter.sendMessage(toMessage(event))
                    .onItemOrFailure().transform((acknowledged, failure) -> failure));
        }
        List<Throwable> failures = Uni.join().all(sends).andFailFast()
                .await().atMost(config.sendTimeout());

        List<UUID> sent = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            Throwable failure = failures.get(i);
            if (failure == null) {
                sent.add(event.id);
            } else {
                event.attempts++;
                event.lastError = truncate(failure.toString());
                LOG.warnf("Outbox event %s (%s, key %s) not acknowledged, attempt %d: %s",
                        event.id, event.eventType, event.recordKey, event.attempts, event.lastError);
            }
        }
        if (!sent.isEmpty()) {
            OutboxEvent.update("sentAt = ?1 where id in ?2", Instant.now(), sent);
        }
        metrics.recordPublished(sent.size(), batch.size() - sent.size());
        return new BatchResult(batch.size(), sent.size());
    }

    private boolean holdsRelayLock() {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK_ID)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    private static Message<String> toMessage(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        if (event.traceParent != null) {
            headers.add(Outbox.TRACEPARENT, event.traceParent.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.recordKey)
                .withHeaders(headers)
                .build();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.id.toString())
                .withType(event.eventType)
                .withSource(URI.create(event.source))
                .withSubject(event.subject)
                .withTimestamp(event.createdAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        return Message.of(event.payload, Metadata.of(kafka, cloudEvent));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
