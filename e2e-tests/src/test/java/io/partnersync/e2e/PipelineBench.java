package io.partnersync.e2e;

import static io.partnersync.e2e.BenchReport.ratio;
import static io.partnersync.e2e.BenchReport.seconds;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.partnersync.localsystem.LocalSystem;

/**
 * Events per second through a service's transactional outbox relay to Kafka, next to a plain
 * Kafka producer sending the same records to the same broker. The events are rows written
 * straight into user-directory-service's outbox table (as a crashed writer would leave them),
 * for a topic nobody consumes; the relay finds them at its next poll.
 */
final class PipelineBench {

    private static final String SERVICE = "user-directory-service";

    private final LocalSystem system;
    private final BenchReport report;

    PipelineBench(LocalSystem system, BenchReport report) {
        this.system = system;
        this.report = report;
    }

    void outboxRelayVersusPlainProducer(int events, int keys) throws Exception {
        report.heading(String.format("Event pipeline: %,d events over %d keys", events, keys));
        List<String> payloads = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            payloads.add("{\"eventId\":\"" + UUID.randomUUID() + "\",\"workspaceId\":\"ws-bench\",\"n\":" + i
                    + ",\"padding\":\"" + "x".repeat(200) + "\"}");
        }

        long relayStart = System.nanoTime();
        writeOutboxRows(payloads, keys);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> pendingBenchRows() == 0);
        long relayNanos = System.nanoTime() - relayStart;

        long plainNanos = plainProducer(payloads, keys);

        double relayRate = events / seconds(relayNanos);
        double plainRate = events / seconds(plainNanos);
        Map<String, Object> json = report.section("eventPipeline");
        json.put("events", events);
        json.put("keys", keys);
        json.put("outboxRelayEventsPerSecond", Math.round(relayRate));
        json.put("plainProducerEventsPerSecond", Math.round(plainRate));
        json.put("relayToPlain", ratio(relayRate, plainRate));
        report.row("outbox relay: rows committed to every one acknowledged", "%8.1f s %,9.0f events/s",
                seconds(relayNanos), relayRate);
        report.row("plain Kafka producer (acks=all, idempotent), same records", "%8.1f s %,9.0f events/s",
                seconds(plainNanos), plainRate);
        report.row("outbox relay / plain producer", "%8.2f", ratio(relayRate, plainRate));
    }

    private void writeOutboxRows(List<String> payloads, int keys) throws SQLException {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (id, topic, record_key, event_type, source, workspace_id, payload, created_at)
                values (?, 'bench-outbox-relay', ?, 'partnersync.bench.v1', 'bench', 'ws-bench', ?, ?)""")) {
            connection.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < payloads.size(); i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "key-" + (i % keys));
                insert.setString(3, payloads.get(i));
                insert.setTimestamp(4, now);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private long pendingBenchRows() throws SQLException {
        try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery(
                "select count(*) from outbox_event where topic = 'bench-outbox-relay' and sent_at is null")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long plainProducer(List<String> payloads, int keys) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.partitionsFor("bench-plain-producer"); // topic and metadata ready before the clock starts
            long start = System.nanoTime();
            List<Future<RecordMetadata>> sent = new ArrayList<>(payloads.size());
            for (int i = 0; i < payloads.size(); i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>("bench-plain-producer", "key-" + (i % keys),
                        payloads.get(i));
                record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", "partnersync.bench.v1".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_source", "bench".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
            return System.nanoTime() - start;
        }
    }

    private Connection connect() throws SQLException {
        return system.connect(SERVICE);
    }
}
