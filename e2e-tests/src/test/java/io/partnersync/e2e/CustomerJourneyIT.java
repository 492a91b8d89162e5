package io.partnersync.e2e;

import static io.partnersync.simulator.data.DemoData.ACME_ADMIN;
import static io.partnersync.simulator.data.DemoData.ACME_RETAIL;
import static io.partnersync.simulator.data.DemoData.ACME_PIXEL;
import static io.partnersync.simulator.data.DemoData.ACME_TOKEN;
import static io.partnersync.simulator.data.DemoData.BRIGHTLINE_MEDIA;
import static io.partnersync.simulator.data.DemoData.BRIGHTLINE_ROTATED_TOKEN;
import static io.partnersync.simulator.data.DemoData.BRIGHTLINE_TOKEN;
import static io.partnersync.simulator.data.DemoData.COBALT_CREATIVE;
import static io.partnersync.simulator.data.DemoData.COBALT_TOKEN_OF_HARBOR;
import static io.partnersync.simulator.data.DemoData.NORTHWIND_PERFORMANCE;
import static io.partnersync.simulator.data.DemoData.NORTHWIND_TOKEN_WITHOUT_CATALOG;
import static io.partnersync.simulator.data.DemoData.OTHER_APP_ID;
import static io.partnersync.simulator.data.DemoData.PRIYA_RAMAN;
import static io.partnersync.simulator.data.DemoData.TOM_BECKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.partnersync.localsystem.LocalSystem;
import io.partnersync.localsystem.Walkthrough;
import io.partnersync.simulator.data.DataSet;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The customer's whole journey through the running system: the four services, Kafka,
 * PostgreSQL and the graph simulator, each its own process as the launcher starts them, driven
 * only through the public REST APIs (the simulator's control API plays Meta changing). The
 * steps build on each other and run in order; the last ones scan everything the system wrote
 * for the tokens it was handed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerJourneyIT {

    private static final String WORKSPACE = "ws-acme-e2e";
    private static final String OTHER_WORKSPACE = "ws-globex-e2e";
    private static final String WALKTHROUGH_WORKSPACE = "ws-walkthrough-e2e";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Every token handed to the system during the journey: none may leak. */
    private static final String WRONG_TOKEN = "EAADemoAcmeOliviaPersonalTokenOfAnotherAppZD77";
    private static final List<String> TOKENS = List.of(ACME_TOKEN, WRONG_TOKEN, BRIGHTLINE_TOKEN,
            BRIGHTLINE_ROTATED_TOKEN, NORTHWIND_TOKEN_WITHOUT_CATALOG, COBALT_TOKEN_OF_HARBOR);
    /** The trace the frontend starts when it connects Brightline; every service must carry it on. */
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private LocalSystem system;
    private Apis admin;
    private Simulator simulator;
    private ExpectedPeople brightlinePeople;
    private final ResponseRecorder responses = new ResponseRecorder();

    private String integrationId;
    private String brightlineId;

    @BeforeAll
    void startTheSystem() throws Exception {
        Path home = Path.of(System.getProperty("partnersync.e2e.home", "target/e2e-system"));
        Path repository = Path.of(System.getProperty("partnersync.repository", "..")).toAbsolutePath();
        // A worker that dies is noticed within seconds, not the production two minutes, and Kafka
        // hands a killed replica's partitions on after 10 s, not 45.
        Map<String, Map<String, String>> fastLiveness = Map.of("sync-service", Map.of(
                "partnersync.sync.heartbeat-interval", "1s",
                "partnersync.sync.stale-after", "8s",
                "partnersync.sync.reaper-interval", "2s",
                "mp.messaging.connector.smallrye-kafka.session.timeout.ms", "10000",
                "mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms", "3000"));
        system = LocalSystem.start(new LocalSystem.Options(home, repository, true, true, List.of("--demo"), fastLiveness));
        admin = new Apis(system, system.adminToken(WORKSPACE), responses);
        simulator = new Simulator(system.simulatorUrl());
        brightlinePeople = ExpectedPeople.of(DataSet.demo(), ACME_RETAIL, BRIGHTLINE_MEDIA);
    }

    @AfterAll
    void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void anIntegrationTokenMetaWouldRefuseIsRefusedWithEveryProblemNamed() {
        simulator.addTokenWrongInThreeWays(WRONG_TOKEN, OTHER_APP_ID, ACME_RETAIL, ACME_ADMIN);

        Response refused = admin.createIntegration("Acme Retail", ACME_RETAIL, WRONG_TOKEN);

        refused.then().statusCode(422).contentType("application/problem+json");
        List<String> checks = refused.jsonPath().getList("failures.check");
        assertThat(checks).containsExactlyInAnyOrder("WRONG_APP", "NOT_SYSTEM_USER", "MISSING_SCOPES");
        assertThat(refused.jsonPath().getString("detail")).contains(OTHER_APP_ID).contains("system user")
                .contains("business_management");
        admin.partners().get("/api/integrations").then().statusCode(200);
        assertThat(admin.partners().get("/api/integrations").jsonPath().getList("items")).isEmpty();
    }

    @Test
    @Order(2)
    void connectingTheCustomerBusinessDiscoversItsPartnersAsPendingOnboarding() {
        Response created = admin.createIntegration("Acme Retail", ACME_RETAIL, ACME_TOKEN);
        created.then().statusCode(201);
        integrationId = created.jsonPath().getString("id");
        assertThat(created.jsonPath().getString("status")).isEqualTo("ACTIVE");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(partnerStatuses()).isEqualTo(Map.of(
                BRIGHTLINE_MEDIA, "PENDING_ONBOARDING",
                NORTHWIND_PERFORMANCE, "PENDING_ONBOARDING",
                COBALT_CREATIVE, "PENDING_ONBOARDING")));
        brightlineId = partnerId(BRIGHTLINE_MEDIA);
        JsonPath brightline = admin.partner(integrationId, brightlineId).jsonPath();
        assertThat(brightline.getString("relationship")).isEqualTo("AGENCY");
        assertThat(brightline.getList("sharedAssets.assetId", String.class))
                .containsExactlyInAnyOrderElementsOf(brightlinePeople.sharedAssets());
        assertThat(firstTask("INTEGRATION_CONNECTED").getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    @Order(3)
    void aPartnerTokenWithoutAScopeIsRefusedWithTheScopeNamed() {
        Response refused = admin.connect(integrationId, partnerId(NORTHWIND_PERFORMANCE), NORTHWIND_TOKEN_WITHOUT_CATALOG);

        refused.then().statusCode(422);
        assertThat(refused.jsonPath().getString("detail")).contains("catalog_management");
        assertThat(statusOf(NORTHWIND_PERFORMANCE)).isEqualTo("PENDING_ONBOARDING");
    }

    @Test
    @Order(4)
    void aPartnerTokenOfAnotherBusinessIsRefusedWithBothBusinessesNamed() {
        Response refused = admin.connect(integrationId, partnerId(COBALT_CREATIVE), COBALT_TOKEN_OF_HARBOR);

        refused.then().statusCode(422);
        assertThat(refused.jsonPath().getString("detail")).contains("5410798632451607").contains(COBALT_CREATIVE);
        assertThat(statusOf(COBALT_CREATIVE)).isEqualTo("PENDING_ONBOARDING");
    }

    @Test
    @Order(5)
    void aGoodTokenOnboardsThePartnerAndItsPeopleArriveByThemselves() {
        Response connected = admin.tracedBy(TRACEPARENT).connect(integrationId, brightlineId, BRIGHTLINE_TOKEN);

        connected.then().statusCode(200);
        assertThat(connected.jsonPath().getString("status")).isEqualTo("ONBOARDED");
        assertThat(connected.jsonPath().getString("tokenFingerprint.last4")).isEqualTo(last4(BRIGHTLINE_TOKEN));
        JsonPath task = awaitFinished(firstTaskId("PARTNER_CONNECTED"));
        assertThat(task.getString("status")).isEqualTo("COMPLETED");
        awaitDirectoryMatches(brightlinePeople);
    }

    @Test
    @Order(6)
    void checkForUpdatesCompletesWithPerPartnerCountsAndTheDirectoryHoldsExactlyMetasPeople() {
        Response started = admin.checkForUpdates(integrationId);
        started.then().statusCode(202);
        assertThat(started.jsonPath().getString("trigger")).isEqualTo("WEB_APP");

        JsonPath task = awaitFinished(started.jsonPath().getString("id"));

        assertThat(task.getString("status")).isEqualTo("COMPLETED");
        assertThat(task.getList("jobs")).hasSize(1);
        assertThat(task.getString("jobs[0].partnerBusinessId")).isEqualTo(BRIGHTLINE_MEDIA);
        assertThat(task.getInt("jobs[0].counts.peopleRead")).isEqualTo(brightlinePeople.count());
        assertThat(task.getInt("jobs[0].counts.unchanged")).isEqualTo(brightlinePeople.count());
        assertThat(task.getInt("jobs[0].counts.added")).isZero();
        assertThat(directory()).isEqualTo(brightlinePeople.asDirectory());
    }

    @Test
    @Order(7)
    void changesAtMetaShowUpAfterTheNextCheckWithTheirHistory() {
        Set<String> peopleWithPixel = brightlinePeople.withAccessTo(ACME_PIXEL);
        assertThat(peopleWithPixel).isNotEmpty();
        simulator.removeBusinessUser(BRIGHTLINE_MEDIA, TOM_BECKER);
        simulator.changeRole(BRIGHTLINE_MEDIA, PRIYA_RAMAN, "ADMIN");
        simulator.unshare(ACME_PIXEL, BRIGHTLINE_MEDIA);
        brightlinePeople.remove(TOM_BECKER);
        brightlinePeople.changeRole(PRIYA_RAMAN, "ADMIN");
        brightlinePeople.unshare(ACME_PIXEL);

        JsonPath task = awaitFinished(admin.checkForUpdates(integrationId).then().statusCode(202).extract().path("id"));

        assertThat(task.getString("status")).isEqualTo("COMPLETED");
        assertThat(task.getInt("jobs[0].counts.removed")).isEqualTo(1);
        assertThat(directory()).isEqualTo(brightlinePeople.asDirectory());
        assertThat(changesOf(TOM_BECKER)).contains("REMOVED");
        assertThat(changesOf(PRIYA_RAMAN)).contains("ROLE_CHANGED");
        List<Map<String, Object>> roleChange = history(PRIYA_RAMAN).stream()
                .filter(change -> change.get("change").equals("ROLE_CHANGED")).toList();
        assertThat(roleChange).singleElement().satisfies(change -> {
            assertThat(change.get("before")).isEqualTo("EMPLOYEE");
            assertThat(change.get("after")).isEqualTo("ADMIN");
        });
        for (String personWithPixel : peopleWithPixel) {
            assertThat(changesOf(personWithPixel)).contains("ASSET_REMOVED");
        }
        assertThat(admin.partner(integrationId, brightlineId).jsonPath().getList("sharedAssets.assetId"))
                .doesNotContain(ACME_PIXEL);
    }

    @Test
    @Order(8)
    void aTokenRevokedAtMetaLeavesTheCheckNotCompletedAndThePartnerToReconnect() {
        simulator.revoke(BRIGHTLINE_TOKEN);

        JsonPath task = awaitFinished(admin.checkForUpdates(integrationId).then().statusCode(202).extract().path("id"));

        assertThat(task.getString("status")).isEqualTo("NOT_COMPLETED");
        assertThat(task.getString("jobs[0].status")).isEqualTo("FAILED");
        assertThat(task.getString("jobs[0].error.reason")).isEqualTo("TOKEN_INVALID");
        assertThat(task.getInt("jobs[0].error.code")).isEqualTo(190);
        await().atMost(PATIENCE).until(() -> statusOf(BRIGHTLINE_MEDIA).equals("RECONNECT_REQUIRED"));
        // The directory keeps the last people it knew.
        assertThat(directory()).isEqualTo(brightlinePeople.asDirectory());
    }

    @Test
    @Order(9)
    void reconnectingWithANewTokenOnboardsThePartnerAgain() {
        Response reconnected = admin.connect(integrationId, brightlineId, BRIGHTLINE_ROTATED_TOKEN);

        reconnected.then().statusCode(200);
        assertThat(reconnected.jsonPath().getString("status")).isEqualTo("ONBOARDED");
        assertThat(reconnected.jsonPath().getString("tokenFingerprint.last4")).isEqualTo(last4(BRIGHTLINE_ROTATED_TOKEN));
        List<String> partnerConnectedTasks = taskIds("PARTNER_CONNECTED", 2);
        assertThat(awaitFinished(partnerConnectedTasks.get(1)).getString("status")).isEqualTo("COMPLETED");
        List<Object> moves = admin.partnerHistory(integrationId, brightlineId).jsonPath().getList("changes.to");
        assertThat(moves).containsSubsequence("ONBOARDED", "RECONNECT_REQUIRED", "ONBOARDED", "PENDING_ONBOARDING");
    }

    @Test
    @Order(10)
    void aSyncWhoseServiceIsKilledMidwayStillEndsWithNobodyLostOrDoubled() throws Exception {
        simulator.slowDown(1500);
        String taskId = admin.checkForUpdates(integrationId).then().statusCode(202).extract().path("id");
        await().atMost(PATIENCE).until(() -> admin.task(taskId).jsonPath().getString("status").equals("RUNNING"));

        system.kill("sync-service");
        simulator.clearFaults();
        system.restart("sync-service");

        JsonPath task = awaitFinished(taskId);
        assertThat(task.getString("status")).isEqualTo("COMPLETED");
        assertThat(task.getInt("attempt")).as("resumed by another worker").isGreaterThan(1);
        List<Map<String, Object>> everyone = admin.guestUsers(integrationId).jsonPath().getList("items");
        assertThat(everyone).extracting(person -> person.get("metaUserId"))
                .doesNotHaveDuplicates()
                .hasSize(brightlinePeople.count() + brightlinePeople.removed().size());
        assertThat(directory()).isEqualTo(brightlinePeople.asDirectory());
    }

    @Test
    @Order(11)
    void disconnectingThePartnerDestroysItsTokenAndRemovesItsPeople() throws Exception {
        Response disconnected = admin.disconnect(integrationId, brightlineId);

        disconnected.then().statusCode(200);
        assertThat(disconnected.jsonPath().getString("status")).isEqualTo("DISCONNECTED");
        brightlinePeople.removeEveryone();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(directory()).isEqualTo(brightlinePeople.asDirectory()));
        List<Map<String, Object>> everyone = admin.guestUsers(integrationId).jsonPath().getList("items");
        assertThat(everyone).filteredOn(person -> !person.get("metaUserId").equals(TOM_BECKER))
                .extracting(person -> person.get("removalReason")).containsOnly("partner disconnected");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(tokenStatuses(brightlineId)).isNotEmpty().doesNotContain("ACTIVE");
            assertThat(storedSecrets(brightlineId)).isZero();
        });
        assertThat(new KafkaTopics(system.kafkaBootstrapServers()).read("token-revoked"))
                .anySatisfy(record -> assertThat(new String(record.value())).contains(brightlineId));
        // sync-service dropped the partner: a check has nobody left to read.
        JsonPath check = awaitFinished(admin.checkForUpdates(integrationId).then().statusCode(202).extract().path("id"));
        assertThat(check.getString("status")).isEqualTo("COMPLETED");
        assertThat(check.getList("jobs")).isEmpty();
    }

    @Test
    @Order(12)
    void anotherWorkspaceSeesNoneOfIt() {
        Apis other = new Apis(system, system.adminToken(OTHER_WORKSPACE), responses);
        String someTask = firstTaskId("WEB_APP");
        String somePerson = personId(PRIYA_RAMAN);

        assertThat(other.partners().get("/api/integrations").jsonPath().getList("items")).isEmpty();
        other.partners().get("/api/integrations/{id}", integrationId).then().statusCode(404);
        other.partnersOf(integrationId).then().statusCode(404);
        other.connect(integrationId, brightlineId, BRIGHTLINE_ROTATED_TOKEN).then().statusCode(404);
        other.checkForUpdates(integrationId).then().statusCode(404);
        other.task(someTask).then().statusCode(404);
        assertThat(other.tasks(integrationId).jsonPath().getList("items")).isEmpty();
        other.guestUsers(integrationId).then().statusCode(404);
        other.guestUser(somePerson).then().statusCode(404);
        assertThat(statusOf(BRIGHTLINE_MEDIA)).isEqualTo("DISCONNECTED");
    }

    @Test
    @Order(13)
    void theWalkthroughTheLauncherPrintsWorksAsWritten() throws Exception {
        simulator.reset(); // Meta as the demo data has it: the journey above changed it.
        Apis reader = new Apis(system, system.adminToken(WALKTHROUGH_WORKSPACE), responses);
        PrintedWalkthrough walkthrough = new PrintedWalkthrough(Walkthrough.journey(system),
                system.adminToken(WALKTHROUGH_WORKSPACE));
        assertThat(walkthrough.stepCount()).isEqualTo(7);

        String connected = walkthrough.run(1);
        String integration = walkthrough.variable("INTEGRATION");
        assertThat(integration).as(connected).isNotNull().matches(UUID_PATTERN);
        await().atMost(PATIENCE).until(() -> reader.partnersOf(integration).jsonPath().getList("items").size() == 3);

        assertThat(walkthrough.run(2)).contains("\"status\":422").contains("catalog_management")
                .contains("token belongs to business " + NORTHWIND_PERFORMANCE);
        assertThat(walkthrough.variable("PARTNER")).isEqualTo(partnerIdIn(reader, integration, BRIGHTLINE_MEDIA));

        assertThat(walkthrough.run(3)).contains("\"status\":\"ONBOARDED\"");
        awaitTasksFinished(reader, integration, 2); // discovery on connecting the integration, and the partner's sync

        String checked = walkthrough.run(4);
        assertThat(walkthrough.variable("TASK")).as(checked).isNotNull().matches(UUID_PATTERN);
        assertThat(checked).contains("\"id\":\"" + walkthrough.variable("TASK") + "\"").contains("Priya Raman");
        awaitTasksFinished(reader, integration, 3);

        walkthrough.run(5);
        awaitTasksFinished(reader, integration, 4);
        assertThat(walkthrough.run(6)).contains("\"change\":\"ROLE_CHANGED\"").contains("\"after\":\"ADMIN\"");

        assertThat(walkthrough.run(7)).contains("\"status\":\"DISCONNECTED\"");
    }

    @Test
    @Order(14)
    void theTraceOfTheConnectCallFollowsTheEventsThroughEveryService() throws Exception {
        KafkaTopics topics = new KafkaTopics(system.kafkaBootstrapServers());
        for (String topic : List.of("partner-connected", "sync-requested", "guest-users-imported", "guest-users-applied")) {
            assertThat(topics.read(topic)).as(topic).anySatisfy(record -> assertThat(record.headers().headers("traceparent"))
                    .anySatisfy(header -> assertThat(new String(header.value())).contains(TRACE_ID)));
        }
        assertThat(LeakScan.logOf(system, "token-vault-service")).contains("traceId=" + TRACE_ID);
    }

    @Test
    @Order(15)
    void logLinesNameWhatTheyAreAboutAndEveryServiceExposesItsMetrics() throws Exception {
        // The MDC as the local profile prints it: {integrationId=…, jobId=…, partnerId=…, taskId=…, traceId=…, workspaceId=…}
        List<String> syncLines = LeakScan.logOf(system, "sync-service").lines()
                .filter(line -> line.contains("people of partner " + BRIGHTLINE_MEDIA) && line.contains("partnerId=" + brightlineId))
                .toList();
        assertThat(syncLines).isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("workspaceId=" + WORKSPACE, "integrationId=" + integrationId, "taskId=", "jobId="));
        List<String> directoryLines = LeakScan.logOf(system, "user-directory-service").lines()
                .filter(line -> line.contains("of partner " + brightlineId) && line.contains("applied")).toList();
        assertThat(directoryLines).isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("workspaceId=" + WORKSPACE, "partnerId=" + brightlineId, "taskId=", "jobId=", "eventId="));

        Metrics syncMetrics = Metrics.of(system, "sync-service");
        assertThat(syncMetrics.text()).contains("partnersync_sync_task_duration_seconds_count{", "partnersync_sync_graph_calls_total{",
                "partnersync_sync_people_read_total", "partnersync_outbox_pending", "kafka_consumer_fetch_manager_records_lag");
        for (String service : system.serviceNames()) {
            assertThat(Metrics.of(system, service).text()).as(service).contains("partnersync_outbox_oldest_pending_age");
        }
    }

    @Test
    @Order(16)
    void noTokenAppearsInAnyLogTableTopicOrAnswer() throws Exception {
        LeakScan scan = new LeakScan(TOKENS);

        scan.logs(system);
        scan.databases(system);
        scan.topics(new KafkaTopics(system.kafkaBootstrapServers()));
        scan.answers(responses.bodies());

        assertThat(scan.placesScanned()).as("what the scan looked at").contains(
                "log partner-service.log", "log token-vault-service.log", "log sync-service.log",
                "log user-directory-service.log", "log kafka.log",
                "table token-vault-service/public.token", "table token-vault-service/public.token_secret",
                "table partner-service/public.outbox_event", "table sync-service/public.outbox_event",
                "topic partner-connected", "topic guest-users-imported", "topic token-revoked");
        assertThat(scan.leaks()).isEmpty();
    }

    private Map<String, String> partnerStatuses() {
        Map<String, String> statuses = new TreeMap<>();
        List<Map<String, Object>> items = admin.partnersOf(integrationId).then().statusCode(200).extract().path("items");
        items.forEach(item -> statuses.put((String) item.get("businessId"), (String) item.get("status")));
        return statuses;
    }

    private String statusOf(String partnerBusinessId) {
        return partnerStatuses().get(partnerBusinessId);
    }

    private String partnerId(String partnerBusinessId) {
        return partnerIdIn(admin, integrationId, partnerBusinessId);
    }

    private static String partnerIdIn(Apis caller, String integration, String partnerBusinessId) {
        List<Map<String, Object>> items = caller.partnersOf(integration).jsonPath().getList("items");
        return items.stream().filter(item -> item.get("businessId").equals(partnerBusinessId))
                .map(item -> (String) item.get("id")).findFirst().orElseThrow();
    }

    /** Waits until the integration has {@code count} tasks, none of them active. */
    private static void awaitTasksFinished(Apis caller, String integration, int count) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<String> statuses = caller.tasks(integration).jsonPath().getList("items.status");
            return statuses.size() == count && statuses.stream().noneMatch(Set.of("QUEUED", "RUNNING", "RETRYING")::contains);
        });
    }

    /** Task ids of one trigger, oldest first; waits until there are at least {@code atLeast}. */
    private List<String> taskIds(String trigger, int atLeast) {
        List<String> ids = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            ids.clear();
            ids.addAll(admin.tasks(integrationId).jsonPath().getList("items.findAll { it.trigger == '" + trigger + "' }.id"));
            return ids.size() >= atLeast;
        });
        Collections.reverse(ids);
        return ids;
    }

    private String firstTaskId(String trigger) {
        return taskIds(trigger, 1).get(0);
    }

    private JsonPath firstTask(String trigger) {
        return awaitFinished(firstTaskId(trigger));
    }

    private JsonPath awaitFinished(String taskId) {
        Set<String> finished = Set.of("COMPLETED", "NOT_COMPLETED", "FAILED");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> finished.contains(admin.task(taskId).jsonPath().getString("status")));
        return admin.task(taskId).jsonPath();
    }

    /** The directory as Meta's data says it must be: active people with kind, role and tasks, and who is removed. */
    private Map<String, Object> directory() {
        List<Map<String, Object>> items = admin.guestUsers(integrationId).then().statusCode(200).extract().path("items");
        Map<String, ExpectedPeople.Person> active = new HashMap<>();
        Set<String> removed = new TreeSet<>();
        for (Map<String, Object> item : items) {
            String metaUserId = (String) item.get("metaUserId");
            if (item.get("status").equals("REMOVED")) {
                removed.add(metaUserId);
                continue;
            }
            Map<String, Set<String>> tasks = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> assets = (List<Map<String, Object>>) item.get("assets");
            for (Map<String, Object> asset : assets) {
                @SuppressWarnings("unchecked")
                List<String> assetTasks = (List<String>) asset.get("tasks");
                tasks.put((String) asset.get("assetId"), new TreeSet<>(assetTasks));
            }
            active.put(metaUserId, new ExpectedPeople.Person((String) item.get("kind"), (String) item.get("role"), tasks));
        }
        return Map.of("active", active, "removed", removed);
    }

    private void awaitDirectoryMatches(ExpectedPeople expected) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            admin.guestUsers(integrationId).then().statusCode(200);
            assertThat(directory()).isEqualTo(expected.asDirectory());
        });
    }

    private String personId(String metaUserId) {
        List<Map<String, Object>> items = admin.guestUsers(integrationId).jsonPath().getList("items");
        return items.stream().filter(item -> item.get("metaUserId").equals(metaUserId))
                .map(item -> (String) item.get("id")).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> history(String metaUserId) {
        return admin.guestUser(personId(metaUserId)).then().statusCode(200).extract().path("history.items");
    }

    private Set<Object> changesOf(String metaUserId) {
        Set<Object> changes = new HashSet<>();
        history(metaUserId).forEach(change -> changes.add(change.get("change")));
        return changes;
    }

    private List<String> tokenStatuses(String partnerId) throws SQLException {
        List<String> statuses = new ArrayList<>();
        query("token-vault-service", "select status from token where owner_kind = 'PARTNER' and owner_id = '" + partnerId + "'",
                rows -> statuses.add(rows.getString(1)));
        return statuses;
    }

    private int storedSecrets(String partnerId) throws SQLException {
        int[] count = {0};
        query("token-vault-service", "select count(*) from token_secret where owner_kind = 'PARTNER' and owner_id = '" + partnerId + "'",
                rows -> count[0] = rows.getInt(1));
        return count[0];
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String service, String sql, Row row) throws SQLException {
        try (Connection connection = system.connect(service); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                row.read(rows);
            }
        }
    }

    private static String last4(String token) {
        return token.substring(token.length() - 4);
    }
}
