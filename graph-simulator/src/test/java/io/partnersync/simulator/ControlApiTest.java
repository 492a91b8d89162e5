package io.partnersync.simulator;

import static io.partnersync.simulator.data.DemoData.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnersync.simulator.GraphClient.Answer;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.DataSetGenerator;
import io.partnersync.simulator.graph.CallBudget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /_sim control API over HTTP: each change is visible to the next Graph read. */
class ControlApiTest {

    private static GraphSimulator simulator;
    private static GraphClient graph;

    @BeforeAll
    static void start() {
        simulator = GraphSimulator.start(DataSet.demo());
        graph = new GraphClient(simulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** Some tests load other data, so each starts from the demo afresh. */
    @BeforeEach
    void startFromTheDemo() {
        simulator.control().loadData(DataSet.demo());
        simulator.control().reset();
    }

    private static JsonNode brightlineUsers() {
        return graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,name,role,two_fac_status").json().path("data");
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }

    private static List<String> assignedToBrandAccount() {
        List<String> ids = new ArrayList<>();
        graph.get("/" + ACME_BRAND_AD_ACCOUNT + "/assigned_users", "access_token", BRIGHTLINE_TOKEN,
                "business", BRIGHTLINE_MEDIA).json().path("data").forEach(user -> ids.add(user.path("id").asText()));
        return ids;
    }

    @Test
    void healthAnswersUp() {
        assertEquals("UP", graph.control("GET", "/health", null).json().path("status").asText());
    }

    @Test
    void addedBusinessUserIsListedByTheNextRead() {
        Answer added = graph.control("POST", "/businesses/" + BRIGHTLINE_MEDIA + "/business_users",
                "{\"id\":\"10150000000000099\",\"name\":\"Nina Park\",\"email\":\"nina.park@brightline.example\","
                        + "\"role\":\"EMPLOYEE\",\"twoFactorEnabled\":true}");

        assertEquals(201, added.status(), added.body());
        assertEquals("Nina Park", find(brightlineUsers(), "10150000000000099").path("name").asText());
    }

    @Test
    void changedRoleAndTwoFactorAreVisibleToTheNextRead() {
        Answer patched = graph.control("PATCH", "/businesses/" + BRIGHTLINE_MEDIA + "/business_users/" + PRIYA_RAMAN,
                "{\"role\":\"ADMIN\",\"twoFactorEnabled\":false}");

        assertEquals(204, patched.status(), patched.body());
        JsonNode priya = find(brightlineUsers(), PRIYA_RAMAN);
        assertEquals("ADMIN", priya.path("role").asText());
        assertEquals("not_enabled", priya.path("two_fac_status").asText());
        assertEquals("Priya Raman", priya.path("name").asText(), "fields not sent stay");
    }

    @Test
    void removedBusinessUserDisappearsWithTheirAssignments() {
        assertEquals(204, graph.control("DELETE", "/businesses/" + BRIGHTLINE_MEDIA + "/business_users/" + MARCUS_OYELARAN,
                null).status());

        assertEquals(null, find(brightlineUsers(), MARCUS_OYELARAN));
        assertFalse(assignedToBrandAccount().contains(MARCUS_OYELARAN));
    }

    @Test
    void systemUsersAndInvitesCanBeAddedChangedAndRemoved() {
        graph.control("POST", "/businesses/" + BRIGHTLINE_MEDIA + "/system_users",
                "{\"id\":\"61550000000000099\",\"name\":\"Backup bot\",\"role\":\"EMPLOYEE\"}");
        graph.control("PATCH", "/businesses/" + BRIGHTLINE_MEDIA + "/system_users/61550000000000099", "{\"role\":\"ADMIN\"}");
        graph.control("POST", "/businesses/" + BRIGHTLINE_MEDIA + "/pending_users",
                "{\"id\":\"20150000000000099\",\"email\":\"new.hire@brightline.example\",\"role\":\"EMPLOYEE\"}");
        graph.control("DELETE", "/businesses/" + BRIGHTLINE_MEDIA + "/pending_users/" + BRIGHTLINE_INVITE_LENA, null);

        JsonNode systemUsers = graph.get("/" + BRIGHTLINE_MEDIA + "/system_users", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,role").json().path("data");
        JsonNode invites = graph.get("/" + BRIGHTLINE_MEDIA + "/pending_users", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,email").json().path("data");
        assertEquals("ADMIN", find(systemUsers, "61550000000000099").path("role").asText());
        assertTrue(find(invites, "20150000000000099") != null);
        assertEquals(null, find(invites, BRIGHTLINE_INVITE_LENA));
    }

    @Test
    void sharedAssetAppearsAsClientAssetAndUnsharingDropsItsAssignments() {
        Answer shared = graph.control("PUT", "/assets/" + ACME_INTERNAL_AD_ACCOUNT + "/shares/" + BRIGHTLINE_MEDIA,
                "{\"permittedTasks\":[\"ANALYZE\"]}");
        assertEquals(204, shared.status(), shared.body());
        graph.control("PUT", "/assets/" + ACME_INTERNAL_AD_ACCOUNT + "/assignments/" + DANA_WHITFIELD,
                "{\"tasks\":[\"ANALYZE\"]}");

        JsonNode clientAccounts = graph.get("/" + BRIGHTLINE_MEDIA + "/client_ad_accounts", "access_token",
                BRIGHTLINE_TOKEN, "fields", "id,permitted_tasks").json().path("data");
        assertEquals("[\"ANALYZE\"]", find(clientAccounts, ACME_INTERNAL_AD_ACCOUNT).path("permitted_tasks").toString());
        JsonNode assigned = graph.get("/" + ACME_INTERNAL_AD_ACCOUNT + "/assigned_users", "access_token",
                BRIGHTLINE_TOKEN, "business", BRIGHTLINE_MEDIA).json().path("data");
        assertEquals(DANA_WHITFIELD, assigned.get(0).path("id").asText());

        graph.control("DELETE", "/assets/" + ACME_BRAND_AD_ACCOUNT + "/shares/" + BRIGHTLINE_MEDIA, null);

        Answer afterUnshare = graph.get("/" + ACME_BRAND_AD_ACCOUNT + "/assigned_users", "access_token",
                BRIGHTLINE_TOKEN, "business", BRIGHTLINE_MEDIA);
        assertEquals(33, afterUnshare.errorSubcode());
    }

    @Test
    void assignmentsCanBeChangedAndRemoved() {
        graph.control("PUT", "/assets/" + ACME_BRAND_AD_ACCOUNT + "/assignments/" + TOM_BECKER,
                "{\"tasks\":[\"ADVERTISE\",\"ANALYZE\"]}");
        graph.control("DELETE", "/assets/" + ACME_BRAND_AD_ACCOUNT + "/assignments/" + MARCUS_OYELARAN, null);

        JsonNode assigned = graph.get("/" + ACME_BRAND_AD_ACCOUNT + "/assigned_users", "access_token", BRIGHTLINE_TOKEN,
                "business", BRIGHTLINE_MEDIA, "fields", "id,tasks").json().path("data");
        assertEquals("[\"ADVERTISE\",\"ANALYZE\"]", find(assigned, TOM_BECKER).path("tasks").toString());
        assertEquals(null, find(assigned, MARCUS_OYELARAN));
    }

    @Test
    void tasksBeyondTheSharedOnesAreRefused() {
        Answer answer = graph.control("PUT", "/assets/" + ACME_CATALOG + "/assignments/" + PRIYA_RAMAN,
                "{\"tasks\":[\"MANAGE_AR\"]}");

        assertEquals(400, answer.status());
    }

    @Test
    void addedAndRemovedAssetsAreVisible() {
        Answer added = graph.control("POST", "/assets", "{\"id\":\"act_120299999999999\",\"type\":\"AD_ACCOUNT\","
                + "\"name\":\"Acme Retail - New\",\"ownerBusinessId\":\"" + ACME_RETAIL + "\"}");
        assertEquals(201, added.status(), added.body());
        graph.control("PATCH", "/assets/act_120299999999999", "{\"name\":\"Acme Retail - Renamed\"}");
        graph.control("DELETE", "/assets/" + ACME_INTERNAL_AD_ACCOUNT, null);

        JsonNode owned = graph.get("/" + ACME_RETAIL + "/owned_ad_accounts", "access_token", ACME_TOKEN).json()
                .path("data");
        assertEquals("Acme Retail - Renamed", find(owned, "act_120299999999999").path("name").asText());
        assertEquals(null, find(owned, ACME_INTERNAL_AD_ACCOUNT));
    }

    @Test
    void revokedTokenAnswers190Subcode460() {
        assertEquals(204, graph.control("POST", "/tokens/" + BRIGHTLINE_TOKEN + "/revoke", null).status());

        Answer answer = graph.get("/me", "access_token", BRIGHTLINE_TOKEN);

        assertEquals(190, answer.errorCode());
        assertEquals(460, answer.errorSubcode());
        assertEquals(200, graph.get("/me", "access_token", BRIGHTLINE_ROTATED_TOKEN).status(), "a second token still works");
    }

    @Test
    void addedTokenWorksAndIsAnsweredOnlyByFingerprint() {
        Answer added = graph.control("POST", "/tokens", "{\"value\":\"EAADemoAddedTokenZDq1w2\",\"type\":\"SYSTEM_USER\","
                + "\"appId\":\"" + APP_ID + "\",\"businessId\":\"" + NORTHWIND_PERFORMANCE + "\",\"userId\":\""
                + NORTHWIND_INTEGRATION_SYSTEM_USER + "\",\"scopes\":[\"business_management\"],\"valid\":true}");

        assertEquals(201, added.status(), added.body());
        assertFalse(added.body().contains("EAADemoAddedTokenZDq1w2"));
        assertEquals(NORTHWIND_INTEGRATION_SYSTEM_USER,
                graph.get("/me", "access_token", "EAADemoAddedTokenZDq1w2").json().path("id").asText());
    }

    @Test
    void appsecretProofRequirementCanBeSwitched() {
        graph.control("PATCH", "/app", "{\"requiresAppsecretProof\":true}");

        assertEquals(100, graph.get("/me", "access_token", BRIGHTLINE_TOKEN).errorCode());
    }

    @Test
    void latencyFaultDelaysGraphAnswers() {
        graph.control("POST", "/faults", "{\"latencyMs\":300}");

        long start = System.nanoTime();
        graph.get("/me", "access_token", BRIGHTLINE_TOKEN);

        assertTrue((System.nanoTime() - start) / 1_000_000 >= 300);
    }

    @Test
    void errorRateFaultFailsThatShareOfCallsWithTransient500() {
        graph.control("POST", "/faults", "{\"errorRate\":0.5}");

        List<Integer> statuses = new ArrayList<>();
        Answer failed = null;
        for (int i = 0; i < 6; i++) {
            Answer answer = graph.get("/me", "access_token", BRIGHTLINE_TOKEN);
            statuses.add(answer.status());
            failed = answer.status() == 500 ? answer : failed;
        }

        assertEquals(List.of(200, 500, 200, 500, 200, 500), statuses);
        assertEquals(2, failed.errorCode());
        assertTrue(failed.error().path("is_transient").asBoolean());
    }

    @Test
    void tokenErrorFaultAnswers190ForThatTokenOnly() {
        graph.control("POST", "/faults", "{\"tokenErrors\":{\"" + BRIGHTLINE_TOKEN + "\":190}}");

        Answer faulted = graph.get("/me", "access_token", BRIGHTLINE_TOKEN);

        assertEquals(190, faulted.errorCode());
        assertEquals(460, faulted.errorSubcode());
        assertEquals(200, graph.get("/me", "access_token", ACME_TOKEN).status());
    }

    @Test
    void faultsMergeAndClear() {
        graph.control("POST", "/faults", "{\"emptyPageQuirk\":true}");
        graph.control("POST", "/faults", "{\"reduceDataAboveLimit\":10}");
        assertTrue(simulator.control().faults().emptyPageQuirk());
        assertEquals(10, simulator.control().faults().reduceDataAboveLimit());

        graph.control("DELETE", "/faults", null);

        assertFalse(simulator.control().faults().emptyPageQuirk());
    }

    @Test
    void budgetCanBeSetOverHttp() {
        Answer answer = graph.control("POST", "/budget", "{\"calls\":1,\"windowSeconds\":30}");

        assertEquals(1, answer.json().path("calls").asInt());
        graph.get("/me", "access_token", BRIGHTLINE_TOKEN);
        assertEquals(80004, graph.get("/me", "access_token", BRIGHTLINE_TOKEN).errorCode());
    }

    @Test
    void expiringCursorsOverHttpBreaksOpenListings() {
        String next = graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", BRIGHTLINE_TOKEN,
                "limit", "1").json().path("paging").path("next").asText();

        graph.control("POST", "/cursors/expire", null);

        assertEquals(2642, graph.getUrl(next).errorCode());
    }

    @Test
    void requestCountsArePerEndpointAndPerTokenFingerprint() {
        graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", BRIGHTLINE_TOKEN);
        graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", BRIGHTLINE_TOKEN);
        graph.get("/me", "access_token", ACME_TOKEN);

        Answer counts = graph.control("GET", "/requests", null);

        JsonNode json = counts.json();
        assertEquals(3, json.path("total").asInt());
        assertEquals(2, json.path("byEndpoint").path("GET /{business}/business_users").asInt());
        assertEquals(1, json.path("byEndpoint").path("GET /me").asInt());
        assertEquals(2, json.path("byToken").path("****b2d4").asInt());
        assertFalse(counts.body().contains(BRIGHTLINE_TOKEN), "tokens appear only as fingerprints");

        graph.control("DELETE", "/requests", null);
        assertEquals(0, graph.control("GET", "/requests", null).json().path("total").asInt());
    }

    @Test
    void loadedDataSetReplacesEverything() {
        Answer loaded = graph.control("POST", "/data", DataSetGenerator.generate(3, 2, 5, 2, 1).toJson());

        assertEquals(204, loaded.status(), loaded.body());
        assertEquals(190, graph.get("/me", "access_token", BRIGHTLINE_TOKEN).errorCode());
        assertEquals(5, graph.get("/" + DataSetGenerator.partnerBusinessId(2) + "/business_users", "access_token",
                DataSetGenerator.partnerToken(2)).json().path("data").size());
    }

    @Test
    void resetUndoesChangesFaultsBudgetAndCounts() {
        graph.control("DELETE", "/businesses/" + BRIGHTLINE_MEDIA + "/business_users/" + PRIYA_RAMAN, null);
        graph.control("POST", "/faults", "{\"emptyPageQuirk\":true}");
        graph.control("POST", "/budget", "{\"calls\":1}");
        graph.get("/me", "access_token", BRIGHTLINE_TOKEN);

        assertEquals(204, graph.control("POST", "/reset", null).status());

        assertEquals(0, simulator.control().requestCounts().total());
        assertFalse(simulator.control().faults().emptyPageQuirk());
        assertEquals(CallBudget.defaults(), simulator.control().callBudget());
        assertTrue(find(brightlineUsers(), PRIYA_RAMAN) != null);
    }

    @Test
    void dataSetThatDoesNotHoldTogetherIsRefusedAndChangesNothing() {
        String dangling = DataSet.demo().toJson().replace("\"ownerBusinessId\":\"" + HARBOR_DIGITAL + "\"",
                "\"ownerBusinessId\":\"999\"");

        Answer answer = graph.control("POST", "/data", dangling);

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.json().path("error").asText().contains("999"));
        assertEquals(200, graph.get("/me", "access_token", BRIGHTLINE_TOKEN).status());
    }

    @Test
    void unknownIdsAnswer404AndBadBodies400() {
        assertEquals(404, graph.control("DELETE", "/businesses/" + BRIGHTLINE_MEDIA + "/business_users/1", null).status());
        assertEquals(404, graph.control("POST", "/tokens/EAAunknown/revoke", null).status());
        assertEquals(400, graph.control("POST", "/faults", "{\"errorRate\":2}").status());
        assertEquals(400, graph.control("POST", "/faults", "not json").status());
        assertEquals(404, graph.control("GET", "/nothing-here", null).status());
    }
}
