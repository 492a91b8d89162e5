package io.partnersync.sync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.SyncFailureReason;
import io.partnersync.events.SyncTrigger;

/** The task and job state machines and the outcome rule, without a database. */
class TaskRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void theOutcomeWaitsForEveryPartnerToBeReadAndEveryJobToClose() {
        assertThat(TaskOutcome.of(false, List.of(JobStatus.COMPLETED))).isEmpty();
        assertThat(TaskOutcome.of(true, List.of(JobStatus.COMPLETED, JobStatus.AWAITING_DIRECTORY))).isEmpty();
        assertThat(TaskOutcome.of(true, List.of(JobStatus.RUNNING))).isEmpty();
    }

    @Test
    void everyJobCompletedCompletesTheTaskAndAnyFailureLeavesItNotCompleted() {
        assertThat(TaskOutcome.of(true, List.of(JobStatus.COMPLETED, JobStatus.COMPLETED)))
                .contains(TaskStatus.COMPLETED);
        assertThat(TaskOutcome.of(true, List.of(JobStatus.COMPLETED, JobStatus.FAILED)))
                .contains(TaskStatus.NOT_COMPLETED);
        assertThat(TaskOutcome.of(true, List.of(JobStatus.FAILED))).contains(TaskStatus.NOT_COMPLETED);
        assertThat(TaskOutcome.of(true, List.of())).as("discovery ran; nobody connected")
                .contains(TaskStatus.COMPLETED);
    }

    @Test
    void anAbandonedJobWasReplacedAndDoesNotCount() {
        assertThat(TaskOutcome.of(true, List.of(JobStatus.ABANDONED, JobStatus.COMPLETED)))
                .isEqualTo(Optional.of(TaskStatus.COMPLETED));
    }

    @Test
    void aTaskIsClaimedOnceAndResumedAsANewAttempt() {
        SyncTask task = SyncTask.queue("ws", UUID.randomUUID(), null, SyncTrigger.WEB_APP, "admin", NOW);

        assertThat(task.claim("worker-a", NOW)).isTrue();
        assertThat(task.claim("worker-b", NOW)).as("a redelivered request").isFalse();
        assertThat(task.workerId).isEqualTo("worker-a");
        task.retrying(NOW);
        assertThat(task.status).isEqualTo(TaskStatus.RETRYING);
        task.resume(NOW.plusSeconds(120));

        assertThat(task.status).isEqualTo(TaskStatus.QUEUED);
        assertThat(task.attempt).isEqualTo(2);
        assertThat(task.workerId).isNull();
        assertThat(task.startedAt).isEqualTo(NOW);
        assertThat(task.claim("worker-b", NOW.plusSeconds(121))).isTrue();
        assertThat(task.startedAt).as("started once").isEqualTo(NOW);
    }

    @Test
    void aFinishedTaskRefusesEveryFurtherMove() {
        SyncTask task = SyncTask.queue("ws", UUID.randomUUID(), null, SyncTrigger.API, "client", NOW);
        task.claim("worker", NOW);
        task.fail("discovery failed", NOW);

        assertThat(task.claim("worker", NOW)).isFalse();
        assertThatThrownBy(() -> task.retrying(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> task.resume(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> task.finish(TaskStatus.COMPLETED, null, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> task.finish(TaskStatus.RUNNING, null, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTaskWhosePartnersWereAllReadIsNotResumed() {
        SyncTask task = SyncTask.queue("ws", UUID.randomUUID(), null, SyncTrigger.SCHEDULE, "schedule", NOW);
        task.claim("worker", NOW);
        task.readingDone(NOW);

        assertThat(task.workerId).isNull();
        assertThatThrownBy(() -> task.resume(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aJobTakesTheDirectorysCountsOnlyWhileItWaitsForThem() {
        SyncTask task = SyncTask.queue("ws", UUID.randomUUID(), null, SyncTrigger.WEB_APP, "admin", NOW);
        SyncJob job = SyncJob.start(task, UUID.randomUUID(), "2187465309128374", "Brightline", NOW);
        GuestUsersApplied answer = new GuestUsersApplied(UUID.randomUUID(), NOW, "ws", task.integrationId,
                job.partnerId, task.id, job.id, 3, 2, 1, 4, 0);

        assertThat(job.applied(answer, NOW)).as("still reading").isFalse();
        job.chunkPublished(10, NOW);
        job.awaitDirectory(NOW);
        assertThatThrownBy(() -> job.chunkPublished(1, NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(job.applied(answer, NOW)).isTrue();

        assertThat(job.status).isEqualTo(JobStatus.COMPLETED);
        assertThat(List.of(job.added, job.updated, job.removed, job.unchanged, job.removalsHeld))
                .containsExactly(3, 2, 1, 4, 0);
        assertThat(job.applied(answer, NOW)).as("a redelivered answer").isFalse();
        assertThatThrownBy(() -> job.fail(SyncFailureReason.META_ERROR, null, "late", NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyARunningJobIsAbandoned() {
        SyncTask task = SyncTask.queue("ws", UUID.randomUUID(), null, SyncTrigger.WEB_APP, "admin", NOW);
        SyncJob job = SyncJob.start(task, UUID.randomUUID(), "2187465309128374", "Brightline", NOW);
        job.abandon("worker died", NOW);

        assertThat(job.status).isEqualTo(JobStatus.ABANDONED);
        assertThatThrownBy(() -> job.abandon("again", NOW)).isInstanceOf(IllegalStateException.class);
    }
}
