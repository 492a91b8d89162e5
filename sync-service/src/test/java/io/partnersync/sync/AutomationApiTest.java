package io.partnersync.sync;

import static io.partnersync.simulator.data.DemoData.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnersync.events.SyncTrigger;
import io.partnersync.sync.domain.TaskStatus;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.testkit.TestJwt;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** /api/automation/tasks: starting syncs, listing and reading tasks, and every refusal. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
@WithTestResource(TokenVaultStub.class)
class AutomationApiTest extends SyncTestBase {

    static final String PROBLEM = "application/problem+json";

    UUID integrationId;
    UUID brightline;

    @BeforeEach
    void connectAcmeAndBrightline() {
        integrationId = fixtures.integration(workspace, ACME_RETAIL, ACME_TOKEN);
        brightline = fixtures.partner(workspace, integrationId, BRIGHTLINE_MEDIA, "Brightline Media", BRIGHTLINE_TOKEN);
    }

    @Test
    void startAnswers202WithTheQueuedTaskWhichThenRuns() {
        Response response = startSync(integrationId, null);

        response.then().statusCode(202)
                .header("Location", containsString("/api/automation/tasks/" + response.path("id")))
                .body("integrationId", equalTo(integrationId.toString()))
                .body("partnerId", nullValue())
                .body("trigger", equalTo("WEB_APP"))
                .body("actor", equalTo("admin@" + workspace))
                .body("attempt", equalTo(1))
                .body("createdAt", notNullValue());
        UUID taskId = UUID.fromString(response.path("id"));
        assertThat(syncRequests(taskId)).isLessThanOrEqualTo(1);
        awaitJobsRead(taskId, 1);
        assertThat(syncRequests(taskId)).as("the task and its SyncRequested commit together").isEqualTo(1);
        assertThat(fixtures.task(taskId).startedAt).isNotNull();
    }

    @Test
    void anApiClientSaysSoInTheRequest() {
        Response response = given().auth().oauth2(TestJwt.admin(workspace)).contentType(ContentType.JSON)
                .body(Map.of("integrationId", integrationId.toString(), "trigger", "API"))
                .post("/api/automation/tasks");

        response.then().statusCode(202).body("trigger", equalTo("API"));
        awaitJobsRead(UUID.fromString(response.path("id")), 1);
    }

    @Test
    void concurrentStartsOfOneTargetYieldOneTask() throws Exception {
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Callable<Response> start = () -> {
                go.await();
                return startSync(integrationId, null);
            };
            answers.add(pool.submit(start));
        }
        go.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();

