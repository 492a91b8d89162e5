package io.partnersync.userdirectory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.AssetType;
import io.partnersync.events.GuestUserKind;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.userdirectory.domain.PersonDiff.Change;
import io.partnersync.userdirectory.domain.PersonDiff.Outcome;

class PersonDiffTest {

    private static final AssetAccess ACT_1 = new AssetAccess("act_1", AssetType.AD_ACCOUNT, "EU", List.of("ANALYZE"));

    @Test
    void aNewPersonIsAdded() {
        assertThat(PersonDiff.added().outcome()).isEqualTo(Outcome.ADDED);
        assertThat(PersonDiff.added().changes()).containsExactly(new Change(ChangeType.ADDED, null, null, "ACTIVE"));
    }

    @Test
    void theSamePersonListedInAnotherOrderIsUnchanged() {
        Person before = Person.of(user("EMPLOYEE", List.of(
                new AssetAccess("p1", AssetType.PAGE, "Page", List.of("MODERATE", "ANALYZE")), ACT_1)));
        Person after = Person.of(user("EMPLOYEE", List.of(ACT_1,
                new AssetAccess("p1", AssetType.PAGE, "Page", List.of("ANALYZE", "MODERATE", "ANALYZE")))));

        PersonDiff.Result result = PersonDiff.compare(before, PersonStatus.ACTIVE, after, false);

        assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(result.changes()).isEmpty();
    }

    @Test
    void eachTrackedFieldAndEachAssetLeavesItsOwnEntry() {
        Person before = Person.of(new ImportedGuestUser("1", GuestUserKind.BUSINESS_USER, "Ann", "ann@a.test", "EMPLOYEE",
                "not_enabled", "Buyer", null, null, List.of(ACT_1,
                        new AssetAccess("p1", AssetType.PAGE, "Page", List.of("MODERATE")))));
        Person after = Person.of(new ImportedGuestUser("1", GuestUserKind.BUSINESS_USER, "Ann Lee", "ann@b.test", "ADMIN",
                "enabled", "Lead", null, null, List.of(
                        new AssetAccess("act_1", AssetType.AD_ACCOUNT, "EU", List.of("ANALYZE", "MANAGE")),
                        new AssetAccess("c1", AssetType.CATALOG, "Shop", List.of("ADVERTISE")))));

        PersonDiff.Result result = PersonDiff.compare(before, PersonStatus.ACTIVE, after, false);

        assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(result.changes()).containsExactly(
                new Change(ChangeType.NAME_CHANGED, null, "Ann", "Ann Lee"),
                new Change(ChangeType.EMAIL_CHANGED, null, "ann@a.test", "ann@b.test"),
                new Change(ChangeType.TITLE_CHANGED, null, "Buyer", "Lead"),
                new Change(ChangeType.ROLE_CHANGED, null, "EMPLOYEE", "ADMIN"),
                new Change(ChangeType.TWO_FACTOR_CHANGED, null, "not_enabled", "enabled"),
                new Change(ChangeType.ASSET_TASKS_CHANGED, "act_1", List.of("ANALYZE"), List.of("ANALYZE", "MANAGE")),
                new Change(ChangeType.ASSET_ADDED, "c1", null, after.assets().get(1)),
                new Change(ChangeType.ASSET_REMOVED, "p1", before.assets().get(1), null));
    }

    @Test
    void aRenamedAssetOrAResentInviteIsAnUpdateWithoutHistory() {
        Instant invited = Instant.parse("2026-11-01T00:00:00Z");
        Person before = Person.of(new ImportedGuestUser("9", GuestUserKind.PENDING_INVITE, null, "x@a.test", "EMPLOYEE",
                null, null, invited, invited.plusSeconds(86400), List.of(ACT_1)));
        Person after = Person.of(new ImportedGuestUser("9", GuestUserKind.PENDING_INVITE, null, "x@a.test", "EMPLOYEE",
                null, null, invited.plusSeconds(3600), invited.plusSeconds(90000),
                List.of(new AssetAccess("act_1", AssetType.AD_ACCOUNT, "EU (renamed)", List.of("ANALYZE")))));

        PersonDiff.Result result = PersonDiff.compare(before, PersonStatus.ACTIVE, after, false);

        assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(result.changes()).isEmpty();
    }

    @Test
    void aRemovedPersonSeenAgainReappears() {
        Person person = Person.of(user("EMPLOYEE", List.of()));

        PersonDiff.Result result = PersonDiff.compare(person, PersonStatus.REMOVED, person, false);

        assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(result.changes()).containsExactly(new Change(ChangeType.REAPPEARED, null, "REMOVED", "ACTIVE"));
    }

    @Test
    void anAcceptedInviteRecordsTheOldAndNewIdentity() {
        Person invite = Person.of(new ImportedGuestUser("inv-1", GuestUserKind.PENDING_INVITE, null, "x@a.test", "EMPLOYEE",
                null, null, null, null, List.of()));
        Person user = Person.of(new ImportedGuestUser("42", GuestUserKind.BUSINESS_USER, "X", "x@a.test", "EMPLOYEE",
                "enabled", null, null, null, List.of()));

        PersonDiff.Result result = PersonDiff.compare(invite, PersonStatus.ACTIVE, user, true);

        assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(result.changes().get(0)).isEqualTo(new Change(ChangeType.INVITE_ACCEPTED, null,
                Map.of("metaUserId", "inv-1", "kind", "PENDING_INVITE"), Map.of("metaUserId", "42", "kind", "BUSINESS_USER")));
        assertThat(result.changes()).extracting(Change::type)
                .containsExactly(ChangeType.INVITE_ACCEPTED, ChangeType.NAME_CHANGED, ChangeType.TWO_FACTOR_CHANGED);
    }

    @Test
    void aPersonWithoutIdOrKindOrAnAssetWithoutIdIsRefused() {
        assertThatThrownBy(() -> Person.of(new ImportedGuestUser(" ", GuestUserKind.BUSINESS_USER, null, null, null, null,
                null, null, null, List.of()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Person.of(new ImportedGuestUser("1", null, null, null, null, null, null, null, null,
                List.of()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Person.of(user("EMPLOYEE", List.of(new AssetAccess(null, AssetType.PAGE, "x", List.of())))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ImportedGuestUser user(String role, List<AssetAccess> assets) {
        return new ImportedGuestUser("1", GuestUserKind.BUSINESS_USER, "Ann", "ann@a.test", role, "enabled", null, null,
                null, assets);
    }
}
