package io.partnersync.events;

import java.util.List;

/** A partner business found by discovery, with every asset shared between it and the customer. */
public record DiscoveredPartner(
        String businessId,
        String name,
        Relationship relationship,
        String verificationStatus,
        List<SharedAsset> sharedAssets) {
}
