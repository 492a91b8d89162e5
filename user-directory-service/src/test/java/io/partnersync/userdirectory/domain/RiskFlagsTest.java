package io.partnersync.userdirectory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.AssetType;
import io.partnersync.events.GuestUserKind;
import io.partnersync.events.ImportedGuestUser;

class RiskFlagsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void anAdminBusinessUserWithoutTwoFactorIsFlagged() {
        assertThat(flags(GuestUserKind.BUSINESS_USER, "ADMIN", "not_enabled")).containsExactly(RiskFlag.ADMIN_WITHOUT_2FA);
        assertThat(flags(GuestUserKind.BUSINESS_USER, "admin", null)).containsExactly(RiskFlag.ADMIN_WITHOUT_2FA);
        assertThat(flags(GuestUserKind.BUSINESS_USER, "ADMIN", "enabled")).isEmpty();
        assertThat(flags(GuestUserKind.BUSINESS_USER, "ADMIN", "ENABLED")).isEmpty();
        assertThat(flags(GuestUserKind.BUSINESS_USER, "EMPLOYEE", "not_enabled")).isEmpty();
    }

    @Test
    void anAdminSystemUserIsFlaggedAsSuchNotForTwoFactor() {
        assertThat(flags(GuestUserKind.SYSTEM_USER, "ADMIN", null)).containsExactly(RiskFlag.SYSTEM_USER_ADMIN);
        assertThat(flags(GuestUserKind.SYSTEM_USER, "EMPLOYEE", null)).isEmpty();
        assertThat(flags(GuestUserKind.PENDING_INVITE, "ADMIN", null)).isEmpty();
    }

    @Test
    void manageOnAnyAssetIsFullControl() {
        Person person = Person.of(new ImportedGuestUser("1", GuestUserKind.BUSINESS_USER, "A", null, "EMPLOYEE", "enabled",
                null, null, null, List.of(new AssetAccess("a", AssetType.PIXEL, null, List.of("ANALYZE")),
                        new AssetAccess("b", AssetType.CATALOG, null, List.of("MANAGE")))));
        assertThat(RiskFlags.fromData(person)).containsExactly(RiskFlag.FULL_CONTROL_ON_SHARED_ASSET);
    }

    @Test
    void anOpenInviteSentBeforeTheThresholdIsStale() {
        Instant threshold = NOW.minusSeconds(30L * 86400);
        assertThat(RiskFlags.isStaleInvite(GuestUserKind.PENDING_INVITE, PersonStatus.ACTIVE, threshold.minusSeconds(1), threshold))
                .isTrue();
        assertThat(RiskFlags.isStaleInvite(GuestUserKind.PENDING_INVITE, PersonStatus.ACTIVE, threshold, threshold)).isFalse();
        assertThat(RiskFlags.isStaleInvite(GuestUserKind.PENDING_INVITE, PersonStatus.REMOVED, threshold.minusSeconds(1), threshold))
                .isFalse();
        assertThat(RiskFlags.isStaleInvite(GuestUserKind.PENDING_INVITE, PersonStatus.ACTIVE, null, threshold)).isFalse();
        assertThat(RiskFlags.isStaleInvite(GuestUserKind.BUSINESS_USER, PersonStatus.ACTIVE, threshold.minusSeconds(1), threshold))
                .isFalse();
    }

    @Test
    void currentFlagsAddTheStaleInviteInEnumOrder() {
        assertThat(RiskFlags.current(List.of(RiskFlag.SYSTEM_USER_ADMIN), true))
                .containsExactly(RiskFlag.STALE_PENDING_INVITE, RiskFlag.SYSTEM_USER_ADMIN);
        assertThat(RiskFlags.current(List.of(), false)).isEmpty();
    }

    private static List<RiskFlag> flags(GuestUserKind kind, String role, String twoFactor) {
        return RiskFlags.fromData(Person.of(new ImportedGuestUser("1", kind, "A", null, role, twoFactor, null, null, null,
                List.of())));
    }
}
