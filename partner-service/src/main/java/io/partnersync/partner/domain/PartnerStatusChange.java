package io.partnersync.partner.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One row of a partner's status history. {@code from} is null for the row that records the
 * partner's discovery. Written by whoever applies a move, in the move's transaction.
 */
@Entity
@Table(name = "partner_status_change")
public class PartnerStatusChange extends PanacheEntityBase {

    @Id
    private UUID id;

    /** Insertion order, assigned by the database: orders changes made in the same instant. */
    @Column(insertable = false, updatable = false)
    private Long position;

    @Column(name = "workspace_id")
    private String workspaceId;

    @Column(name = "partner_id")
    private UUID partnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private PartnerStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private PartnerStatus to;

    @Column(name = "changed_at")
    private Instant at;

    @Column(name = "changed_by")
    private String byUser;

    @Column(name = "event_type")
    private String eventType;

    @Column(name = "event_id")
    private UUID eventId;

    private String reason;

    protected PartnerStatusChange() {
    }

    PartnerStatusChange(Partner partner, PartnerStatus from, PartnerStatus to, ChangeCause cause, Instant at) {
        this.id = UUID.randomUUID();
        this.workspaceId = partner.workspaceId();
        this.partnerId = partner.id();
        this.from = from;
        this.to = to;
        this.at = at;
        this.byUser = cause.user();
        this.eventType = cause.eventType();
        this.eventId = cause.eventId();
        this.reason = cause.reason();
    }

    /** Newest first. */
    public static List<PartnerStatusChange> of(String workspaceId, UUID partnerId) {
        return list("workspaceId = ?1 and partnerId = ?2 order by position desc", workspaceId, partnerId);
    }

    public UUID id() {
        return id;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public PartnerStatus from() {
        return from;
    }

    public PartnerStatus to() {
        return to;
    }

    public Instant at() {
        return at;
    }

    public String byUser() {
        return byUser;
    }

    public String eventType() {
        return eventType;
    }

    public UUID eventId() {
        return eventId;
    }

    public String reason() {
        return reason;
    }
}
