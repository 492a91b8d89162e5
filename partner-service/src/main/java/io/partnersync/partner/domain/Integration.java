package io.partnersync.partner.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A customer's Meta Business Center integration: its business, the reference to its token
 * in token-vault-service, the time of the newest discovery snapshot applied and the last
 * sync result of any of its partners.
 */
@Entity
@Table(name = "integration")
public class Integration extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "workspace_id")
    private String workspaceId;

    private String name;

    @Column(name = "meta_business_id")
    private String metaBusinessId;

    @Enumerated(EnumType.STRING)
    private IntegrationStatus status;

    @Column(name = "token_ref")
    private String tokenRef;

    @Embedded
    private TokenFingerprint tokenFingerprint;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    /** {@code occurredAt} of the newest discovery snapshot applied; older ones are ignored. */
    @Column(name = "snapshot_at")
    private Instant snapshotAt;

    @Embedded
    private LastSync lastSync;

    protected Integration() {
    }

    /** An integration whose token token-vault-service validated and stored under {@code tokenRef}. */
    public static Integration connected(UUID id, String workspaceId, String name, String metaBusinessId,
            String tokenRef, TokenFingerprint fingerprint, String by, Instant at) {
        Integration integration = new Integration();
        integration.id = id;
        integration.workspaceId = workspaceId;
        integration.name = name;
        integration.metaBusinessId = metaBusinessId;
        integration.status = IntegrationStatus.ACTIVE;
        integration.tokenRef = tokenRef;
        integration.tokenFingerprint = fingerprint;
        integration.createdAt = at;
        integration.createdBy = by;
        return integration;
    }

    /**
     * Answers whether a snapshot taken at {@code takenAt} is the newest seen, and if so
     * remembers it. A snapshot older than one already applied would undo newer knowledge.
     */
    public boolean acceptSnapshot(Instant takenAt) {
        if (snapshotAt != null && takenAt.isBefore(snapshotAt)) {
            return false;
        }
        snapshotAt = takenAt;
        return true;
    }

    public void recordSync(LastSync result) {
        lastSync = LastSync.newer(lastSync, result);
    }

    public static Optional<Integration> findIn(String workspaceId, UUID id) {
        return find("id = ?1 and workspaceId = ?2", id, workspaceId).firstResultOptional();
    }

    /** As {@link #findIn}, locking the row: snapshots and sync results of one integration apply one at a time. */
    public static Optional<Integration> findForUpdate(String workspaceId, UUID id) {
        return find("id = ?1 and workspaceId = ?2", id, workspaceId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public static Optional<Integration> findByBusiness(String workspaceId, String metaBusinessId) {
        return find("workspaceId = ?1 and metaBusinessId = ?2", workspaceId, metaBusinessId).firstResultOptional();
    }

    public static List<Integration> allIn(String workspaceId) {
        return list("workspaceId = ?1 order by createdAt, id", workspaceId);
    }

    public UUID id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String name() {
        return name;
    }

    public String metaBusinessId() {
        return metaBusinessId;
    }

    public IntegrationStatus status() {
        return status;
    }

    public String tokenRef() {
        return tokenRef;
    }

    public TokenFingerprint tokenFingerprint() {
        return tokenFingerprint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant snapshotAt() {
        return snapshotAt;
    }

    public LastSync lastSync() {
        return lastSync;
    }
}
