package io.partnersync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnersync.simulator.GraphClient.Answer;
import io.partnersync.simulator.data.DataSetGenerator;
import io.partnersync.simulator.data.Json;
import io.partnersync.simulator.graph.Faults;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging over a generated business of 10,000 people. */
class PagingTest {

    private static final int PEOPLE = 10_000;
    private static final String BUSINESS = DataSetGenerator.partnerBusinessId(1);
    private static final String TOKEN = DataSetGenerator.partnerToken(1);
    private static final String USERS = "/" + BUSINESS + "/business_users";

    private static GraphSimulator simulator;
    private static GraphClient graph;

    @BeforeAll
    static void start() {
        simulator = GraphSimulator.start(SimulatorOptions.defaults().withPageMaxLimit(500),
                DataSetGenerator.generate(7, 1, PEOPLE, 4, 2));
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

    /** Follows {@code paging.next} until it is absent; answers every id seen, in order, and the page count. */
    private static List<String> walk(Answer first, List<Integer> pageSizes) {
        List<String> ids = new ArrayList<>();
        Answer page = first;
        while (true) {
            assertEquals(200, page.status(), page.body());
            JsonNode json = page.json();
            json.path("data").forEach(user -> ids.add(user.path("id").asText()));
            pageSizes.add(json.path("data").size());
            JsonNode next = json.path("paging").path("next");
            if (next.isMissingNode()) {
                return ids;
            }
            page = graph.getUrl(next.asText());
        }
    }

    @Test
    void walkingEveryPageWithLimit100GivesEachPersonExactlyOnce() {
        List<Integer> pageSizes = new ArrayList<>();

        List<String> ids = walk(graph.get(USERS, "access_token", TOKEN, "fields", "id,name,email", "limit", "100"),
                pageSizes);

        assertEquals(PEOPLE, ids.size());
        assertEquals(PEOPLE, new HashSet<>(ids).size());
        assertEquals(100, pageSizes.size());
        assertTrue(pageSizes.stream().allMatch(size -> size == 100));
    }

    @Test
    void defaultLimitIs25() {
        assertEquals(25, graph.get(USERS, "access_token", TOKEN).json().path("data").size());
    }

    @Test
    void limitAboveTheMaximumIsClamped() {
        Answer answer = graph.get(USERS, "access_token", TOKEN, "limit", "5000");

        assertEquals(500, answer.json().path("data").size());
        assertTrue(answer.json().path("paging").path("next").asText().contains("limit=500"));
    }

    @Test
    void pagingLinksRepeatTheCallOnTheSimulatorsOwnAddress() {
        JsonNode paging = graph.get(USERS, "access_token", TOKEN, "fields", "id,name", "limit", "3").json().path("paging");
        String next = paging.path("next").asText();

        assertTrue(next.startsWith(simulator.baseUrl() + "/v25.0" + USERS + "?"), next);
        assertTrue(next.contains("access_token=" + TOKEN));
        assertTrue(next.contains("fields=id%2Cname"));
        assertTrue(next.contains("after=" + paging.path("cursors").path("after").asText()));
        assertTrue(paging.path("previous").isMissingNode(), "the first page has no previous");
        assertFalse(paging.path("cursors").path("before").asText().isEmpty());
    }

    @Test
    void previousLeadsBackToTheEarlierPage() {
        JsonNode first = graph.get(USERS, "access_token", TOKEN, "limit", "10").json();
        JsonNode second = graph.getUrl(first.path("paging").path("next").asText()).json();

        JsonNode back = graph.getUrl(second.path("paging").path("previous").asText()).json();

        assertEquals(first.path("data"), back.path("data"));
    }

    @Test
    void emptyPageQuirkInsertsAnEmptyPageThatStillHasNext() {
        simulator.control().setFaults(Faults.none().withEmptyPageQuirk(true));
        List<Integer> pageSizes = new ArrayList<>();

        List<String> ids = walk(graph.get(USERS, "access_token", TOKEN, "limit", "500"), pageSizes);

        assertEquals(0, pageSizes.get(1), "the second page is the empty one");
        assertEquals(PEOPLE, new HashSet<>(ids).size());
        assertEquals(PEOPLE, ids.size());
    }

    @Test
    void emptyPageQuirkOnASinglePageListingEndsWithAnEmptyPage() {
        simulator.control().setFaults(Faults.none().withEmptyPageQuirk(true));

        JsonNode first = graph.get("/" + BUSINESS + "/system_users", "access_token", TOKEN).json();
        JsonNode empty = graph.getUrl(first.path("paging").path("next").asText()).json();

        assertEquals(2, first.path("data").size());
        assertEquals(0, empty.path("data").size());
        assertTrue(empty.path("paging").path("next").isMissingNode());
    }

    @Test
    void anEmptyListingAnswersOnlyEmptyData() throws Exception {
        JsonNode empty = Json.MAPPER.readTree("{\"data\":[]}");

        Answer edge = graph.get("/" + BUSINESS + "/owned_pages", "access_token", TOKEN, "fields", "id,name");
        Answer expanded = graph.get("/" + BUSINESS, "access_token", TOKEN, "fields", "id,owned_pages{id,name}");

        assertEquals(200, edge.status(), edge.body());
        assertEquals(empty, edge.json(), "no paging object: " + edge.body());
        assertEquals(empty, expanded.json().path("owned_pages"), "no paging object: " + expanded.body());
    }

    @Test
    void expiredCursorsAnswer2642() {
        String next = graph.get(USERS, "access_token", TOKEN).json().path("paging").path("next").asText();
        simulator.control().expireCursors();

        Answer answer = graph.getUrl(next);

        assertEquals(400, answer.status());
        assertEquals(2642, answer.errorCode());
        assertEquals("Invalid cursors values", answer.error().path("message").asText());
    }

    @Test
    void cursorOfADeletedPersonAnswers2642() {
        JsonNode page = graph.get(USERS, "access_token", TOKEN, "limit", "5").json();
        JsonNode users = page.path("data");
        simulator.control().removeBusinessUser(BUSINESS, users.get(4).path("id").asText());

        assertEquals(2642, graph.getUrl(page.path("paging").path("next").asText()).errorCode());
    }

    @Test
    void cursorOfAPersonStillThereSurvivesOtherDeletions() {
        JsonNode page = graph.get(USERS, "access_token", TOKEN, "limit", "5").json();
        String removed = page.path("data").get(0).path("id").asText();
        simulator.control().removeBusinessUser(BUSINESS, removed);

        Answer next = graph.getUrl(page.path("paging").path("next").asText());

        assertEquals(200, next.status());
        assertEquals(5, next.json().path("data").size());
    }

    @Test
    void malformedCursorAnswers2642() {
        assertEquals(2642, graph.get(USERS, "access_token", TOKEN, "after", "not-a-cursor").errorCode());
    }

    @Test
    void limitAboveTheReduceDataThresholdAnswersCode1() {
        simulator.control().setFaults(Faults.none().withReduceDataAboveLimit(100));

        Answer tooMuch = graph.get(USERS, "access_token", TOKEN, "limit", "200");
        Answer halved = graph.get(USERS, "access_token", TOKEN, "limit", "100");

        assertEquals(500, tooMuch.status());
        assertEquals(1, tooMuch.errorCode());
        assertTrue(tooMuch.error().path("is_transient").asBoolean());
        assertEquals(100, halved.json().path("data").size());
    }

    @Test
    void assignedUsersPageLikeEveryEdge() {
        String adAccount = graph.get("/" + BUSINESS + "/client_ad_accounts", "access_token", TOKEN).json()
                .path("data").get(0).path("id").asText();

        List<String> ids = walk(graph.get("/" + adAccount + "/assigned_users", "access_token", TOKEN,
                "business", BUSINESS, "limit", "500"), new ArrayList<>());

        assertEquals(ids.size(), new HashSet<>(ids).size());
        assertTrue(ids.size() > 1000, "about half of 10,000 people hold each of 4 assets: " + ids.size());
    }
}
