package io.partnersync.simulator;

import static io.partnersync.simulator.data.DemoData.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnersync.simulator.GraphClient.Answer;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.graph.CallBudget;
import io.partnersync.simulator.graph.Faults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThrottlingTest {

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

    private static Answer callAsBrightline() {
        return graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", BRIGHTLINE_TOKEN);
    }

    private static JsonNode businessUsage(Answer answer) {
        return answer.usage("X-Business-Use-Case-Usage").path(BRIGHTLINE_MEDIA).get(0);
    }

    @Test
    void usageHeadersReportTheShareOfTheBudgetUsed() {
        simulator.control().setCallBudget(CallBudget.of(4, 60));

        callAsBrightline();
        Answer second = callAsBrightline();

        JsonNode usage = businessUsage(second);
        assertEquals("ads_management", usage.path("type").asText());
        assertEquals(50, usage.path("call_count").asInt());
        assertEquals(50, usage.path("total_cputime").asInt());
        assertEquals(50, usage.path("total_time").asInt());
        assertEquals(0, usage.path("estimated_time_to_regain_access").asInt());
        assertEquals(50, second.usage("X-App-Usage").path("call_count").asInt());
    }

    @Test
    void spentBudgetAnswers80004WithTheTimeToRegainAccessInMinutes() {
        simulator.control().setCallBudget(CallBudget.of(2, 2));
        callAsBrightline();
        callAsBrightline();

        Answer throttled = callAsBrightline();

        assertEquals(400, throttled.status());
        assertEquals(80004, throttled.errorCode());
        assertEquals(2446079, throttled.errorSubcode());
        assertTrue(throttled.error().path("is_transient").asBoolean());
        JsonNode usage = businessUsage(throttled);
        assertEquals(100, usage.path("call_count").asInt());
        assertEquals(1, usage.path("estimated_time_to_regain_access").asInt(), "2 seconds left, rounded up to a minute");
    }

    @Test
    void budgetsAreKeptPerBusiness() {
        simulator.control().setCallBudget(CallBudget.of(1, 60));
        callAsBrightline();

        Answer acme = graph.get("/me", "access_token", ACME_TOKEN);

        assertEquals(200, acme.status());
        assertEquals(80004, callAsBrightline().errorCode());
    }

    @Test
    void throttlingCanAnswerCode17() {
        simulator.control().setCallBudget(new CallBudget(1, 60, CallBudget.USER_REQUEST_LIMIT));
        callAsBrightline();

        Answer throttled = callAsBrightline();

        assertEquals(17, throttled.errorCode());
        assertEquals(2446079, throttled.errorSubcode());
    }

    @Test
    void accessReturnsWhenTheWindowHasPassed() throws InterruptedException {
        simulator.control().setCallBudget(CallBudget.of(1, 1));
        callAsBrightline();
        assertEquals(80004, callAsBrightline().errorCode());

        Thread.sleep(1_100);

        assertEquals(200, callAsBrightline().status());
    }

    @Test
    void throttleAllFaultThrottlesEveryBusinessCall() {
        simulator.control().setFaults(Faults.none().withThrottleAll(true));

        Answer answer = graph.get("/me", "access_token", ACME_TOKEN);

        assertEquals(80004, answer.errorCode());
        assertTrue(answer.usage("X-Business-Use-Case-Usage").path(ACME_RETAIL).get(0)
                .path("estimated_time_to_regain_access").asInt() >= 1);
    }

    @Test
    void errorAnswersToBusinessTokensCarryUsageHeadersToo() {
        Answer answer = graph.get("/" + HARBOR_DIGITAL, "access_token", BRIGHTLINE_TOKEN);

        assertEquals(100, answer.errorCode());
        assertTrue(answer.header("X-Business-Use-Case-Usage").contains(BRIGHTLINE_MEDIA));
    }

    @Test
    void debugTokenCarriesNoBusinessUsage() {
        Answer answer = graph.get("/debug_token", "input_token", BRIGHTLINE_TOKEN, "access_token", APP_TOKEN);

        assertNull(answer.header("X-Business-Use-Case-Usage"));
    }
}
