package io.partnersync.sync;

import static io.partnersync.simulator.data.DemoData.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.AssetType;
import io.partnersync.events.GuestUserKind;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.simulator.MinimumGraphCalls;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.Token;
import io.partnersync.sync.domain.JobStatus;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.TaskStatus;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.testkit.TestJwt;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A sync of the demo data set, end to end: discovery, every partner's people, the directory's answer. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
@WithTestResource(TokenVaultStub.class)
class DemoSyncTest extends SyncTestBase {

    /** The demo ships Northwind's token without catalog_management and none of Cobalt's own: added here. */
    static final String NORTHWIND_FULL_TOKEN = "EAATestNorthwindAllScopesZDn0r1";
    static final String COBALT_OWN_TOKEN = "EAATestCobaltOwnTokenZDc0b1";
    static final List<String> SIX_SCOPES = List.of("ads_management", "business_management", "catalog_management",
            "pages_manage_metadata", "pages_read_engagement", "pages_show_list");

    UUID integrationId;
    UUID brightline;
    UUID northwind;
    UUID cobalt;

    @BeforeEach
    void connectAcmeAndItsThreePartners() {
        simulator().control().addToken(new Token(NORTHWIND_FULL_TOKEN, Token.SYSTEM_USER, APP_ID, NORTHWIND_PERFORMANCE,
                NORTHWIND_INTEGRATION_SYSTEM_USER, SIX_SCOPES, 0, 0, true));
        simulator().control().addToken(new Token(COBALT_OWN_TOKEN, Token.SYSTEM_USER, APP_ID, COBALT_CREATIVE,
                COBALT_INTEGRATION_SYSTEM_USER, SIX_SCOPES, 0, 0, true));
        integrationId = fixtures.integration(workspace, ACME_RETAIL, ACME_TOKEN);
        brightline = fixtures.partner(workspace, integrationId, BRIGHTLINE_MEDIA, "Brightline Media", BRIGHTLINE_TOKEN);
        northwind = fixtures.partner(workspace, integrationId, NORTHWIND_PERFORMANCE, "Northwind Performance",
                NORTHWIND_FULL_TOKEN);
        cobalt = fixtures.partner(workspace, integrationId, COBALT_CREATIVE, "Cobalt Creative", COBALT_OWN_TOKEN);
    }

    @Test
    void aFullSyncImportsEveryPersonOfEveryConnectedPartnerWithKindRoleAndTasks() {
        // "Require App Secret" on: every call and batch must carry appsecret_proof or fail with 100.
        simulator().control().setAppsecretProofRequired(true);

        UUID taskId = startedTask(integrationId, null);
        List<SyncJob> jobs = awaitJobsRead(taskId, 3);

        assertThat(jobs).extracting(job -> job.status).containsOnly(JobStatus.AWAITING_DIRECTORY);
        DataSet demo = DataSet.demo();
        for (String partner : List.of(BRIGHTLINE_MEDIA, NORTHWIND_PERFORMANCE, COBALT_CREATIVE)) {
            List<ImportedGuestUser> people = people(job(taskId, partner).id);
            assertThat(people).as("people of %s", partner)
                    .containsExactlyInAnyOrderElementsOf(ExpectedPeople.of(demo, ACME_RETAIL, partner));
            assertThat(ids(people)).hasSize(people.size());
        }
        assertThat(fixtures.task(taskId).status).isEqualTo(TaskStatus.RUNNING);
        assertThat(TokenVaultStub.refused()).isEmpty();
    }

