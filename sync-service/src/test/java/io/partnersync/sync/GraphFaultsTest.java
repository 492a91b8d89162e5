package io.partnersync.sync;

import static io.partnersync.simulator.data.DemoData.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnersync.events.SyncFailureReason;
import io.partnersync.simulator.MinimumGraphCalls;
import io.partnersync.simulator.data.BusinessUser;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.Token;
import io.partnersync.simulator.graph.CallBudget;
import io.partnersync.simulator.graph.Faults;
import io.partnersync.sync.domain.JobStatus;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.TaskStatus;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.testkit.TestJwt;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Graph's bad days and the token vault's: what retries, what waits, what fails, and for whom. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
@WithTestResource(TokenVaultStub.class)
class GraphFaultsTest extends SyncTestBase {

    UUID integrationId;
    UUID brightline;

    @BeforeEach
    void connectAcmeAndBrightline() {
        integrationId = fixtures.integration(workspace, ACME_RETAIL, ACME_TOKEN);
        brightline = fixtures.partner(workspace, integrationId, BRIGHTLINE_MEDIA, "Brightline Media", BRIGHTLINE_TOKEN);
    }

    @Test
    void throttlingWaitsForMetaToGiveAccessBackWhileTheTaskShowsRetrying() {
        // Three calls per two-second window: discovery (7 calls) and the partner read (5) are both throttled.
        // Graph says "1 minute" (the simulator rounds its window up); the configured cap of 3 s applies.
        simulator().control().setCallBudget(CallBudget.of(3, 2));
        UUID taskId = startedTask(integrationId, null);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> "RETRYING".equals(
                given().auth().oauth2(TestJwt.viewer(workspace)).get("/api/automation/tasks/" + taskId).path("status")));
        SyncJob job = awaitJobsRead(taskId, 1).get(0);

        assertThat(job.status).isEqualTo(JobStatus.AWAITING_DIRECTORY);
        assertThat(people(job.id)).containsExactlyInAnyOrderElementsOf(
                ExpectedPeople.of(DataSet.demo(), ACME_RETAIL, BRIGHTLINE_MEDIA));
        SyncTask task = fixtures.task(taskId);
        assertThat(task.discoveryThrottledWaits).isGreaterThanOrEqualTo(1);
        assertThat(job.throttledWaits).isGreaterThanOrEqualTo(1);
        assertThat(job.graphCalls).as("throttled calls are calls too").isGreaterThan(5);
        assertThat(task.status).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void everyFourthCallFailingWith5xxIsRetriedAndNobodyIsLost() {
        simulator().control().setFaults(Faults.none().withErrorRate(0.25));
        UUID taskId = startedTask(integrationId, null);

        SyncJob job = awaitJobsRead(taskId, 1).get(0);

        assertThat(job.status).isEqualTo(JobStatus.AWAITING_DIRECTORY);
        assertThat(people(job.id)).containsExactlyInAnyOrderElementsOf(
                ExpectedPeople.of(DataSet.demo(), ACME_RETAIL, BRIGHTLINE_MEDIA));
        assertThat(job.graphCalls + fixtures.task(taskId).discoveryGraphCalls).as("failed calls were made again")
                .isGreaterThan(5 + 7);
    }

