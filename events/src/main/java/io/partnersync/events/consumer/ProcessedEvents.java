package io.partnersync.events.consumer;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.partnersync.events.PartnersyncEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The idempotent-consumer guard. Kafka delivers at least once; a handler calls
 * {@link #firstDelivery} in the transaction of its effect, and does nothing when it answers
 * false. The mark and the effect commit or roll back together, so a redelivered event
 * changes state exactly once.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    private final EntityManager entityManager;
    private final Duration retention;

    ProcessedEvents(EntityManager entityManager,
            @ConfigProperty(name = "partnersync.consumer.processed-retention", defaultValue = "30d") Duration retention) {
        this.entityManager = entityManager;
        this.retention = retention;
    }

    /**
     * Marks the event processed by {@code consumer}; answers false when it already was.
     * A concurrent delivery of the same event waits here until the first one commits. Every
     * handler starts here, so this also names the event's ids in the {@link LogContext}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, PartnersyncEvent event) {
        LogContext.of(event);
        int inserted = entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.eventId())
                .setParameter(3, Instant.now())
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("%s already processed event %s, skipping the redelivery", consumer, event.eventId());
        }
        return inserted == 1;
    }

    /** Marks are kept longer than Kafka keeps records, so no redelivery can outlive them. */
    @Scheduled(every = "1h", delayed = "1m")
    void forgetOldMarks() {
        Instant before = Instant.now().minus(retention);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from processed_event where processed_at < ?1")
                .setParameter(1, before)
                .executeUpdate());
    }
}
