package io.partnersync.tokenvault;

import static io.partnersync.tokenvault.Calls.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnersync.simulator.control.SimulatorControl;
import io.partnersync.simulator.data.DemoData;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Bad input answers a clear 400 problem, asks nothing of Meta and stores nothing. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
class BadInputTest {

    private final SimulatorControl simulator = GraphSimulatorResource.simulator().control();
    private String workspace;

    @BeforeEach
    void fresh() {
        workspace = Calls.workspace();
        simulator.resetRequestCounts();
    }

    @Test
    void eachMissingFieldIsNamed() {
        for (String field : new String[] { "ownerKind", "ownerId", "workspaceId", "businessId", "token" }) {
            Map<String, Object> body = good();
            body.remove(field);
            refused(body, "invalid-request").body("violations.field", contains(field));
        }
        refusedRaw("", "invalid-request");
    }

    @Test
    void aBusinessIdMustBeDigits() {
        Map<String, Object> body = good();
        body.put("businessId", "acme-retail");
        refused(body, "invalid-request")
                .body("violations.field", contains("businessId"))
                .body("violations[0].message", equalTo("must be a Meta business id (digits only)"));
    }

    @Test
    void anUnknownOwnerKindOrAMalformedOwnerIdIsRefused() {
        Map<String, Object> body = good();
        body.put("ownerKind", "AGENCY");
        refused(body, "invalid-json").body("detail", containsString("ownerKind"));
        body = good();
        body.put("ownerId", "partner-1");
        refused(body, "invalid-json").body("detail", containsString("ownerId"));
    }

    @Test
    void anOversizeTokenIsRefusedWithoutBeingEchoed() {
        Map<String, Object> body = good();
        String huge = "EAA" + "x".repeat(3000);
        body.put("token", huge);
        refused(body, "invalid-request")
                .body("violations.field", hasItem("token"))
                .body(not(containsString("xxxxxxxx")));
        body.put("token", "EAA token with spaces");
        refused(body, "invalid-request").body("violations.field", contains("token"));
    }

    @Test
    void anUnknownFieldIsRefused() {
        Map<String, Object> body = good();
        body.put("expiresAt", "never");
        refused(body, "invalid-json").body("detail", equalTo("Unknown field 'expiresAt'."));
    }

    @Test
    void malformedJsonIsRefused() {
        refusedRaw("{\"ownerKind\": \"PARTNER\", ", "malformed-json");
    }

    @Test
    void aMalformedTokenReferenceIsRefused() {
        Calls.details("12345").then().statusCode(400)
                .body("type", equalTo("https://partnersync.io/problems/invalid-request"));
        Calls.secret("tok_../../etc").then().statusCode(400);
        Calls.delete("tok_not-a-uuid").then().statusCode(400);
    }

    private Map<String, Object> good() {
        return body("PARTNER", UUID.randomUUID(), workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN);
    }

    private ValidatableResponse refused(Map<String, Object> body, String type) {
        ValidatableResponse store = Calls.store(body).then();
        expectRefusal(store, type);
        expectRefusal(Calls.validate(body).then(), type);
        assertNothingHappened();
        return store;
    }

    private void refusedRaw(String json, String type) {
        expectRefusal(Calls.as(Calls.PARTNER_SERVICE).contentType(ContentType.JSON).body(json).post("/internal/tokens")
                .then(), type);
        assertNothingHappened();
    }

    private static void expectRefusal(ValidatableResponse response, String type) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partnersync.io/problems/" + type))
                .body(not(containsString(DemoData.BRIGHTLINE_TOKEN)));
    }

    private void assertNothingHappened() {
        assertThat(TokenValidationTest.tokensIn(workspace)).isZero();
        assertThat(simulator.requestCounts().total()).isZero();
    }
}
