package io.partnersync.partner.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnersync.partner.domain.Integration;
import io.partnersync.partner.domain.IntegrationStatus;
import io.partnersync.partner.domain.TokenFingerprint;

@Schema(description = "A Meta Business Center integration.")
public record IntegrationView(
        UUID id,
        String name,
        String metaBusinessId,
        IntegrationStatus status,
        @Schema(description = "Identifies the stored token without revealing it.") TokenFingerprint tokenFingerprint,
        Instant createdAt,
        String createdBy,
        @Schema(description = "When the newest discovery snapshot applied was taken; null before the first discovery.")
        Instant lastDiscoveryAt,
        @Schema(description = "When the most recent partner sync job of this integration ended; null before any.")
        Instant lastSyncAt,
        @Schema(description = "The result of that job.") SyncResultView lastSyncResult) {

    static IntegrationView of(Integration integration) {
        SyncResultView lastSync = SyncResultView.of(integration.lastSync());
        return new IntegrationView(integration.id(), integration.name(), integration.metaBusinessId(),
                integration.status(), integration.tokenFingerprint(), integration.createdAt(), integration.createdBy(),
                integration.snapshotAt(), lastSync == null ? null : lastSync.at(), lastSync);
    }
}
