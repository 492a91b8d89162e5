package io.partnersync.sync;

import static io.partnersync.simulator.data.DemoData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnersync.events.ImportedGuestUser;
import io.partnersync.events.SyncTrigger;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.graph.Faults;
import io.partnersync.sync.domain.JobStatus;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.TaskStatus;
import io.partnersync.sync.messaging.DailySchedule;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Tasks are never left behind: dead workers, lost requests, a silent directory; and the daily schedule. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
@WithTestResource(TokenVaultStub.class)
class TaskLifecycleTest extends SyncTestBase {

    @Inject
    DailySchedule schedule;

    UUID integrationId;

    @BeforeEach
    void connectAcmeAndBrightline() {
        integrationId = fixtures.integration(workspace, ACME_RETAIL, ACME_TOKEN);
        fixtures.partner(workspace, integrationId, BRIGHTLINE_MEDIA, "Brightline Media", BRIGHTLINE_TOKEN);
    }

    @Test
    void aWorkerThatDiesMidTaskIsResumedAndNobodyIsLostOrDoubled() {
        DataSet bigger = GraphFaultsTest.withBusinessUsers(DataSet.demo(), BRIGHTLINE_MEDIA, 2_400);
        simulator().control().loadData(bigger);
        simulator().control().setFaults(Faults.none().withLatencyMs(200));
        UUID taskId = startedTask(integrationId, null);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> fixtures.jobs(taskId).stream()
                .anyMatch(job -> job.status == JobStatus.RUNNING && job.chunksPublished >= 1));
        SyncJob interrupted = fixtures.jobs(taskId).get(0);

        // The replica running it vanishes: its name is on the task, its heartbeat an hour old.
        fixtures.execute("update sync_task set worker_id = 'vanished-replica', heartbeat_at = ?1 where id = ?2",
                Instant.now().minus(1, ChronoUnit.HOURS), taskId);

        await().atMost(PATIENCE).until(() -> fixtures.task(taskId).attempt == 2);
        simulator().control().clearFaults();
        awaitJobsRead(taskId, 1);

        List<SyncJob> jobs = fixtures.jobs(taskId);
        assertThat(jobs).hasSize(2);
        SyncJob abandoned = jobs.stream().filter(job -> job.id.equals(interrupted.id)).findFirst().orElseThrow();
        assertThat(abandoned.status).isEqualTo(JobStatus.ABANDONED);
        assertThat(abandoned.taskAttempt).isEqualTo(1);
        assertThat(abandoned.errorMessage).contains("vanished-replica");
        assertThat(chunksSoFar(abandoned.id)).as("the abandoned job never sent a last chunk")
                .noneMatch(chunk -> chunk.path("lastChunk").asBoolean());
        SyncJob resumed = job(taskId, BRIGHTLINE_MEDIA);
        assertThat(resumed.taskAttempt).isEqualTo(2);
        List<ImportedGuestUser> people = people(resumed.id);
        assertThat(ids(people)).hasSize(people.size());
        assertThat(people).containsExactlyInAnyOrderElementsOf(ExpectedPeople.of(bigger, ACME_RETAIL, BRIGHTLINE_MEDIA));
        assertThat(syncRequests(taskId)).as("resumed through a new SyncRequested").isEqualTo(2);

