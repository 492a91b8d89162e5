package io.partnersync.sync.messaging;

import java.time.Duration;
import java.util.Locale;

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

    /** Why the client held a Graph request back; the {@code reason} tag of the waits, in lower case. */
    enum WaitReason {
        /** Meta throttled the business or the app: waiting for access to come back. */
        THROTTLED,
        /** A transient failure: backing off before the retry. */
        BACKOFF,
        /** Usage above {@code usage.slow-down-above}: a pause before the next request so the budget lasts. */
        PACED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
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

    /** The client held a request to Meta back for {@code wait}. */
    void graphWait(WaitReason reason, Duration wait) {
        Timer.builder("partnersync.sync.graph.waits")
                .description("Waits before a Graph request: throttled, backing off or paced")
                .tag("reason", reason.tag())
                .register(registry)
                .record(wait);
    }
}
