package io.partnersync.sync.meta;

import java.time.Duration;

/** What a sync learns about its Graph traffic while {@link GraphClient} works for it. */
public interface GraphCallListener {

    /** One HTTP request went out carrying {@code calls} Graph calls (a batch carries its items). */
    void requestSent(int calls);

    /**
     * The client pauses {@code delay} before its next request because usage is above the slow-down
     * threshold. Nothing failed and nothing is retried, so the task stays RUNNING.
     */
    void paced(Duration delay);

    /** The client waits before trying again: throttled by Meta, or backing off after a transient error. */
    void waiting(Duration wait, boolean throttled);

    /** The wait is over; calls continue. */
    void resumed();
}
