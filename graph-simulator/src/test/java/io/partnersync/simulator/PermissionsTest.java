package io.partnersync.simulator;

import static io.partnersync.simulator.data.DemoData.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.partnersync.simulator.GraphClient.Answer;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.Token;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PermissionsTest {

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

    @BeforeEach
    void reset() {
        simulator.control().reset();
    }

    private static void assertObjectMissing(Answer answer, String id) {
        assertEquals(400, answer.status(), answer.body());
        assertEquals(100, answer.errorCode());
        assertEquals(33, answer.errorSubcode());
        assertTrue(answer.error().path("message").asText().contains("Object with ID '" + id + "' does not exist"));
        assertEquals("GraphMethodException", answer.error().path("type").asText());
        assertTrue(answer.error().path("fbtrace_id").asText().length() > 10);
    }

    @Test
    void tokenOfAnotherBusinessCannotReadItsPeople() {
        Answer answer = graph.get("/" + COBALT_CREATIVE + "/system_users", "access_token", COBALT_TOKEN_OF_HARBOR);

        assertObjectMissing(answer, COBALT_CREATIVE);
    }

    @Test
    void unrelatedBusinessDoesNotExistForTheToken() {
        assertObjectMissing(graph.get("/" + HARBOR_DIGITAL, "access_token", BRIGHTLINE_TOKEN), HARBOR_DIGITAL);
        assertObjectMissing(graph.get("/" + HARBOR_AD_ACCOUNT + "/assigned_users", "access_token", BRIGHTLINE_TOKEN,
                "business", BRIGHTLINE_MEDIA), HARBOR_AD_ACCOUNT);
    }

    @Test
    void relatedBusinessNodeIsVisibleButItsPeopleAnswer200() {
        Answer node = graph.get("/" + ACME_RETAIL, "access_token", BRIGHTLINE_TOKEN, "fields", "id,name");
        assertEquals("Acme Retail", node.json().path("name").asText());

        Answer people = graph.get("/" + ACME_RETAIL + "/business_users", "access_token", BRIGHTLINE_TOKEN);

        assertEquals(403, people.status());
        assertEquals(200, people.errorCode());
    }

    @Test
    void ownBusinessEdgesWithoutBusinessManagementAnswer200() {
        String token = "EAADemoNoBusinessManagementZDyy88";
        simulator.control().addToken(new Token(token, Token.SYSTEM_USER, APP_ID, BRIGHTLINE_MEDIA,
                BRIGHTLINE_INTEGRATION_SYSTEM_USER, List.of("ads_management", "catalog_management"), 0, 0, true));
        Answer node = graph.get("/" + BRIGHTLINE_MEDIA, "access_token", token, "fields", "id,name");
        assertEquals(200, node.status(), node.body());

        Answer people = graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", token);
        Answer expanded = graph.get("/" + BRIGHTLINE_MEDIA, "access_token", token, "fields", "id,name,system_users{id}");

        for (Answer answer : List.of(people, expanded)) {
            assertEquals(403, answer.status(), answer.body());
            assertEquals(200, answer.errorCode());
            assertEquals("(#200) Requires business_management permission to manage the object",
                    answer.error().path("message").asText());
        }
    }

    @Test
    void assetNotSharedWithTheBusinessDoesNotExistForIt() {
        assertObjectMissing(graph.get("/" + ACME_INTERNAL_AD_ACCOUNT + "/assigned_users", "access_token",
                BRIGHTLINE_TOKEN, "business", BRIGHTLINE_MEDIA), ACME_INTERNAL_AD_ACCOUNT);
    }

    @Test
    void pendingShareGrantsNoAccess() {
        simulator.control().addToken(new Token("EAADemoCobaltOwnZDxx77",
                Token.SYSTEM_USER, APP_ID, COBALT_CREATIVE, COBALT_INTEGRATION_SYSTEM_USER,
                List.of("business_management", "pages_read_engagement"), 0, 0, true));

        assertObjectMissing(graph.get("/" + ACME_PAGE + "/assigned_users", "access_token", "EAADemoCobaltOwnZDxx77",
                "business", COBALT_CREATIVE), ACME_PAGE);
    }

    @Test
    void catalogWithoutCatalogManagementAnswers200() {
        Answer answer = graph.get("/" + ACME_CATALOG + "/assigned_users", "access_token",
                NORTHWIND_TOKEN_WITHOUT_CATALOG, "business", NORTHWIND_PERFORMANCE);

        assertEquals(403, answer.status());
        assertEquals(200, answer.errorCode());
        assertEquals("(#200) Requires catalog_management permission to manage the object",
                answer.error().path("message").asText());
    }

    @Test
    void pageWithoutPageScopeAnswers10() {
        simulator.control().addToken(new Token("EAADemoNoPagesZDww66", Token.SYSTEM_USER,
                APP_ID, BRIGHTLINE_MEDIA, BRIGHTLINE_INTEGRATION_SYSTEM_USER,
                List.of("business_management", "ads_management"), 0, 0, true));

        Answer answer = graph.get("/" + ACME_PAGE + "/assigned_users", "access_token", "EAADemoNoPagesZDww66",
                "business", BRIGHTLINE_MEDIA);

        assertEquals(10, answer.errorCode());
    }

    @Test
    void onlyTheOwnerSeesTheAgenciesOfAnAsset() {
        Answer answer = graph.get("/" + ACME_BRAND_AD_ACCOUNT + "/agencies", "access_token", BRIGHTLINE_TOKEN);

        assertEquals(200, answer.errorCode());
    }

    @Test
    void assignedUsersWithoutBusinessAnswersError100() {
        Answer answer = graph.get("/" + ACME_BRAND_AD_ACCOUNT + "/assigned_users", "access_token", BRIGHTLINE_TOKEN);

        assertEquals(400, answer.status());
        assertEquals(100, answer.errorCode());
        assertEquals("(#100) The parameter business is required", answer.error().path("message").asText());
    }

    @Test
    void assignedUsersOfAnotherBusinessAreNotVisible() {
        Answer answer = graph.get("/" + ACME_BRAND_AD_ACCOUNT + "/assigned_users", "access_token", BRIGHTLINE_TOKEN,
                "business", NORTHWIND_PERFORMANCE);

        assertObjectMissing(answer, NORTHWIND_PERFORMANCE);
    }

    @Test
    void unknownTokenAnswers190() {
        Answer answer = graph.get("/me", "access_token", "EAAnotatoken");

        assertEquals(400, answer.status());
        assertEquals(190, answer.errorCode());
        assertEquals("OAuthException", answer.error().path("type").asText());
        assertTrue(answer.header("X-Business-Use-Case-Usage") == null, "no business to report usage for");
    }

    @Test
    void missingTokenAnswers104() {
        assertEquals(104, graph.get("/me").errorCode());
    }

    @Test
    void revokedTokenAnswers190Subcode460() {
        Answer answer = graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", REVOKED_TOKEN);

        assertEquals(190, answer.errorCode());
        assertEquals(460, answer.errorSubcode());
    }

    @Test
    void expiredTokenAnswers190Subcode463() {
        Answer answer = graph.get("/me", "access_token", EXPIRED_TOKEN);

        assertEquals(190, answer.errorCode());
        assertEquals(463, answer.errorSubcode());
        assertTrue(answer.error().path("message").asText().startsWith("Error validating access token: Session has expired"));
    }

    @Test
    void removingTheSystemUserBreaksItsTokens() {
        simulator.control().removeSystemUser(BRIGHTLINE_MEDIA, BRIGHTLINE_INTEGRATION_SYSTEM_USER);

        Answer answer = graph.get("/me", "access_token", BRIGHTLINE_TOKEN);

        assertEquals(190, answer.errorCode());
        assertEquals(460, answer.errorSubcode());
    }
}
