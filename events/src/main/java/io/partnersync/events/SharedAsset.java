package io.partnersync.events;

import java.util.List;

/** An asset one business shares with another, with the tasks the receiving business may hold on it. */
public record SharedAsset(String assetId, AssetType assetType, String name, List<String> permittedTasks) {
}
