package io.partnersync.userdirectory;

import static io.partnersync.userdirectory.Directory.adAccount;
import static io.partnersync.userdirectory.Directory.invite;
import static io.partnersync.userdirectory.Directory.produce;
import static io.partnersync.userdirectory.Directory.systemUser;
import static io.partnersync.userdirectory.Directory.user;
import static io.partnersync.userdirectory.DirectoryApi.asViewer;
import static io.partnersync.userdirectory.DirectoryApi.personId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnersync.events.ImportedGuestUser;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.testkit.TestJwt;
import io.partnersync.userdirectory.Directory.Partner;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ListingTest {

    private static final String LIST = "/api/directory/integrations/{id}/guest-users";

    @Test
    void filtersAndTextSearchNarrowTheListOfAnIntegration() {
        Partner agency = Partner.fresh();
        Partner other = agency.sibling();
        agency.sync(user("z", "Zoe Zimmer", "zoe@agency.test", "ADMIN", "enabled", adAccount("act_1", "ANALYZE")),
                user("a", "Adam Apple", "adam@agency.test", "EMPLOYEE", "enabled"),
                systemUser("bot", "Build bot", "ADMIN"),
                invite("inv", "ivy@agency.test", "EMPLOYEE", Instant.now()),
                user("u", "Under_score 100%", "under@agency.test", "EMPLOYEE", "enabled"));
        other.sync(user("b", "Bella Brown", "bella@other.test", "EMPLOYEE", "enabled", adAccount("act_1", "ADVERTISE")),
                user("c", "Carl Cole", "carl@other.test", "DEVELOPER", "enabled"));

        assertThat(names(agency, "partner", other.partnerId().toString())).containsExactly("Bella Brown", "Carl Cole");
        assertThat(names(agency, "partner", agency.partnerId() + "," + other.partnerId())).hasSize(7);
        assertThat(names(agency, "kind", "SYSTEM_USER")).containsExactly("Build bot");
        assertThat(names(agency, "role", "ADMIN")).containsExactly("Build bot", "Zoe Zimmer");
        assertThat(names(agency, "role", "ADMIN", "kind", "BUSINESS_USER")).containsExactly("Zoe Zimmer");
        assertThat(names(agency, "status", "REMOVED")).isEmpty();
        assertThat(names(agency, "asset", "act_1")).containsExactly("Bella Brown", "Zoe Zimmer");
        assertThat(names(agency, "q", "zIM")).containsExactly("Zoe Zimmer");
        assertThat(names(agency, "q", "other.test")).containsExactly("Bella Brown", "Carl Cole");
        assertThat(names(agency, "q", "ivy@")).containsExactly((String) null);
        // LIKE wildcards in a search are plain characters.
        assertThat(names(agency, "q", "_")).containsExactly("Under_score 100%");
        assertThat(names(agency, "q", "100%")).containsExactly("Under_score 100%");
        assertThat(names(agency, "q", "nobody-has-this")).isEmpty();

        assertThat(names(agency, "sort", "-name")).containsExactly("Zoe Zimmer", "Under_score 100%", "Carl Cole",
                "Build bot", "Bella Brown", "Adam Apple", null);
        assertThat(list(agency, "sort", "email").getList("items.email", String.class)).containsExactly(null, "adam@agency.test",
                "bella@other.test", "carl@other.test", "ivy@agency.test", "under@agency.test", "zoe@agency.test");
    }

    @Test
    void countsPerFilterValueCountEachTabUnderTheOtherFilters() {
        Partner agency = Partner.fresh();
        Partner other = agency.sibling();
        agency.sync(user("1", "One", "one@agency.test", "ADMIN", "not_enabled"),
                user("2", "Two", "two@agency.test", "EMPLOYEE", "enabled"),
                systemUser("3", "Three", "ADMIN"),
                invite("4", "four@agency.test", "EMPLOYEE", Instant.now()));
        other.sync(user("5", "Five", "five@other.test", "EMPLOYEE", "enabled"));

        JsonPath counts = asViewer(agency).queryParam("kind", "BUSINESS_USER")
                .get(LIST + "/counts", agency.integrationId()).then().statusCode(200).extract().jsonPath();

        assertThat(counts.getInt("total")).isEqualTo(3);
        // The kind tabs ignore the kind filter itself; every other facet is counted within it.
        assertThat(counts.getMap("kind")).isEqualTo(Map.of("BUSINESS_USER", 3, "SYSTEM_USER", 1, "PENDING_INVITE", 1));
        assertThat(counts.getMap("status")).isEqualTo(Map.of("ACTIVE", 3, "REMOVED", 0));
        assertThat(counts.getMap("role")).isEqualTo(Map.of("ADMIN", 1, "EMPLOYEE", 2));
        assertThat(counts.getMap("partner")).isEqualTo(Map.of(agency.partnerId().toString(), 2, other.partnerId().toString(), 1));
        assertThat(counts.getMap("riskFlag")).isEqualTo(Map.of("ADMIN_WITHOUT_2FA", 1, "FULL_CONTROL_ON_SHARED_ASSET", 0,
                "STALE_PENDING_INVITE", 0, "SYSTEM_USER_ADMIN", 0));
    }

    @Test
    void cursorPagesWalkTheWholeListOnceInEverySortOrder() {
        Partner partner = Partner.fresh();
        List<ImportedGuestUser> people = new ArrayList<>();
        String[] roles = {"ADMIN", "EMPLOYEE", "DEVELOPER"};
        for (int i = 0; i < 9; i++) {
            // Some names repeat, so ties are broken by id.
            people.add(user("m" + i, "Name " + (i % 4), "mail" + (8 - i) + "@agency.test", roles[i % 3], "enabled"));
        }
        partner.sync(people.toArray(ImportedGuestUser[]::new));

        for (String sort : List.of("name", "-name", "email", "-email", "role", "lastSeen", "-lastSeen", "firstSeen")) {
            List<String> whole = list(partner, "sort", sort).getList("items.id", String.class);
            assertThat(whole).hasSize(9);
            assertThat(walk(partner, sort, 2)).as(sort).isEqualTo(whole);
        }
    }

    @Test
    void pagingStaysStableWhileAnImportChangesTheDirectory() {
        Partner partner = Partner.fresh();
        Partner sibling = partner.sibling();
        List<ImportedGuestUser> sixty = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sixty.add(user("s" + i, String.format("Person %02d", i), "s" + i + "@agency.test", "EMPLOYEE", "enabled"));
        }
        partner.sync(sixty.toArray(ImportedGuestUser[]::new));
        Set<String> before = new HashSet<>(asViewer(partner).queryParam("limit", 200).get(LIST, partner.integrationId())
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class));

        // While a client pages by name, imports add people whose names sort between the pages
        // and update every existing person (new role, so new last-seen times and rows).
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            var request = asViewer(partner).queryParam("limit", 7).queryParam("sort", "name");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath body = request.get(LIST, partner.integrationId()).then().statusCode(200).extract().jsonPath();
            seen.addAll(body.getList("items.id", String.class));
            cursor = body.getString("nextCursor");
            if (page == 1) {
                List<ImportedGuestUser> newcomers = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    newcomers.add(user("n" + i, String.format("Person %02d and a half", i), "n" + i + "@other.test",
                            "EMPLOYEE", "enabled"));
                }
                sibling.run(UUID.randomUUID(), 10, newcomers).forEach(Directory::produce);
                List<ImportedGuestUser> promoted = sixty.stream().map(p -> user(p.metaUserId(), p.name(), p.email(), "ADMIN",
                        "enabled")).toList();
                partner.run(UUID.randomUUID(), 20, promoted).forEach(Directory::produce);
                // Continue only once the directory has changed under the client's feet.
                await().atMost(Duration.ofSeconds(60)).until(() -> asViewer(partner)
                        .queryParam("limit", 200).get(LIST, partner.integrationId()).then().extract().jsonPath()
                        .getList("items").size() > 60);
            }
            page++;
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(before);
    }

    @Test
    void anotherWorkspaceSeesNothingOfThisOne() {
        Partner mine = Partner.fresh();
        mine.sync(user("me", "Mine", "mine@agency.test", "EMPLOYEE", "enabled"));
        String myPerson = personId(mine, "me");
        // Another workspace whose events name the same integration id.
        Partner theirs = new Partner("ws-" + UUID.randomUUID().toString().substring(0, 8), mine.integrationId(),
                UUID.randomUUID(), "3000001");
        theirs.sync(user("them", "Theirs", "theirs@other.test", "EMPLOYEE", "enabled"));
        Partner stranger = Partner.fresh();

        assertThat(asViewer(mine).get(LIST, mine.integrationId()).then().statusCode(200).extract().jsonPath()
                .getList("items.name")).containsExactly("Mine");
        assertThat(asViewer(theirs).get(LIST, mine.integrationId()).then().statusCode(200).extract().jsonPath()
                .getList("items.name")).containsExactly("Theirs");

        for (String path : List.of(LIST, LIST + "/counts", LIST + "/export", "/api/directory/integrations/{id}/changes")) {
            asViewer(stranger).get(path, mine.integrationId()).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://partnersync.io/problems/integration-not-found"));
        }
        asViewer(theirs).get("/api/directory/guest-users/{id}", myPerson).then().statusCode(404)
                .body("type", equalTo("https://partnersync.io/problems/guest-user-not-found"));
        asViewer(theirs).get("/api/directory/guest-users/{id}/history", myPerson).then().statusCode(404);
        asViewer(mine).get("/api/directory/guest-users/{id}", myPerson).then().statusCode(200)
                .body("guestUser.name", equalTo("Mine"));
    }

    @Test
    void badQueryParametersAnswer400ProblemJsonNamingEachMistake() {
        Partner partner = Partner.fresh();
        partner.sync(user("x", "X", "x@agency.test", "EMPLOYEE", "enabled"));
        UUID integration = partner.integrationId();

        badRequest(LIST, integration, "kind", "ROBOT").body("violations.field", hasItem("kind"));
        badRequest(LIST, integration, "status", "active").body("violations.field", hasItem("status"));
        badRequest(LIST, integration, "riskFlag", "SCARY").body("violations.field", hasItem("riskFlag"));
        badRequest(LIST, integration, "partner", "not-a-uuid").body("violations.field", hasItem("partner"));
        badRequest(LIST, integration, "partner", "1-1-1-1-1").body("violations.field", hasItem("partner"));
        badRequest(LIST, integration, "heldRemoval", "42").body("violations.field", hasItem("heldRemoval"));
        badRequest(LIST, integration, "limit", "0").body("violations.field", hasItem("limit"));
        badRequest(LIST, integration, "limit", "201").body("violations.field", hasItem("limit"));
        badRequest(LIST, integration, "limit", "ten").body("violations.field", hasItem("limit"));
        badRequest(LIST, integration, "sort", "shoeSize").body("violations.field", hasItem("sort"));
        badRequest(LIST, integration, "cursor", "not a cursor").body("violations.field", hasItem("cursor"));
        badRequest(LIST, integration, "cursor", Base64.getUrlEncoder().encodeToString(
                "{\"order\":\"lastSeen\",\"value\":\"yesterday\",\"id\":\"x\"}".getBytes())).body("violations.field", hasItem("cursor"));
        badRequest(LIST, integration, "q", "x".repeat(201)).body("violations.field", hasItem("q"));
        badRequest(LIST + "/counts", integration, "kind", "ROBOT").body("violations.field", hasItem("kind"));
        badRequest(LIST + "/export", integration, "sort", "-").body("violations.field", hasItem("sort"));
        badRequest("/api/directory/integrations/{id}/changes", integration, "since", "last tuesday")
                .body("violations.field", hasItem("since"));
        badRequest("/api/directory/integrations/{id}/changes", integration, "change", "EXPLODED")
                .body("violations.field", hasItem("change"));
        badRequest("/api/directory/integrations/{id}/held-removals", integration, "status", "MAYBE")
                .body("violations.field", hasItem("status"));

        // A cursor only continues the order it was made for.
        String nameCursor = asViewer(partner).queryParam("limit", 1).queryParam("sort", "name")
                .get(LIST, integration).then().extract().path("nextCursor");
        assertThat(nameCursor).isNull();
        partner.sync(user("x", "X", "x@agency.test", "EMPLOYEE", "enabled"), user("y", "Y", "y@agency.test", "EMPLOYEE", "enabled"));
        nameCursor = asViewer(partner).queryParam("limit", 1).queryParam("sort", "name")
                .get(LIST, integration).then().statusCode(200).extract().path("nextCursor");
        badRequest(LIST, integration, "sort", "email", "cursor", nameCursor).body("violations.field", hasItem("cursor"));

        // Several mistakes are named at once.
        badRequest(LIST, integration, "kind", "ROBOT", "limit", "-1")
                .body("violations.field", containsInAnyOrder("kind", "limit"));

        asViewer(partner).get(LIST, "not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("integrationId"));
        asViewer(partner).get("/api/directory/guest-users/{id}", "nope").then().statusCode(400);
        DirectoryApi.asAdmin(partner).post("/api/directory/held-removals/{id}/confirm", "nope").then().statusCode(400);
    }

    @Test
    void theApiNeedsAValidTokenWithAWorkspaceRole() {
        Partner partner = Partner.fresh();
        partner.sync(user("x", "X", "x@agency.test", "EMPLOYEE", "enabled"));

        given().get(LIST, partner.integrationId()).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestJwt.forged(partner.workspaceId())).get(LIST, partner.integrationId()).then().statusCode(401);
        given().auth().oauth2(TestJwt.user(partner.workspaceId(), "nobody")).get(LIST, partner.integrationId())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestJwt.service("sync-service")).get(LIST, partner.integrationId()).then().statusCode(403);
        given().auth().oauth2(TestJwt.admin(partner.workspaceId())).get(LIST, partner.integrationId()).then().statusCode(200);
    }

    private static ValidatableResponse badRequest(String path, UUID integration, String... query) {
        RequestSpecification request = given().auth().oauth2(TestJwt.viewer("ws-any"));
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        return request.get(path, integration).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://partnersync.io/problems/invalid-request"));
    }

    /** Names of the integration's people (every partner), with extra query parameters. */
    private static List<String> names(Partner partner, String... query) {
        return list(partner, query).getList("items.name", String.class);
    }

    private static JsonPath list(Partner partner, String... query) {
        RequestSpecification request = asViewer(partner).queryParam("limit", 200);
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        return request.get(LIST, partner.integrationId()).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> walk(Partner partner, String sort, int pageSize) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = asViewer(partner).queryParam("limit", pageSize).queryParam("sort", sort);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath body = request.get(LIST, partner.integrationId()).then().statusCode(200).extract().jsonPath();
            List<String> page = body.getList("items.id", String.class);
            assertThat(page.size()).isLessThanOrEqualTo(pageSize);
            ids.addAll(page);
            cursor = body.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
