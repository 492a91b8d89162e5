package io.partnersync.tokenvault.domain;

import java.util.UUID;

import io.partnersync.events.TokenOwnerKind;

/** A token handed over for an owner, with the Meta business it must belong to. */
public record TokenSubmission(TokenOwnerKind ownerKind, UUID ownerId, String workspaceId, String businessId,
        String token) {

    public TokenOwner owner() {
        return new TokenOwner(workspaceId, ownerKind, ownerId);
    }

    /** Records print every component: never the token. */
    @Override
    public String toString() {
        return "TokenSubmission[" + ownerKind + " " + ownerId + " in " + workspaceId + ", business " + businessId
                + ", token " + Fingerprint.of(token) + "]";
    }
}
