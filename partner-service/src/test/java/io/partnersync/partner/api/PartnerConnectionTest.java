package io.partnersync.partner.api;

import static io.partnersync.partner.support.TestData.adAccount;
import static io.partnersync.partner.support.TestData.agency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

/** Connecting and disconnecting partners through the API, with token-vault-service as a recorded stub. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(TokenVaultStubResource.class)
class PartnerConnectionTest {

    private final TokenVaultStub tokenVault = TokenVaultStub.shared();

    @Inject
    DataSource dataSource;

    private Db db;
    private Workspace ws;
    private Workspace.Integration integration;
    private final String sharingBusiness = TestData.businessId();
    private final String notSharingBusiness = TestData.businessId();
    private UUID sharing;
    private UUID notSharing;

    @BeforeEach
    void aWorkspaceWithTwoDiscoveredPartners() {
        db = new Db(dataSource);
        tokenVault.reset();
        ws = new Workspace();
        integration = ws.integration();
        integration.discover(agency(sharingBusiness, "Brightline Media", adAccount("Acme EU")),
                agency(notSharingBusiness, "Northwind Agency"));
        sharing = integration.partnerId(sharingBusiness);
        notSharing = integration.partnerId(notSharingBusiness);
        tokenVault.reset();
    }

    @Test
    void connectingOnboardsThePartnerAndPublishesPartnerConnected() throws Exception {
        String token = TestData.token();
        ConsumerTask<String, String> published = Kafka.read(Topics.PARTNER_CONNECTED);

        integration.connect(sharing, token).then()
                .statusCode(200)
                .body("status", equalTo("ONBOARDED"))
                .body("statusLabel", equalTo("Onboarded"))
                .body("tokenFingerprint.last4", equalTo(token.substring(token.length() - 4)))
                .body("tokenFingerprint.sha256Prefix", equalTo(TokenVaultStub.sha256Prefix(token)))
                .body("connectedBy", equalTo("admin@" + ws.id))
                .body("connectedAt", org.hamcrest.Matchers.notNullValue())
                .body(not(containsString(token)));

        TokenVaultStub.Recorded store = tokenVault.stores().get(0);
        assertThat(tokenVault.stores()).hasSize(1);
        assertThat(store.json().get("ownerKind").asText()).isEqualTo("PARTNER");
        assertThat(store.json().get("ownerId").asText()).isEqualTo(sharing.toString());
        assertThat(store.json().get("workspaceId").asText()).isEqualTo(ws.id);
        assertThat(store.json().get("businessId").asText()).isEqualTo(sharingBusiness);
        assertThat(store.json().get("token").asText()).isEqualTo(token);
        assertThat(store.serviceJwt().subject()).isEqualTo("partner-service");
        assertThat(store.serviceJwt().keyId()).isEqualTo("partner-service");
        assertThat(store.serviceJwt().signatureValid()).isTrue();

        JsonPath history = integration.history(sharing);
        assertThat(history.getList("changes.to")).containsExactly("ONBOARDED", "PENDING_ONBOARDING");
        assertThat(history.getString("changes[0].from")).isEqualTo("PENDING_ONBOARDING");
        assertThat(history.getString("changes[0].byUser")).isEqualTo("admin@" + ws.id);
        assertThat(history.getString("changes[0].byEvent")).isNull();

        ConsumerRecord<String, String> record = Kafka.awaitRecordWithKey(published, sharing.toString());
        JsonNode event = Kafka.JSON.readTree(record.value());
        assertThat(Kafka.headers(record))
                .containsEntry("ce_type", "partnersync.partner-connected.v1")
                .containsEntry("ce_source", "partner-service")
                .containsEntry("ce_id", event.get("eventId").asText())
                .containsEntry("ce_subject", sharing.toString());
        assertThat(event.get("partnerId").asText()).isEqualTo(sharing.toString());
        assertThat(event.get("integrationId").asText()).isEqualTo(integration.id().toString());
        assertThat(event.get("workspaceId").asText()).isEqualTo(ws.id);
        assertThat(event.get("partnerBusinessId").asText()).isEqualTo(sharingBusiness);
        assertThat(event.get("partnerName").asText()).isEqualTo("Brightline Media");
        assertThat(event.get("relationship").asText()).isEqualTo("AGENCY");
        assertThat(event.get("tokenRef").asText()).isEqualTo(store.issuedTokenRef());
        assertThat(event.get("connectedBy").asText()).isEqualTo("admin@" + ws.id);
        assertThat(record.value()).doesNotContain(token);
    }

    @Test
    void connectingAnOnboardedPartnerIsAConflictNamingItsStatusAndNoTokenLeaves() {
        integration.connect(sharing, TestData.token()).then().statusCode(200);
        tokenVault.reset();

        integration.connect(sharing, TestData.token()).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partnersync.io/problems/partner-status-conflict"))
                .body("status", equalTo("ONBOARDED"))
                .body("allowedStatuses", equalTo(List.of("PENDING_ONBOARDING", "RECONNECT_REQUIRED", "DISCONNECTED")))
                .body("detail", containsString("is ONBOARDED"));

        assertThat(tokenVault.requests()).isEmpty();
        assertThat(integration.history(sharing).getList("changes")).hasSize(2);
    }

    @Test
    void connectingAPartnerThatSharesNoAssetIsAConflict() {
        integration.connect(notSharing, TestData.token()).then()
                .statusCode(409)
                .body("type", equalTo("https://partnersync.io/problems/partner-shares-no-asset"))
                .body("partnerId", equalTo(notSharing.toString()));

        assertThat(tokenVault.requests()).isEmpty();
        assertUnchanged(notSharing);
    }

    @Test
    void connectingAPartnerWhoseAccessWasRemovedIsAConflict() {
        integration.discover(agency(notSharingBusiness, "Northwind Agency"));
        integration.partner(sharing);
        assertThat(integration.partner(sharing).getString("status")).isEqualTo("ACCESS_REMOVED");

        integration.connect(sharing, TestData.token()).then()
                .statusCode(409)
                .body("status", equalTo("ACCESS_REMOVED"));
        assertThat(tokenVault.requests()).isEmpty();
    }

    @Test
    void aRejectedTokenGetsTokenVaultsProblemUnchangedAndThePartnerStaysAsItWas() {
        String token = TestData.token();
        tokenVault.refuse(token, new Failure("NOT_SYSTEM_USER", "The token belongs to a person, not a system user."),
                new Failure("TOKEN_EXPIRES", "The token expires on 2027-01-01; create a never-expiring one."),
                new Failure("WRONG_BUSINESS", "The token is of business 42, not of this partner."));
        ConsumerTask<String, String> published = Kafka.read(Topics.PARTNER_CONNECTED);

        integration.connect(sharing, token).then()
                .statusCode(422)
                .body("type", equalTo("https://partnersync.io/problems/token-rejected"))
                .body("title", equalTo("The token was rejected"))
                .body("detail", equalTo("The token belongs to a person, not a system user. "
                        + "The token expires on 2027-01-01; create a never-expiring one. "
                        + "The token is of business 42, not of this partner."))
                .body("failures.check", equalTo(List.of("NOT_SYSTEM_USER", "TOKEN_EXPIRES", "WRONG_BUSINESS")))
                .body("failures[2].message", equalTo("The token is of business 42, not of this partner."))
                .body(not(containsString(token)));

        assertUnchanged(sharing);
        assertThat(db.count("select count(*) from outbox_event where record_key = ?", sharing.toString())).isZero();
        assertThat(published.getRecords()).noneMatch(r -> sharing.toString().equals(r.key()));
    }

    @Test
    void tokenVaultUnavailableAnswers503AndChangesNothing() {
        tokenVault.metaUnavailable(7);
        integration.connect(sharing, TestData.token()).then()
                .statusCode(503)
                .header("Retry-After", "7")
                .body("type", equalTo("https://partnersync.io/problems/meta-unavailable"));
        assertUnchanged(sharing);

        tokenVault.reset();
        tokenVault.down();
        try {
            integration.connect(sharing, TestData.token()).then()
                    .statusCode(503)
                    .header("Retry-After", "30")
                    .body("type", equalTo("https://partnersync.io/problems/token-vault-unavailable"));
        } finally {
            tokenVault.up();
        }
        assertUnchanged(sharing);
        assertThat(db.count("select count(*) from outbox_event where record_key = ?", sharing.toString())).isZero();
    }

    @Test
    void disconnectingPublishesTheTokenToDestroyAndThePartnerCanBeConnectedAgainWithANewToken() throws Exception {
        ConsumerTask<String, String> disconnections = Kafka.read(Topics.PARTNER_DISCONNECTED);
        ConsumerTask<String, String> connections = Kafka.read(Topics.PARTNER_CONNECTED);
        integration.connect(sharing, TestData.token()).then().statusCode(200);
        String firstRef = tokenVault.stores().get(0).issuedTokenRef();

        integration.disconnect(sharing).then()
                .statusCode(200)
                .body("status", equalTo("DISCONNECTED"))
                .body("statusLabel", equalTo("Disconnected"))
                .body("tokenFingerprint", nullValue())
                .body("connectedAt", nullValue());

        ConsumerRecord<String, String> record = Kafka.awaitRecordWithKey(disconnections, sharing.toString());
        JsonNode event = Kafka.JSON.readTree(record.value());
        assertThat(Kafka.headers(record)).containsEntry("ce_type", "partnersync.partner-disconnected.v1")
                .containsEntry("ce_source", "partner-service")
                .containsEntry("ce_id", event.get("eventId").asText());
        assertThat(event.get("tokenRef").asText()).isEqualTo(firstRef);
        assertThat(event.get("disconnectedBy").asText()).isEqualTo("admin@" + ws.id);
        assertThat(event.get("partnerBusinessId").asText()).isEqualTo(sharingBusiness);
        assertThat(db.count("select count(*) from partner where id = ? and token_ref is null", sharing)).isEqualTo(1);

        integration.disconnect(sharing).then().statusCode(409).body("status", equalTo("DISCONNECTED"));

        String newToken = TestData.token();
        integration.connect(sharing, newToken).then()
                .statusCode(200)
                .body("status", equalTo("ONBOARDED"))
                .body("tokenFingerprint.last4", equalTo(newToken.substring(newToken.length() - 4)));
        String secondRef = tokenVault.stores().get(1).issuedTokenRef();
        assertThat(secondRef).isNotEqualTo(firstRef);
        await().atMost(java.time.Duration.ofSeconds(60)).until(
                () -> Kafka.recordsWithKey(connections, sharing.toString()).size() == 2);
        assertThat(Kafka.recordsWithKey(connections, sharing.toString()))
                .extracting(r -> Kafka.JSON.readTree(r.value()).get("tokenRef").asText())
                .containsExactly(firstRef, secondRef);
        assertThat(integration.history(sharing).getList("changes.to"))
                .containsExactly("ONBOARDED", "DISCONNECTED", "ONBOARDED", "PENDING_ONBOARDING");
    }

    @Test
    void twoAdminsConnectingOnePartnerAtOnceStoreOneTokenAndTheSecondIsAConflict() throws Exception {
        // token-vault-service takes its time validating, so that both requests overlap.
        tokenVault.beforeStoreAnswers(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecutorService admins = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = admins.submit(() -> integration.connect(sharing, TestData.token()).statusCode());
            Future<Integer> second = admins.submit(() -> integration.connect(sharing, TestData.token()).statusCode());

            assertThat(List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(200, 409);
        } finally {
            admins.shutdownNow();
        }
        assertThat(tokenVault.stores()).hasSize(1);
        String stored = tokenVault.stores().get(0).issuedTokenRef();
        assertThat(db.single("select token_ref from partner where id = ?", sharing)).isEqualTo(stored);
        assertThat(integration.history(sharing).getList("changes.to")).containsExactly("ONBOARDED", "PENDING_ONBOARDING");
    }

    @Test
    void aPendingPartnerCanBeDisconnectedAndItsEventNamesNoToken() throws Exception {
        ConsumerTask<String, String> disconnections = Kafka.read(Topics.PARTNER_DISCONNECTED);

        integration.disconnect(notSharing).then().statusCode(200).body("status", equalTo("DISCONNECTED"));

        JsonNode event = Kafka.JSON.readTree(Kafka.awaitRecordWithKey(disconnections, notSharing.toString()).value());
        assertThat(event.get("tokenRef").isNull()).isTrue();
    }

    @Test
    void onlyAnAdminOfTheWorkspaceConnectsOrDisconnects() {
        Workspace other = new Workspace();
        String token = TestData.token();

        ws.asViewer().body(Map.of("token", token))
                .post("/api/integrations/{i}/partners/{p}/connection", integration.id(), sharing)
                .then().statusCode(403);
        ws.asViewer().delete("/api/integrations/{i}/partners/{p}/connection", integration.id(), sharing)
                .then().statusCode(403);
        other.asAdmin().body(Map.of("token", token))
                .post("/api/integrations/{i}/partners/{p}/connection", integration.id(), sharing)
                .then().statusCode(404)
                .body("type", equalTo("https://partnersync.io/problems/integration-not-found"));
        other.asAdmin().delete("/api/integrations/{i}/partners/{p}/connection", integration.id(), sharing)
                .then().statusCode(404);
        other.asAdmin().get("/api/integrations/{i}/partners/{p}", integration.id(), sharing).then().statusCode(404);
        other.asAdmin().get("/api/integrations/{i}/partners/{p}/history", integration.id(), sharing).then().statusCode(404);
        Workspace.Integration ofOther = other.integration();
        tokenVault.reset();
        // A partner id of workspace A under an integration of workspace B is no partner at all.
        other.asAdmin().body(Map.of("token", token))
                .post("/api/integrations/{i}/partners/{p}/connection", ofOther.id(), sharing)
                .then().statusCode(404)
                .body("type", equalTo("https://partnersync.io/problems/partner-not-found"));

        assertThat(tokenVault.requests()).isEmpty();
        assertUnchanged(sharing);
    }

    @Test
    void anUnknownPartnerIsNotFound() {
        integration.connect(UUID.randomUUID(), TestData.token()).then().statusCode(404)
                .body("type", equalTo("https://partnersync.io/problems/partner-not-found"));
        integration.disconnect(UUID.randomUUID()).then().statusCode(404);
        ws.asViewer().get("/api/integrations/{i}/partners/{p}", integration.id(), UUID.randomUUID()).then().statusCode(404);
        assertThat(tokenVault.requests()).isEmpty();
    }

    private void assertUnchanged(UUID partnerId) {
        JsonPath partner = integration.partner(partnerId);
        assertThat(partner.getString("status")).isEqualTo("PENDING_ONBOARDING");
        assertThat(partner.getString("tokenFingerprint")).isNull();
        assertThat(partner.getString("connectedAt")).isNull();
        assertThat(integration.history(partnerId).getList("changes.to")).containsExactly("PENDING_ONBOARDING");
        assertThat(db.count("select count(*) from partner where id = ? and token_ref is null", partnerId)).isEqualTo(1);
    }
}
