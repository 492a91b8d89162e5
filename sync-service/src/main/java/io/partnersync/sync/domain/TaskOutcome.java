package io.partnersync.sync.domain;

import java.util.Collection;
import java.util.Optional;

/** How a task ends, from its jobs, once every partner was read. */
public final class TaskOutcome {

    private TaskOutcome() {
    }

    /**
     * Empty while anything is still open. Abandoned jobs were replaced by a later attempt and
     * do not count. A task that read no partner at all (none connected) completed its discovery.
     */
    public static Optional<TaskStatus> of(boolean readingDone, Collection<JobStatus> jobs) {
        if (!readingDone || jobs.stream().anyMatch(JobStatus::isOpen)) {
            return Optional.empty();
        }
        boolean anyFailed = jobs.contains(JobStatus.FAILED);
        return Optional.of(anyFailed ? TaskStatus.NOT_COMPLETED : TaskStatus.COMPLETED);
    }
}
