package io.partnersync.partner.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnersync.partner.domain.PartnerStatus;
import io.partnersync.partner.domain.PartnerStatusChange;

@Schema(description = "One status transition of a partner. Exactly one of byUser and byEvent is set.")
public record StatusChangeView(
        @Schema(description = "Null on the row recording the partner's discovery.") PartnerStatus from,
        PartnerStatus to,
        Instant at,
        @Schema(description = "The user who made the change.") String byUser,
        @Schema(description = "The event that caused the change.") EventRef byEvent,
        String reason) {

    @Schema(description = "An event by its CloudEvents type and id.")
    public record EventRef(String type, UUID id) {
    }

    static StatusChangeView of(PartnerStatusChange change) {
        return new StatusChangeView(change.from(), change.to(), change.at(), change.byUser(),
                change.eventId() == null ? null : new EventRef(change.eventType(), change.eventId()), change.reason());
    }
}
