package io.partnersync.userdirectory;

import static io.partnersync.userdirectory.Directory.adAccount;
import static io.partnersync.userdirectory.Directory.awaitApplied;
import static io.partnersync.userdirectory.Directory.awaitAppliedRecord;
import static io.partnersync.userdirectory.Directory.invite;
import static io.partnersync.userdirectory.Directory.page;
import static io.partnersync.userdirectory.Directory.produce;
import static io.partnersync.userdirectory.Directory.systemUser;
import static io.partnersync.userdirectory.Directory.user;
import static io.partnersync.userdirectory.DirectoryApi.history;
import static io.partnersync.userdirectory.DirectoryApi.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.partnersync.events.GuestUserKind;
import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.GuestUsersImported;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.events.Topics;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.userdirectory.Directory.Partner;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ImportTest {

    @Test
    void importsTheChunksOfARunAndPublishesTheCountsKeyedByPartner() {
        Partner partner = Partner.fresh();
        UUID jobId = UUID.randomUUID();
        List<ImportedGuestUser> people = List.of(
                user("101", "Ada Lovelace", "ada@agency.test", "ADMIN", "enabled", adAccount("act_1", "ANALYZE", "ADVERTISE")),
                user("102", "Bob Byte", "bob@agency.test", "EMPLOYEE", "not_enabled", page("501", "MODERATE")),
                systemUser("103", "Reporting bot", "EMPLOYEE", adAccount("act_1", "ANALYZE")),
                invite("104", "cleo@agency.test", "EMPLOYEE", Instant.now().minus(Duration.ofDays(2))),
                user("105", "Dan Data", "dan@agency.test", "EMPLOYEE", "enabled"));

        List<GuestUsersImported> chunks = partner.run(jobId, 2, people);
        assertThat(chunks).hasSize(3);
        chunks.forEach(Directory::produce);

        ConsumerRecord<String, String> record = awaitAppliedRecord(jobId);
        GuestUsersApplied applied = Directory.read(record);
        assertThat(record.key()).isEqualTo(partner.partnerId().toString());
        assertThat(Directory.header(record, "ce_type")).isEqualTo("partnersync.guest-users-applied.v1");
        assertThat(Directory.header(record, "ce_source")).isEqualTo("user-directory-service");
        assertThat(Directory.header(record, "ce_id")).isEqualTo(applied.eventId().toString());
        assertThat(applied.workspaceId()).isEqualTo(partner.workspaceId());
        assertThat(applied.integrationId()).isEqualTo(partner.integrationId());
        assertThat(applied.partnerId()).isEqualTo(partner.partnerId());
        assertThat(applied.taskId()).isEqualTo(chunks.get(0).taskId());
        assertThat(List.of(applied.added(), applied.updated(), applied.removed(), applied.unchanged(), applied.removalsHeld()))
                .containsExactly(5, 0, 0, 0, 0);

        JsonPath list = list(partner, "sort", "name");
        assertThat(list.getList("items.name", String.class))
                .containsExactly(null, "Ada Lovelace", "Bob Byte", "Dan Data", "Reporting bot");
        Map<String, Object> ada = list.getMap("items.find { it.metaUserId == '101' }");
        assertThat(ada).containsEntry("kind", "BUSINESS_USER").containsEntry("email", "ada@agency.test")
                .containsEntry("role", "ADMIN").containsEntry("twoFactorStatus", "enabled")
                .containsEntry("title", "Media buyer").containsEntry("status", "ACTIVE")
                .containsEntry("partnerId", partner.partnerId().toString())
                .containsEntry("partnerBusinessId", partner.businessId())
                .containsEntry("lastSeenJobId", jobId.toString());
        assertThat(list.getList("items.find { it.metaUserId == '101' }.assets")).containsExactly(Map.of(
                "assetId", "act_1", "assetType", "AD_ACCOUNT", "assetName", "Ad account act_1",
                "tasks", List.of("ADVERTISE", "ANALYZE")));
        assertThat(list.getString("items.find { it.metaUserId == '104' }.kind")).isEqualTo("PENDING_INVITE");
        assertThat(list.getString("items.find { it.metaUserId == '104' }.invitedAt")).isNotNull();
    }

    @Test
    void aRedeliveredOrResentChunkChangesNothing() {
        Partner partner = Partner.fresh();
        UUID jobId = UUID.randomUUID();
        List<GuestUsersImported> chunks = partner.run(jobId, 2, List.of(
                user("201", "Ann", "ann@agency.test", "EMPLOYEE", "enabled"),
                user("202", "Ben", "ben@agency.test", "EMPLOYEE", "enabled"),
                user("203", "Cid", "cid@agency.test", "EMPLOYEE", "enabled")));
        GuestUsersImported first = chunks.get(0);

        produce(first);
        produce(first);
        produce(resent(first));
        produce(chunks.get(1));
        produce(chunks.get(1));
        GuestUsersApplied applied = awaitApplied(jobId);
        assertThat(List.of(applied.added(), applied.updated(), applied.unchanged())).containsExactly(3, 0, 0);

        // After the run finished: the last chunk again, as the same event and re-sent as a new one.
        produce(chunks.get(1));
        produce(resent(chunks.get(1)));
        // A later run of the same partner (same partition): once it is applied, the above were handled.
        GuestUsersApplied next = partner.sync(
                user("201", "Ann", "ann@agency.test", "EMPLOYEE", "enabled"),
                user("202", "Ben", "ben@agency.test", "EMPLOYEE", "enabled"),
                user("203", "Cid", "cid@agency.test", "EMPLOYEE", "enabled"));
        assertThat(List.of(next.added(), next.updated(), next.removed(), next.unchanged())).containsExactly(0, 0, 0, 3);
        assertThat(Directory.appliedRecords(jobId)).hasSize(1);
        assertThat(list(partner).getList("items")).hasSize(3);
        assertThat(history(partner, "201").getList("items.change")).containsExactly("ADDED");
    }

    @Test
    void chunksOfARunArrivingOutOfOrderAreAllAppliedBeforeTheRunIsFinalized() {
        Partner partner = Partner.fresh();
        partner.sync(user("301", "Old Timer", "old@agency.test", "EMPLOYEE", "enabled"),
                user("302", "Pat", "pat@agency.test", "EMPLOYEE", "enabled"),
                user("303", "Quinn", "quinn@agency.test", "EMPLOYEE", "enabled"),
                user("304", "Ray", "ray@agency.test", "EMPLOYEE", "enabled"),
                user("305", "Sue", "sue@agency.test", "EMPLOYEE", "enabled"),
                user("306", "Tia", "tia@agency.test", "EMPLOYEE", "enabled"));
        UUID jobId = UUID.randomUUID();
        List<GuestUsersImported> chunks = partner.run(jobId, 2, List.of(
                user("302", "Pat", "pat@agency.test", "ADMIN", "enabled"),
                user("303", "Quinn", "quinn@agency.test", "EMPLOYEE", "enabled"),
                user("304", "Ray", "ray@agency.test", "EMPLOYEE", "enabled"),
                user("305", "Sue", "sue@agency.test", "EMPLOYEE", "enabled"),
                user("306", "Tia", "tia@agency.test", "EMPLOYEE", "enabled"),
                user("307", "Uma", "uma@agency.test", "EMPLOYEE", "enabled")));

        produce(chunks.get(2));
        produce(chunks.get(0));
        await().atMost(Duration.ofSeconds(60)).until(() -> list(partner).getList("items.metaUserId").contains("307")
                && "ADMIN".equals(list(partner).getString("items.find { it.metaUserId == '302' }.role")));
        // Chunk 1 is still missing: nobody is removed yet, and the run is not reported applied.
        assertThat(list(partner).getString("items.find { it.metaUserId == '301' }.status")).isEqualTo("ACTIVE");
        assertThat(Directory.appliedRecords(jobId)).isEmpty();

        produce(chunks.get(1));
        GuestUsersApplied applied = awaitApplied(jobId);
        assertThat(List.of(applied.added(), applied.updated(), applied.removed(), applied.unchanged(), applied.removalsHeld()))
                .containsExactly(1, 1, 1, 4, 0);
        assertThat(list(partner).getString("items.find { it.metaUserId == '301' }.status")).isEqualTo("REMOVED");
    }

    @Test
    void peopleNotSeenInARunAreRemovedWithTheTimeAndComeBackWhenSeenAgain() {
        Partner partner = Partner.fresh();
        List<ImportedGuestUser> everyone = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            everyone.add(user("40" + i, "Person " + i, "p" + i + "@agency.test", "EMPLOYEE", "enabled"));
        }
        partner.sync(everyone.toArray(ImportedGuestUser[]::new));

        Instant beforeRemoval = Instant.now();
        GuestUsersApplied withoutOne = partner.sync(everyone.subList(1, 10).toArray(ImportedGuestUser[]::new));
        assertThat(List.of(withoutOne.added(), withoutOne.updated(), withoutOne.removed(), withoutOne.unchanged(),
                withoutOne.removalsHeld())).containsExactly(0, 0, 1, 9, 0);
        Map<String, Object> gone = list(partner).getMap("items.find { it.metaUserId == '400' }");
        assertThat(gone).containsEntry("status", "REMOVED").containsEntry("removalReason", "not seen in sync");
        assertThat(Instant.parse((String) gone.get("removedAt"))).isAfter(beforeRemoval);

        GuestUsersApplied back = partner.sync(everyone.toArray(ImportedGuestUser[]::new));
        assertThat(List.of(back.added(), back.updated(), back.removed(), back.unchanged())).containsExactly(0, 1, 0, 9);
        Map<String, Object> returned = list(partner).getMap("items.find { it.metaUserId == '400' }");
        assertThat(returned).containsEntry("status", "ACTIVE").containsEntry("removedAt", null)
                .containsEntry("removalReason", null);
        JsonPath history = history(partner, "400");
        assertThat(history.getList("items.change")).containsExactly("REAPPEARED", "REMOVED", "ADDED");
        assertThat(history.getString("items[1].reason")).isEqualTo("not seen in sync");
        assertThat(history.getString("items[1].jobId")).isEqualTo(withoutOne.jobId().toString());
        assertThat(list(partner).getList("items")).hasSize(10);
    }

    @Test
    void aPendingInviteThatBecomesABusinessUserWithTheSameEmailIsOnePersonWithOneHistory() {
        Partner partner = Partner.fresh();
        Instant invitedAt = Instant.parse("2026-11-01T09:00:00Z");
        partner.sync(invite("inv-77", "Dana.Doe@Agency.test", "EMPLOYEE", invitedAt, adAccount("act_9", "ANALYZE")),
                user("501", "Eve", "eve@agency.test", "EMPLOYEE", "enabled"));
        String personId = list(partner).getString("items.find { it.metaUserId == 'inv-77' }.id");

        GuestUsersApplied accepted = partner.sync(
                user("777", "Dana Doe", "dana.doe@agency.test", "EMPLOYEE", "enabled", adAccount("act_9", "ANALYZE")),
                user("501", "Eve", "eve@agency.test", "EMPLOYEE", "enabled"));

        assertThat(List.of(accepted.added(), accepted.updated(), accepted.removed(), accepted.unchanged()))
                .containsExactly(0, 1, 0, 1);
        JsonPath list = list(partner);
        assertThat(list.getList("items")).hasSize(2);
        Map<String, Object> dana = list.getMap("items.find { it.id == '" + personId + "' }");
        assertThat(dana).containsEntry("kind", "BUSINESS_USER").containsEntry("metaUserId", "777")
                .containsEntry("name", "Dana Doe").containsEntry("status", "ACTIVE");
        JsonPath history = DirectoryApi.asViewer(partner)
                .get("/api/directory/guest-users/{id}/history", personId).then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.change")).contains("INVITE_ACCEPTED", "ADDED").doesNotContain("REMOVED");
        assertThat(history.getMap("items.find { it.change == 'INVITE_ACCEPTED' }.before"))
                .isEqualTo(Map.of("metaUserId", "inv-77", "kind", "PENDING_INVITE"));
        assertThat(history.getMap("items.find { it.change == 'INVITE_ACCEPTED' }.after"))
                .isEqualTo(Map.of("metaUserId", "777", "kind", "BUSINESS_USER"));
    }

    @Test
    void aDisconnectedPartnersPeopleAreRemovedOnceAndChunksReadBeforeTheDisconnectionAreNotApplied() {
        Partner partner = Partner.fresh();
        Partner other = partner.sibling();
        other.sync(user("601", "Stays", "stays@other.test", "EMPLOYEE", "enabled"));
        partner.sync(user("602", "Goes", "goes@agency.test", "EMPLOYEE", "enabled"),
                systemUser("603", "Bot", "ADMIN"));
        UUID lateJob = UUID.randomUUID();
        GuestUsersImported readBeforeDisconnection = partner.run(lateJob, 500,
                List.of(user("602", "Goes", "goes@agency.test", "EMPLOYEE", "enabled"))).get(0);

        var disconnected = partner.disconnection();
        produce(disconnected);
        produce(partner.disconnection());
        await().atMost(Duration.ofSeconds(60)).until(() -> list(partner).getList("items.status").stream()
                .allMatch("REMOVED"::equals));
        Map<String, Object> goes = list(partner).getMap("items.find { it.metaUserId == '602' }");
        assertThat(goes).containsEntry("removalReason", "partner disconnected");
        assertThat(goes.get("riskFlags")).isEqualTo(List.of());

        produce(readBeforeDisconnection);
        GuestUsersApplied late = awaitApplied(lateJob);
        assertThat(List.of(late.added(), late.updated(), late.removed(), late.unchanged())).containsExactly(0, 0, 0, 0);
        assertThat(list(partner).getList("items.status")).containsOnly("REMOVED");
        JsonPath history = history(partner, "602");
        assertThat(history.getList("items.change")).containsExactly("REMOVED", "ADDED");
        assertThat(history.getString("items[0].reason")).isEqualTo("partner disconnected");
        assertThat(history.getString("items[0].actor")).isEqualTo(disconnected.disconnectedBy());
        assertThat(list(other).getString("items.find { it.metaUserId == '601' }.status")).isEqualTo("ACTIVE");
    }

    @Test
    void aChunkBreakingTheContractGoesToTheDeadLetterTopicAndChangesNothing() {
        Partner partner = Partner.fresh();
        ConsumerTask<String, String> deadLetters = Directory.kafka().consumeStrings()
                .fromTopics(Topics.deadLetterTopicOf(Topics.GUEST_USERS_IMPORTED));
        UUID poisonJob = UUID.randomUUID();
        GuestUsersImported poison = partner.run(poisonJob, 500, List.of(
                user("701", "Valid", "valid@agency.test", "EMPLOYEE", "enabled"),
                new ImportedGuestUser(null, GuestUserKind.BUSINESS_USER, "No id", null, null, null, null, null, null,
                        List.of()))).get(0);

        produce(poison);
        GuestUsersApplied next = partner.sync(user("702", "Next", "next@agency.test", "EMPLOYEE", "enabled"));

        assertThat(next.added()).isEqualTo(1);
        assertThat(list(partner).getList("items.metaUserId")).containsExactly("702");
        ConsumerRecord<String, String> deadLetter = await().atMost(Duration.ofSeconds(60)).until(
                () -> deadLetters.getRecords().stream().filter(r -> partner.partnerId().toString().equals(r.key()))
                        .findFirst().orElse(null), r -> r != null);
        assertThat(Directory.header(deadLetter, "dead-letter-reason")).contains("metaUserId");
        assertThat(Directory.appliedRecords(poisonJob)).isEmpty();
        deadLetters.close();
    }

    private static GuestUsersImported resent(GuestUsersImported chunk) {
        return new GuestUsersImported(UUID.randomUUID(), Instant.now(), chunk.workspaceId(), chunk.integrationId(),
                chunk.partnerId(), chunk.partnerBusinessId(), chunk.taskId(), chunk.jobId(), chunk.chunkIndex(),
                chunk.lastChunk(), chunk.users());
    }
}
