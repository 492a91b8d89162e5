package io.partnersync.userdirectory;

import static io.partnersync.userdirectory.Directory.adAccount;
import static io.partnersync.userdirectory.Directory.invite;
import static io.partnersync.userdirectory.Directory.page;
import static io.partnersync.userdirectory.Directory.systemUser;
import static io.partnersync.userdirectory.Directory.user;
import static io.partnersync.userdirectory.DirectoryApi.asViewer;
import static io.partnersync.userdirectory.DirectoryApi.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.userdirectory.Directory.Partner;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RiskFlagTest {

    @Test
    void riskFlagsAreComputedPerPersonAndFilterable() {
        Partner partner = Partner.fresh();
        Instant now = Instant.now();
        partner.sync(
                user("admin-no-2fa", "Ann Admin", "ann@agency.test", "ADMIN", "not_enabled"),
                user("admin-2fa", "Bea Admin", "bea@agency.test", "ADMIN", "enabled"),
                user("manager", "Cal Manage", "cal@agency.test", "EMPLOYEE", "enabled",
                        adAccount("act_1", "ANALYZE"), page("501", "MANAGE", "MODERATE")),
                systemUser("bot-admin", "Admin bot", "ADMIN"),
                systemUser("bot", "Reporting bot", "EMPLOYEE", adAccount("act_1", "ANALYZE")),
                invite("old-invite", "old@agency.test", "EMPLOYEE", now.minus(Duration.ofDays(45))),
                invite("new-invite", "new@agency.test", "EMPLOYEE", now.minus(Duration.ofDays(3))));

        JsonPath all = list(partner);
        assertThat(flags(all, "admin-no-2fa")).containsExactly("ADMIN_WITHOUT_2FA");
        assertThat(flags(all, "admin-2fa")).isEmpty();
        assertThat(flags(all, "manager")).containsExactly("FULL_CONTROL_ON_SHARED_ASSET");
        assertThat(flags(all, "bot-admin")).containsExactly("SYSTEM_USER_ADMIN");
        assertThat(flags(all, "bot")).isEmpty();
        assertThat(flags(all, "old-invite")).containsExactly("STALE_PENDING_INVITE");
        assertThat(flags(all, "new-invite")).isEmpty();

        assertThat(metaIds(list(partner, "riskFlag", "ADMIN_WITHOUT_2FA"))).containsExactly("admin-no-2fa");
        assertThat(metaIds(list(partner, "riskFlag", "STALE_PENDING_INVITE"))).containsExactly("old-invite");
        assertThat(metaIds(list(partner, "riskFlag", "SYSTEM_USER_ADMIN,FULL_CONTROL_ON_SHARED_ASSET")))
                .containsExactlyInAnyOrder("bot-admin", "manager");
        assertThat(metaIds(list(partner, "riskFlag", "STALE_PENDING_INVITE", "riskFlag", "ADMIN_WITHOUT_2FA")))
                .containsExactlyInAnyOrder("old-invite", "admin-no-2fa");

        JsonPath counts = asViewer(partner).queryParam("partner", partner.partnerId().toString())
                .get("/api/directory/integrations/{id}/guest-users/counts", partner.integrationId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(counts.getMap("riskFlag")).containsEntry("ADMIN_WITHOUT_2FA", 1).containsEntry("STALE_PENDING_INVITE", 1)
                .containsEntry("SYSTEM_USER_ADMIN", 1).containsEntry("FULL_CONTROL_ON_SHARED_ASSET", 1);
    }

    @Test
    void flagsFollowTheDataAndRemovedPeopleCarryNone() {
        Partner partner = Partner.fresh();
        partner.sync(user("a", "Ann", "ann@agency.test", "ADMIN", "not_enabled", page("501", "MANAGE")),
                user("b", "Ben", "ben@agency.test", "EMPLOYEE", "enabled"),
                user("c", "Cy", "cy@agency.test", "EMPLOYEE", "enabled"),
                user("d", "Di", "di@agency.test", "ADMIN", "not_enabled"),
                user("e", "Ed", "ed@agency.test", "EMPLOYEE", "enabled"));

        // Ann turns 2FA on and loses MANAGE; Di is no longer seen (1 of 5: removed, not held).
        partner.sync(user("a", "Ann", "ann@agency.test", "ADMIN", "enabled", page("501", "MODERATE")),
                user("b", "Ben", "ben@agency.test", "EMPLOYEE", "enabled"),
                user("c", "Cy", "cy@agency.test", "EMPLOYEE", "enabled"),
                user("e", "Ed", "ed@agency.test", "EMPLOYEE", "enabled"));

        JsonPath all = list(partner);
        assertThat(flags(all, "a")).isEmpty();
        assertThat(flags(all, "d")).isEmpty();
        assertThat(all.getString("items.find { it.metaUserId == 'd' }.status")).isEqualTo("REMOVED");
        assertThat(list(partner, "riskFlag", "ADMIN_WITHOUT_2FA").getList("items")).isEmpty();
    }

    private static List<String> flags(JsonPath list, String metaUserId) {
        return list.getList("items.find { it.metaUserId == '" + metaUserId + "' }.riskFlags", String.class);
    }

    private static List<String> metaIds(JsonPath list) {
        return list.getList("items.metaUserId", String.class);
    }
}
