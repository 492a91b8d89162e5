package io.partnersync.tokenvault;

import static io.partnersync.tokenvault.Calls.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnersync.simulator.control.SimulatorControl;
import io.partnersync.simulator.data.DemoData;
import io.partnersync.simulator.graph.CallBudget;
import io.partnersync.simulator.graph.Faults;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Meta failing, slow or throttling us is a 503 with retry advice, never a refusal, and changes nothing. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
class MetaUnavailableTest {

    private final SimulatorControl simulator = GraphSimulatorResource.simulator().control();
    private String workspace;

    @BeforeEach
    void fresh() {
        workspace = Calls.workspace();
        simulator.resetRequestCounts();
    }

    @AfterEach
    void resetSimulator() {
        simulator.reset();
    }

    @Test
    void metaAnswering5xxIsRetriedThenAnswered503() {
        simulator.setFaults(Faults.none().withErrorRate(1.0));

        unavailable(storeBrightline(), 30).body("detail", containsString("Meta failed to answer (HTTP 500)"));

        // One call and two quick retries, then the caller is told to come back.
        assertThat(simulator.requestCounts().forEndpoint("GET /debug_token")).isEqualTo(3);
        assertThat(TokenValidationTest.tokensIn(workspace)).isZero();
    }

    @Test
    void metaThrottlingIsAnswered503WithMetasOwnEstimate() {
        // Two business calls per two minutes: /me and /me/businesses pass, system_users is throttled.
        simulator.setCallBudget(CallBudget.of(2, 120));

        unavailable(storeBrightline(), 120).body("detail", containsString("Meta is limiting our calls (Graph error 80004)"));

        assertThat(simulator.requestCounts().forEndpoint("GET /{business}/system_users")).isEqualTo(1);
        assertThat(TokenValidationTest.tokensIn(workspace)).isZero();
    }

    @Test
    void metaTooSlowIsAnswered503() {
        simulator.setFaults(Faults.none().withLatencyMs(4500));

        unavailable(Calls.validate(body("PARTNER", UUID.randomUUID(), workspace, DemoData.BRIGHTLINE_MEDIA,
                DemoData.BRIGHTLINE_TOKEN)).then(), 30).body("detail", containsString("Meta did not answer in time"));
    }

    private ValidatableResponse storeBrightline() {
        return Calls.store(body("PARTNER", UUID.randomUUID(), workspace, DemoData.BRIGHTLINE_MEDIA,
                DemoData.BRIGHTLINE_TOKEN)).then();
    }

    private static ValidatableResponse unavailable(ValidatableResponse response, int retryAfterSeconds) {
        return response.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", String.valueOf(retryAfterSeconds))
                .body("type", equalTo("https://partnersync.io/problems/meta-unavailable"))
                .body("title", equalTo("Meta is unavailable"))
                .body("retryAfterSeconds", equalTo(retryAfterSeconds));
    }
}