    @Test
    void aBurstOfServerErrorsIsWaitedOutWithBackoff() {
        simulator().control().setFaults(Faults.none().withErrorRate(1.0));
        long before = simulator().control().requestCounts().total();
        CompletableFuture<Void> recovery = CompletableFuture.runAsync(() -> {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5))
                    .until(() -> simulator().control().requestCounts().total() >= before + 4);
            simulator().control().clearFaults();
        });
        UUID taskId = startedTask(integrationId, null);

        SyncJob job = awaitJobsRead(taskId, 1).get(0);

        recovery.join();
        assertThat(job.status).isEqualTo(JobStatus.AWAITING_DIRECTORY);
        assertThat(fixtures.task(taskId).discoveryGraphCalls).as("discovery called again after the burst")
                .isGreaterThanOrEqualTo(7 + 4);
        assertThat(people(job.id)).hasSize(8);
    }

    @Test
    void metaStayingDownFailsTheTaskOnceRetriesAreSpent() {
        simulator().control().setFaults(Faults.none().withErrorRate(1.0));
        UUID taskId = startedTask(integrationId, null);

        SyncTask task = awaitTask(taskId, TaskStatus.FAILED);

        assertThat(task.failureReason).contains("Discovery failed").contains("unavailable after 6 retries");
        assertThat(task.discoveryGraphCalls).isEqualTo(7);
        assertThat(fixtures.jobs(taskId)).isEmpty();
        assertThat(discoveries(taskId, 0)).isEmpty();
    }

    @Test
    void emptyPagesThatStillHaveANextLinkAreFollowedToTheEnd() {
        simulator().control().setFaults(Faults.none().withEmptyPageQuirk(true));
        UUID taskId = startedTask(integrationId, null);

        SyncJob job = awaitJobsRead(taskId, 1).get(0);

        assertThat(people(job.id)).containsExactlyInAnyOrderElementsOf(
                ExpectedPeople.of(DataSet.demo(), ACME_RETAIL, BRIGHTLINE_MEDIA));
        // Every listing's first page points to an empty page: three people edges and four assets, one call each more.
        MinimumGraphCalls minimum = MinimumGraphCalls.ofPartner(DataSet.demo(), ACME_RETAIL, BRIGHTLINE_MEDIA, 500);
        assertThat(job.graphCalls).isEqualTo(minimum.calls() + 3 + 4);
    }

    @Test
    void aCursorThatDiesMidListingRestartsTheListingAndNobodyIsLostOrRepeated() {
        DataSet bigger = withBusinessUsers(DataSet.demo(), BRIGHTLINE_MEDIA, 2_400);
        simulator().control().loadData(bigger);
        simulator().control().setFaults(Faults.none().withLatencyMs(150));
        AtomicBoolean expired = new AtomicBoolean();
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> simulator().control()
                    .requestCounts().forEndpoint("GET /{business}/business_users") >= 1);
            simulator().control().expireCursors();
            expired.set(true);
        });
        UUID taskId = startedTask(integrationId, null);

        SyncJob job = awaitJobsRead(taskId, 1).get(0);

        killer.join();
        assertThat(expired).isTrue();
        assertThat(job.status).isEqualTo(JobStatus.AWAITING_DIRECTORY);
        List<io.partnersync.events.ImportedGuestUser> people = people(job.id);
        assertThat(people).containsExactlyInAnyOrderElementsOf(ExpectedPeople.of(bigger, ACME_RETAIL, BRIGHTLINE_MEDIA));
        assertThat(ids(people)).hasSize(people.size());
        assertThat(simulator().control().requestCounts().forEndpoint("GET /{business}/business_users"))
                .as("pages 2 to 5, plus the restart from page 1").isGreaterThan(4);
    }

    @Test
    void metaAskingForLessDataHalvesThePageSize() {
        simulator().control().setFaults(Faults.none().withReduceDataAboveLimit(250));
        UUID taskId = startedTask(integrationId, null);

        SyncJob job = awaitJobsRead(taskId, 1).get(0);

        assertThat(people(job.id)).containsExactlyInAnyOrderElementsOf(
                ExpectedPeople.of(DataSet.demo(), ACME_RETAIL, BRIGHTLINE_MEDIA));
        // The expansion and the four asset listings each fail once at 500, then succeed at 250.
        assertThat(job.graphCalls).isEqualTo(5 + 5);
    }

    @Test
    void metaAskingForLessDataAgainHalvesThePageSizeAgainUntilItIsSmallEnough() {
        simulator().control().setFaults(Faults.none().withReduceDataAboveLimit(100));
        UUID taskId = startedTask(integrationId, null);

        SyncJob job = awaitJobsRead(taskId, 1).get(0);

        assertThat(job.status).isEqualTo(JobStatus.AWAITING_DIRECTORY);
        assertThat(people(job.id)).containsExactlyInAnyOrderElementsOf(
                ExpectedPeople.of(DataSet.demo(), ACME_RETAIL, BRIGHTLINE_MEDIA));
        // Each of the five listings fails at 500, 250 and 125, then succeeds at 62; the four asset listings
        // go out together, so every halving costs the batch one more request.
        assertThat(job.graphCalls).isEqualTo(5 * 4);
        assertThat(job.graphRequests).isEqualTo(2 * 4);
        assertThat(job.throttledWaits).isZero();
        SyncTask task = fixtures.task(taskId);
        assertThat(task.discoveryGraphCalls).as("discovery halves its seven listings the same way").isEqualTo(7 * 4);
    }

    @Test
    void metaAskingForLessDataAtTheSmallestPageSizeIsRetriedAsTransientUntilRetriesAreSpent() {
        // Halving stops at min-page-limit 25 (500, 250, 125, 62, 31, 25), which Meta still finds too much;
        // at the floor code 1 is a transient error: 6 retries with backoff, then META_UNAVAILABLE. Discovery
        // meets it first, so the task fails without reading a partner.
        simulator().control().setFaults(Faults.none().withReduceDataAboveLimit(20));
        UUID taskId = startedTask(integrationId, null);

        SyncTask task = awaitTask(taskId, TaskStatus.FAILED);

        assertThat(task.failureReason).contains("Discovery failed").contains("unavailable after 6 retries")
                .contains("reduce the amount of data");
        assertThat(task.discoveryGraphCalls).as("five halvings, then the first call at 25 and its 6 retries")
                .isEqualTo(5 + 1 + 6);
        assertThat(task.discoveryThrottledWaits).isZero();
        assertThat(fixtures.jobs(taskId)).isEmpty();
    }

    @Test
    void aRevokedTokenFailsThatPartnersJobAloneAndTheOtherCompletes() {
        simulator().control().addToken(new Token(DemoSyncTest.NORTHWIND_FULL_TOKEN, Token.SYSTEM_USER, APP_ID,
                NORTHWIND_PERFORMANCE, NORTHWIND_INTEGRATION_SYSTEM_USER, DemoSyncTest.SIX_SCOPES, 0, 0, true));
        UUID northwind = fixtures.partner(workspace, integrationId, NORTHWIND_PERFORMANCE, "Northwind Performance",
                DemoSyncTest.NORTHWIND_FULL_TOKEN);
        simulator().control().revokeToken(BRIGHTLINE_TOKEN);
        UUID taskId = startedTask(integrationId, null);

        awaitJobsRead(taskId, 2);

        SyncJob failed = job(taskId, BRIGHTLINE_MEDIA);
        assertThat(failed.status).isEqualTo(JobStatus.FAILED);
        assertThat(failed.errorReason).isEqualTo(SyncFailureReason.TOKEN_INVALID);
        assertThat(failed.errorCode).isEqualTo(190);
        assertThat(failed.errorSubcode).isEqualTo(460);
        assertThat(failed.errorFbtraceId).isNotBlank();
        assertThat(chunksSoFar(failed.id)).isEmpty();
        List<JsonNode> failures = failures(taskId, 1);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).path("partnerId").asText()).isEqualTo(brightline.toString());
        assertThat(failures.get(0).path("reason").asText()).isEqualTo("TOKEN_INVALID");
        assertThat(failures.get(0).path("error").path("code").asInt()).isEqualTo(190);
        assertThat(failures.get(0).path("error").path("subcode").asInt()).isEqualTo(460);
        assertThat(failures.get(0).path("jobId").asText()).isEqualTo(failed.id.toString());

        SyncJob other = job(taskId, NORTHWIND_PERFORMANCE);
        assertThat(other.status).isEqualTo(JobStatus.AWAITING_DIRECTORY);
        assertThat(other.partnerId).isEqualTo(northwind);
        directoryApplied(other);
        SyncTask task = awaitTask(taskId, TaskStatus.NOT_COMPLETED);
        assertThat(task.failureReason).isEqualTo("1 of 2 partner syncs failed: Brightline Media (TOKEN_INVALID)");
        assertThat(job(taskId, NORTHWIND_PERFORMANCE).status).isEqualTo(JobStatus.COMPLETED);

        given().auth().oauth2(TestJwt.viewer(workspace)).get("/api/automation/tasks/" + taskId).then().statusCode(200)
                .body("status", equalTo("NOT_COMPLETED"))
                .body("jobs.find { it.partnerBusinessId == '" + BRIGHTLINE_MEDIA + "' }.error.reason", equalTo("TOKEN_INVALID"))
                .body("jobs.find { it.partnerBusinessId == '" + BRIGHTLINE_MEDIA + "' }.error.code", equalTo(190))
                .body("jobs.find { it.partnerBusinessId == '" + BRIGHTLINE_MEDIA + "' }.error.subcode", equalTo(460));
    }

    @Test
    void aTokenWithoutAPermissionTheSyncNeedsFailsWithPermissionDenied() {
        UUID northwind = fixtures.partner(workspace, integrationId, NORTHWIND_PERFORMANCE, "Northwind Performance",
                NORTHWIND_TOKEN_WITHOUT_CATALOG);
        UUID taskId = startedTask(integrationId, northwind);

        SyncJob job = awaitJobsRead(taskId, 1).get(0);

        assertThat(job.status).isEqualTo(JobStatus.FAILED);
        assertThat(job.errorReason).isEqualTo(SyncFailureReason.PERMISSION_DENIED);
        assertThat(job.errorCode).isEqualTo(200);
        assertThat(job.errorMessage).contains("catalog_management");
        assertThat(failures(taskId, 1)).extracting(f -> f.path("reason").asText()).containsExactly("PERMISSION_DENIED");
        assertThat(awaitTask(taskId, TaskStatus.NOT_COMPLETED).failureReason).contains("PERMISSION_DENIED");
    }

    @Test
    void theIntegrationsTokenRejectedByMetaFailsTheTaskAndStopsSyncsUntilReconnected() {
        simulator().control().revokeToken(ACME_TOKEN);
        UUID taskId = startedTask(integrationId, null);

        SyncTask task = awaitTask(taskId, TaskStatus.FAILED);

        assertThat(task.failureReason).contains("Meta rejected the integration's token").contains("190/460");
        assertThat(fixtures.integration(integrationId).active).isFalse();
        assertThat(fixtures.jobs(taskId)).isEmpty();
        startSync(integrationId, null).then().statusCode(409);
    }

    @Test
    void tokenVaultDownFailsTheTaskBeforeMetaIsCalled() {
        TokenVaultStub.down();
        simulator().control().resetRequestCounts();
        UUID taskId = startedTask(integrationId, null);

        SyncTask task = awaitTask(taskId, TaskStatus.FAILED);

        assertThat(task.failureReason).contains("token could not be read").contains("unreachable");
        assertThat(simulator().control().requestCounts().total()).isZero();
        assertThat(fixtures.integration(integrationId).active).as("nothing is wrong with the integration").isTrue();
    }

    @Test
    void tokenVaultGoingDownAfterDiscoveryFailsEachPartnerJobWithTokenUnavailable() {
        UUID northwind = fixtures.partner(workspace, integrationId, NORTHWIND_PERFORMANCE, "Northwind Performance",
                NORTHWIND_TOKEN_WITHOUT_CATALOG);
        simulator().control().setFaults(Faults.none().withLatencyMs(300));
        String integrationRef = fixtures.integration(integrationId).tokenRef;
        CompletableFuture<Void> outage = CompletableFuture.runAsync(() -> {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5))
                    .until(() -> TokenVaultStub.served().contains(integrationRef));
            TokenVaultStub.down();
        });
        UUID taskId = startedTask(integrationId, null);

        List<SyncJob> jobs = awaitJobsRead(taskId, 2);

        outage.join();
        assertThat(jobs).extracting(job -> job.status).containsOnly(JobStatus.FAILED);
        assertThat(jobs).extracting(job -> job.errorReason).containsOnly(SyncFailureReason.TOKEN_UNAVAILABLE);
        assertThat(jobs).extracting(job -> job.errorCode).containsOnlyNulls();
        assertThat(failures(taskId, 2)).extracting(f -> f.path("partnerId").asText())
                .containsExactlyInAnyOrder(brightline.toString(), northwind.toString());
        assertThat(failures(taskId, 2)).allSatisfy(f -> {
            assertThat(f.path("reason").asText()).isEqualTo("TOKEN_UNAVAILABLE");
            assertThat(f.path("error").isNull()).isTrue();
        });
        assertThat(discoveries(taskId, 1)).hasSize(1);
        assertThat(awaitTask(taskId, TaskStatus.NOT_COMPLETED).failureReason)
                .isEqualTo("2 of 2 partner syncs failed: Brightline Media (TOKEN_UNAVAILABLE), "
                        + "Northwind Performance (TOKEN_UNAVAILABLE)");
    }

    @Test
    void aDestroyedTokenFailsThatPartnersJobAloneWithTokenUnavailable() {
        TokenVaultStub.destroy(fixtures.tokenRefOfPartner(brightline));
        simulator().control().addToken(new Token(DemoSyncTest.NORTHWIND_FULL_TOKEN, Token.SYSTEM_USER, APP_ID,
                NORTHWIND_PERFORMANCE, NORTHWIND_INTEGRATION_SYSTEM_USER, DemoSyncTest.SIX_SCOPES, 0, 0, true));
        fixtures.partner(workspace, integrationId, NORTHWIND_PERFORMANCE, "Northwind Performance",
                DemoSyncTest.NORTHWIND_FULL_TOKEN);
        UUID taskId = startedTask(integrationId, null);

        awaitJobsRead(taskId, 2);

        SyncJob failed = job(taskId, BRIGHTLINE_MEDIA);
        assertThat(failed.errorReason).isEqualTo(SyncFailureReason.TOKEN_UNAVAILABLE);
        assertThat(failed.errorMessage).contains("unknown or destroyed");
        assertThat(job(taskId, NORTHWIND_PERFORMANCE).status).isEqualTo(JobStatus.AWAITING_DIRECTORY);
    }

    /** The data set with {@code count} more business users in {@code businessId}, each on no asset. */
    static DataSet withBusinessUsers(DataSet data, String businessId, int count) {
        List<BusinessUser> users = new ArrayList<>(data.businessUsers());
        for (int i = 0; i < count; i++) {
            String id = String.valueOf(30150000000000000L + i);
            users.add(BusinessUser.of(id, businessId, "Extra Person " + i, "extra." + i + "@brightline.example",
                    i % 10 == 0 ? "ADMIN" : "EMPLOYEE", i % 3 != 0));
        }
        return new DataSet(data.app(), data.businesses(), data.assets(), users, data.systemUsers(),
                data.pendingUsers(), data.assignments(), data.tokens());
    }
}
