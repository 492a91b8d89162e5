package io.partnersync.sync.domain;

import java.util.List;

/** The sync of one partner within a task. */
public enum JobStatus {
    /** Reading the partner's people from Meta and publishing chunks. */
    RUNNING,
    /** Every chunk is published; waiting for user-directory-service's {@code GuestUsersApplied}. */
    AWAITING_DIRECTORY,
    COMPLETED,
    FAILED,
    /** Its worker died; the resumed task read the partner again under a new job. Not part of the outcome. */
    ABANDONED;

    public static final List<JobStatus> OPEN = List.of(RUNNING, AWAITING_DIRECTORY);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
