package io.partnersync.partner.api;

import static io.partnersync.partner.support.Workspace.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnersync.events.Topics;
import io.partnersync.partner.support.Db;
import io.partnersync.partner.support.Kafka;
import io.partnersync.partner.support.TestData;
import io.partnersync.partner.support.TokenVaultStub;
import io.partnersync.partner.support.TokenVaultStub.Failure;
import io.partnersync.partner.support.TokenVaultStubResource;
import io.partnersync.partner.support.Workspace;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.testkit.TestJwt;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(TokenVaultStubResource.class)
class IntegrationApiTest {

    private final TokenVaultStub tokenVault = TokenVaultStub.shared();

    @Inject
    DataSource dataSource;

    private Db db;

    @BeforeEach
    void reset() {
        tokenVault.reset();
        db = new Db(dataSource);
    }

    @Test
    void createsAnIntegrationWhoseTokenTokenVaultStoredAndPublishesIntegrationConnected() throws Exception {
        Workspace ws = new Workspace();
        String businessId = TestData.businessId();
        String token = TestData.token();
        ConsumerTask<String, String> published = Kafka.read(Topics.INTEGRATION_CONNECTED);

        JsonPath created = ws.create("  Acme Meta Business  ", businessId, token).then()
                .statusCode(201)
                .header("Location", containsString("/api/integrations/"))
                .body("name", equalTo("Acme Meta Business"))
                .body("metaBusinessId", equalTo(businessId))
                .body("status", equalTo("ACTIVE"))
                .body("tokenFingerprint.last4", equalTo(token.substring(token.length() - 4)))
                .body("tokenFingerprint.sha256Prefix", equalTo(TokenVaultStub.sha256Prefix(token)))
                .body("createdBy", equalTo("admin@" + ws.id))
                .body("createdAt", notNullValue())
                .body("lastDiscoveryAt", nullValue())
                .body("lastSyncResult", nullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("token")))
                .extract().jsonPath();
        String integrationId = created.getString("id");

        TokenVaultStub.Recorded store = tokenVault.stores().get(0);
        assertThat(tokenVault.stores()).hasSize(1);
        assertThat(store.json().get("ownerKind").asText()).isEqualTo("INTEGRATION");
        assertThat(store.json().get("ownerId").asText()).isEqualTo(integrationId);
        assertThat(store.json().get("workspaceId").asText()).isEqualTo(ws.id);
        assertThat(store.json().get("businessId").asText()).isEqualTo(businessId);
        assertThat(store.json().get("token").asText()).isEqualTo(token);
        assertThat(store.serviceJwt().subject()).isEqualTo("partner-service");
        assertThat(store.serviceJwt().keyId()).isEqualTo("partner-service");
        assertThat(store.serviceJwt().signatureValid()).isTrue();
        assertThat(store.serviceJwt().issuer()).isEqualTo(TestJwt.ISSUER);

