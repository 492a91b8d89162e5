package io.partnersync.userdirectory;

import static io.partnersync.userdirectory.Directory.adAccount;
import static io.partnersync.userdirectory.Directory.page;
import static io.partnersync.userdirectory.Directory.user;
import static io.partnersync.userdirectory.DirectoryApi.asViewer;
import static io.partnersync.userdirectory.DirectoryApi.history;
import static io.partnersync.userdirectory.DirectoryApi.personId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.partnersync.events.GuestUserKind;
import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.userdirectory.Directory.Partner;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class HistoryTest {

    private static final String FEED = "/api/directory/integrations/{id}/changes";

    @Test
    void everyChangeIsRecordedWithBeforeAfterRunAndTime() {
        Partner partner = Partner.fresh();
        partner.sync(user("1", "Ada", "ada@agency.test", "EMPLOYEE", "not_enabled",
                adAccount("act_1", "ANALYZE"), adAccount("act_2", "ADVERTISE"), page("501", "MODERATE")));
        Instant beforeChange = Instant.now();

        GuestUsersApplied changed = partner.sync(new ImportedGuestUser("1", GuestUserKind.BUSINESS_USER,
                "Ada King", "ada@agency.test", "ADMIN", "enabled", "Head of paid social", null, null, List.of(
                        adAccount("act_1", "ANALYZE", "ADVERTISE"),
                        // act_2 is gone, a page is new; the tasks of page 501 are listed in another order only
                        page("501", "MODERATE"), page("502", "CREATE_CONTENT"))));

        assertThat(List.of(changed.added(), changed.updated(), changed.unchanged())).containsExactly(0, 1, 0);
        JsonPath history = history(partner, "1");
        List<Map<String, Object>> entries = history.getList("items");
        Map<String, Map<String, Object>> byChange = new HashMap<>();
        entries.forEach(entry -> byChange.put(entry.get("change") + "/" + entry.get("assetId"), entry));
        assertThat(byChange.keySet()).containsExactlyInAnyOrder("ADDED/null", "NAME_CHANGED/null", "TITLE_CHANGED/null",
                "ROLE_CHANGED/null", "TWO_FACTOR_CHANGED/null", "ASSET_TASKS_CHANGED/act_1", "ASSET_REMOVED/act_2",
                "ASSET_ADDED/502");
        assertThat(byChange.get("ROLE_CHANGED/null")).containsEntry("before", "EMPLOYEE").containsEntry("after", "ADMIN")
                .containsEntry("jobId", changed.jobId().toString()).containsEntry("personName", "Ada King");
        assertThat(byChange.get("TWO_FACTOR_CHANGED/null")).containsEntry("before", "not_enabled").containsEntry("after", "enabled");
        assertThat(byChange.get("NAME_CHANGED/null")).containsEntry("before", "Ada").containsEntry("after", "Ada King");
        assertThat(byChange.get("ASSET_TASKS_CHANGED/act_1")).containsEntry("before", List.of("ANALYZE"))
                .containsEntry("after", List.of("ADVERTISE", "ANALYZE"));
        assertThat(byChange.get("ASSET_REMOVED/act_2")).containsEntry("after", null)
                .containsEntry("before", Map.of("assetId", "act_2", "assetType", "AD_ACCOUNT",
                        "assetName", "Ad account act_2", "tasks", List.of("ADVERTISE")));
        assertThat(byChange.get("ASSET_ADDED/502")).containsEntry("before", null);
        assertThat(Instant.parse((String) byChange.get("ROLE_CHANGED/null").get("occurredAt"))).isAfter(beforeChange);
        // Newest first: the addition is the oldest entry.
        assertThat(history.getString("items[-1].change")).isEqualTo("ADDED");

        // The detail carries the person with their assets and the same history.
        JsonPath detail = asViewer(partner).get("/api/directory/guest-users/{id}", personId(partner, "1"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("guestUser.assets.assetId")).containsExactly("501", "502", "act_1");
        assertThat(detail.getList("guestUser.assets.find { it.assetId == 'act_1' }.tasks")).containsExactly("ADVERTISE", "ANALYZE");
        assertThat(detail.getList("history.items")).hasSize(entries.size());

        // Seeing the same again changes nothing and records nothing.
        GuestUsersApplied same = partner.sync(new ImportedGuestUser("1", GuestUserKind.BUSINESS_USER,
                "Ada King", "ada@agency.test", "ADMIN", "enabled", "Head of paid social", null, null, List.of(
                        page("502", "CREATE_CONTENT"), adAccount("act_1", "ADVERTISE", "ANALYZE"), page("501", "MODERATE"))));
        assertThat(List.of(same.updated(), same.unchanged())).containsExactly(0, 1);
        assertThat(history(partner, "1").getList("items")).hasSize(entries.size());
    }

    @Test
    void theFeedOfAnIntegrationPagesThroughChangesSinceATimeNewestFirst() {
        Partner partner = Partner.fresh();
        Partner sibling = partner.sibling();
        ImportedGuestUser early = user("10", "Early", "early@agency.test", "EMPLOYEE", "enabled");
        partner.sync(early);
        Instant since = Instant.now();
        List<ImportedGuestUser> eight = new ArrayList<>(List.of(early));
        for (int i = 0; i < 7; i++) {
            eight.add(user("2" + i, "Later " + i, "later" + i + "@agency.test", "EMPLOYEE", "enabled"));
        }
        partner.sync(eight.toArray(ImportedGuestUser[]::new));
        sibling.sync(user("30", "Sibling", "sib@other.test", "ADMIN", "enabled"));

        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = asViewer(partner).queryParam("since", since.toString()).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(FEED, partner.integrationId()).then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> entry : page.<Map<String, Object>>getList("items")) {
                assertThat(seen.add(String.valueOf(entry.get("id")))).isTrue();
                order.add((String) entry.get("occurredAt"));
                assertThat(entry.get("change")).isEqualTo("ADDED");
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        // The seven later people of the partner and the sibling partner's one; the early one was added before.
        assertThat(seen).hasSize(8);
        assertThat(pages).isEqualTo(3);
        assertThat(order).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));

        JsonPath onlySibling = asViewer(partner).queryParam("since", since.toString())
                .queryParam("partner", sibling.partnerId().toString())
                .get(FEED, partner.integrationId()).then().statusCode(200).extract().jsonPath();
        assertThat(onlySibling.getList("items.personName")).containsExactly("Sibling");
        JsonPath onlyRemovals = asViewer(partner).queryParam("change", "REMOVED")
                .get(FEED, partner.integrationId()).then().statusCode(200).extract().jsonPath();
        assertThat(onlyRemovals.getList("items")).isEmpty();
        JsonPath untilSince = asViewer(partner).queryParam("until", since.toString())
                .get(FEED, partner.integrationId()).then().statusCode(200).extract().jsonPath();
        assertThat(untilSince.getList("items.personName")).containsExactly("Early");
    }
}
