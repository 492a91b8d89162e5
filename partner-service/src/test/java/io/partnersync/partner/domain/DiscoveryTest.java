package io.partnersync.partner.domain;

import static io.partnersync.partner.domain.PartnerStatus.ACCESS_REMOVED;
import static io.partnersync.partner.domain.PartnerStatus.DISCONNECTED;
import static io.partnersync.partner.domain.PartnerStatus.ONBOARDED;
import static io.partnersync.partner.domain.PartnerStatus.PENDING_ONBOARDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnersync.events.AssetType;
import io.partnersync.events.DiscoveredPartner;
import io.partnersync.events.Relationship;
import io.partnersync.events.SharedAsset;

class DiscoveryTest {

    private static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(3600);
    private static final ChangeCause CAUSE = ChangeCause.event("partnersync.partners-discovered.v1", UUID.randomUUID(), null);
    private static final SharedAsset PAGE = new SharedAsset("p1", AssetType.PAGE, "Acme page", List.of("MODERATE"));
    private static final SharedAsset PIXEL = new SharedAsset("px1", AssetType.PIXEL, "Acme pixel", List.of("ANALYZE"));

    private final Integration integration = Integration.connected(UUID.randomUUID(), "ws-1", "Acme", "100200300",
            "tok_i", new TokenFingerprint("abcd", "0123456789ab"), "ada", T1);

