package io.partnersync.events;

import java.util.List;

/** The tasks one guest user holds on one shared asset. */
public record AssetAccess(String assetId, AssetType assetType, String assetName, List<String> tasks) {
}
