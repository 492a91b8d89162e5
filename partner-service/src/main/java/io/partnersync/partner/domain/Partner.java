package io.partnersync.partner.domain;

import static io.partnersync.partner.domain.PartnerStatus.ACCESS_REMOVED;
import static io.partnersync.partner.domain.PartnerStatus.DISCONNECTED;
import static io.partnersync.partner.domain.PartnerStatus.ONBOARDED;
import static io.partnersync.partner.domain.PartnerStatus.PENDING_ONBOARDING;
import static io.partnersync.partner.domain.PartnerStatus.RECONNECT_REQUIRED;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnersync.events.DiscoveredPartner;
import io.partnersync.events.Relationship;
import io.partnersync.events.SharedAsset;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

/**
 * A Meta Business Partner of one integration and its place in the partner state machine.
 * Status only changes through the moves below; each answers the history row to persist
 * and refuses, with {@link IllegalPartnerMove}, a move its status does not allow
 * (see {@link PartnerMove} for the table).
 * <p>
 * The token itself is never here: only token-vault-service's reference to it and its
 * fingerprint. The reference is kept while access is removed so that a partner shared
 * again with a still valid token returns straight to ONBOARDED.
 */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "workspace_id")
    private String workspaceId;

    @Column(name = "integration_id")
    private UUID integrationId;

    @Column(name = "business_id")
    private String businessId;

    private String name;

    @Enumerated(EnumType.STRING)
    private Relationship relationship;

    @Column(name = "verification_status")
    private String verificationStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "shared_assets")
    private List<SharedAsset> sharedAssets;

    @Enumerated(EnumType.STRING)
    private PartnerStatus status;

    @Column(name = "token_ref")
    private String tokenRef;

    @Embedded
    private TokenFingerprint tokenFingerprint;

    /** False once Meta rejected the token held under {@link #tokenRef}. */
    @Column(name = "token_valid")
    private boolean tokenValid;

    @Column(name = "connected_at")
    private Instant connectedAt;

    @Column(name = "connected_by")
    private String connectedBy;

    @Embedded
    private LastSync lastSync;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Partner() {
    }

    /** A partner seen for the first time, PENDING_ONBOARDING; persist it and {@link #discoveryChange}. */
    public static Partner discovered(Integration integration, DiscoveredPartner found, Instant at) {
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.workspaceId = integration.workspaceId();
        partner.integrationId = integration.id();
        partner.businessId = found.businessId();
        partner.status = PENDING_ONBOARDING;
        partner.createdAt = at;
        partner.updateDetails(found, at);
        return partner;
    }

    /** The history row of a partner's discovery: from nothing to PENDING_ONBOARDING. */
    public PartnerStatusChange discoveryChange(ChangeCause cause) {
        return new PartnerStatusChange(this, null, status, cause, createdAt);
    }

    /** Name, relationship, verification and shared assets as Meta shows them now; never a status change. */
    public void updateDetails(DiscoveredPartner found, Instant at) {
        List<SharedAsset> assets = found.sharedAssets() == null ? List.of() : List.copyOf(found.sharedAssets());
        if (Objects.equals(name, found.name()) && relationship == found.relationship()
                && Objects.equals(verificationStatus, found.verificationStatus()) && assets.equals(sharedAssets)) {
            return;
        }
        name = found.name();
        relationship = found.relationship();
        verificationStatus = found.verificationStatus();
        sharedAssets = assets;
        updatedAt = at;
    }

    /** Connects the partner with a token token-vault-service validated and stored. */
    public PartnerStatusChange connect(String tokenRef, TokenFingerprint fingerprint, String by, Instant at) {
        checkConnectable();
        this.tokenRef = tokenRef;
        this.tokenFingerprint = fingerprint;
        this.tokenValid = true;
        this.connectedAt = at;
        this.connectedBy = by;
        return moveTo(ONBOARDED, ChangeCause.user(by, "connected with a new token"), at);
    }

    /** Checks, before a token is stored for it, that the partner could be connected now. */
    public void checkConnectable() {
        refuseUnless(PartnerMove.CONNECT);
        if (sharedAssets.isEmpty()) {
            throw new PartnerSharesNoAsset(id);
        }
    }

    /** Drops the partner's token (the caller has token-vault-service destroy it) and its connection. */
    public PartnerStatusChange disconnect(String by, Instant at) {
        refuseUnless(PartnerMove.DISCONNECT);
        forgetToken();
        return moveTo(DISCONNECTED, ChangeCause.user(by, "disconnected by the customer"), at);
    }

    /** Meta rejected the partner's token during a sync: a new one is needed. */
    public PartnerStatusChange tokenRejected(ChangeCause cause, Instant at) {
        refuseUnless(PartnerMove.REJECT_TOKEN);
        tokenValid = false;
        return moveTo(RECONNECT_REQUIRED, cause, at);
    }

    /** The partner is missing from a discovery snapshot: it shares nothing with the customer any more. */
    public PartnerStatusChange accessRemoved(ChangeCause cause, Instant at) {
        refuseUnless(PartnerMove.REMOVE_ACCESS);
        sharesNothing(at);
        return moveTo(ACCESS_REMOVED, cause, at);
    }

    /**
     * The partner is in a snapshot again. It returns to ONBOARDED when it still holds a token
     * Meta has not rejected, else to PENDING_ONBOARDING.
     */
    public PartnerStatusChange sharedAgain(DiscoveredPartner found, ChangeCause cause, Instant at) {
        refuseUnless(PartnerMove.SHARE_AGAIN);
        updateDetails(found, at);
        if (holdsValidToken()) {
            return moveTo(ONBOARDED, cause.because("shared again; its token is still valid"), at);
        }
        return moveTo(PENDING_ONBOARDING, cause.because("shared again; it needs a token"), at);
    }

    /** Missing from a snapshot while disconnected: the status stays, the assets are gone. */
    public void sharesNothing(Instant at) {
        if (!sharedAssets.isEmpty()) {
            sharedAssets = List.of();
            updatedAt = at;
        }
    }

    /** Keeps the newer of the current and the reported sync result. */
    public void recordSync(LastSync result) {
        lastSync = LastSync.newer(lastSync, result);
    }

    public boolean holdsValidToken() {
        return tokenRef != null && tokenValid;
    }

    public static Optional<Partner> findIn(String workspaceId, UUID integrationId, UUID partnerId) {
        return find("id = ?1 and workspaceId = ?2 and integrationId = ?3", partnerId, workspaceId, integrationId)
                .firstResultOptional();
    }

    /** As {@link #findIn}, locking the row until the transaction ends so that moves on one partner never interleave. */
    public static Optional<Partner> findForUpdate(String workspaceId, UUID integrationId, UUID partnerId) {
        return find("id = ?1 and workspaceId = ?2 and integrationId = ?3", partnerId, workspaceId, integrationId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Every partner of an integration, locked, in a fixed order so that concurrent lockers cannot deadlock. */
    public static List<Partner> allOfForUpdate(Integration integration) {
        return find("workspaceId = ?1 and integrationId = ?2 order by id", integration.workspaceId(), integration.id())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** The partners of an integration with one of {@code statuses} (all when empty), sorted by {@code order}. */
    public static PanacheQuery<Partner> search(String workspaceId, UUID integrationId, Set<PartnerStatus> statuses,
            PartnerOrder order, boolean descending) {
        String filter = "workspaceId = :workspace and integrationId = :integration"
                + (statuses.isEmpty() ? "" : " and status in :statuses");
        Parameters parameters = Parameters.with("workspace", workspaceId).and("integration", integrationId);
        if (!statuses.isEmpty()) {
            parameters = parameters.and("statuses", statuses);
        }
        return find(filter + " order by " + order.orderBy(descending), parameters);
    }

    private void refuseUnless(PartnerMove move) {
        if (!move.allowedFrom(status)) {
            throw new IllegalPartnerMove(id, status, move);
        }
    }

    private void forgetToken() {
        tokenRef = null;
        tokenFingerprint = null;
        tokenValid = false;
        connectedAt = null;
        connectedBy = null;
    }

    private PartnerStatusChange moveTo(PartnerStatus to, ChangeCause cause, Instant at) {
        PartnerStatus from = status;
        status = to;
        updatedAt = at;
        return new PartnerStatusChange(this, from, to, cause, at);
    }

    public UUID id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public UUID integrationId() {
        return integrationId;
    }

    public String businessId() {
        return businessId;
    }

    public String name() {
        return name;
    }

    public Relationship relationship() {
        return relationship;
    }

    public String verificationStatus() {
        return verificationStatus;
    }

    public List<SharedAsset> sharedAssets() {
        return sharedAssets;
    }

    public PartnerStatus status() {
        return status;
    }

    public String tokenRef() {
        return tokenRef;
    }

    public TokenFingerprint tokenFingerprint() {
        return tokenFingerprint;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public String connectedBy() {
        return connectedBy;
    }

    public LastSync lastSync() {
        return lastSync;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
