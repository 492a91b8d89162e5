package io.partnersync.sync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.events.Topics;
import io.partnersync.simulator.GraphSimulator;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.sync.domain.JobStatus;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.TaskStatus;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What sync tests share: a clean world before each test (demo data, no faults, fresh counts, an
 * empty database, a live token vault), a workspace of their own, and the other services' parts
 * played from the outside: starting syncs over REST, reading the events, and answering
 * {@code GuestUsersApplied} as user-directory-service would.
 */
abstract class SyncTestBase {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    Fixtures fixtures;

    String workspace;

    @BeforeEach
    void cleanWorld() {
        EventLog.start();
        simulator().control().loadData(DataSet.demo());
        simulator().control().reset();
        TokenVaultStub.reset();
        fixtures.clean();
        workspace = "ws-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static GraphSimulator simulator() {
        return GraphSimulatorResource.simulator();
    }

    Response startSync(UUID integrationId, UUID partnerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("integrationId", integrationId.toString());
        if (partnerId != null) {
            body.put("partnerId", partnerId.toString());
        }
        return given().auth().oauth2(TestJwt.admin(workspace)).contentType(ContentType.JSON).body(body)
                .post("/api/automation/tasks");
    }

    UUID startedTask(UUID integrationId, UUID partnerId) {
        Response response = startSync(integrationId, partnerId);
        response.then().statusCode(202);
        return UUID.fromString(response.path("id"));
    }

    SyncTask awaitTask(UUID taskId, TaskStatus status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> fixtures.task(taskId).status == status);
        return fixtures.task(taskId);
    }

    /** Waits until every job of the task stopped reading (published its last chunk or failed). */
    List<SyncJob> awaitJobsRead(UUID taskId, int jobs) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<SyncJob> all = fixtures.jobs(taskId);
            return all.stream().filter(job -> job.status != JobStatus.ABANDONED).count() == jobs
                    && all.stream().noneMatch(job -> job.status == JobStatus.RUNNING)
                    && fixtures.task(taskId).readingDoneAt != null;
        });
        return fixtures.jobs(taskId);
    }

    SyncJob job(UUID taskId, String partnerBusinessId) {
        return fixtures.jobs(taskId).stream()
                .filter(job -> job.partnerBusinessId.equals(partnerBusinessId) && job.status != JobStatus.ABANDONED)
                .findFirst().orElseThrow();
    }

    /** The job's chunks as published, in chunk order, once the last one is on the topic. */
    List<JsonNode> chunks(UUID jobId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> chunksSoFar(jobId).stream()
                .anyMatch(chunk -> chunk.path("lastChunk").asBoolean()));
        return chunksSoFar(jobId);
    }

    static List<JsonNode> chunksSoFar(UUID jobId) {
        return EventLog.events(Topics.GUEST_USERS_IMPORTED, e -> e.path("jobId").asText().equals(jobId.toString()))
                .stream().sorted(Comparator.comparingInt(e -> e.path("chunkIndex").asInt())).toList();
    }

    /** Every person of the job's chunks; duplicates stay in, so tests can count them. */
    List<ImportedGuestUser> people(UUID jobId) {
        List<ImportedGuestUser> people = new ArrayList<>();
        for (JsonNode chunk : chunks(jobId)) {
            chunk.path("users").forEach(user -> people.add(EventLog.JSON.convertValue(user, ImportedGuestUser.class)));
        }
        return people;
    }

    /** user-directory-service applied the job: every person added. Answers the event's id. */
    UUID directoryApplied(SyncJob job) {
        int people = people(job.id).size();
        UUID eventId = UUID.randomUUID();
        EventLog.publish(Topics.GUEST_USERS_APPLIED, new GuestUsersApplied(eventId, Instant.now(),
                job.workspaceId, fixtures.task(job.taskId).integrationId, job.partnerId, job.taskId, job.id,
                people, 0, 0, 0, 0));
        return eventId;
    }

    /** Answers every job of the task that waits for the directory. */
    void directoryAppliesEverything(UUID taskId) {
        fixtures.jobs(taskId).stream().filter(job -> job.status == JobStatus.AWAITING_DIRECTORY)
                .forEach(this::directoryApplied);
    }

    static Set<String> ids(List<ImportedGuestUser> people) {
        return people.stream().map(ImportedGuestUser::metaUserId).collect(Collectors.toSet());
    }

    /** The task's PartnerSyncFailed events, once {@code expected} of them arrived. */
    static List<JsonNode> failures(UUID taskId, int expected) {
        return awaitEvents(Topics.PARTNER_SYNC_FAILED, taskId, expected);
    }

    /** The task's PartnersDiscovered events, once {@code expected} of them arrived. */
    static List<JsonNode> discoveries(UUID taskId, int expected) {
        return awaitEvents(Topics.PARTNERS_DISCOVERED, taskId, expected);
    }

    private static List<JsonNode> awaitEvents(String topic, UUID taskId, int expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> EventLog.events(topic, e -> e.path("taskId").asText().equals(taskId.toString())).size()
                        >= expected);
        return EventLog.events(topic, e -> e.path("taskId").asText().equals(taskId.toString()));
    }

    static int syncRequests(UUID taskId) {
        return EventLog.events(Topics.SYNC_REQUESTED, e -> e.path("taskId").asText().equals(taskId.toString())).size();
    }
}
