package io.partnersync.partner.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.partnersync.events.DiscoveredPartner;
import io.partnersync.events.PartnersDiscovered;
import io.partnersync.testkit.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A fresh workspace driven through partner-service's public surface: REST as its admin or
 * viewer, discovery snapshots through Kafka.
 */
public final class Workspace {

    public final String id = TestData.workspace();
    public final String admin = TestJwt.admin(id);
    public final String viewer = TestJwt.viewer(id);

    /** An integration of this workspace, created through the API. */
    public record Integration(Workspace workspace, UUID id, String businessId, String token) {

        /** Sends a snapshot taken now and waits until partner-service applied it. */
        public void discover(DiscoveredPartner... partners) {
            discoverAt(now(), partners);
        }

        public void discoverAt(Instant takenAt, DiscoveredPartner... partners) {
            Kafka.send(TestData.snapshot(workspace.id, id, businessId, takenAt, partners));
            await().atMost(Duration.ofSeconds(60)).until(() -> takenAt.toString().equals(
                    workspace.asAdmin().get("/api/integrations/{id}", id).then().statusCode(200)
                            .extract().path("lastDiscoveryAt")));
        }

        public PartnersDiscovered snapshot(Instant takenAt, DiscoveredPartner... partners) {
            return TestData.snapshot(workspace.id, id, businessId, takenAt, partners);
        }

        public UUID partnerId(String partnerBusinessId) {
            String partnerId = workspace.asAdmin().queryParam("size", 100)
                    .get("/api/integrations/{id}/partners", id).then().statusCode(200)
                    .extract().jsonPath().param("business", partnerBusinessId)
                    .getString("items.find { it.businessId == business }.id");
            if (partnerId == null) {
                throw new AssertionError("No partner " + partnerBusinessId + " in integration " + id);
            }
            return UUID.fromString(partnerId);
        }

        public JsonPath partner(UUID partnerId) {
            return workspace.asAdmin().get("/api/integrations/{i}/partners/{p}", id, partnerId)
                    .then().statusCode(200).extract().jsonPath();
        }

        public JsonPath history(UUID partnerId) {
            return workspace.asAdmin().get("/api/integrations/{i}/partners/{p}/history", id, partnerId)
                    .then().statusCode(200).extract().jsonPath();
        }

        public Response connect(UUID partnerId, String token) {
            return workspace.asAdmin().body(Map.of("token", token))
                    .post("/api/integrations/{i}/partners/{p}/connection", id, partnerId);
        }

        public Response disconnect(UUID partnerId) {
            return workspace.asAdmin().delete("/api/integrations/{i}/partners/{p}/connection", id, partnerId);
        }
    }

    public RequestSpecification asAdmin() {
        return as(admin);
    }

    public RequestSpecification asViewer() {
        return as(viewer);
    }

    public static RequestSpecification as(String jwt) {
        return given().auth().oauth2(jwt).contentType(ContentType.JSON);
    }

    public Response create(String name, String businessId, String token) {
        return asAdmin().body(Map.of("name", name, "metaBusinessId", businessId, "token", token))
                .post("/api/integrations");
    }

    /** Creates an integration (token-vault-service answering like the stub does by default). */
    public Integration integration() {
        String businessId = TestData.businessId();
        String token = TestData.token();
        String integrationId = create("Acme " + businessId, businessId, token).then().statusCode(201).extract().path("id");
        return new Integration(this, UUID.fromString(integrationId), businessId, token);
    }

    /** Times as PostgreSQL keeps them (microseconds), so that what the API answers equals what a test sent. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