    @Test
    void newPartnersArePendingOnboardingWithADiscoveryRow() {
        Discovery.Outcome outcome = Discovery.apply(integration, List.of(),
                List.of(agency("111", "Brightline", PAGE), client("222", "Northwind")), CAUSE, T1);

        assertThat(outcome.discovered()).extracting(Partner::businessId).containsExactly("111", "222");
        assertThat(outcome.discovered()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(PENDING_ONBOARDING);
            assertThat(p.workspaceId()).isEqualTo("ws-1");
            assertThat(p.integrationId()).isEqualTo(integration.id());
        });
        assertThat(outcome.discovered().get(0).sharedAssets()).containsExactly(PAGE);
        assertThat(outcome.discovered().get(1).relationship()).isEqualTo(Relationship.CLIENT);
        assertThat(outcome.changes()).extracting(PartnerStatusChange::from).containsOnlyNulls();
        assertThat(outcome.changes()).extracting(PartnerStatusChange::reason).containsOnly("discovered");
    }

    @Test
    void knownPartnersGetTheirDetailsUpdatedWithoutAStatusChange() {
        Partner known = first(Discovery.apply(integration, List.of(), List.of(agency("111", "Brightline", PAGE)), CAUSE, T1));

        Discovery.Outcome outcome = Discovery.apply(integration, List.of(known),
                List.of(new DiscoveredPartner("111", "Brightline Media Ltd", Relationship.AGENCY, "not_verified",
                        List.of(PAGE, PIXEL))), CAUSE, T2);

        assertThat(outcome.discovered()).isEmpty();
        assertThat(outcome.changes()).isEmpty();
        assertThat(known.name()).isEqualTo("Brightline Media Ltd");
        assertThat(known.verificationStatus()).isEqualTo("not_verified");
        assertThat(known.sharedAssets()).containsExactly(PAGE, PIXEL);
        assertThat(known.updatedAt()).isEqualTo(T2);
    }

    @Test
    void anUnchangedPartnerIsLeftAlone() {
        Partner known = first(Discovery.apply(integration, List.of(), List.of(agency("111", "Brightline", PAGE)), CAUSE, T1));

        Discovery.apply(integration, List.of(known), List.of(agency("111", "Brightline", PAGE)), CAUSE, T2);

        assertThat(known.updatedAt()).isEqualTo(T1);
    }

    @Test
    void partnersMissingFromTheSnapshotLoseTheirAccessExceptDisconnectedOnes() {
        Discovery.Outcome first = Discovery.apply(integration, List.of(),
                List.of(agency("111", "A", PAGE), agency("222", "B", PAGE), agency("333", "C", PAGE)), CAUSE, T1);
        Partner onboarded = first.discovered().get(0);
        onboarded.connect("tok_1", new TokenFingerprint("wxyz", "aaaaaaaaaaaa"), "ada", T1);
        Partner disconnected = first.discovered().get(1);
        disconnected.disconnect("ada", T1);
        Partner pending = first.discovered().get(2);

        Discovery.Outcome outcome = Discovery.apply(integration, first.discovered(), List.of(), CAUSE, T2);

        assertThat(onboarded.status()).isEqualTo(ACCESS_REMOVED);
        assertThat(pending.status()).isEqualTo(ACCESS_REMOVED);
        assertThat(disconnected.status()).isEqualTo(DISCONNECTED);
        assertThat(List.of(onboarded, pending, disconnected)).allSatisfy(p -> assertThat(p.sharedAssets()).isEmpty());
        assertThat(outcome.changes()).extracting(PartnerStatusChange::to).containsExactly(ACCESS_REMOVED, ACCESS_REMOVED);
        assertThat(outcome.changes()).extracting(PartnerStatusChange::reason)
                .containsOnly("missing from the discovery snapshot");
    }

    @Test
    void aPartnerSharedAgainReturnsToOnboardedOnlyWithAValidToken() {
        Discovery.Outcome first = Discovery.apply(integration, List.of(),
                List.of(agency("111", "A", PAGE), agency("222", "B", PAGE)), CAUSE, T1);
        Partner withToken = first.discovered().get(0);
        withToken.connect("tok_1", new TokenFingerprint("wxyz", "aaaaaaaaaaaa"), "ada", T1);
        Partner withoutToken = first.discovered().get(1);
        Discovery.apply(integration, first.discovered(), List.of(), CAUSE, T1.plusSeconds(1));

        Discovery.Outcome outcome = Discovery.apply(integration, first.discovered(),
                List.of(agency("111", "A", PIXEL), agency("222", "B", PAGE)), CAUSE, T2);

        assertThat(withToken.status()).isEqualTo(ONBOARDED);
        assertThat(withToken.sharedAssets()).containsExactly(PIXEL);
        assertThat(withoutToken.status()).isEqualTo(PENDING_ONBOARDING);
        assertThat(outcome.changes()).extracting(PartnerStatusChange::from).containsOnly(ACCESS_REMOVED);
    }

    @Test
    void aBusinessListedTwiceIsOnePartner() {
        Discovery.Outcome outcome = Discovery.apply(integration, List.of(),
                List.of(agency("111", "A", PAGE), client("111", "A")), CAUSE, T1);

        assertThat(outcome.discovered()).hasSize(1);
        assertThat(outcome.discovered().get(0).relationship()).isEqualTo(Relationship.AGENCY);
    }

    @Test
    void aSnapshotWithAnInvalidPartnerIsRefusedAsAWholeAndChangesNothing() {
        Partner known = first(Discovery.apply(integration, List.of(), List.of(agency("111", "A", PAGE)), CAUSE, T1));
        List<Partner> knownPartners = new ArrayList<>(List.of(known));

        assertThatThrownBy(() -> Discovery.apply(integration, knownPartners,
                List.of(agency("not-digits", "X", PAGE)), CAUSE, T2)).isInstanceOf(InvalidSnapshot.class);
        assertThatThrownBy(() -> Discovery.apply(integration, knownPartners,
                List.of(new DiscoveredPartner("333", " ", Relationship.AGENCY, null, List.of())), CAUSE, T2))
                .isInstanceOf(InvalidSnapshot.class);
        assertThatThrownBy(() -> Discovery.apply(integration, knownPartners,
                List.of(new DiscoveredPartner("333", "Y", null, null, List.of())), CAUSE, T2))
                .isInstanceOf(InvalidSnapshot.class);
        assertThatThrownBy(() -> Discovery.apply(integration, knownPartners, null, CAUSE, T2))
                .isInstanceOf(InvalidSnapshot.class);
        assertThat(known.status()).isEqualTo(PENDING_ONBOARDING);
        assertThat(known.sharedAssets()).containsExactly(PAGE);
    }

    @Test
    void anOlderSnapshotThanTheNewestAppliedIsNotAccepted() {
        assertThat(integration.acceptSnapshot(T2)).isTrue();
        assertThat(integration.acceptSnapshot(T1)).isFalse();
        assertThat(integration.snapshotAt()).isEqualTo(T2);
        assertThat(integration.acceptSnapshot(T2)).isTrue();
    }

    private static Partner first(Discovery.Outcome outcome) {
        return outcome.discovered().get(0);
    }

    private static DiscoveredPartner agency(String businessId, String name, SharedAsset... assets) {
        return new DiscoveredPartner(businessId, name, Relationship.AGENCY, "verified", List.of(assets));
    }

    private static DiscoveredPartner client(String businessId, String name) {
        return new DiscoveredPartner(businessId, name, Relationship.CLIENT, "verified", List.of());
    }
}
