package io.partnersync.partner.messaging;

import io.partnersync.events.PartnersyncEvent;

/** What an event must carry to be applied at all; one that lacks it goes to the dead-letter topic. */
final class EventChecks {

    private EventChecks() {
    }

    static void requireEnvelope(PartnersyncEvent event, Object... requiredIds) {
        if (event.occurredAt() == null || event.workspaceId() == null || event.workspaceId().isBlank()) {
            throw new IllegalArgumentException("Event " + event.eventId() + " has no occurredAt or workspaceId");
        }
        for (Object id : requiredIds) {
            if (id == null) {
                throw new IllegalArgumentException("Event " + event.eventId() + " lacks the id of what it is about");
            }
        }
    }
}
