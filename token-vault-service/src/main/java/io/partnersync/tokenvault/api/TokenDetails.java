package io.partnersync.tokenvault.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.partnersync.tokenvault.domain.CheckFailure;
import io.partnersync.tokenvault.domain.Fingerprint;
import io.partnersync.tokenvault.domain.StoredToken;
import io.partnersync.tokenvault.domain.TokenAudit;
import io.partnersync.tokenvault.domain.TokenStatus;
import io.partnersync.tokenvault.domain.TokenVault.TokenRecord;

/** {@link TokenMetadata} plus what happened to the token and the owner's earlier tokens. */
public record TokenDetails(
        @JsonUnwrapped TokenMetadata metadata,
        Instant destroyedAt,
        String replacedBy,
        LastValidation lastValidation,
        List<AuditEntry> audit,
        List<HistoryEntry> fingerprintHistory) {

    public record LastValidation(Instant at, StoredToken.ValidationOutcome outcome, List<CheckFailure> failures) {
    }

    public record AuditEntry(Instant at, String actor, TokenAudit.AuditAction action, String outcome) {
    }

    /** One token the owner had, oldest first. */
    public record HistoryEntry(String tokenRef, Fingerprint fingerprint, TokenStatus status, Instant storedAt,
            Instant destroyedAt) {
    }

    static TokenDetails of(TokenRecord record) {
        StoredToken token = record.token();
        return new TokenDetails(TokenMetadata.of(token), token.destroyedAt, token.replacedBy,
                new LastValidation(token.lastValidatedAt, token.lastValidationOutcome, token.lastValidationFailures),
                record.audit().stream().map(a -> new AuditEntry(a.at, a.actor, a.action, a.outcome)).toList(),
                record.history().stream()
                        .map(t -> new HistoryEntry(t.tokenRef, t.fingerprint(), t.status, t.storedAt, t.destroyedAt))
                        .toList());
    }
}