        assertThat(responses).extracting(Response::statusCode).containsOnly(200, 202);
        assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSize(1);
        assertThat(responses).extracting(r -> r.path("id").toString()).containsOnly(responses.get(0).path("id").toString());
        assertThat(fixtures.tasks(workspace)).hasSize(1);
        UUID taskId = UUID.fromString(responses.get(0).path("id"));
        awaitJobsRead(taskId, 1);
        assertThat(syncRequests(taskId)).isEqualTo(1);
    }

    @Test
    void aStartWhileTheSameTargetIsActiveAnswers200WithThatTask() {
        UUID running = startedTask(integrationId, null);

        startSync(integrationId, null).then().statusCode(200).body("id", equalTo(running.toString()));
        startSync(integrationId, brightline).then().statusCode(200)
                .body("id", equalTo(running.toString()))
                .body("partnerId", nullValue());
        assertThat(fixtures.tasks(workspace)).hasSize(1);

        awaitJobsRead(running, 1);
        directoryAppliesEverything(running);
        awaitTask(running, TaskStatus.COMPLETED);
        startSync(integrationId, null).then().statusCode(202);
    }

    @Test
    void anUnknownIntegrationOrOneOfAnotherWorkspaceAnswers404() {
        startSync(UUID.randomUUID(), null).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://partnersync.io/problems/integration-not-found"));

        UUID elsewhere = fixtures.integration("other-" + workspace, ACME_RETAIL, ACME_TOKEN);
        startSync(elsewhere, null).then().statusCode(404).contentType(PROBLEM);
        assertThat(fixtures.tasks(workspace)).isEmpty();
        assertThat(fixtures.tasks("other-" + workspace)).isEmpty();
    }

    @Test
    void anIntegrationThatCannotSyncAnswers409WithTheReason() {
        fixtures.deactivate(integrationId, "Meta rejected the integration's token; connect the integration again.");

        startSync(integrationId, null).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://partnersync.io/problems/integration-cannot-sync"))
                .body("detail", containsString("connect the integration again"));
        assertThat(fixtures.tasks(workspace)).isEmpty();
    }

    @Test
    void aPartnerThatIsNotConnectedAnswers409() {
        fixtures.disconnect(brightline);

        startSync(integrationId, brightline).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://partnersync.io/problems/partner-not-connected"));
        startSync(integrationId, UUID.randomUUID()).then().statusCode(409).contentType(PROBLEM);
        assertThat(fixtures.tasks(workspace)).isEmpty();
    }

    @Test
    void badInputAnswers400AndStartsNothing() {
        post("{}").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://partnersync.io/problems/invalid-request"))
                .body("violations.field", hasItem("integrationId"));
        post("{not json").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://partnersync.io/problems/malformed-json"));
        post("{\"integrationId\":\"" + integrationId + "\",\"partner\":\"x\"}").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("partner"));
        post("{\"integrationId\":\"not-a-uuid\"}").then().statusCode(400).contentType(PROBLEM);
        post("{\"integrationId\":\"" + integrationId + "\",\"trigger\":\"SCHEDULE\"}").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("trigger"));
        given().auth().oauth2(TestJwt.admin(workspace)).get("/api/automation/tasks?status=DONE").then()
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(TestJwt.admin(workspace)).get("/api/automation/tasks?limit=0").then()
                .statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.admin(workspace)).get("/api/automation/tasks?limit=many").then()
                .statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.admin(workspace)).get("/api/automation/tasks?integrationId=42").then()
                .statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.admin(workspace)).get("/api/automation/tasks?cursor=bm9wZQ").then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://partnersync.io/problems/invalid-cursor"));
        assertThat(fixtures.tasks(workspace)).isEmpty();
    }

    @Test
    void onlyAnAdminStartsAndOnlyAnAuthenticatedMemberReads() {
        given().contentType(ContentType.JSON).body(Map.of("integrationId", integrationId.toString()))
                .post("/api/automation/tasks").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.forged(workspace)).contentType(ContentType.JSON)
                .body(Map.of("integrationId", integrationId.toString())).post("/api/automation/tasks")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.viewer(workspace)).contentType(ContentType.JSON)
                .body(Map.of("integrationId", integrationId.toString())).post("/api/automation/tasks")
                .then().statusCode(403).contentType(PROBLEM);
        given().get("/api/automation/tasks").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.user(workspace, "nobody")).get("/api/automation/tasks").then().statusCode(403);
        assertThat(fixtures.tasks(workspace)).isEmpty();

        given().auth().oauth2(TestJwt.viewer(workspace)).get("/api/automation/tasks").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void tasksAreListedNewestFirstFilteredAndPagedWithoutGapsOrRepeats() {
        Instant start = Instant.parse("2026-11-01T03:00:00Z");
        UUID other = fixtures.integration(workspace, ACME_RETAIL, ACME_TOKEN);
        List<UUID> created = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            created.add(fixtures.storedTask(workspace, day % 2 == 0 ? integrationId : other,
                    day == 3 ? TaskStatus.FAILED : TaskStatus.COMPLETED,
                    day == 5 ? SyncTrigger.WEB_APP : SyncTrigger.SCHEDULE, start.plusSeconds(86_400L * day)));
        }
        fixtures.storedTask("other-" + workspace, UUID.randomUUID(), TaskStatus.COMPLETED, SyncTrigger.SCHEDULE, start);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestJwt.viewer(workspace)).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/automation/tasks").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(3);
            assertThat(page.getList("items.jobs")).containsOnlyNulls();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<String> newestFirst = new ArrayList<>(created.stream().map(UUID::toString).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        given().auth().oauth2(TestJwt.viewer(workspace)).queryParam("integrationId", integrationId.toString())
                .get("/api/automation/tasks").then().statusCode(200)
                .body("items.id", equalTo(List.of(created.get(6), created.get(4), created.get(2), created.get(0))
                        .stream().map(UUID::toString).toList()));
        given().auth().oauth2(TestJwt.viewer(workspace)).queryParam("status", "FAILED")
                .get("/api/automation/tasks").then().statusCode(200)
                .body("items.id", equalTo(List.of(created.get(3).toString())));
        given().auth().oauth2(TestJwt.viewer(workspace)).queryParam("trigger", "WEB_APP").queryParam("status", "COMPLETED")
                .get("/api/automation/tasks").then().statusCode(200)
                .body("items.id", equalTo(List.of(created.get(5).toString())));
    }

    @Test
    void aTaskOfAnotherWorkspaceOrNoneAnswers404() {
        UUID foreign = fixtures.storedTask("other-" + workspace, UUID.randomUUID(), TaskStatus.COMPLETED,
                SyncTrigger.SCHEDULE, Instant.now());

        given().auth().oauth2(TestJwt.viewer(workspace)).get("/api/automation/tasks/" + foreign).then()
                .statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://partnersync.io/problems/task-not-found"));
        given().auth().oauth2(TestJwt.viewer(workspace)).get("/api/automation/tasks/" + UUID.randomUUID()).then()
                .statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.viewer(workspace)).get("/api/automation/tasks/not-a-uuid").then()
                .statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.viewer("other-" + workspace)).get("/api/automation/tasks/" + foreign).then()
                .statusCode(200).body("jobs", hasSize(0));
    }

    private Response post(String body) {
        return given().auth().oauth2(TestJwt.admin(workspace)).contentType(ContentType.JSON).body(body)
                .post("/api/automation/tasks");
    }
}
