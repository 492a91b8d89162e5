package io.partnersync.events.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.AssetType;
import io.partnersync.events.DiscoveredPartner;
import io.partnersync.events.EventType;
import io.partnersync.events.GraphError;
import io.partnersync.events.GuestUserKind;
import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.GuestUsersImported;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.events.IntegrationConnected;
import io.partnersync.events.PartnerConnected;
import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.PartnerSyncFailed;
import io.partnersync.events.PartnersDiscovered;
import io.partnersync.events.PartnersyncEvent;
import io.partnersync.events.Relationship;
import io.partnersync.events.SharedAsset;
import io.partnersync.events.SyncFailureReason;
import io.partnersync.events.SyncRequested;
import io.partnersync.events.SyncTrigger;
import io.partnersync.events.TokenOwnerKind;
import io.partnersync.events.TokenRevocationReason;
import io.partnersync.events.TokenRevoked;

/** One event of each type with every field set, and one with every optional field empty. */
final class SampleEvents {

    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30.123Z");
    private static final String WORKSPACE = "ws-acme";

    private SampleEvents() {
    }

    static PartnersyncEvent complete(EventType type) {
        return switch (type) {
            case INTEGRATION_CONNECTED -> new IntegrationConnected(id(), NOW, WORKSPACE, id(), "Acme Meta", "100000000000001",
                    "tok_8f3a", "admin@acme.test");
            case PARTNER_CONNECTED -> new PartnerConnected(id(), NOW, WORKSPACE, id(), id(), "200000000000002", "Partner Co",
                    Relationship.AGENCY, "tok_9c1d", "admin@acme.test");
            case PARTNER_DISCONNECTED -> new PartnerDisconnected(id(), NOW, WORKSPACE, id(), id(), "200000000000002",
                    "tok_9c1d", "admin@acme.test", "contract ended");
            case TOKEN_REVOKED -> new TokenRevoked(id(), NOW, WORKSPACE, "tok_9c1d", TokenOwnerKind.PARTNER,
                    id().toString(), TokenRevocationReason.DESTROYED, "partner disconnected");
            case SYNC_REQUESTED -> new SyncRequested(id(), NOW, WORKSPACE, id(), id(), id(), SyncTrigger.WEB_APP,
                    "admin@acme.test");
            case PARTNERS_DISCOVERED -> new PartnersDiscovered(id(), NOW, WORKSPACE, id(), id(), "100000000000001",
                    List.of(new DiscoveredPartner("200000000000002", "Partner Co", Relationship.AGENCY, "verified",
                            List.of(new SharedAsset("act_300000000000003", AssetType.AD_ACCOUNT, "Acme EU",
                                    List.of("ADVERTISE", "ANALYZE"))))));
            case GUEST_USERS_IMPORTED -> new GuestUsersImported(id(), NOW, WORKSPACE, id(), id(), "200000000000002", id(), id(),
                    3, true, List.of(new ImportedGuestUser("400000000000004", GuestUserKind.PENDING_INVITE, "Dana Doe",
                            "dana@partner.test", "EMPLOYEE", "not_enabled", "Media buyer", NOW, NOW.plusSeconds(86400),
                            List.of(new AssetAccess("act_300000000000003", AssetType.AD_ACCOUNT, "Acme EU",
                                    List.of("ADVERTISE"))))));
            case PARTNER_SYNC_FAILED -> new PartnerSyncFailed(id(), NOW, WORKSPACE, id(), id(), "200000000000002", id(), id(),
                    SyncFailureReason.TOKEN_INVALID, new GraphError(190, 460, "Error validating access token", "AbCdEf123"));
            case GUEST_USERS_APPLIED -> new GuestUsersApplied(id(), NOW, WORKSPACE, id(), id(), id(), id(), 3, 2, 1, 40, 0);
        };
    }

    static PartnersyncEvent withOptionalFieldsEmpty(EventType type) {
        return switch (type) {
            case PARTNER_CONNECTED -> new PartnerConnected(id(), NOW, WORKSPACE, id(), id(), "200000000000002", null,
                    Relationship.CLIENT, "tok_9c1d", "admin@acme.test");
            case PARTNER_DISCONNECTED -> new PartnerDisconnected(id(), NOW, WORKSPACE, id(), id(), "200000000000002",
                    null, "admin@acme.test", null);
            case TOKEN_REVOKED -> new TokenRevoked(id(), NOW, WORKSPACE, "tok_9c1d", TokenOwnerKind.INTEGRATION,
                    id().toString(), TokenRevocationReason.INVALID, null);
            case SYNC_REQUESTED -> new SyncRequested(id(), NOW, WORKSPACE, id(), id(), null, SyncTrigger.SCHEDULE, "scheduler");
            case PARTNERS_DISCOVERED -> new PartnersDiscovered(id(), NOW, WORKSPACE, id(), id(), "100000000000001",
                    List.of(new DiscoveredPartner("200000000000002", null, Relationship.CLIENT, null, List.of())));
            case GUEST_USERS_IMPORTED -> new GuestUsersImported(id(), NOW, WORKSPACE, id(), id(), "200000000000002", id(), id(),
                    0, false, List.of(new ImportedGuestUser("500000000000005", GuestUserKind.SYSTEM_USER, "Sync bot",
                            null, "ADMIN", null, null, null, null, List.of())));
            case PARTNER_SYNC_FAILED -> new PartnerSyncFailed(id(), NOW, WORKSPACE, id(), id(), "200000000000002", id(), id(),
                    SyncFailureReason.TOKEN_UNAVAILABLE, null);
            default -> complete(type);
        };
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
