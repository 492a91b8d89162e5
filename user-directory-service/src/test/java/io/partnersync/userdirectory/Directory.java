package io.partnersync.userdirectory;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.AssetType;
import io.partnersync.events.EventType;
import io.partnersync.events.GuestUserKind;
import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.GuestUsersImported;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.PartnersyncEvent;
import io.partnersync.events.Topics;
import io.partnersync.testkit.KafkaBroker;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Drives the directory the way the other services do: events produced to the real broker
 * as binary CloudEvents (ce_* headers, JSON body), exactly as the outbox relay sends them,
 * and {@code GuestUsersApplied} read back from its topic.
 */
final class Directory {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static KafkaCompanion kafka;
    private static ConsumerTask<String, String> applied;

    private Directory() {
    }

    static synchronized KafkaCompanion kafka() {
        if (kafka == null) {
            kafka = new KafkaCompanion(KafkaBroker.shared().bootstrapServers());
            applied = kafka.consumeStrings().fromTopics(Topics.GUEST_USERS_APPLIED);
        }
        return kafka;
    }

    /** One partner of one integration of one workspace, fresh for each test. */
    record Partner(String workspaceId, UUID integrationId, UUID partnerId, String businessId) {

        static Partner fresh() {
            return new Partner("ws-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID(), UUID.randomUUID(),
                    "2000" + (System.nanoTime() % 1_000_000_000L));
        }

        /** Another partner of the same integration. */
        Partner sibling() {
            return new Partner(workspaceId, integrationId, UUID.randomUUID(), "2001" + (System.nanoTime() % 1_000_000_000L));
        }

        /** The chunks of one sync job carrying these people, {@code perChunk} per chunk (at least one chunk). */
        List<GuestUsersImported> run(UUID jobId, int perChunk, List<ImportedGuestUser> people) {
            List<List<ImportedGuestUser>> slices = new ArrayList<>();
            for (int from = 0; from < people.size(); from += perChunk) {
                slices.add(people.subList(from, Math.min(people.size(), from + perChunk)));
            }
            if (slices.isEmpty()) {
                slices.add(List.of());
            }
            UUID taskId = UUID.randomUUID();
            List<GuestUsersImported> chunks = new ArrayList<>();
            for (int i = 0; i < slices.size(); i++) {
                chunks.add(new GuestUsersImported(UUID.randomUUID(), Instant.now(), workspaceId, integrationId, partnerId,
                        businessId, taskId, jobId, i, i == slices.size() - 1, List.copyOf(slices.get(i))));
            }
            return chunks;
        }

        /** Runs one sync job of these people in one chunk and answers its GuestUsersApplied. */
        GuestUsersApplied sync(ImportedGuestUser... people) {
            UUID jobId = UUID.randomUUID();
            run(jobId, 500, Arrays.asList(people)).forEach(Directory::produce);
            return awaitApplied(jobId);
        }

        PartnerDisconnected disconnection() {
            return new PartnerDisconnected(UUID.randomUUID(), Instant.now(), workspaceId, integrationId, partnerId,
                    businessId, "tok_" + UUID.randomUUID(), "admin@" + workspaceId, "customer ended the agency contract");
        }
    }

    static ImportedGuestUser user(String metaId, String name, String email, String role, String twoFactor,
            AssetAccess... assets) {
        return new ImportedGuestUser(metaId, GuestUserKind.BUSINESS_USER, name, email, role, twoFactor, "Media buyer",
                null, null, List.of(assets));
    }

    static ImportedGuestUser systemUser(String metaId, String name, String role, AssetAccess... assets) {
        return new ImportedGuestUser(metaId, GuestUserKind.SYSTEM_USER, name, null, role, null, null, null, null,
                List.of(assets));
    }

    static ImportedGuestUser invite(String metaId, String email, String role, Instant invitedAt, AssetAccess... assets) {
        return new ImportedGuestUser(metaId, GuestUserKind.PENDING_INVITE, null, email, role, null, null, invitedAt,
                invitedAt.plus(Duration.ofDays(60)), List.of(assets));
    }

    static AssetAccess adAccount(String id, String... tasks) {
        return new AssetAccess(id, AssetType.AD_ACCOUNT, "Ad account " + id, List.of(tasks));
    }

    static AssetAccess page(String id, String... tasks) {
        return new AssetAccess(id, AssetType.PAGE, "Page " + id, List.of(tasks));
    }

    /** Sends the event as the outbox relay does: binary CloudEvent, keyed by the event's aggregate. */
    static void produce(PartnersyncEvent event) {
        kafka().produceStrings().fromRecords(record(event)).awaitCompletion(Duration.ofSeconds(30));
    }

    static ProducerRecord<String, String> record(PartnersyncEvent event) {
        EventType type = EventType.of(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), event.key(), json(event));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", event.eventId().toString());
        header(record, "ce_type", type.cloudEventType());
        header(record, "ce_source", "sync-service");
        header(record, "ce_subject", event.subject());
        header(record, "ce_time", event.occurredAt().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    static GuestUsersApplied awaitApplied(UUID jobId) {
        return read(awaitAppliedRecord(jobId));
    }

    static ConsumerRecord<String, String> awaitAppliedRecord(UUID jobId) {
        kafka();
        return await().atMost(Duration.ofSeconds(60)).until(() -> appliedRecords(jobId).stream().findFirst().orElse(null),
                record -> record != null);
    }

    /** Every GuestUsersApplied of the job seen so far. */
    static List<ConsumerRecord<String, String>> appliedRecords(UUID jobId) {
        kafka();
        return applied.getRecords().stream().filter(record -> jobId.toString().equals(header(record, "ce_subject"))).toList();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static GuestUsersApplied read(ConsumerRecord<String, String> record) {
        try {
            return JSON.readValue(record.value(), GuestUsersApplied.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
