package io.partnersync.sync;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.partnersync.events.PartnersyncEvent;
import io.partnersync.events.Topics;
import io.partnersync.testkit.KafkaBroker;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Every record on the topics sync-service publishes or consumes, read from the real broker from
 * the first test on, and a way to publish events as the other services would.
 */
final class EventLog {

    static final List<String> TOPICS = List.of(Topics.SYNC_REQUESTED, Topics.PARTNERS_DISCOVERED,
            Topics.GUEST_USERS_IMPORTED, Topics.PARTNER_SYNC_FAILED, Topics.GUEST_USERS_APPLIED,
            Topics.INTEGRATION_CONNECTED, Topics.PARTNER_CONNECTED, Topics.PARTNER_DISCONNECTED);
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static KafkaCompanion kafka;
    private static ConsumerTask<String, String> records;

    private EventLog() {
    }

    static synchronized void start() {
        if (kafka != null) {
            return;
        }
        kafka = new KafkaCompanion(KafkaBroker.shared().bootstrapServers());
        Set<String> existing = kafka.topics().list();
        for (String topic : TOPICS) {
            if (!existing.contains(topic)) {
                kafka.topics().createAndWait(topic, 1);
            }
        }
        records = kafka.consumeStrings().withGroupId("sync-service-tests-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Set.copyOf(TOPICS));
    }

    static List<ConsumerRecord<String, String>> all() {
        return records.getRecords();
    }

    static List<JsonNode> events(String topic, Predicate<JsonNode> filter) {
        return all().stream().filter(r -> r.topic().equals(topic)).map(r -> read(r.value())).filter(filter).toList();
    }

    static void publish(String topic, PartnersyncEvent event) {
        try {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, event.key(), JSON.writeValueAsString(event)))
                    .awaitCompletion();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON on a topic: " + json, e);
        }
    }
}