        directoryApplied(resumed);
        SyncTask task = awaitTask(taskId, TaskStatus.COMPLETED);
        assertThat(task.attempt).isEqualTo(2);
    }

    @Test
    void aTaskWhoseWorkersKeepDyingFailsWithTheReasonAfterTheLastAttempt() {
        UUID taskId = fixtures.storedTask(workspace, integrationId, TaskStatus.RUNNING, SyncTrigger.WEB_APP,
                Instant.now().minus(2, ChronoUnit.HOURS));
        fixtures.execute("update sync_task set attempt = 3, worker_id = 'ghost', heartbeat_at = ?1 where id = ?2",
                Instant.now().minus(1, ChronoUnit.HOURS), taskId);

        SyncTask task = awaitTask(taskId, TaskStatus.FAILED);

        assertThat(task.failureReason).startsWith("Gave up after 3 attempts: worker ghost sent no heartbeat since");
        assertThat(task.finishedAt).isNotNull();
        assertThat(syncRequests(taskId)).isZero();
    }

    @Test
    void aQueuedTaskNobodyClaimedIsQueuedAgainAndRuns() {
        UUID taskId = queuedAnHourAgoAtAttempt(1);

        SyncJob job = awaitJobsRead(taskId, 1).get(0);

        assertThat(fixtures.task(taskId).attempt).as("no worker ran it: no attempt used").isEqualTo(1);
        assertThat(syncRequests(taskId)).isEqualTo(1);
        assertThat(people(job.id)).hasSize(8);
    }

    @Test
    void aResumedTaskWaitingForAConsumerOnItsLastAttemptIsRequestedAgainNotFailed() {
        UUID taskId = queuedAnHourAgoAtAttempt(3);

        SyncJob job = awaitJobsRead(taskId, 1).get(0);

        SyncTask task = fixtures.task(taskId);
        assertThat(task.status).isNotEqualTo(TaskStatus.FAILED);
        assertThat(task.attempt).isEqualTo(3);
        assertThat(people(job.id)).hasSize(8);
    }

    /** A task QUEUED an hour ago that no worker claimed, at this attempt. */
    private UUID queuedAnHourAgoAtAttempt(int attempt) {
        Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        UUID taskId = fixtures.storedTask(workspace, integrationId, TaskStatus.QUEUED, SyncTrigger.API, anHourAgo);
        fixtures.execute("update sync_task set attempt = ?1, updated_at = ?2 where id = ?3", attempt, anHourAgo, taskId);
        return taskId;
    }

    @Test
    void jobsTheDirectoryNeverConfirmsFailAfterTheApplyTimeoutAndTheTaskEnds() {
        UUID taskId = startedTask(integrationId, null);
        awaitJobsRead(taskId, 1);

        fixtures.execute("update sync_task set reading_done_at = ?1 where id = ?2",
                Instant.now().minus(2, ChronoUnit.HOURS), taskId);

        SyncTask task = awaitTask(taskId, TaskStatus.NOT_COMPLETED);
        SyncJob job = job(taskId, BRIGHTLINE_MEDIA);
        assertThat(job.status).isEqualTo(JobStatus.FAILED);
        assertThat(job.errorMessage).isEqualTo("user-directory-service did not confirm the import within PT1H.");
        assertThat(task.failureReason)
                .isEqualTo("1 of 1 partner syncs failed: Brightline Media (not confirmed by the directory)");

        UUID lateAnswer = directoryApplied(job);
        await().atMost(PATIENCE).until(() -> fixtures.count(
                "select count(*) from processed_event where event_id = ?1", lateAnswer) == 1);
        assertThat(job(taskId, BRIGHTLINE_MEDIA).status).as("a late answer changes nothing").isEqualTo(JobStatus.FAILED);
        assertThat(fixtures.task(taskId).status).isEqualTo(TaskStatus.NOT_COMPLETED);
    }

    @Test
    void theDailyScheduleSyncsEveryActiveIntegrationOnceWhateverTheReplicas() {
        String otherWorkspace = workspace + "-b";
        UUID second = fixtures.integration(otherWorkspace, ACME_RETAIL, ACME_TOKEN);
        UUID inactive = fixtures.integration(workspace + "-c", ACME_RETAIL, ACME_TOKEN);
        fixtures.deactivate(inactive, "Meta rejected the integration's token.");
        Instant firing = Instant.parse("2026-12-04T03:00:00Z");

        int firstReplica = schedule.syncEveryActiveIntegration(firing);
        int secondReplica = schedule.syncEveryActiveIntegration(firing.plusMillis(300));

        assertThat(firstReplica).isEqualTo(2);
        assertThat(secondReplica).as("the same firing, seen by another replica").isZero();
        List<SyncTask> ours = fixtures.tasks(workspace);
        List<SyncTask> theirs = fixtures.tasks(otherWorkspace);
        assertThat(ours).hasSize(1);
        assertThat(theirs).hasSize(1);
        assertThat(fixtures.tasks(workspace + "-c")).isEmpty();
        assertThat(ours.get(0).trigger).isEqualTo(SyncTrigger.SCHEDULE);
        assertThat(ours.get(0).actor).isEqualTo("schedule");
        assertThat(theirs.get(0).integrationId).isEqualTo(second);

        // The next day: theirs (no partner connected) is done, ours still waits for the directory.
        awaitTask(theirs.get(0).id, TaskStatus.COMPLETED);
        awaitJobsRead(ours.get(0).id, 1);
        assertThat(schedule.syncEveryActiveIntegration(firing.plus(1, ChronoUnit.DAYS))).isEqualTo(1);
        assertThat(fixtures.tasks(workspace)).as("an active sync is not doubled").hasSize(1);
        assertThat(fixtures.tasks(otherWorkspace)).hasSize(2);

        directoryAppliesEverything(ours.get(0).id);
        awaitTask(ours.get(0).id, TaskStatus.COMPLETED);
        awaitTask(fixtures.tasks(otherWorkspace).get(1).id, TaskStatus.COMPLETED);
    }
}
