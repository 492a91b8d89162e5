package io.partnersync.partner.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnersync.events.SyncFailureReason;
import io.partnersync.partner.domain.LastSync;
import io.partnersync.partner.domain.SyncOutcome;

@Schema(description = "How the most recent sync job ended: counts when it COMPLETED, the reason (and Meta's error) when it FAILED.")
public record SyncResultView(
        Instant at,
        UUID taskId,
        SyncOutcome outcome,
        @Schema(description = "COMPLETED only") Integer added,
        @Schema(description = "COMPLETED only") Integer updated,
        @Schema(description = "COMPLETED only") Integer removed,
        @Schema(description = "COMPLETED only") Integer unchanged,
        @Schema(description = "COMPLETED only: people the sync safeguard kept instead of removing") Integer removalsHeld,
        @Schema(description = "FAILED only") SyncFailureReason failureReason,
        @Schema(description = "FAILED only: Meta's error code, where Meta answered one") Integer graphErrorCode,
        @Schema(description = "FAILED only: Meta's error message, where Meta answered one") String graphErrorMessage) {

    static SyncResultView of(LastSync sync) {
        if (sync == null || sync.at() == null) {
            return null;
        }
        return new SyncResultView(sync.at(), sync.taskId(), sync.outcome(), sync.added(), sync.updated(),
                sync.removed(), sync.unchanged(), sync.removalsHeld(), sync.failureReason(), sync.graphCode(),
                sync.graphMessage());
    }
}
