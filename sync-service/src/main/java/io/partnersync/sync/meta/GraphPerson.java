package io.partnersync.sync.meta;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnersync.events.GuestUserKind;

/** One person of a partner business as a Graph listing shows them, before their asset access is joined in. */
public record GraphPerson(
        String metaUserId,
        GuestUserKind kind,
        String name,
        String email,
        String role,
        String twoFactorStatus,
        String title,
        Instant invitedAt,
        Instant inviteExpiresAt) {

    /** Graph's time format, e.g. {@code 2026-11-28T10:00:00+0000}. */
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    static GraphPerson businessUser(JsonNode node) {
        return new GraphPerson(node.path("id").asText(), GuestUserKind.BUSINESS_USER, text(node, "name"),
                text(node, "email"), text(node, "role"), text(node, "two_fac_status"), text(node, "title"), null, null);
    }

    static GraphPerson systemUser(JsonNode node) {
        return new GraphPerson(node.path("id").asText(), GuestUserKind.SYSTEM_USER, text(node, "name"), null,
                text(node, "role"), null, null, null, null);
    }

    /** An invite has no name yet, only the address it was sent to. */
    static GraphPerson pendingInvite(JsonNode node) {
        return new GraphPerson(node.path("id").asText(), GuestUserKind.PENDING_INVITE, null, text(node, "email"),
                text(node, "role"), null, null, time(node, "created_time"), time(node, "expiration_time"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Instant time(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return GRAPH_TIME.parse(value, Instant::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
