package io.partnersync.sync.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.partnersync.sync.domain.SyncTask;

/**
 * What an operator watches (Prometheus at {@code /q/metrics}): how long syncs take and how they
 * end, how many Graph calls they make, and how often and how long Meta makes them wait.
 */
@ApplicationScoped
public class SyncMetrics {

    /** Which part of a sync called Graph. */
    enum Phase {
        DISCOVERY, PEOPLE
    }

    private final MeterRegistry registry;

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** From Check for updates (or the event that queued it) to the task's outcome. */
    void taskFinished(SyncTask task) {
        Timer.builder("partnersync.sync.task.duration")
                .description("Time from queuing a sync task to its outcome")
                .tag("status", task.status.name())
                .tag("trigger", task.trigger.name())
                .register(registry)
                .record(Duration.between(task.createdAt, task.finishedAt));
    }

    /** Reading one partner's people from Meta, to its last chunk published or its failure. */
    void partnerRead(Duration took, String outcome, int people) {
        Timer.builder("partnersync.sync.partner.read.duration")
                .description("Time to read one partner's people from Meta")
                .tag("outcome", outcome)
                .register(registry)
                .record(took);
        Counter.builder("partnersync.sync.people.read").description("People read from Meta").register(registry)
                .increment(people);
    }

    void graphRequest(Phase phase, int calls) {
        Counter.builder("partnersync.sync.graph.calls")
                .description("Graph calls made (each item of a batch counts, as Meta's rate limits count)")
                .tag("phase", phase.name())
                .register(registry)
                .increment(calls);
        Counter.builder("partnersync.sync.graph.requests")
                .description("HTTP requests sent to Graph")
                .tag("phase", phase.name())
                .register(registry)
                .increment();
    }

    /** The client waits before calling Meta again: throttled by Meta, or backing off after a transient error. */
    void graphWait(Duration wait, boolean throttled) {
        Timer.builder("partnersync.sync.graph.waits")
                .description("Waits before calling Graph again")
                .tag("reason", throttled ? "throttled" : "backoff")
                .register(registry)
                .record(wait);
    }
}
