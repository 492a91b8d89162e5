package io.partnersync.userdirectory.domain;

import java.util.UUID;

/** A run whose chunks have all been applied, with what it did: the content of {@code GuestUsersApplied}. */
public record FinishedRun(
        String workspaceId,
        UUID integrationId,
        UUID partnerId,
        UUID taskId,
        UUID jobId,
        int added,
        int updated,
        int removed,
        int unchanged,
        int removalsHeld) {

    static FinishedRun of(SyncRun run) {
        return new FinishedRun(run.workspaceId, run.integrationId, run.partnerId, run.taskId, run.jobId, run.added,
                run.updated, run.removed, run.unchanged, run.removalsHeld);
    }
}