        ConsumerRecord<String, String> record = Kafka.awaitRecordWithKey(published, integrationId);
        String tokenRef = store.issuedTokenRef();
        assertThat(db.single("select token_ref from integration where id = ?", UUID.fromString(integrationId)))
                .isEqualTo(tokenRef);
        JsonNode event = Kafka.JSON.readTree(record.value());
        assertThat(Kafka.headers(record))
                .containsEntry("ce_type", "partnersync.integration-connected.v1")
                .containsEntry("ce_source", "partner-service")
                .containsEntry("ce_id", event.get("eventId").asText())
                .containsEntry("ce_subject", integrationId)
                .containsEntry("content-type", "application/json");
        assertThat(event.get("integrationId").asText()).isEqualTo(integrationId);
        assertThat(event.get("workspaceId").asText()).isEqualTo(ws.id);
        assertThat(event.get("metaBusinessId").asText()).isEqualTo(businessId);
        assertThat(event.get("integrationName").asText()).isEqualTo("Acme Meta Business");
        assertThat(event.get("tokenRef").asText()).isEqualTo(tokenRef).startsWith("tok_");
        assertThat(event.get("connectedBy").asText()).isEqualTo("admin@" + ws.id);
        assertThat(record.value()).doesNotContain(token);
    }

    @Test
    void listsAndReadsTheWorkspacesIntegrationsForViewersAndAdmins() {
        Workspace ws = new Workspace();
        Workspace.Integration first = ws.integration();
        Workspace.Integration second = ws.integration();

        ws.asViewer().get("/api/integrations").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.id", org.hamcrest.Matchers.contains(first.id().toString(), second.id().toString()));
        ws.asViewer().get("/api/integrations/{id}", first.id()).then().statusCode(200)
                .body("id", equalTo(first.id().toString()))
                .body("metaBusinessId", equalTo(first.businessId()));
        ws.asAdmin().get("/api/integrations/{id}", second.id()).then().statusCode(200);
    }

    @Test
    void aRejectedTokenGetsTokenVaultsProblemUnchangedAndCreatesNothing() {
        Workspace ws = new Workspace();
        String token = TestData.token();
        tokenVault.refuse(token, new Failure("WRONG_APP", "The token was created for app 123, not for partnersync."),
                new Failure("MISSING_SCOPES", "The token lacks the scope business_management."));

        ws.create("Acme", TestData.businessId(), token).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partnersync.io/problems/token-rejected"))
                .body("title", equalTo("The token was rejected"))
                .body("status", equalTo(422))
                .body("detail", equalTo("The token was created for app 123, not for partnersync. "
                        + "The token lacks the scope business_management."))
                .body("failures", equalTo(List.of(
                        Map.of("check", "WRONG_APP", "message", "The token was created for app 123, not for partnersync."),
                        Map.of("check", "MISSING_SCOPES", "message", "The token lacks the scope business_management."))))
                .body(not(containsString(token)));

        assertNothingCreatedIn(ws);
    }

    @Test
    void metaUnavailableBehindTokenVaultAnswers503WithRetryAfterAndCreatesNothing() {
        Workspace ws = new Workspace();
        tokenVault.metaUnavailable(42);

        ws.create("Acme", TestData.businessId(), TestData.token()).then()
                .statusCode(503)
                .header("Retry-After", "42")
                .body("type", equalTo("https://partnersync.io/problems/meta-unavailable"))
                .body("retryAfterSeconds", equalTo(42));

        assertNothingCreatedIn(ws);
    }

    @Test
    void tokenVaultDownAnswers503WithRetryAfterAndCreatesNothing() {
        Workspace ws = new Workspace();
        tokenVault.down();
        try {
            ws.create("Acme", TestData.businessId(), TestData.token()).then()
                    .statusCode(503)
                    .header("Retry-After", "30")
                    .body("type", equalTo("https://partnersync.io/problems/token-vault-unavailable"))
                    .body("retryAfterSeconds", equalTo(30));
        } finally {
            tokenVault.up();
        }

        assertNothingCreatedIn(ws);
        ws.integration();
    }

    @Test
    void aBusinessIsConnectedOncePerWorkspaceAndTheSecondTokenNeverLeaves() {
        Workspace ws = new Workspace();
        Workspace.Integration existing = ws.integration();
        tokenVault.reset();

        ws.create("Again", existing.businessId(), TestData.token()).then()
                .statusCode(409)
                .body("type", equalTo("https://partnersync.io/problems/integration-exists"))
                .body("integrationId", equalTo(existing.id().toString()));

        assertThat(tokenVault.requests()).isEmpty();
        new Workspace().create("Other workspace, same business", existing.businessId(), TestData.token())
                .then().statusCode(201);
    }

    @Test
    void aTokenStoredForAnIntegrationThatCouldNotBeSavedIsDeletedAgain() {
        Workspace ws = new Workspace();
        String businessId = TestData.businessId();
        UUID concurrent = UUID.randomUUID();
        // Another request creates the same business while token-vault-service validates ours.
        tokenVault.beforeStoreAnswers(() -> db.update("""
                insert into integration (id, workspace_id, name, meta_business_id, status, token_ref, token_last4,
                                         token_sha256_prefix, created_at, created_by)
                values (?, ?, 'Concurrent', ?, 'ACTIVE', 'tok_concurrent', 'abcd', '0123456789ab', now(), 'someone')""",
                concurrent, ws.id, businessId));

        ws.create("Acme", businessId, TestData.token()).then()
                .statusCode(409)
                .body("type", equalTo("https://partnersync.io/problems/integration-exists"))
                .body("integrationId", equalTo(concurrent.toString()));

        assertThat(tokenVault.stores()).extracting(TokenVaultStub.Recorded::answeredStatus).containsExactly(201);
        String storedRef = tokenVault.stores().get(0).issuedTokenRef();
        assertThat(tokenVault.deletes()).extracting(TokenVaultStub.Recorded::path)
                .containsExactly("/internal/tokens/" + storedRef);
        assertThat(tokenVault.holds(storedRef)).isFalse();
        assertThat(db.column("select id from integration where workspace_id = ?", ws.id)).containsExactly(concurrent);
        assertThat(db.count("select count(*) from outbox_event where workspace_id = ?", ws.id)).isZero();
    }

    @Test
    void writesNeedAnAdminAndEveryCallAValidBearerToken() {
        Workspace ws = new Workspace();
        Workspace.Integration integration = ws.integration();
        tokenVault.reset();

        ws.asViewer().body(Map.of("name", "Acme", "metaBusinessId", TestData.businessId(), "token", TestData.token()))
                .post("/api/integrations").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partnersync.io/problems/forbidden"));
        as(TestJwt.user(ws.id, "nobody@" + ws.id)).get("/api/integrations").then().statusCode(403);
        as(withoutWorkspace()).get("/api/integrations").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/integrations").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("type", equalTo("https://partnersync.io/problems/unauthenticated"));
        as(TestJwt.forged(ws.id)).get("/api/integrations/{id}", integration.id()).then().statusCode(401);
        as(TestJwt.forged(ws.id)).body(Map.of("name", "Acme", "metaBusinessId", TestData.businessId(),
                "token", TestData.token())).post("/api/integrations").then().statusCode(401);

        assertThat(tokenVault.requests()).isEmpty();
        assertThat(db.count("select count(*) from integration where workspace_id = ?", ws.id)).isEqualTo(1);
    }

    @Test
    void anotherWorkspaceNeitherSeesNorReachesAnIntegration() {
        Workspace a = new Workspace();
        Workspace b = new Workspace();
        Workspace.Integration ofA = a.integration();

        b.asAdmin().get("/api/integrations").then().statusCode(200).body("items", hasSize(0));
        b.asAdmin().get("/api/integrations/{id}", ofA.id()).then().statusCode(404)
                .body("type", equalTo("https://partnersync.io/problems/integration-not-found"));
        b.asAdmin().get("/api/integrations/{id}/partners", ofA.id()).then().statusCode(404);
        a.asAdmin().get("/api/integrations/{id}", ofA.id()).then().statusCode(200);
    }

    @Test
    void anUnknownIntegrationIsNotFound() {
        Workspace ws = new Workspace();
        ws.asViewer().get("/api/integrations/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private void assertNothingCreatedIn(Workspace ws) {
        ws.asAdmin().get("/api/integrations").then().statusCode(200).body("items", hasSize(0));
        assertThat(db.count("select count(*) from integration where workspace_id = ?", ws.id)).isZero();
        assertThat(db.count("select count(*) from outbox_event where workspace_id = ?", ws.id)).isZero();
        assertThat(tokenVault.deletes()).isEmpty();
    }

    private static String withoutWorkspace() {
        try {
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(TestJwt.privateKeyBase64())));
            return Jwt.issuer(TestJwt.ISSUER).upn("drifter").groups(Set.of(TestJwt.ADMIN))
                    .expiresIn(Duration.ofMinutes(5)).sign(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
