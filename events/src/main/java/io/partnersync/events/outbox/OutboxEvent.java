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

    static List<OutboxEvent> pendingInOrder(int limit) {
        return find("sentAt is null order by position").page(0, limit).list();
    }
}
