package io.partnersync.partner.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnersync.events.Relationship;
import io.partnersync.events.SharedAsset;
import io.partnersync.partner.domain.Partner;
import io.partnersync.partner.domain.PartnerStatus;
import io.partnersync.partner.domain.TokenFingerprint;

@Schema(description = "A Meta Business Partner of an integration.")
public record PartnerView(
        UUID id,
        UUID integrationId,
        @Schema(description = "The partner's Meta business id.") String businessId,
        String name,
        @Schema(description = "AGENCY: the partner reaches assets the customer shares; CLIENT: the customer reaches the partner's.")
        Relationship relationship,
        @Schema(description = "Meta's verification status of the partner business, as Meta spells it.")
        String verificationStatus,
        @Schema(description = "Every asset shared between the partner and the customer, with the tasks permitted on it.")
        List<SharedAsset> sharedAssets,
        int sharedAssetCount,
        PartnerStatus status,
        @Schema(description = "The status as the app shows it.", example = "Pending onboarding") String statusLabel,
        @Schema(description = "Identifies the token held for the partner without revealing it; null when it holds none.")
        TokenFingerprint tokenFingerprint,
        Instant connectedAt,
        String connectedBy,
        Instant lastSyncAt,
        SyncResultView lastSyncResult) {

    static PartnerView of(Partner partner) {
        SyncResultView lastSync = SyncResultView.of(partner.lastSync());
        return new PartnerView(partner.id(), partner.integrationId(), partner.businessId(), partner.name(),
                partner.relationship(), partner.verificationStatus(), partner.sharedAssets(),
                partner.sharedAssets().size(), partner.status(), partner.status().label(),
                partner.tokenRef() == null ? null : partner.tokenFingerprint(), partner.connectedAt(),
                partner.connectedBy(), lastSync == null ? null : lastSync.at(), lastSync);
    }
}
