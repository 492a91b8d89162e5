package io.partnersync.partner.domain;

import static io.partnersync.partner.domain.PartnerStatus.ACCESS_REMOVED;
import static io.partnersync.partner.domain.PartnerStatus.DISCONNECTED;
import static io.partnersync.partner.domain.PartnerStatus.ONBOARDED;
import static io.partnersync.partner.domain.PartnerStatus.PENDING_ONBOARDING;
import static io.partnersync.partner.domain.PartnerStatus.RECONNECT_REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnersync.events.AssetType;
import io.partnersync.events.DiscoveredPartner;
import io.partnersync.events.Relationship;
import io.partnersync.events.SharedAsset;
import io.partnersync.events.SyncFailureReason;

/**
 * The whole transition table: every status against every move. {@code null} means the move
 * is refused and changes nothing.
 */
class PartnerStateMachineTest {

    private static final Map<PartnerStatus, Map<PartnerMove, PartnerStatus>> TABLE = new EnumMap<>(PartnerStatus.class);

    static {
        row(PENDING_ONBOARDING, ONBOARDED, DISCONNECTED, null, ACCESS_REMOVED, null);
        row(ONBOARDED, null, DISCONNECTED, RECONNECT_REQUIRED, ACCESS_REMOVED, null);
        row(RECONNECT_REQUIRED, ONBOARDED, DISCONNECTED, null, ACCESS_REMOVED, null);
        row(DISCONNECTED, ONBOARDED, null, null, null, null);
        // Shared again without a valid token; with one it returns to ONBOARDED (tested below).
        row(ACCESS_REMOVED, null, DISCONNECTED, null, null, PENDING_ONBOARDING);
    }

    private static void row(PartnerStatus from, PartnerStatus connect, PartnerStatus disconnect,
            PartnerStatus rejectToken, PartnerStatus removeAccess, PartnerStatus shareAgain) {
        Map<PartnerMove, PartnerStatus> row = new EnumMap<>(PartnerMove.class);
        row.put(PartnerMove.CONNECT, connect);
        row.put(PartnerMove.DISCONNECT, disconnect);
        row.put(PartnerMove.REJECT_TOKEN, rejectToken);
        row.put(PartnerMove.REMOVE_ACCESS, removeAccess);
        row.put(PartnerMove.SHARE_AGAIN, shareAgain);
        TABLE.put(from, row);
    }

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant LATER = T0.plusSeconds(60);
    private static final ChangeCause EVENT = ChangeCause.event("partnersync.test.v1", UUID.randomUUID(), "test event");
    private static final SharedAsset AD_ACCOUNT = new SharedAsset("act_1", AssetType.AD_ACCOUNT, "Acme EU", List.of("ADVERTISE"));
    private static final DiscoveredPartner FOUND = new DiscoveredPartner("500600700", "Brightline Media",
            Relationship.AGENCY, "verified", List.of(AD_ACCOUNT));

    static Stream<Arguments> everyStatusAndMove() {
        return Arrays.stream(PartnerStatus.values()).flatMap(status -> Arrays.stream(PartnerMove.values())
                .map(move -> Arguments.of(status, move, TABLE.get(status).get(move))));
    }

