package io.partnersync.tokenvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.Topics;
import io.partnersync.simulator.data.DemoData;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.KafkaBroker;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.tokenvault.domain.StoredToken;
import io.partnersync.tokenvault.domain.TokenStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** PartnerDisconnected destroys that token once, announces it once, and ignores what it cannot apply. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
class PartnerDisconnectedTest {

    private static KafkaCompanion kafka;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(KafkaBroker.shared().bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aDisconnectionDestroysThePartnersTokenAndPublishesTokenRevoked() throws Exception {
        UUID partner = UUID.randomUUID();
        String workspace = Calls.workspace();
        String tokenRef = Calls.storePartner(partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN);
        PartnerDisconnected event = disconnection(workspace, partner, tokenRef);

        produce(partner, event);

        awaitStatus(tokenRef, TokenStatus.DESTROYED);
        Calls.secret(tokenRef).then().statusCode(404);
        Calls.details(tokenRef).then()
                .body("audit.action", contains("STORE", "DESTROY_ON_EVENT"))
                .body("audit[1].actor", equalTo("partner-service"))
                .body("audit[1].outcome", containsString(event.eventId().toString()));
        JsonNode revoked = json.readTree(awaitOneTokenRevoked(tokenRef));
        assertThat(revoked.get("workspaceId").asText()).isEqualTo(workspace);
        assertThat(revoked.get("ownerKind").asText()).isEqualTo("PARTNER");
        assertThat(revoked.get("ownerId").asText()).isEqualTo(partner.toString());
        assertThat(revoked.get("reason").asText()).isEqualTo("DESTROYED");
        var record = KafkaRecords.all(List.of(Topics.TOKEN_REVOKED)).stream()
                .filter(r -> new String(r.value()).contains(tokenRef)).findFirst().orElseThrow();
        assertThat(new String(record.key())).isEqualTo(partner.toString());
        assertThat(new String(record.headers().lastHeader("ce_type").value())).isEqualTo("partnersync.token-revoked.v1");
    }

    @Test
    void aRedeliveredDisconnectionDestroysOnceAndPublishesOneTokenRevoked() throws Exception {
        UUID partner = UUID.randomUUID();
        String workspace = Calls.workspace();
        String tokenRef = Calls.storePartner(partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN);
        PartnerDisconnected event = disconnection(workspace, partner, tokenRef);

        produce(partner, event);
        produce(partner, event);
        produce(partner, event);
        awaitStatus(tokenRef, TokenStatus.DESTROYED);
        String marker = reconnectAndDisconnectAgain(partner, workspace);

        assertThat(awaitOneTokenRevoked(marker)).isNotEmpty();
        assertThat(KafkaRecords.tokenRevokedFor(tokenRef)).hasSize(1);
        Calls.details(tokenRef).then().body("audit.action", contains("STORE", "DESTROY_ON_EVENT"));
    }

    @Test
    void disconnectionsNamingNoTokenOfThePartnerChangeNothing() throws Exception {
        UUID partner = UUID.randomUUID();
        String workspace = Calls.workspace();
        String tokenRef = Calls.storePartner(partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN);
        String unknownRef = "tok_" + UUID.randomUUID();

        produce(partner, disconnection(workspace, partner, unknownRef));
        produce(partner, disconnection(workspace, UUID.randomUUID(), tokenRef));
        produce(partner, disconnection(Calls.workspace(), partner, tokenRef));
        PartnerDisconnected real = disconnection(workspace, partner, tokenRef);
        produce(partner, real);

        awaitStatus(tokenRef, TokenStatus.DESTROYED);
        // Only the last event, the one that names this partner's token in its workspace, destroyed it.
        Calls.details(tokenRef).then()
                .body("audit.action", contains("STORE", "DESTROY_ON_EVENT"))
                .body("audit[1].outcome", containsString(real.eventId().toString()));
        assertThat(awaitOneTokenRevoked(tokenRef)).isNotEmpty();
        assertThat(KafkaRecords.tokenRevokedFor(unknownRef)).isEmpty();
    }

    @Test
    void aDisconnectionOfAnAlreadyDeletedTokenPublishesNothingMore() throws Exception {
        UUID partner = UUID.randomUUID();
        String workspace = Calls.workspace();
        String tokenRef = Calls.storePartner(partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN);
        Calls.delete(tokenRef).then().statusCode(204);
        assertThat(awaitOneTokenRevoked(tokenRef)).contains("deleted by partner-service");

        produce(partner, disconnection(workspace, partner, tokenRef));
        String marker = reconnectAndDisconnectAgain(partner, workspace);

        assertThat(awaitOneTokenRevoked(marker)).isNotEmpty();
        assertThat(KafkaRecords.tokenRevokedFor(tokenRef)).hasSize(1);
        Calls.details(tokenRef).then().body("audit.action", contains("STORE", "DELETE"));
    }

    /** Same key, so once this later event is handled, every earlier one of the partner was too. */
    private String reconnectAndDisconnectAgain(UUID partner, String workspace) throws Exception {
        String newRef = Calls.storePartner(partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_ROTATED_TOKEN);
        produce(partner, disconnection(workspace, partner, newRef));
        awaitStatus(newRef, TokenStatus.DESTROYED);
        return newRef;
    }

    private static PartnerDisconnected disconnection(String workspace, UUID partner, String tokenRef) {
        return new PartnerDisconnected(UUID.randomUUID(), Instant.now(), workspace, UUID.randomUUID(), partner,
                DemoData.BRIGHTLINE_MEDIA, tokenRef, "admin@" + workspace, "customer disconnected the partner");
    }

    private void produce(UUID key, PartnerDisconnected event) throws Exception {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.PARTNER_DISCONNECTED, key.toString(),
                json.writeValueAsString(event))).awaitCompletion(Duration.ofSeconds(30));
    }

    static void awaitStatus(String tokenRef, TokenStatus status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> StoredToken.findByRef(tokenRef).map(t -> t.status).orElse(null)) == status);
    }

    static String awaitOneTokenRevoked(String tokenRef) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> KafkaRecords.tokenRevokedFor(tokenRef),
                records -> !records.isEmpty()).get(0);
    }
}
