package io.partnersync.partner.support;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.partnersync.events.AssetType;
import io.partnersync.events.DiscoveredPartner;
import io.partnersync.events.GraphError;
import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.PartnerSyncFailed;
import io.partnersync.events.PartnersDiscovered;
import io.partnersync.events.Relationship;
import io.partnersync.events.SharedAsset;
import io.partnersync.events.SyncFailureReason;

/** Fresh ids, tokens and events, so that tests never see each other's data. */
public final class TestData {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private TestData() {
    }

    public static String workspace() {
        return "ws-" + UUID.randomUUID();
    }

    public static String businessId() {
        StringBuilder digits = new StringBuilder("1");
        for (int i = 0; i < 14; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    /** A token shaped like a Meta system user token, unique enough to be searched for anywhere. */
    public static String token() {
        StringBuilder token = new StringBuilder("EAAG");
        for (int i = 0; i < 60; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    public static SharedAsset adAccount(String name) {
        return new SharedAsset("act_" + businessId(), AssetType.AD_ACCOUNT, name, List.of("MANAGE", "ADVERTISE", "ANALYZE"));
    }

    public static DiscoveredPartner agency(String businessId, String name, SharedAsset... assets) {
        return new DiscoveredPartner(businessId, name, Relationship.AGENCY, "verified", List.of(assets));
    }

    public static PartnersDiscovered snapshot(String workspaceId, UUID integrationId, String customerBusinessId,
            Instant takenAt, DiscoveredPartner... partners) {
        return new PartnersDiscovered(UUID.randomUUID(), takenAt, workspaceId, integrationId, UUID.randomUUID(),
                customerBusinessId, List.of(partners));
    }

    public static PartnerSyncFailed syncFailed(String workspaceId, UUID integrationId, UUID partnerId,
            SyncFailureReason reason, Instant at) {
        GraphError error = reason == SyncFailureReason.TOKEN_INVALID
                ? new GraphError(190, 460, "Error validating access token: The session has been invalidated.", "AbCdEf")
                : new GraphError(2, null, "An unexpected error has occurred. Please retry your request later.", "GhIjKl");
        return new PartnerSyncFailed(UUID.randomUUID(), at, workspaceId, integrationId, partnerId, "0",
                UUID.randomUUID(), UUID.randomUUID(), reason, error);
    }

    public static GuestUsersApplied applied(String workspaceId, UUID integrationId, UUID partnerId, Instant at,
            int added, int updated, int removed, int unchanged) {
        return new GuestUsersApplied(UUID.randomUUID(), at, workspaceId, integrationId, partnerId, UUID.randomUUID(),
                UUID.randomUUID(), added, updated, removed, unchanged, 0);
    }
}