    @Test
    void namedPeopleOfTheDemoComeWithWhatTheReadmeSays() {
        UUID taskId = startedTask(integrationId, null);
        awaitJobsRead(taskId, 3);
        Map<String, ImportedGuestUser> brightlinePeople = byId(people(job(taskId, BRIGHTLINE_MEDIA).id));

        ImportedGuestUser dana = brightlinePeople.get(DANA_WHITFIELD);
        assertThat(dana.kind()).isEqualTo(GuestUserKind.BUSINESS_USER);
        assertThat(dana.name()).isEqualTo("Dana Whitfield");
        assertThat(dana.email()).isEqualTo("dana.whitfield@brightline.example");
        assertThat(dana.role()).isEqualTo("ADMIN");
        assertThat(dana.twoFactorStatus()).isEqualTo("enabled");
        assertThat(dana.assets()).containsExactly(
                new AssetAccess(ACME_PAGE, AssetType.PAGE, "Acme Retail", List.of("CREATE_CONTENT", "MODERATE", "ADVERTISE", "ANALYZE")),
                new AssetAccess(ACME_CATALOG, AssetType.CATALOG, "Acme Retail Products", List.of("MANAGE", "ADVERTISE")),
                new AssetAccess(ACME_BRAND_AD_ACCOUNT, AssetType.AD_ACCOUNT, "Acme Retail - Brand",
                        List.of("MANAGE", "ADVERTISE", "ANALYZE")));

        assertThat(brightlinePeople.get(MARCUS_OYELARAN).twoFactorStatus()).isEqualTo("not_enabled");
        assertThat(brightlinePeople.get(PRIYA_RAMAN).role()).isEqualTo("EMPLOYEE");
        assertThat(brightlinePeople.get(TOM_BECKER).assets()).extracting(AssetAccess::tasks)
                .containsExactly(List.of("ANALYZE"));

        ImportedGuestUser bot = brightlinePeople.get(BRIGHTLINE_REPORTING_SYSTEM_USER);
        assertThat(bot.kind()).isEqualTo(GuestUserKind.SYSTEM_USER);
        assertThat(bot.name()).isEqualTo("Reporting bot");
        assertThat(bot.email()).isNull();
        assertThat(bot.assets()).extracting(AssetAccess::assetId).containsExactly(ACME_PIXEL, ACME_BRAND_AD_ACCOUNT);

        ImportedGuestUser lena = brightlinePeople.get(BRIGHTLINE_INVITE_LENA);
        assertThat(lena.kind()).isEqualTo(GuestUserKind.PENDING_INVITE);
        assertThat(lena.email()).isEqualTo("lena.fischer@brightline.example");
        assertThat(lena.role()).isEqualTo("EMPLOYEE");
        assertThat(lena.invitedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(lena.inviteExpiresAt()).isEqualTo(Instant.parse("2026-12-28T10:00:00Z"));
        assertThat(brightlinePeople.get(BRIGHTLINE_INVITE_SAM).role()).isEqualTo("ADMIN");

        // Cobalt's page share is still PENDING: nobody of Cobalt holds anything on the page.
        ImportedGuestUser ruth = byId(people(job(taskId, COBALT_CREATIVE).id)).get("10180000000000001");
        assertThat(ruth.assets()).extracting(AssetAccess::assetId)
                .containsExactly(ACME_PIXEL, ACME_PERFORMANCE_AD_ACCOUNT);
    }

    @Test
    void discoveryPublishesTheFullSnapshotOfPartnersAndWhatTheyHold() {
        UUID taskId = startedTask(integrationId, null);
        awaitJobsRead(taskId, 3);

        List<JsonNode> snapshots = discoveries(taskId, 1);
        assertThat(snapshots).hasSize(1);
        JsonNode snapshot = snapshots.get(0);
        assertThat(snapshot.path("customerBusinessId").asText()).isEqualTo(ACME_RETAIL);
        assertThat(snapshot.path("workspaceId").asText()).isEqualTo(workspace);
        Map<String, JsonNode> partners = new java.util.TreeMap<>();
        snapshot.path("partners").forEach(p -> partners.put(p.path("businessId").asText(), p));
        assertThat(partners).containsOnlyKeys(BRIGHTLINE_MEDIA, NORTHWIND_PERFORMANCE, COBALT_CREATIVE);

        JsonNode brightlineShares = partners.get(BRIGHTLINE_MEDIA);
        assertThat(brightlineShares.path("name").asText()).isEqualTo("Brightline Media");
        assertThat(brightlineShares.path("relationship").asText()).isEqualTo("AGENCY");
        assertThat(brightlineShares.path("verificationStatus").asText()).isEqualTo("verified");
        assertThat(assetTasks(brightlineShares)).isEqualTo(Map.of(
                ACME_BRAND_AD_ACCOUNT, "AD_ACCOUNT [MANAGE, ADVERTISE, ANALYZE]",
                ACME_PAGE, "PAGE [CREATE_CONTENT, MODERATE, ADVERTISE, ANALYZE]",
                ACME_CATALOG, "CATALOG [MANAGE, ADVERTISE]",
                ACME_PIXEL, "PIXEL [ADVERTISE, ANALYZE]"));
        assertThat(assetTasks(partners.get(NORTHWIND_PERFORMANCE))).containsOnlyKeys(
                ACME_BRAND_AD_ACCOUNT, ACME_PERFORMANCE_AD_ACCOUNT, ACME_CATALOG);
        assertThat(partners.get(COBALT_CREATIVE).path("verificationStatus").asText()).isEqualTo("pending");
        assertThat(assetTasks(partners.get(COBALT_CREATIVE))).as("a PENDING share grants nothing yet")
                .isEqualTo(Map.of(ACME_PERFORMANCE_AD_ACCOUNT, "AD_ACCOUNT [ANALYZE]", ACME_PIXEL, "PIXEL [ANALYZE]"));
    }

    @Test
    void theDirectorysAnswersCompleteTheJobsWithTheirCountsAndThenTheTask() {
        UUID taskId = startedTask(integrationId, null);
        awaitJobsRead(taskId, 3);
        for (JsonNode chunk : chunks(job(taskId, BRIGHTLINE_MEDIA).id)) {
            assertThat(chunk.path("chunkIndex").asInt()).isZero();
            assertThat(chunk.path("lastChunk").asBoolean()).isTrue();
        }

        directoryApplied(job(taskId, BRIGHTLINE_MEDIA));
        directoryApplied(job(taskId, NORTHWIND_PERFORMANCE));
        org.awaitility.Awaitility.await().atMost(PATIENCE)
                .until(() -> job(taskId, NORTHWIND_PERFORMANCE).status == JobStatus.COMPLETED);
        assertThat(fixtures.task(taskId).status).as("Cobalt's job still waits").isEqualTo(TaskStatus.RUNNING);

        directoryApplied(job(taskId, COBALT_CREATIVE));
        SyncTask done = awaitTask(taskId, TaskStatus.COMPLETED);
        assertThat(done.finishedAt).isNotNull();
        assertThat(done.failureReason).isNull();

        given().auth().oauth2(TestJwt.viewer(workspace)).get("/api/automation/tasks/" + taskId).then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("trigger", equalTo("WEB_APP"))
                .body("actor", equalTo("admin@" + workspace))
                .body("discovery.partnersFound", equalTo(3))
                .body("jobs", hasSize(3))
                .body("jobs.find { it.partnerBusinessId == '" + BRIGHTLINE_MEDIA + "' }.status", equalTo("COMPLETED"))
                .body("jobs.find { it.partnerBusinessId == '" + BRIGHTLINE_MEDIA + "' }.counts.peopleRead", equalTo(8))
                .body("jobs.find { it.partnerBusinessId == '" + BRIGHTLINE_MEDIA + "' }.counts.added", equalTo(8))
                .body("jobs.find { it.partnerBusinessId == '" + BRIGHTLINE_MEDIA + "' }.chunksPublished", equalTo(1))
                .body("jobs.find { it.partnerBusinessId == '" + BRIGHTLINE_MEDIA + "' }.error", equalTo(null));
    }

    @Test
    void aSyncOfOnePartnerReadsOnlyThatPartner() {
        UUID taskId = startedTask(integrationId, northwind);
        List<SyncJob> jobs = awaitJobsRead(taskId, 1);

        assertThat(jobs).extracting(job -> job.partnerBusinessId).containsExactly(NORTHWIND_PERFORMANCE);
        assertThat(people(jobs.get(0).id)).containsExactlyInAnyOrderElementsOf(
                ExpectedPeople.of(DataSet.demo(), ACME_RETAIL, NORTHWIND_PERFORMANCE));
        assertThat(discoveries(taskId, 1)).as("discovery runs for every task, a full snapshot").hasSize(1);
        directoryApplied(jobs.get(0));
        assertThat(awaitTask(taskId, TaskStatus.COMPLETED).partnerId).isEqualTo(northwind);
    }

    @Test
    void theGraphCallsOfTheDemoSyncAreTheFewestTheDataNeeds() {
        simulator().control().resetRequestCounts();
        UUID taskId = startedTask(integrationId, null);
        awaitJobsRead(taskId, 3);

        SyncTask task = fixtures.task(taskId);
        // Discovery: one expanded call for the customer's node, then /{asset}/agencies of its six assets in one batch.
        assertThat(task.discoveryGraphCalls).isEqualTo(7);
        assertThat(task.discoveryGraphRequests).isEqualTo(2);
        System.out.println("Graph calls of the demo sync (limit 500, batches of 50):");
        long ownedAssets = DataSet.demo().assets().stream().filter(a -> a.ownerBusinessId().equals(ACME_RETAIL)).count();
        // A plain client: agencies, clients, four owned_* and four client_* edges, then one call per asset.
        System.out.println(GraphCallReport.line("discovery of Acme Retail (" + ownedAssets + " owned assets)",
                task.discoveryGraphCalls, task.discoveryGraphRequests,
                new MinimumGraphCalls(1 + ownedAssets, 2, 10 + ownedAssets)));
        long total = task.discoveryGraphCalls;
        for (String partner : List.of(BRIGHTLINE_MEDIA, NORTHWIND_PERFORMANCE, COBALT_CREATIVE)) {
            SyncJob job = job(taskId, partner);
            MinimumGraphCalls minimum = MinimumGraphCalls.ofPartner(DataSet.demo(), ACME_RETAIL, partner, 500);
            System.out.println(GraphCallReport.line("people of " + job.partnerName, job.graphCalls, job.graphRequests,
                    minimum));
            assertThat(job.graphCalls).as("calls for %s", partner).isEqualTo(minimum.calls());
            assertThat(job.graphRequests).as("requests for %s", partner).isEqualTo(minimum.requests());
            total += job.graphCalls;
        }
        assertThat(simulator().control().requestCounts().byEndpoint().entrySet().stream()
                .filter(e -> !e.getKey().equals("POST /")).mapToLong(Map.Entry::getValue).sum())
                .as("the simulator counted the same calls").isEqualTo(total);
    }

    private static Map<String, ImportedGuestUser> byId(List<ImportedGuestUser> people) {
        return people.stream().collect(Collectors.toMap(ImportedGuestUser::metaUserId, Function.identity()));
    }

    private static Map<String, String> assetTasks(JsonNode partner) {
        Map<String, String> tasks = new java.util.TreeMap<>();
        partner.path("sharedAssets").forEach(asset -> {
            List<String> permitted = new java.util.ArrayList<>();
            asset.path("permittedTasks").forEach(t -> permitted.add(t.asText()));
            tasks.put(asset.path("assetId").asText(), asset.path("assetType").asText() + " " + permitted);
        });
        return tasks;
    }
}
