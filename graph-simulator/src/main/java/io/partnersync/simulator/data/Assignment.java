package io.partnersync.simulator.data;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The tasks one person (business or system user) holds on one asset. */
public record Assignment(String assetId, String userId, List<String> tasks) {

    public Assignment {
        requireNonNull(assetId, "assignment.assetId");
        requireNonNull(userId, "assignment.userId");
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
