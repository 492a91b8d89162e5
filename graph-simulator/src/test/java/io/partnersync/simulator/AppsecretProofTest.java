package io.partnersync.simulator;

import static io.partnersync.simulator.data.DemoData.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.partnersync.simulator.GraphClient.Answer;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.graph.AppsecretProof;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppsecretProofTest {

    private static final String PROOF = AppsecretProof.of(APP_SECRET, BRIGHTLINE_TOKEN);

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
    void requireProof() {
        simulator.control().reset();
        simulator.control().setAppsecretProofRequired(true);
    }

    @Test
    void missingProofAnswers100WhenTheAppRequiresIt() {
        Answer answer = graph.get("/me", "access_token", BRIGHTLINE_TOKEN);

        assertEquals(400, answer.status());
        assertEquals(100, answer.errorCode());
    }

    @Test
    void wrongProofAnswers100() {
        Answer answer = graph.get("/me", "access_token", BRIGHTLINE_TOKEN, "appsecret_proof",
                AppsecretProof.of("not-the-secret", BRIGHTLINE_TOKEN));

        assertEquals(100, answer.errorCode());
        assertEquals("Invalid appsecret_proof provided in the API argument", answer.error().path("message").asText());
    }

    @Test
    void correctProofIsAccepted() {
        Answer answer = graph.get("/me", "access_token", BRIGHTLINE_TOKEN, "appsecret_proof", PROOF);

        assertEquals(200, answer.status());
    }

    @Test
    void proofIsNotNeededWhenTheAppDoesNotRequireIt() {
        simulator.control().setAppsecretProofRequired(false);

        assertEquals(200, graph.get("/me", "access_token", BRIGHTLINE_TOKEN).status());
    }

    @Test
    void pagingLinksKeepTheProof() {
        Answer first = graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", BRIGHTLINE_TOKEN,
                "appsecret_proof", PROOF, "limit", "1");

        Answer second = graph.getUrl(first.json().path("paging").path("next").asText());

        assertEquals(200, second.status(), second.body());
    }

    @Test
    void nestedPagingLinksKeepTheProof() {
        Answer node = graph.get("/" + BRIGHTLINE_MEDIA, "access_token", BRIGHTLINE_TOKEN, "appsecret_proof", PROOF,
                "fields", "business_users.limit(1){id}");

        String next = node.json().path("business_users").path("paging").path("next").asText();

        assertTrue(next.contains("appsecret_proof=" + PROOF));
        assertEquals(200, graph.getUrl(next).status());
    }

    @Test
    void batchItemsUseTheBatchProof() {
        Answer answer = graph.postForm("/v25.0/", "access_token", BRIGHTLINE_TOKEN, "appsecret_proof", PROOF,
                "batch", "[{\"method\":\"GET\",\"relative_url\":\"me\"}]");

        assertEquals(200, answer.json().get(0).path("code").asInt());
    }
}
