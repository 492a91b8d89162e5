package io.partnersync.events.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Outbox lag as Prometheus sees it: how many events wait and how old the oldest is. The
 * relay refreshes the values after each poll so that a scrape never queries the database.
 */
@ApplicationScoped
public class OutboxMetrics {

    private final EntityManager entityManager;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();
    private final Counter published;
    private final Counter failed;

    OutboxMetrics(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        Gauge.builder("partnersync.outbox.pending", pending, AtomicLong::get)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("partnersync.outbox.oldest.pending.age", oldestPendingAgeSeconds, AtomicLong::get)
                .description("Age of the oldest pending outbox event")
                .baseUnit("seconds")
                .register(registry);
        published = Counter.builder("partnersync.outbox.published")
                .description("Outbox events acknowledged by Kafka").register(registry);
        failed = Counter.builder("partnersync.outbox.publish.failures")
                .description("Outbox publish attempts Kafka did not acknowledge").register(registry);
    }

    public long pending() {
        return pending.get();
    }

    public long oldestPendingAgeSeconds() {
        return oldestPendingAgeSeconds.get();
    }

    void recordPublished(int acknowledged, int notAcknowledged) {
        published.increment(acknowledged);
        failed.increment(notAcknowledged);
    }

    void refreshPending() {
        Object[] row = (Object[]) entityManager
                .createNativeQuery("select count(*), min(created_at) from outbox_event where sent_at is null")
                .getSingleResult();
        pending.set(((Number) row[0]).longValue());
        Instant oldest = (Instant) row[1];
        oldestPendingAgeSeconds.set(oldest == null ? 0 : Duration.between(oldest, Instant.now()).toSeconds());
    }
}
