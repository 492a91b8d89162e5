package io.partnersync.events.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnersync.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code ce_source} of every event this service publishes. */
    @WithDefault("${quarkus.application.name}")
    String source();

    /**
     * How often the relay looks for pending events it was not woken up for (events of
     * transactions that committed are published right after the commit).
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Pending events published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /**
     * How long the relay waits for the broker to acknowledge a batch; longer than the
     * producer's own max.block.ms plus delivery.timeout.ms, so no send outlives the wait.
     */
    @WithDefault("30s")
    Duration sendTimeout();

    /** How long sent events stay in the table (for inspection) before they are deleted. */
    @WithDefault("1d")
    Duration retention();
}