    @Test
    void theTableNamesEveryStatusAndMove() {
        assertThat(TABLE).containsOnlyKeys(PartnerStatus.values());
        TABLE.values().forEach(row -> assertThat(row).containsOnlyKeys(PartnerMove.values()));
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("everyStatusAndMove")
    void movesFollowTheTransitionTable(PartnerStatus from, PartnerMove move, PartnerStatus expected) {
        Partner partner = partnerIn(from);

        if (expected == null) {
            assertThatThrownBy(() -> apply(partner, move))
                    .isInstanceOfSatisfying(IllegalPartnerMove.class, refused -> {
                        assertThat(refused.status()).isEqualTo(from);
                        assertThat(refused.move()).isEqualTo(move);
                        assertThat(refused.getMessage()).contains(from.name());
                    });
            assertThat(partner.status()).isEqualTo(from);
            assertThat(move.allowedFrom(from)).isFalse();
        } else {
            PartnerStatusChange change = apply(partner, move);
            assertThat(partner.status()).isEqualTo(expected);
            assertThat(change.from()).isEqualTo(from);
            assertThat(change.to()).isEqualTo(expected);
            assertThat(change.at()).isEqualTo(LATER);
            assertThat(change.partnerId()).isEqualTo(partner.id());
            assertThat(move.allowedFrom(from)).isTrue();
        }
    }

    @Test
    void aDiscoveredPartnerIsPendingOnboardingAndItsHistoryStartsThere() {
        Partner partner = discovered();

        PartnerStatusChange change = partner.discoveryChange(EVENT);

        assertThat(partner.status()).isEqualTo(PENDING_ONBOARDING);
        assertThat(change.from()).isNull();
        assertThat(change.to()).isEqualTo(PENDING_ONBOARDING);
        assertThat(change.eventId()).isEqualTo(EVENT.eventId());
        assertThat(change.byUser()).isNull();
    }

    @Test
    void connectKeepsTheTokenReferenceFingerprintAndWhoConnected() {
        Partner partner = discovered();
        TokenFingerprint fingerprint = new TokenFingerprint("Zx9Q", "9f2c41d07a3b");

        PartnerStatusChange change = partner.connect("tok_1", fingerprint, "ada@acme", LATER);

        assertThat(partner.tokenRef()).isEqualTo("tok_1");
        assertThat(partner.tokenFingerprint()).isEqualTo(fingerprint);
        assertThat(partner.connectedAt()).isEqualTo(LATER);
        assertThat(partner.connectedBy()).isEqualTo("ada@acme");
        assertThat(partner.holdsValidToken()).isTrue();
        assertThat(change.byUser()).isEqualTo("ada@acme");
        assertThat(change.eventId()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = PartnerStatus.class, names = { "PENDING_ONBOARDING", "RECONNECT_REQUIRED", "DISCONNECTED" })
    void connectRefusesAPartnerThatSharesNoAssetWhateverItsStatus(PartnerStatus status) {
        Partner partner = partnerIn(status);
        partner.updateDetails(new DiscoveredPartner(FOUND.businessId(), FOUND.name(), Relationship.AGENCY, "verified",
                List.of()), LATER);

        assertThatThrownBy(() -> partner.connect("tok_new", new TokenFingerprint("abcd", "0123456789ab"), "ada", LATER))
                .isInstanceOf(PartnerSharesNoAsset.class);
        assertThatThrownBy(partner::checkConnectable).isInstanceOf(PartnerSharesNoAsset.class);
        assertThat(partner.status()).isEqualTo(status);
        assertThat(partner.tokenRef()).isNotEqualTo("tok_new");
    }

    @Test
    void disconnectForgetsTheTokenAndTheConnection() {
        Partner partner = partnerIn(ONBOARDED);

        partner.disconnect("ada@acme", LATER);

        assertThat(partner.tokenRef()).isNull();
        assertThat(partner.tokenFingerprint()).isNull();
        assertThat(partner.connectedAt()).isNull();
        assertThat(partner.connectedBy()).isNull();
        assertThat(partner.holdsValidToken()).isFalse();
    }

    @Test
    void aDisconnectedPartnerCanBeConnectedAgainWithANewToken() {
        Partner partner = partnerIn(DISCONNECTED);

        partner.connect("tok_2", new TokenFingerprint("n3w!", "aaaaaaaaaaaa"), "grace@acme", LATER);

        assertThat(partner.status()).isEqualTo(ONBOARDED);
        assertThat(partner.tokenRef()).isEqualTo("tok_2");
    }

    @Test
    void accessRemovedKeepsTheTokenAndDropsTheAssets() {
        Partner partner = partnerIn(ONBOARDED);

        partner.accessRemoved(EVENT, LATER);

        assertThat(partner.tokenRef()).isEqualTo("tok_1");
        assertThat(partner.sharedAssets()).isEmpty();
    }

    @Test
    void sharedAgainWithAStillValidTokenReturnsToOnboarded() {
        Partner partner = partnerIn(ONBOARDED);
        partner.accessRemoved(EVENT, T0);

        PartnerStatusChange change = partner.sharedAgain(FOUND, EVENT, LATER);

        assertThat(change.to()).isEqualTo(ONBOARDED);
        assertThat(partner.tokenRef()).isEqualTo("tok_1");
        assertThat(partner.sharedAssets()).containsExactly(AD_ACCOUNT);
        assertThat(change.reason()).contains("still valid");
    }

    @Test
    void sharedAgainWithARejectedTokenNeedsATokenAgain() {
        Partner partner = partnerIn(RECONNECT_REQUIRED);
        partner.accessRemoved(EVENT, T0);

        PartnerStatusChange change = partner.sharedAgain(FOUND, EVENT, LATER);

        assertThat(change.to()).isEqualTo(PENDING_ONBOARDING);
        assertThat(partner.holdsValidToken()).isFalse();
    }

    @Test
    void tokenRejectionMarksTheTokenInvalid() {
        Partner partner = partnerIn(ONBOARDED);

        PartnerStatusChange change = partner.tokenRejected(EVENT, LATER);

        assertThat(partner.holdsValidToken()).isFalse();
        assertThat(partner.tokenRef()).isEqualTo("tok_1");
        assertThat(change.eventType()).isEqualTo("partnersync.test.v1");
        assertThat(change.reason()).isEqualTo("test event");
    }

    @Test
    void anOlderSyncResultNeverReplacesANewerOne() {
        Partner partner = discovered();
        LastSync newer = LastSync.completed(LATER, UUID.randomUUID(), 1, 2, 3, 4, 0);
        LastSync older = LastSync.failed(T0, UUID.randomUUID(), SyncFailureReason.META_ERROR, 2, "x");

        partner.recordSync(newer);
        partner.recordSync(older);

        assertThat(partner.lastSync()).isEqualTo(newer);
    }

    static PartnerStatusChange apply(Partner partner, PartnerMove move) {
        return switch (move) {
            case CONNECT -> partner.connect("tok_new", new TokenFingerprint("n3w!", "bbbbbbbbbbbb"), "ada@acme", LATER);
            case DISCONNECT -> partner.disconnect("ada@acme", LATER);
            case REJECT_TOKEN -> partner.tokenRejected(EVENT, LATER);
            case REMOVE_ACCESS -> partner.accessRemoved(EVENT, LATER);
            case SHARE_AGAIN -> partner.sharedAgain(FOUND, EVENT, LATER);
        };
    }

    static Partner discovered() {
        Integration integration = Integration.connected(UUID.randomUUID(), "ws-1", "Acme", "100200300",
                "tok_integration", new TokenFingerprint("abcd", "0123456789ab"), "ada@acme", T0);
        return Partner.discovered(integration, FOUND, T0);
    }

    /** A partner brought to {@code status} by legal moves, as it would be in production. */
    static Partner partnerIn(PartnerStatus status) {
        Partner partner = discovered();
        switch (status) {
            case PENDING_ONBOARDING -> {
            }
            case ONBOARDED -> partner.connect("tok_1", new TokenFingerprint("Zx9Q", "9f2c41d07a3b"), "ada@acme", T0);
            case RECONNECT_REQUIRED -> {
                partner.connect("tok_1", new TokenFingerprint("Zx9Q", "9f2c41d07a3b"), "ada@acme", T0);
                partner.tokenRejected(EVENT, T0);
            }
            case DISCONNECTED -> partner.disconnect("ada@acme", T0);
            case ACCESS_REMOVED -> partner.accessRemoved(EVENT, T0);
        }
        assertThat(partner.status()).isEqualTo(status);
        return partner;
    }
}
