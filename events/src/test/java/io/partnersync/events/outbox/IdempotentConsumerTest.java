package io.partnersync.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.Topics;
import io.partnersync.testkit.KafkaBroker;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class IdempotentConsumerTest {

    private static KafkaCompanion kafka;

    @Inject
    TestPartnerService partners;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void connectToKafka() {
        kafka = new KafkaCompanion(KafkaBroker.shared().bootstrapServers());
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void aRedeliveredEventChangesStateOnce() throws Exception {
        UUID partnerId = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        partners.connect(partnerId);
        partners.connect(marker);
        String disconnected = json.writeValueAsString(disconnection(partnerId, "customer asked"));

        produce(partnerId, disconnected);
        produce(partnerId, disconnected);
        produce(partnerId, disconnected);
        // Same partition, later offset: once this one is handled, the redeliveries were too.
        produce(partnerId, json.writeValueAsString(disconnection(marker, "customer asked")));

        await().atMost(Duration.ofSeconds(30)).until(() -> partner(marker).disconnections == 1);
        assertThat(partner(partnerId).disconnections).isEqualTo(1);
        assertThat(partner(partnerId).status).isEqualTo("DISCONNECTED");
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() throws Exception {
        UUID partnerId = UUID.randomUUID();
        partners.connect(partnerId);
        ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                .fromTopics(Topics.deadLetterTopicOf(Topics.PARTNER_DISCONNECTED));

        produce(partnerId, "{this is not json");
        produce(partnerId, json.writeValueAsString(disconnection(partnerId, "customer asked")));

        await().atMost(Duration.ofSeconds(30)).until(() -> partner(partnerId).disconnections == 1);
        ConsumerRecord<String, String> deadLetter = await().atMost(Duration.ofSeconds(30)).until(
                () -> deadLetters.getRecords().stream().filter(r -> partnerId.toString().equals(r.key())).findFirst().orElse(null),
                r -> r != null);
        assertThat(deadLetter.value()).isEqualTo("{this is not json");
        assertThat(header(deadLetter, "dead-letter-reason")).isNotBlank();
        assertThat(header(deadLetter, "dead-letter-topic")).isEqualTo(Topics.PARTNER_DISCONNECTED);
    }

    @Test
    void anEventItsHandlerRefusesGoesToTheDeadLetterTopicAndChangesNothing() throws Exception {
        UUID partnerId = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        partners.connect(partnerId);
        partners.connect(marker);
        ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                .fromTopics(Topics.deadLetterTopicOf(Topics.PARTNER_DISCONNECTED));
        PartnerDisconnected poison = disconnection(partnerId, TestDisconnectionHandler.POISON_REASON);

        produce(partnerId, json.writeValueAsString(poison));
        produce(partnerId, json.writeValueAsString(disconnection(marker, "customer asked")));

        await().atMost(Duration.ofSeconds(30)).until(() -> partner(marker).disconnections == 1);
        ConsumerRecord<String, String> deadLetter = await().atMost(Duration.ofSeconds(30)).until(
                () -> deadLetters.getRecords().stream().filter(r -> partnerId.toString().equals(r.key())).findFirst().orElse(null),
                r -> r != null);
        assertThat(json.readValue(deadLetter.value(), PartnerDisconnected.class)).isEqualTo(poison);
        assertThat(header(deadLetter, "dead-letter-reason")).contains("this event cannot be processed");
        // The handler's transaction rolled back: neither the effect nor the processed mark stayed.
        assertThat(partner(partnerId).disconnections).isZero();
        assertThat(partner(partnerId).status).isEqualTo("ONBOARDED");
    }

    private static PartnerDisconnected disconnection(UUID partnerId, String reason) {
        return new PartnerDisconnected(UUID.randomUUID(), Instant.now(), "ws-test", UUID.randomUUID(), partnerId,
                "1234567890", "tokenref-1", "tester", reason);
    }

    private static void produce(UUID key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.PARTNER_DISCONNECTED, key.toString(), value))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    private static TestPartner partner(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> TestPartner.findById(id));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
