package io.partnersync.sync.api;

import java.util.List;

/** One page of tasks, newest first; {@code nextCursor} fetches the next page and is null on the last. */
public record TaskPage(List<TaskView> items, String nextCursor) {
}
