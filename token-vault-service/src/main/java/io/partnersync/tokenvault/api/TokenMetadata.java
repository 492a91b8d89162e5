package io.partnersync.tokenvault.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.partnersync.events.TokenOwnerKind;
import io.partnersync.tokenvault.domain.Fingerprint;
import io.partnersync.tokenvault.domain.StoredToken;
import io.partnersync.tokenvault.domain.TokenStatus;
import io.partnersync.tokenvault.domain.TokenSubmission;
import io.partnersync.tokenvault.domain.ValidatedToken;

/** What may be said about a token: never the token, only its fingerprint. */
public record TokenMetadata(
        @JsonInclude(JsonInclude.Include.NON_NULL) String tokenRef,
        TokenOwnerKind ownerKind,
        UUID ownerId,
        String workspaceId,
        String businessId,
        String businessName,
        @JsonInclude(JsonInclude.Include.NON_NULL) TokenStatus status,
        Fingerprint fingerprint,
        String systemUserId,
        String systemUserName,
        String appId,
        List<String> scopes,
        Instant expiresAt,
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant storedAt,
        Instant lastValidatedAt) {

    static TokenMetadata of(StoredToken token) {
        return new TokenMetadata(token.tokenRef, token.ownerKind, token.ownerId, token.workspaceId, token.businessId,
                token.businessName, token.status, token.fingerprint(), token.systemUserId, token.systemUserName,
                token.appId, token.scopes, token.expiresAt, token.warnings, token.storedAt, token.lastValidatedAt);
    }

    /** A dry run's answer: nothing was stored, so no reference, status or storage time. */
    static TokenMetadata of(TokenSubmission submission, ValidatedToken validated) {
        return new TokenMetadata(null, submission.ownerKind(), submission.ownerId(), submission.workspaceId(),
                validated.businessId(), validated.businessName(), null, validated.fingerprint(),
                validated.systemUserId(), validated.systemUserName(), validated.appId(), validated.scopes(),
                validated.expiresAt(), validated.warnings(), null, validated.validatedAt());
    }
}
