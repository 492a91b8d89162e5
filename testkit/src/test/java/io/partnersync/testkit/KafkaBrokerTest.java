package io.partnersync.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

class KafkaBrokerTest {

    private final KafkaBroker broker = KafkaBroker.shared();

    @Test
    void recordsWrittenBeforeAStopAreReadableAfterTheBrokerIsBack() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("testkit-restart", "k", "before")).get(10, TimeUnit.SECONDS);

            broker.stopBroker();
            assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>("testkit-restart", "k", "while-down")).get(10, TimeUnit.SECONDS));
            broker.startBroker();

            producer.send(new ProducerRecord<>("testkit-restart", "k", "after")).get(30, TimeUnit.SECONDS);
        }
        try (KafkaCompanion companion = new KafkaCompanion(broker.bootstrapServers())) {
            List<String> values = companion.consumeStrings().fromTopics("testkit-restart", 2)
                    .awaitCompletion(Duration.ofSeconds(30)).getRecords().stream().map(r -> r.value()).toList();
            assertEquals(List.of("before", "after"), values);
        }
    }

    /** Were the JVM ended, this fork would die and the build fail: that is how this test fails. */
    @Test
    void aBrokerThreadAskingToEndTheJvmIsRefusedAndTheRefusalNamesItsStatus() {
        IllegalStateException exit = assertThrows(IllegalStateException.class, () -> Exit.exit(1, "all log dirs have failed"));
        assertTrue(exit.getMessage().contains("status 1 (all log dirs have failed)"), exit.getMessage());
        assertThrows(IllegalStateException.class, () -> Exit.halt(1));
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000),
                new StringSerializer(), new StringSerializer());
    }
}
