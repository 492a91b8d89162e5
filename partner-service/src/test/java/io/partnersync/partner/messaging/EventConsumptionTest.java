package io.partnersync.partner.messaging;

import static io.partnersync.partner.support.TestData.adAccount;
import static io.partnersync.partner.support.TestData.agency;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnersync.events.DiscoveredPartner;
import io.partnersync.events.PartnerSyncFailed;
import io.partnersync.events.PartnersDiscovered;
import io.partnersync.events.PartnersyncEvent;
import io.partnersync.events.SharedAsset;
import io.partnersync.events.SyncFailureReason;
import io.partnersync.events.Topics;
import io.partnersync.partner.support.Db;
import io.partnersync.partner.support.Kafka;
import io.partnersync.partner.support.TestData;
import io.partnersync.partner.support.TokenVaultStub;
import io.partnersync.partner.support.TokenVaultStubResource;
import io.partnersync.partner.support.Workspace;
import io.partnersync.testkit.LogCapture;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

/** What the events other services publish do to integrations and partners. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(TokenVaultStubResource.class)
class EventConsumptionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;

    private Db db;
    private Workspace ws;
    private Workspace.Integration integration;
    private final String brightline = TestData.businessId();
    private final String northwind = TestData.businessId();
    private final SharedAsset euAccount = adAccount("Acme EU");

    @BeforeEach
    void anIntegration() {
        db = new Db(dataSource);
        TokenVaultStub.shared().reset();
        ws = new Workspace();
        integration = ws.integration();
    }

    @Test
    void partnersSeenForTheFirstTimeArePendingOnboardingAndTheEventIsInTheirHistory() {
        PartnersDiscovered snapshot = integration.snapshot(Workspace.now(),
                agency(brightline, "Brightline Media", euAccount), agency(northwind, "Northwind"));

        Kafka.send(snapshot);

        awaitApplied(snapshot);
        JsonPath partner = integration.partner(integration.partnerId(brightline));
        assertThat(partner.getString("status")).isEqualTo("PENDING_ONBOARDING");
        assertThat(partner.getString("statusLabel")).isEqualTo("Pending onboarding");
        assertThat(partner.getString("name")).isEqualTo("Brightline Media");
        assertThat(partner.getList("sharedAssets.assetId", String.class)).containsExactly(euAccount.assetId());
        JsonPath history = integration.history(integration.partnerId(brightline));
        assertThat(history.getList("changes")).hasSize(1);
        assertThat(history.getString("changes[0].from")).isNull();
        assertThat(history.getString("changes[0].to")).isEqualTo("PENDING_ONBOARDING");
        assertThat(history.getString("changes[0].byEvent.type")).isEqualTo("partnersync.partners-discovered.v1");
        assertThat(history.getString("changes[0].byEvent.id")).isEqualTo(snapshot.eventId().toString());
        assertThat(history.getString("changes[0].at")).isEqualTo(snapshot.occurredAt().toString());
        assertThat(integration.partner(integration.partnerId(northwind)).getInt("sharedAssetCount")).isZero();
    }

    @Test
    void changedNamesVerificationAndAssetsAreUpdatedWithoutAStatusChange() {
        integration.discover(agency(brightline, "Brightline Media", euAccount));
        UUID partnerId = integration.partnerId(brightline);
        SharedAsset page = new SharedAsset("page_1", io.partnersync.events.AssetType.PAGE, "Acme page", List.of("MODERATE"));

        integration.discover(new DiscoveredPartner(brightline, "Brightline Media Group",
                io.partnersync.events.Relationship.AGENCY, "not_verified", List.of(euAccount, page)));

        JsonPath partner = integration.partner(partnerId);
        assertThat(partner.getString("name")).isEqualTo("Brightline Media Group");
        assertThat(partner.getString("verificationStatus")).isEqualTo("not_verified");
        assertThat(partner.getList("sharedAssets.assetId", String.class)).containsExactly(euAccount.assetId(), "page_1");
        assertThat(partner.getString("status")).isEqualTo("PENDING_ONBOARDING");
        assertThat(integration.history(partnerId).getList("changes")).hasSize(1);
    }

    @Test
    void aPartnerMissingFromTheSnapshotLosesItsAccessAndADisconnectedOneStaysDisconnected() {
        integration.discover(agency(brightline, "Brightline", euAccount), agency(northwind, "Northwind", euAccount));
        UUID removed = integration.partnerId(brightline);
        UUID disconnected = integration.partnerId(northwind);
        integration.disconnect(disconnected).then().statusCode(200);

        PartnersDiscovered empty = integration.snapshot(Workspace.now());
        Kafka.send(empty);
        awaitApplied(empty);

        JsonPath partner = integration.partner(removed);
        assertThat(partner.getString("status")).isEqualTo("ACCESS_REMOVED");
        assertThat(partner.getString("statusLabel")).isEqualTo("Access removed");
        assertThat(partner.getInt("sharedAssetCount")).isZero();
        JsonPath history = integration.history(removed);
        assertThat(history.getString("changes[0].from")).isEqualTo("PENDING_ONBOARDING");
        assertThat(history.getString("changes[0].to")).isEqualTo("ACCESS_REMOVED");
        assertThat(history.getString("changes[0].reason")).isEqualTo("missing from the discovery snapshot");
        assertThat(history.getString("changes[0].byEvent.id")).isEqualTo(empty.eventId().toString());
        assertThat(integration.partner(disconnected).getString("status")).isEqualTo("DISCONNECTED");
        assertThat(integration.partner(disconnected).getInt("sharedAssetCount")).isZero();
        assertThat(integration.history(disconnected).getList("changes.to")).containsExactly("DISCONNECTED", "PENDING_ONBOARDING");
    }

    @Test
    void aPartnerSharedAgainIsPendingOnboardingWithoutATokenAndOnboardedWithItsStillValidToken() {
        integration.discover(agency(brightline, "Brightline", euAccount), agency(northwind, "Northwind", euAccount));
        UUID withToken = integration.partnerId(brightline);
        UUID withoutToken = integration.partnerId(northwind);
        String token = TestData.token();
        integration.connect(withToken, token).then().statusCode(200);
        integration.discover();
        assertThat(integration.partner(withToken).getString("status")).isEqualTo("ACCESS_REMOVED");
        assertThat(integration.partner(withToken).getString("tokenFingerprint.last4"))
                .isEqualTo(token.substring(token.length() - 4));

        integration.discover(agency(brightline, "Brightline", euAccount), agency(northwind, "Northwind", euAccount));

        JsonPath back = integration.partner(withToken);
        assertThat(back.getString("status")).isEqualTo("ONBOARDED");
        assertThat(back.getString("tokenFingerprint.last4")).isEqualTo(token.substring(token.length() - 4));
        assertThat(back.getInt("sharedAssetCount")).isEqualTo(1);
        assertThat(integration.history(withToken).getList("changes.to"))
                .containsExactly("ONBOARDED", "ACCESS_REMOVED", "ONBOARDED", "PENDING_ONBOARDING");
        assertThat(integration.history(withToken).getString("changes[0].reason")).contains("token is still valid");
        assertThat(integration.partner(withoutToken).getString("status")).isEqualTo("PENDING_ONBOARDING");
        assertThat(integration.history(withoutToken).getList("changes.to"))
                .containsExactly("PENDING_ONBOARDING", "ACCESS_REMOVED", "PENDING_ONBOARDING");
    }

    @Test
    void aPartnerSharedAgainWhoseTokenMetaRejectedNeedsATokenAgain() {
        integration.discover(agency(brightline, "Brightline", euAccount));
        UUID partnerId = integration.partnerId(brightline);
        integration.connect(partnerId, TestData.token()).then().statusCode(200);
        sendAndAwaitSync(TestData.syncFailed(ws.id, integration.id(), partnerId, SyncFailureReason.TOKEN_INVALID, Workspace.now()));
        integration.discover();

        integration.discover(agency(brightline, "Brightline", euAccount));

        assertThat(integration.partner(partnerId).getString("status")).isEqualTo("PENDING_ONBOARDING");
    }

    @Test
    void anOlderSnapshotThanTheNewestAppliedChangesNothing() {
        Instant newer = Workspace.now();
        integration.discoverAt(newer, agency(brightline, "Brightline", euAccount));
        PartnersDiscovered stale = integration.snapshot(newer.minusSeconds(60), agency(northwind, "Northwind", euAccount));

        Kafka.send(stale);

        awaitProcessed(stale);
        assertThat(integration.partner(integration.partnerId(brightline)).getString("status")).isEqualTo("PENDING_ONBOARDING");
        assertThat(ws.asAdmin().get("/api/integrations/{i}/partners", integration.id()).then().extract()
                .jsonPath().getList("items.businessId", String.class)).containsExactly(brightline);
        assertThat(ws.asAdmin().get("/api/integrations/{i}", integration.id()).then().extract().path("lastDiscoveryAt")
                .toString()).isEqualTo(newer.toString());
        assertThat(ignoredCount(Topics.PARTNERS_DISCOVERED, "stale-snapshot")).isPositive();
    }

    @Test
    void eventsOfUnknownIntegrationsOrPartnersAreCountedAndIgnoredAndTheNextOnesApplied() {
        double unknownIntegrations = ignoredCount(Topics.PARTNERS_DISCOVERED, "unknown-integration");
        double unknownPartners = ignoredCount(Topics.GUEST_USERS_APPLIED, "unknown-partner");
        PartnersDiscovered unknown = TestData.snapshot(ws.id, UUID.randomUUID(), integration.businessId(),
                Workspace.now(), agency(brightline, "Brightline", euAccount));
        // An integration of another workspace is unknown to this one.
        PartnersDiscovered otherWorkspace = TestData.snapshot("ws-other-" + UUID.randomUUID(), integration.id(),
                integration.businessId(), Workspace.now(), agency(northwind, "Northwind", euAccount));
        var unknownPartner = TestData.applied(ws.id, integration.id(), UUID.randomUUID(), Workspace.now(), 1, 0, 0, 0);

        Kafka.send(unknown);
        Kafka.send(otherWorkspace);
        Kafka.send(unknownPartner);

        awaitProcessed(unknown);
        awaitProcessed(otherWorkspace);
        awaitProcessed(unknownPartner);
        assertThat(ignoredCount(Topics.PARTNERS_DISCOVERED, "unknown-integration")).isEqualTo(unknownIntegrations + 2);
        assertThat(ignoredCount(Topics.GUEST_USERS_APPLIED, "unknown-partner")).isEqualTo(unknownPartners + 1);
        assertThat(db.count("select count(*) from partner where integration_id = ?", integration.id())).isZero();
        integration.discover(agency(brightline, "Brightline", euAccount));
        assertThat(integration.partner(integration.partnerId(brightline)).getString("status")).isEqualTo("PENDING_ONBOARDING");
    }

    @Test
    void aTokenMetaRejectedTakesAnOnboardedPartnerToReconnectRequiredAndANewTokenBringsItBack() {
        integration.discover(agency(brightline, "Brightline", euAccount));
        UUID partnerId = integration.partnerId(brightline);
        integration.connect(partnerId, TestData.token()).then().statusCode(200);
        PartnerSyncFailed rejected = TestData.syncFailed(ws.id, integration.id(), partnerId,
                SyncFailureReason.TOKEN_INVALID, Workspace.now());

        sendAndAwaitSync(rejected);

        JsonPath partner = integration.partner(partnerId);
        assertThat(partner.getString("status")).isEqualTo("RECONNECT_REQUIRED");
        assertThat(partner.getString("statusLabel")).isEqualTo("Reconnect required");
        assertThat(partner.getString("lastSyncResult.outcome")).isEqualTo("FAILED");
        assertThat(partner.getString("lastSyncResult.failureReason")).isEqualTo("TOKEN_INVALID");
        assertThat(partner.getInt("lastSyncResult.graphErrorCode")).isEqualTo(190);
        assertThat(partner.getString("lastSyncResult.taskId")).isEqualTo(rejected.taskId().toString());
        JsonPath history = integration.history(partnerId);
        assertThat(history.getString("changes[0].from")).isEqualTo("ONBOARDED");
        assertThat(history.getString("changes[0].to")).isEqualTo("RECONNECT_REQUIRED");
        assertThat(history.getString("changes[0].byEvent.type")).isEqualTo("partnersync.partner-sync-failed.v1");
        assertThat(history.getString("changes[0].byEvent.id")).isEqualTo(rejected.eventId().toString());
        assertThat(ws.asAdmin().get("/api/integrations/{i}", integration.id()).then().extract()
                .jsonPath().getString("lastSyncResult.failureReason")).isEqualTo("TOKEN_INVALID");

        integration.connect(partnerId, TestData.token()).then().statusCode(200);
        assertThat(integration.partner(partnerId).getString("status")).isEqualTo("ONBOARDED");
    }

    @Test
    void otherSyncFailuresAndRejectionsOfAnOlderTokenOnlyRecordTheResult() {
        integration.discover(agency(brightline, "Brightline", euAccount));
        UUID partnerId = integration.partnerId(brightline);
        Instant beforeConnecting = Workspace.now().minusSeconds(5);
        integration.connect(partnerId, TestData.token()).then().statusCode(200);

        sendAndAwaitSync(TestData.syncFailed(ws.id, integration.id(), partnerId, SyncFailureReason.TOKEN_INVALID, beforeConnecting));
        assertThat(integration.partner(partnerId).getString("status")).isEqualTo("ONBOARDED");

        sendAndAwaitSync(TestData.syncFailed(ws.id, integration.id(), partnerId, SyncFailureReason.META_UNAVAILABLE, Workspace.now()));
        JsonPath partner = integration.partner(partnerId);
        assertThat(partner.getString("status")).isEqualTo("ONBOARDED");
        assertThat(partner.getString("lastSyncResult.failureReason")).isEqualTo("META_UNAVAILABLE");
        assertThat(integration.history(partnerId).getList("changes")).hasSize(2);
    }

    @Test
    void guestUsersAppliedRecordsTheLastSyncAndAnOlderResultNeverReplacesIt() {
        integration.discover(agency(brightline, "Brightline", euAccount));
        UUID partnerId = integration.partnerId(brightline);
        Instant now = Workspace.now();
        var applied = TestData.applied(ws.id, integration.id(), partnerId, now, 3, 1, 2, 40);

        sendAndAwaitSync(applied);
        var older = TestData.syncFailed(ws.id, integration.id(), partnerId, SyncFailureReason.META_ERROR, now.minusSeconds(30));
        Kafka.send(older);
        awaitProcessed(older);

        JsonPath partner = integration.partner(partnerId);
        assertThat(partner.getString("lastSyncAt")).isEqualTo(now.toString());
        assertThat(partner.getString("lastSyncResult.outcome")).isEqualTo("COMPLETED");
        assertThat(partner.getInt("lastSyncResult.added")).isEqualTo(3);
        assertThat(partner.getInt("lastSyncResult.updated")).isEqualTo(1);
        assertThat(partner.getInt("lastSyncResult.removed")).isEqualTo(2);
        assertThat(partner.getInt("lastSyncResult.unchanged")).isEqualTo(40);
        assertThat(partner.getString("lastSyncResult.taskId")).isEqualTo(applied.taskId().toString());
        JsonPath ofIntegration = ws.asAdmin().get("/api/integrations/{i}", integration.id()).then().extract().jsonPath();
        assertThat(ofIntegration.getString("lastSyncAt")).isEqualTo(now.toString());
        assertThat(ofIntegration.getString("lastSyncResult.outcome")).isEqualTo("COMPLETED");
    }

    @Test
    void aRedeliveredEventIsSkippedByTheGuardAndChangesStateOnce() {
        integration.discover(agency(brightline, "Brightline", euAccount));
        UUID partnerId = integration.partnerId(brightline);
        integration.connect(partnerId, TestData.token()).then().statusCode(200);
        PartnerSyncFailed rejected = TestData.syncFailed(ws.id, integration.id(), partnerId,
                SyncFailureReason.TOKEN_INVALID, Workspace.now());
        PartnersDiscovered snapshot = integration.snapshot(Workspace.now(), agency(brightline, "Brightline", euAccount),
                agency(northwind, "Northwind", euAccount));

        try (LogCapture logs = LogCapture.start()) {
            Kafka.send(rejected);
            Kafka.send(rejected);
            Kafka.send(snapshot);
            Kafka.send(snapshot);
            await().atMost(PATIENCE).until(() -> logs.linesContaining(rejected.eventId().toString()).stream()
                    .anyMatch(line -> line.contains("skipping the redelivery")));
            await().atMost(PATIENCE).until(() -> logs.linesContaining(snapshot.eventId().toString()).stream()
                    .anyMatch(line -> line.contains("skipping the redelivery")));
        }

        assertThat(integration.history(partnerId).getList("changes.to"))
                .containsExactly("RECONNECT_REQUIRED", "ONBOARDED", "PENDING_ONBOARDING");
        assertThat(integration.history(integration.partnerId(northwind)).getList("changes")).hasSize(1);
        assertThat(db.count("select count(*) from processed_event where event_id in (?, ?)", rejected.eventId(),
                snapshot.eventId())).isEqualTo(2);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        ConsumerTask<String, String> deadLetters = Kafka.read(Topics.deadLetterTopicOf(Topics.PARTNERS_DISCOVERED));

        Kafka.sendRaw(Topics.PARTNERS_DISCOVERED, integration.id().toString(), "{not json at all");
        integration.discover(agency(brightline, "Brightline", euAccount));

        ConsumerRecord<String, String> deadLetter = Kafka.awaitRecordWithKey(deadLetters, integration.id().toString());
        assertThat(deadLetter.value()).isEqualTo("{not json at all");
        assertThat(header(deadLetter, "dead-letter-reason")).isNotBlank();
        assertThat(header(deadLetter, "dead-letter-topic")).isEqualTo(Topics.PARTNERS_DISCOVERED);
    }

    @Test
    void anEventThatCannotBeAppliedGoesToTheDeadLetterTopicAndChangesNothing() {
        integration.discover(agency(brightline, "Brightline", euAccount));
        UUID partnerId = integration.partnerId(brightline);
        ConsumerTask<String, String> snapshotLetters = Kafka.read(Topics.deadLetterTopicOf(Topics.PARTNERS_DISCOVERED));
        ConsumerTask<String, String> failureLetters = Kafka.read(Topics.deadLetterTopicOf(Topics.PARTNER_SYNC_FAILED));
        PartnersDiscovered poison = integration.snapshot(Workspace.now(),
                agency(northwind, "Northwind", euAccount), agency("12ab", "Not a business id", euAccount));
        PartnerSyncFailed noReason = new PartnerSyncFailed(UUID.randomUUID(), Workspace.now(), ws.id, integration.id(),
                partnerId, brightline, UUID.randomUUID(), UUID.randomUUID(), null, null);

        Kafka.send(poison);
        Kafka.send(noReason);

        ConsumerRecord<String, String> deadSnapshot = Kafka.awaitRecordWithKey(snapshotLetters, integration.id().toString());
        assertThat(header(deadSnapshot, "dead-letter-reason")).contains("no valid business id");
        assertThat(deadSnapshot.value()).contains(poison.eventId().toString());
        ConsumerRecord<String, String> deadFailure = Kafka.awaitRecordWithKey(failureLetters, partnerId.toString());
        assertThat(deadFailure.value()).contains(noReason.eventId().toString());
        // Both handlers' transactions rolled back: no effect and no processed mark.
        assertThat(ws.asAdmin().get("/api/integrations/{i}/partners", integration.id()).then().extract()
                .jsonPath().getList("items.businessId", String.class)).containsExactly(brightline);
        assertThat(integration.partner(partnerId).getString("lastSyncResult")).isNull();
        assertThat(db.count("select count(*) from processed_event where event_id in (?, ?)", poison.eventId(),
                noReason.eventId())).isZero();
    }

    private void awaitApplied(PartnersDiscovered snapshot) {
        await().atMost(PATIENCE).until(() -> snapshot.occurredAt().toString().equals(
                ws.asAdmin().get("/api/integrations/{id}", integration.id()).then().extract().path("lastDiscoveryAt")));
    }

    private void sendAndAwaitSync(PartnersyncEvent event) {
        Kafka.send(event);
        awaitProcessed(event);
    }

    private void awaitProcessed(PartnersyncEvent event) {
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from processed_event where event_id = ?",
                event.eventId()) == 1);
    }

    private static double ignoredCount(String topic, String reason) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("^partnersync_events_ignored_total\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        while (matcher.find()) {
            if (matcher.group(1).contains("topic=\"" + topic + "\"") && matcher.group(1).contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
