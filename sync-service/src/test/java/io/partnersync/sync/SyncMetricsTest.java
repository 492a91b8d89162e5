package io.partnersync.sync;

import static io.partnersync.simulator.data.DemoData.ACME_RETAIL;
import static io.partnersync.simulator.data.DemoData.ACME_TOKEN;
import static io.partnersync.simulator.data.DemoData.BRIGHTLINE_MEDIA;
import static io.partnersync.simulator.data.DemoData.BRIGHTLINE_TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnersync.simulator.MinimumGraphCalls;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.graph.CallBudget;
import io.partnersync.sync.domain.JobStatus;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.TaskStatus;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What Prometheus scrapes at /q/metrics after real syncs: durations, Graph calls, throttled and paced waits. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
@WithTestResource(TokenVaultStub.class)
class SyncMetricsTest extends SyncTestBase {

    @Test
    void aSyncCountsItsGraphCallsPeopleAndDurationByOutcome() {
        UUID integrationId = fixtures.integration(workspace, ACME_RETAIL, ACME_TOKEN);
        fixtures.partner(workspace, integrationId, BRIGHTLINE_MEDIA, "Brightline Media", BRIGHTLINE_TOKEN);
        double completedBefore = metric("partnersync_sync_task_duration_seconds_count", "status=\"COMPLETED\"", "trigger=\"WEB_APP\"");
        double discoveryCallsBefore = metric("partnersync_sync_graph_calls_total", "phase=\"DISCOVERY\"");
        double peopleCallsBefore = metric("partnersync_sync_graph_calls_total", "phase=\"PEOPLE\"");
        double peopleBefore = metric("partnersync_sync_people_read_total");

        UUID taskId = startedTask(integrationId, null);
        awaitJobsRead(taskId, 1);
        directoryAppliesEverything(taskId);
        await().atMost(PATIENCE).until(() -> fixtures.task(taskId).status == TaskStatus.COMPLETED);

        assertThat(metric("partnersync_sync_task_duration_seconds_count", "status=\"COMPLETED\"", "trigger=\"WEB_APP\""))
                .isEqualTo(completedBefore + 1);
        assertThat(metric("partnersync_sync_graph_calls_total", "phase=\"DISCOVERY\"") - discoveryCallsBefore)
                .isEqualTo(fixtures.task(taskId).discoveryGraphCalls);
        assertThat(metric("partnersync_sync_graph_calls_total", "phase=\"PEOPLE\"") - peopleCallsBefore)
                .isEqualTo(fixtures.jobs(taskId).get(0).graphCalls);
        assertThat(metric("partnersync_sync_people_read_total") - peopleBefore).isEqualTo(8);
        assertThat(metric("partnersync_sync_partner_read_duration_seconds_count", "outcome=\"READ\"")).isPositive();
    }

    @Test
    void throttledWaitsAreCountedApartFromBackoff() {
        UUID integrationId = fixtures.integration(workspace, ACME_RETAIL, ACME_TOKEN);
        fixtures.partner(workspace, integrationId, BRIGHTLINE_MEDIA, "Brightline Media", BRIGHTLINE_TOKEN);
        double throttledBefore = metric("partnersync_sync_graph_waits_seconds_count", "reason=\"throttled\"");
        simulator().control().setCallBudget(CallBudget.of(3, 2));

        UUID taskId = startedTask(integrationId, null);
        awaitJobsRead(taskId, 1);

        int throttledWaits = fixtures.task(taskId).discoveryThrottledWaits + fixtures.jobs(taskId).get(0).throttledWaits;
        assertThat(throttledWaits).isPositive();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                metric("partnersync_sync_graph_waits_seconds_count", "reason=\"throttled\"") - throttledBefore)
                .isEqualTo(throttledWaits));
    }

    @Test
    void usageAboveTheSlowDownThresholdPacesRequestsAndTheBudgetIsNeverExhausted() {
        // Brightline with 7,000 more people: 4 assigned_users calls in one batch, the expanded call, then 14 more
        // business_users pages one request each: 19 calls. With 20 calls per business per hour the simulator
        // reports 85% and 90% before the last two pages (above the 80% threshold) and 95% at the end: never 100%.
        // Discovery spends 7 calls of Acme's own budget, 35%.
        DataSet bigger = GraphFaultsTest.withBusinessUsers(DataSet.demo(), BRIGHTLINE_MEDIA, 7_000);
        simulator().control().loadData(bigger);
        simulator().control().setCallBudget(CallBudget.of(20, 3_600));
        UUID integrationId = fixtures.integration(workspace, ACME_RETAIL, ACME_TOKEN);
        fixtures.partner(workspace, integrationId, BRIGHTLINE_MEDIA, "Brightline Media", BRIGHTLINE_TOKEN);
        double pacedBefore = metric("partnersync_sync_graph_waits_seconds_count", "reason=\"paced\"");
        double pacedSecondsBefore = metric("partnersync_sync_graph_waits_seconds_sum", "reason=\"paced\"");

        UUID taskId = startedTask(integrationId, null);
        SyncJob job = awaitJobsRead(taskId, 1).get(0);
        directoryAppliesEverything(taskId);
        SyncTask task = awaitTask(taskId, TaskStatus.COMPLETED);

        assertThat(metric("partnersync_sync_graph_waits_seconds_count", "reason=\"paced\"") - pacedBefore)
                .as("paced before the requests at 85% and 90%").isGreaterThanOrEqualTo(2);
        assertThat(metric("partnersync_sync_graph_waits_seconds_sum", "reason=\"paced\"") - pacedSecondsBefore)
                .isPositive();
        assertThat(job.status).isEqualTo(JobStatus.AWAITING_DIRECTORY);
        assertThat(job.throttledWaits).isZero();
        assertThat(task.discoveryThrottledWaits).isZero();
        assertThat(job.graphCalls).as("no call was throttled and made again")
                .isEqualTo(MinimumGraphCalls.ofPartner(bigger, ACME_RETAIL, BRIGHTLINE_MEDIA, 500).calls()).isEqualTo(19);
        assertThat(people(job.id)).hasSize(8 + 7_000);
    }

    /** The sum of every sample of {@code name} whose labels include all of {@code labels}. */
    private static double metric(String name, String... labels) {
        List<String> lines = Arrays.asList(given().get("/q/metrics").then().statusCode(200).extract().asString().split("\n"));
        return lines.stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
