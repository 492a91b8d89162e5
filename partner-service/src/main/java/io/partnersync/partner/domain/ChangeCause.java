package io.partnersync.partner.domain;

import java.util.UUID;

/** Who or what caused a status change: a user (their upn) or a consumed event. */
public record ChangeCause(String user, String eventType, UUID eventId, String reason) {

    public static ChangeCause user(String user, String reason) {
        return new ChangeCause(user, null, null, reason);
    }

    public static ChangeCause event(String eventType, UUID eventId, String reason) {
        return new ChangeCause(null, eventType, eventId, reason);
    }

    public ChangeCause because(String otherReason) {
        return new ChangeCause(user, eventType, eventId, otherReason);
    }
}
