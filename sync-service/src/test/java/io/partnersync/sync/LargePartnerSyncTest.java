package io.partnersync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnersync.events.ImportedGuestUser;
import io.partnersync.simulator.MinimumGraphCalls;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.DataSetGenerator;
import io.partnersync.sync.domain.JobStatus;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A partner with 10,000 people: every one imported once, in chunks of at most 500, in few Graph calls. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
@WithTestResource(TokenVaultStub.class)
class LargePartnerSyncTest extends SyncTestBase {

    static final int PEOPLE = 10_000;
    static final int ASSETS = 5;

    @Test
    void tenThousandPeopleAreWalkedWithNobodyLostOrDuplicatedInChunksOfAtMost500() {
        DataSet generated = DataSetGenerator.generate(7, 1, PEOPLE, ASSETS, 2);
        simulator().control().loadData(generated);
        String customer = DataSetGenerator.customerBusinessId();
        String partner = DataSetGenerator.partnerBusinessId(1);
        UUID integrationId = fixtures.integration(workspace, customer, DataSetGenerator.customerToken());
        fixtures.partner(workspace, integrationId, partner, "Generated Partner 1", DataSetGenerator.partnerToken(1));
        long started = System.nanoTime();

        UUID taskId = startedTask(integrationId, null);
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> fixtures.jobs(taskId).stream().anyMatch(job -> job.status == JobStatus.AWAITING_DIRECTORY));
        long readMillis = (System.nanoTime() - started) / 1_000_000;
        SyncJob job = awaitJobsRead(taskId, 1).get(0);

        List<JsonNode> chunks = chunks(job.id);
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode chunk = chunks.get(i);
            assertThat(chunk.path("chunkIndex").asInt()).isEqualTo(i);
            assertThat(chunk.path("lastChunk").asBoolean()).isEqualTo(i == chunks.size() - 1);
            assertThat(chunk.path("users").size()).isLessThanOrEqualTo(500);
            if (i < chunks.size() - 1) {
                assertThat(chunk.path("users").size()).as("only the last chunk is short").isEqualTo(500);
            }
        }
        List<ImportedGuestUser> people = people(job.id);
        List<ImportedGuestUser> expected = ExpectedPeople.of(generated, customer, partner);
        assertThat(expected).hasSize(PEOPLE + 2 + PEOPLE / 100);
        assertThat(ids(people)).as("nobody twice").hasSize(people.size());
        assertThat(people).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(chunks).hasSize((expected.size() + 499) / 500);
        assertThat(job.peopleRead).isEqualTo(expected.size());
        assertThat(job.chunksPublished).isEqualTo(chunks.size());
        assertThat(fixtures.count("select count(*) from sync_staged_access where job_id = ?1", job.id))
                .as("staging is emptied when the job has read everything").isZero();

        SyncTask task = fixtures.task(taskId);
        MinimumGraphCalls minimum = MinimumGraphCalls.ofPartner(generated, customer, partner, 500);
        System.out.printf("Graph calls of a sync of %,d people (%d shared assets, %,d assignments), read in %,d ms:%n",
                expected.size(), ASSETS, generated.assignments().size(), readMillis);
        System.out.println(GraphCallReport.line("discovery of the customer", task.discoveryGraphCalls,
                task.discoveryGraphRequests, new MinimumGraphCalls(1 + ASSETS, 2, 10 + ASSETS)));
        System.out.println(GraphCallReport.line("people of the 10,000-person partner", job.graphCalls,
                job.graphRequests, minimum));
        assertThat(job.graphCalls).isEqualTo(minimum.calls());
        assertThat(job.graphRequests).isEqualTo(minimum.requests());
        assertThat(task.discoveryGraphCalls).isEqualTo(1 + ASSETS);

        directoryApplied(job);
        awaitTask(taskId, io.partnersync.sync.domain.TaskStatus.COMPLETED);
    }
}
