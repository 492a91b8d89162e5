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

import io.partnersync.simulator.graph.CallBudget;
import io.partnersync.sync.domain.TaskStatus;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What Prometheus scrapes at /q/metrics after real syncs: durations, Graph calls, throttled waits. */
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
