package io.partnersync.sync.domain;

import java.util.List;

/** QUEUED -> RUNNING (<-> RETRYING) -> COMPLETED | NOT_COMPLETED | FAILED (DESIGN section 3). */
public enum TaskStatus {
    QUEUED,
    RUNNING,
    /** Waiting before trying Meta again: throttled, or backing off after a transient error. */
    RETRYING,
    /** Every job completed. */
    COMPLETED,
    /** Discovery ran, and at least one partner's job failed. */
    NOT_COMPLETED,
    /** No job could run: the integration, its token or discovery failed, or the workers kept dying. */
    FAILED;

    public static final List<TaskStatus> ACTIVE = List.of(QUEUED, RUNNING, RETRYING);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
