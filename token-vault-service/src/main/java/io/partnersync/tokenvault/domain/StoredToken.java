package io.partnersync.tokenvault.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnersync.events.TokenOwnerKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What is known about a stored token: never the token itself, only its fingerprint and what
 * Meta said about it. The secret lives in the token store under {@link #tokenRef} (and, in
 * Vault, {@link #secretVersion} of the owner's path).
 */
@Entity
@Table(name = "token")
public class StoredToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_ref")
    public String tokenRef;

    @Column(name = "workspace_id")
    public String workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind")
    public TokenOwnerKind ownerKind;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "business_id")
    public String businessId;

    @Column(name = "business_name")
    public String businessName;

    @Enumerated(EnumType.STRING)
    public TokenStatus status;

    @Column(name = "fingerprint_last4")
    public String fingerprintLast4;

    @Column(name = "fingerprint_sha256_prefix")
    public String fingerprintSha256Prefix;

    @Column(name = "system_user_id")
    public String systemUserId;

    @Column(name = "system_user_name")
    public String systemUserName;

    @Column(name = "app_id")
    public String appId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> scopes;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> warnings;

    /** The Vault KV version holding the secret; null in the embedded store. */
    @Column(name = "secret_version")
    public Integer secretVersion;

    @Column(name = "stored_by")
    public String storedBy;

    @Column(name = "stored_at")
    public Instant storedAt;

    @Column(name = "last_validated_at")
    public Instant lastValidatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_validation_outcome")
    public ValidationOutcome lastValidationOutcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_validation_failures")
    public List<CheckFailure> lastValidationFailures;

    /** The token that replaced this one (ROTATED). */
    @Column(name = "replaced_by")
    public String replacedBy;

    @Column(name = "destroyed_at")
    public Instant destroyedAt;

    /** When the secret was confirmed gone from the store; null while a destroy is pending. */
    @Column(name = "secret_purged_at")
    public Instant secretPurgedAt;

    public enum ValidationOutcome {
        VALID, REFUSED
    }

    public static StoredToken create(String tokenRef, TokenSubmission submission, ValidatedToken validated,
            Integer secretVersion, String storedBy) {
        StoredToken token = new StoredToken();
        token.tokenRef = tokenRef;
        token.workspaceId = submission.workspaceId();
        token.ownerKind = submission.ownerKind();
        token.ownerId = submission.ownerId();
        token.businessId = validated.businessId();
        token.businessName = validated.businessName();
        token.status = TokenStatus.ACTIVE;
        token.fingerprintLast4 = validated.fingerprint().last4();
        token.fingerprintSha256Prefix = validated.fingerprint().sha256Prefix();
        token.systemUserId = validated.systemUserId();
        token.systemUserName = validated.systemUserName();
        token.appId = validated.appId();
        token.scopes = validated.scopes();
        token.expiresAt = validated.expiresAt();
        token.warnings = validated.warnings();
        token.secretVersion = secretVersion;
        token.storedBy = storedBy;
        token.storedAt = Instant.now();
        token.lastValidatedAt = validated.validatedAt();
        token.lastValidationOutcome = ValidationOutcome.VALID;
        token.lastValidationFailures = List.of();
        return token;
    }

    public static Optional<StoredToken> find(String workspaceId, String tokenRef) {
        return find("workspaceId = ?1 and tokenRef = ?2", workspaceId, tokenRef).firstResultOptional();
    }

    /** Internal callers address a token by its reference alone; the reference is an unguessable id. */
    public static Optional<StoredToken> findByRef(String tokenRef) {
        return findByIdOptional(tokenRef);
    }

    public static Optional<StoredToken> findForUpdate(String workspaceId, String tokenRef) {
        return find("workspaceId = ?1 and tokenRef = ?2", workspaceId, tokenRef)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<StoredToken> activeOf(TokenOwner owner) {
        return find("workspaceId = ?1 and ownerKind = ?2 and ownerId = ?3 and status = ?4", owner.workspaceId(),
                owner.kind(), owner.ownerId(), TokenStatus.ACTIVE).firstResultOptional();
    }

    /** Every token the owner ever had, oldest first: its fingerprint history. */
    public static List<StoredToken> historyOf(TokenOwner owner) {
        return list("workspaceId = ?1 and ownerKind = ?2 and ownerId = ?3 order by storedAt, tokenRef",
                owner.workspaceId(), owner.kind(), owner.ownerId());
    }

    public TokenOwner owner() {
        return new TokenOwner(workspaceId, ownerKind, ownerId);
    }

    public Fingerprint fingerprint() {
        return new Fingerprint(fingerprintLast4, fingerprintSha256Prefix);
    }

    public boolean active() {
        return status == TokenStatus.ACTIVE;
    }

    /** A newer token of the same owner takes over; this one's secret goes. */
    public void rotateTo(String newTokenRef) {
        requireActive(TokenStatus.ROTATED);
        status = TokenStatus.ROTATED;
        replacedBy = newTokenRef;
        destroyedAt = Instant.now();
    }

    public void destroy() {
        requireActive(TokenStatus.DESTROYED);
        status = TokenStatus.DESTROYED;
        destroyedAt = Instant.now();
    }

    /** Meta reported it invalid on a later check. */
    public void invalidate(List<CheckFailure> failures) {
        requireActive(TokenStatus.INVALID);
        recordRefusal(failures);
        status = TokenStatus.INVALID;
        destroyedAt = Instant.now();
    }

    public void recordValid(ValidatedToken validated) {
        lastValidatedAt = validated.validatedAt();
        lastValidationOutcome = ValidationOutcome.VALID;
        lastValidationFailures = List.of();
        scopes = validated.scopes();
        expiresAt = validated.expiresAt();
        warnings = validated.warnings();
    }

    public void recordRefusal(List<CheckFailure> failures) {
        lastValidatedAt = Instant.now();
        lastValidationOutcome = ValidationOutcome.REFUSED;
        lastValidationFailures = List.copyOf(failures);
    }

    private void requireActive(TokenStatus target) {
        if (status != TokenStatus.ACTIVE) {
            throw new IllegalStateException("Token " + tokenRef + " is " + status + " and cannot become " + target);
        }
    }
}
