package io.partnersync.events.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
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
class OutboxTest {

    private static KafkaCompanion kafka;

    @Inject
    TestPartnerService partners;

    @Inject
    OutboxMetrics metrics;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    Tracer tracer;

    @BeforeAll
    static void connectToKafka() {
        kafka = new KafkaCompanion(KafkaBroker.shared().bootstrapServers());
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void stateChangeAndItsEventCommitTogetherAndArriveAsACloudEvent() throws Exception {
        UUID partnerId = UUID.randomUUID();
        ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.PARTNER_CONNECTED);

        var event = partners.connect(partnerId);

        ConsumerRecord<String, String> record = awaitRecordWithKey(records, partnerId.toString());
        assertThat(QuarkusTransaction.requiringNew().call(() -> TestPartner.<TestPartner>findById(partnerId).status))
                .isEqualTo("ONBOARDED");
        assertThat(headers(record)).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", event.eventId().toString())
                .containsEntry("ce_type", "partnersync.partner-connected.v1")
                .containsEntry("ce_source", "events-test")
                .containsEntry("ce_subject", partnerId.toString())
                .containsEntry("content-type", "application/json")
                .containsKey("ce_time");
        JsonNode body = json.readTree(record.value());
        assertThat(body.get("eventId").asText()).isEqualTo(event.eventId().toString());
        assertThat(body.get("partnerId").asText()).isEqualTo(partnerId.toString());
        assertThat(body.get("workspaceId").asText()).isEqualTo("ws-test");
        await().untilAsserted(() -> assertThat(sentAt(event.eventId())).isNotNull());
    }

    @Test
    void anEventCarriesTheTraceOfTheChangeThatWroteIt() {
        UUID partnerId = UUID.randomUUID();
        ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.PARTNER_CONNECTED);
        Span request = tracer.spanBuilder("frontend request").startSpan();
        try (Scope scope = request.makeCurrent()) {
            partners.connect(partnerId);
        } finally {
            request.end();
        }

        ConsumerRecord<String, String> record = awaitRecordWithKey(records, partnerId.toString());
        assertThat(header(record, "traceparent")).startsWith("00-" + request.getSpanContext().getTraceId() + "-");
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.PARTNER_CONNECTED);

        assertThatThrownBy(() -> partners.connectThenFail(rolledBack)).isInstanceOf(IllegalStateException.class);
        partners.connect(committed);

        // The relay publishes in write order: once the later event is out, the earlier one would be too.
        awaitRecordWithKey(records, committed.toString());
        assertThat(records.getRecords()).extracting(ConsumerRecord::key).doesNotContain(rolledBack.toString());
        TestPartner neverCommitted = QuarkusTransaction.requiringNew().call(() -> TestPartner.findById(rolledBack));
        assertThat(neverCommitted).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(
                () -> OutboxEvent.count("recordKey", rolledBack.toString()))).isZero();
    }

    @Test
    void whileTheBrokerIsDownEventsStayPendingAndAreDeliveredInOrderPerKeyOnceItIsBack() {
        List<UUID> keys = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.PARTNER_CONNECTED);
        Map<String, List<String>> writtenPerKey = new LinkedHashMap<>();

        KafkaBroker.shared().stopBroker();
        try {
            for (int round = 0; round < 5; round++) {
                for (UUID key : keys) {
                    var event = partners.connect(key);
                    writtenPerKey.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(event.eventId().toString());
                }
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(metrics.pending()).isGreaterThanOrEqualTo(15);
                assertThat(failedAttempts(keys)).isPositive();
            });
            assertThat(metrics.oldestPendingAgeSeconds()).isGreaterThanOrEqualTo(0);
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("partnersync_outbox_pending"))
                    .body(containsString("partnersync_outbox_oldest_pending_age_seconds"));
        } finally {
            KafkaBroker.shared().startBroker();
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<String, List<String>> receivedPerKey = records.getRecords().stream()
                    .filter(r -> writtenPerKey.containsKey(r.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new,
                            Collectors.mapping(r -> header(r, "ce_id"), Collectors.toList())));
            assertThat(receivedPerKey).isEqualTo(writtenPerKey);
        });
        await().untilAsserted(() -> assertThat(metrics.pending()).isZero());
    }

    @Test
    void pendingEventsLeftByAStoppedProcessArePublished() {
        UUID eventId = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.PARTNER_CONNECTED);

        insertPendingEvent(eventId, key, Instant.now().minusSeconds(3600));

        ConsumerRecord<String, String> record = awaitRecordWithKey(records, key);
        assertThat(header(record, "ce_id")).isEqualTo(eventId.toString());
    }

    @Test
    void theLagGaugesReportTheOldestPendingEventUntilItIsSent() {
        // Start from an empty outbox, so that the gauges count only the events written here.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            QuarkusTransaction.requiringNew().run(metrics::refreshPending);
            assertThat(scraped("partnersync_outbox_pending")).isZero();
        });
        UUID oldEventId = UUID.randomUUID();
        String oldKey = UUID.randomUUID().toString();
        ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.PARTNER_CONNECTED);

        KafkaBroker.shared().stopBroker();
        try {
            // The recent event is written first: the oldest event is not the first in publication order.
            partners.connect(UUID.randomUUID());
            insertPendingEvent(oldEventId, oldKey, Instant.now().minusSeconds(3600));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                QuarkusTransaction.requiringNew().run(metrics::refreshPending);
                assertThat(scraped("partnersync_outbox_pending")).isEqualTo(2);
                assertThat(scraped("partnersync_outbox_oldest_pending_age_seconds")).isBetween(3600.0, 3660.0);
            });
        } finally {
            KafkaBroker.shared().startBroker();
        }

        assertThat(header(awaitRecordWithKey(records, oldKey, Duration.ofSeconds(90)), "ce_id"))
                .isEqualTo(oldEventId.toString());
        // The relay refreshes the gauges itself once it has sent them.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(scraped("partnersync_outbox_pending")).isZero();
            assertThat(scraped("partnersync_outbox_oldest_pending_age_seconds")).isZero();
        });
    }

    /** A row as a process that crashed before its relay ran would have left it. */
    private void insertPendingEvent(UUID eventId, String key, Instant createdAt) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into outbox_event (id, topic, record_key, event_type, source, subject, workspace_id, payload, created_at)
                values (?1, 'partner-connected', ?2, 'partnersync.partner-connected.v1', 'events-test', ?2, 'ws-test', '{}', ?3)""")
                .setParameter(1, eventId).setParameter(2, key).setParameter(3, createdAt)
                .executeUpdate());
    }

    /** The value of an unlabelled gauge as Prometheus scrapes it from {@code /q/metrics}. */
    private static double scraped(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{\\})? (\\S+)$").matcher(metrics);
        assertThat(line.find()).as("%s in the scrape", name).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private ConsumerRecord<String, String> awaitRecordWithKey(ConsumerTask<String, String> records, String key) {
        return awaitRecordWithKey(records, key, Duration.ofSeconds(30));
    }

    private ConsumerRecord<String, String> awaitRecordWithKey(ConsumerTask<String, String> records, String key,
            Duration atMost) {
        return await().atMost(atMost).until(
                () -> records.getRecords().stream().filter(r -> key.equals(r.key())).findFirst().orElse(null),
                r -> r != null);
    }

    private Instant sentAt(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>findById(eventId).sentAt);
    }

    private long failedAttempts(List<UUID> keys) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("recordKey in ?1",
                keys.stream().map(UUID::toString).toList()).stream().mapToLong(e -> e.attempts).sum());
    }

    static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
