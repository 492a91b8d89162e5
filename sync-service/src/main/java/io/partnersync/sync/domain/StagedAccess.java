package io.partnersync.sync.domain;

import java.util.List;

import io.partnersync.events.AssetType;

/** One row of {@code /{asset}/assigned_users}: a person's tasks on one shared asset. */
public record StagedAccess(String userId, String assetId, AssetType assetType, String assetName, List<String> tasks) {
}
