package io.partnersync.events.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event waiting in the outbox (or already sent) exactly as it goes on the wire. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Publication order, assigned by the database on insert. */
    @Column(insertable = false, updatable = false)
    public Long position;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "event_type")
    public String eventType;

    public String source;

    public String subject;

    @Column(name = "workspace_id")
    public String workspaceId;

    public String payload;

    /** The trace of the change that wrote the event, so consumers continue it. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /**
     * The next events to send, in publication order: among the first {@code scan} pending
     * events, the oldest of each key (topic and record key), at most {@code limit}. Only the
     * chosen rows are loaded; the others' payloads (a chunk of people is large) stay in the
     * database until their turn.
     */
    @SuppressWarnings("unchecked")
    static List<OutboxEvent> oldestPendingPerKey(int scan, int limit) {
        return getEntityManager().createNativeQuery("""
                select o.* from outbox_event o
                where o.id in (
                    select distinct on (p.topic, p.record_key) p.id
                    from (select id, topic, record_key, position from outbox_event
                          where sent_at is null order by position limit ?1) p
                    order by p.topic, p.record_key, p.position)
                order by o.position
                limit ?2""", OutboxEvent.class)
                .setParameter(1, scan)
                .setParameter(2, limit)
                .getResultList();
    }
}
