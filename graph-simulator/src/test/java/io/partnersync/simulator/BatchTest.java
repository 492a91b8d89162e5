package io.partnersync.simulator;

import static io.partnersync.simulator.data.DemoData.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.partnersync.simulator.GraphClient.Answer;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.Json;
import io.partnersync.simulator.graph.CallBudget;
import io.partnersync.simulator.graph.RequestCounts;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchTest {

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

    private static ArrayNode items(int count) {
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (int i = 0; i < count; i++) {
            String url = switch (i % 5) {
                case 0 -> "me?fields=id,name";
                case 1 -> "v25.0/" + BRIGHTLINE_MEDIA + "/business_users?fields=id,email&limit=2";
                case 2 -> "/" + ACME_BRAND_AD_ACCOUNT + "/assigned_users?fields=id,tasks";
                case 3 -> HARBOR_DIGITAL + "/system_users";
                default -> ACME_BRAND_AD_ACCOUNT + "/assigned_users?business=" + BRIGHTLINE_MEDIA;
            };
            items.addObject().put("method", "GET").put("relative_url", url);
        }
        return items;
    }

    private static JsonNode body(JsonNode item) throws IOException {
        return Json.MAPPER.readTree(item.path("body").asText());
    }

    @Test
    void batchOf50MixedItemsAnswersEachOnItsOwn() throws IOException {
        Answer answer = graph.postForm("/v25.0/", "access_token", BRIGHTLINE_TOKEN, "batch", items(50).toString());

        assertEquals(200, answer.status(), answer.body());
        JsonNode results = answer.json();
        assertEquals(50, results.size());
        for (int i = 0; i < 50; i++) {
            JsonNode item = results.get(i);
            assertTrue(item.path("headers").isArray());
            assertTrue(item.path("body").isTextual(), "the body is a JSON string, as in Graph");
            switch (i % 5) {
                case 0 -> assertEquals(BRIGHTLINE_INTEGRATION_SYSTEM_USER, body(item).path("id").asText());
                case 1 -> assertEquals(2, body(item).path("data").size());
                case 2 -> assertEquals(100, body(item).path("error").path("code").asInt(), "business is missing");
                case 3 -> assertEquals(33, body(item).path("error").path("error_subcode").asInt());
                default -> assertEquals(5, body(item).path("data").size());
            }
            assertEquals(i % 5 == 2 || i % 5 == 3 ? 400 : 200, item.path("code").asInt());
        }
    }

    @Test
    void batchItemsCarryUsageHeaders() {
        JsonNode item = graph.postForm("/v25.0/", "access_token", BRIGHTLINE_TOKEN, "batch", items(1).toString())
                .json().get(0);

        boolean hasUsage = false;
        for (JsonNode header : item.path("headers")) {
            hasUsage |= header.path("name").asText().equals("X-Business-Use-Case-Usage");
        }
        assertTrue(hasUsage);
    }

    @Test
    void batchOfMoreThan50IsRefusedWhole() {
        Answer answer = graph.postForm("/v25.0/", "access_token", BRIGHTLINE_TOKEN, "batch", items(51).toString());

        assertEquals(400, answer.status());
        assertEquals(100, answer.errorCode());
        assertEquals("(#100) Too many requests in batch message. Maximum batch size is 50",
                answer.error().path("message").asText());
        assertEquals(0, simulator.control().requestCounts().forEndpoint("GET /me"));
    }

    @Test
    void batchWithoutBatchParameterAnswers100() {
        assertEquals(100, graph.postForm("/v25.0/", "access_token", BRIGHTLINE_TOKEN).errorCode());
    }

    @Test
    void batchIsAcceptedWithoutVersionAndWithTheTokenInTheQuery() {
        Answer answer = graph.postForm("/?access_token=" + BRIGHTLINE_TOKEN, "batch", items(1).toString());

        assertEquals(200, answer.json().get(0).path("code").asInt());
    }

    @Test
    void batchItemMayUseItsOwnToken() throws IOException {
        ArrayNode items = Json.MAPPER.createArrayNode();
        items.addObject().put("method", "GET").put("relative_url", "me?access_token=" + ACME_TOKEN);

        JsonNode result = graph.postForm("/v25.0/", "access_token", BRIGHTLINE_TOKEN, "batch", items.toString())
                .json().get(0);

        assertEquals(ACME_INTEGRATION_SYSTEM_USER, body(result).path("id").asText());
    }

    @Test
    void batchCountsItselfAndEveryItem() {
        graph.postForm("/v25.0/", "access_token", BRIGHTLINE_TOKEN, "batch", items(10).toString());

        RequestCounts counts = simulator.control().requestCounts();
        assertEquals(1, counts.forEndpoint("POST /"));
        assertEquals(2, counts.forEndpoint("GET /me"));
        assertEquals(2, counts.forEndpoint("GET /{business}/business_users"));
        assertEquals(4, counts.forEndpoint("GET /{asset}/assigned_users"));
        assertEquals(11, counts.total());
        assertEquals(11, counts.forToken(BRIGHTLINE_TOKEN));
    }

    @Test
    void everyBatchItemChargesTheCallBudget() throws IOException {
        simulator.control().setCallBudget(CallBudget.of(3, 60));

        JsonNode results = graph.postForm("/v25.0/", "access_token", BRIGHTLINE_TOKEN, "batch", items(5).toString())
                .json();

        assertEquals(200, results.get(0).path("code").asInt());
        assertEquals(80004, body(results.get(3)).path("error").path("code").asInt());
        assertEquals(80004, body(results.get(4)).path("error").path("code").asInt());
    }
}
