package io.partnersync.partner.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.partnersync.events.SyncFailureReason;

/**
 * The result of the most recent sync job, as the events reported it: counts when it
 * completed, the reason (and Meta's error, where there was one) when it failed.
 */
@Embeddable
public record LastSync(
        @Column(name = "last_sync_at") Instant at,
        @Column(name = "last_sync_task_id") UUID taskId,
        @Enumerated(EnumType.STRING) @Column(name = "last_sync_outcome") SyncOutcome outcome,
        @Column(name = "last_sync_added") Integer added,
        @Column(name = "last_sync_updated") Integer updated,
        @Column(name = "last_sync_removed") Integer removed,
        @Column(name = "last_sync_unchanged") Integer unchanged,
        @Column(name = "last_sync_removals_held") Integer removalsHeld,
        @Enumerated(EnumType.STRING) @Column(name = "last_sync_failure_reason") SyncFailureReason failureReason,
        @Column(name = "last_sync_graph_code") Integer graphCode,
        @Column(name = "last_sync_graph_message") String graphMessage) {

    public static LastSync completed(Instant at, UUID taskId, int added, int updated, int removed, int unchanged,
            int removalsHeld) {
        return new LastSync(at, taskId, SyncOutcome.COMPLETED, added, updated, removed, unchanged, removalsHeld,
                null, null, null);
    }

    public static LastSync failed(Instant at, UUID taskId, SyncFailureReason reason, Integer graphCode,
            String graphMessage) {
        return new LastSync(at, taskId, SyncOutcome.FAILED, null, null, null, null, null, reason, graphCode,
                graphMessage);
    }

    /** Events may arrive out of order: an older result never replaces a newer one. */
    public static LastSync newer(LastSync current, LastSync candidate) {
        return current == null || candidate.at().isAfter(current.at()) ? candidate : current;
    }
}
