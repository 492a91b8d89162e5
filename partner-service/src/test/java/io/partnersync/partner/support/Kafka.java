package io.partnersync.partner.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.partnersync.events.EventType;
import io.partnersync.events.PartnersyncEvent;
import io.partnersync.testkit.KafkaBroker;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Produces events as the other services do and reads what partner-service published. */
public final class Kafka {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaCompanion companion;

    private Kafka() {
    }

    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(KafkaBroker.shared().bootstrapServers());
        }
        return companion;
    }

    /** Sends the event to its topic with its key, as JSON. */
    public static void send(PartnersyncEvent event) {
        sendRaw(EventType.of(event).topic(), event.key(), json(event));
    }

    public static void sendRaw(String topic, String key, String value) {
        companion().produceStrings().fromRecords(new ProducerRecord<>(topic, key, value))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts reading a topic from its beginning. */
    public static ConsumerTask<String, String> read(String topic) {
        return companion().consumeStrings().fromTopics(topic);
    }

    public static ConsumerRecord<String, String> awaitRecordWithKey(ConsumerTask<String, String> records, String key) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> records.getRecords().stream().filter(r -> key.equals(r.key())).findFirst().orElse(null),
                record -> record != null);
    }

    public static List<ConsumerRecord<String, String>> recordsWithKey(ConsumerTask<String, String> records, String key) {
        return records.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
