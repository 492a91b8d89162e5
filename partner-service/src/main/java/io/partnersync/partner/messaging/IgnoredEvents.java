package io.partnersync.partner.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.partnersync.events.PartnersyncEvent;

/**
 * Events that are valid but do not apply here (an unknown integration or partner, an
 * out-of-date snapshot ...): logged with their ids and counted in
 * {@code partnersync_events_ignored_total{topic, reason}}, never a consumer failure.
 */
@ApplicationScoped
public class IgnoredEvents {

    private static final Logger LOG = Logger.getLogger(IgnoredEvents.class);

    private final MeterRegistry registry;

    IgnoredEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String topic, String reason, PartnersyncEvent event, String detail) {
        LOG.infof("Ignored %s event %s of workspace %s (%s): %s", topic, event.eventId(), event.workspaceId(), reason,
                detail);
        registry.counter("partnersync.events.ignored", "topic", topic, "reason", reason).increment();
    }
}
