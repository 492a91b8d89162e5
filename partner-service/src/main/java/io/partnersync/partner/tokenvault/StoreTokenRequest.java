package io.partnersync.partner.tokenvault;

import java.util.UUID;

import io.partnersync.events.TokenOwnerKind;

/** The body of {@code POST /internal/tokens}. Its {@link #toString} hides the token. */
public record StoreTokenRequest(TokenOwnerKind ownerKind, String ownerId, String workspaceId, String businessId,
        String token) {

    public static StoreTokenRequest forIntegration(UUID integrationId, String workspaceId, String metaBusinessId,
            String token) {
        return new StoreTokenRequest(TokenOwnerKind.INTEGRATION, integrationId.toString(), workspaceId, metaBusinessId,
                token);
    }

    public static StoreTokenRequest forPartner(UUID partnerId, String workspaceId, String partnerBusinessId,
            String token) {
        return new StoreTokenRequest(TokenOwnerKind.PARTNER, partnerId.toString(), workspaceId, partnerBusinessId,
                token);
    }

    @Override
    public String toString() {
        return "StoreTokenRequest[ownerKind=" + ownerKind + ", ownerId=" + ownerId + ", workspaceId=" + workspaceId
                + ", businessId=" + businessId + ", token=<hidden>]";
    }
}
