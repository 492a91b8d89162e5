package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Appends history entries. A first import writes one entry per person, so entries are
 * inserted like people: one statement fed with one array per column (see {@link DirectoryStore}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChangeLog {

    public static final String NOT_SEEN_IN_SYNC = "not seen in sync";
    public static final String PARTNER_DISCONNECTED = "partner disconnected";
    public static final String HELD_REMOVAL_CONFIRMED = "held removal confirmed";

    /** One entry: whose, as they were named then, what changed, and why where a reason applies. */
    public record Entry(UUID guestUserId, String personName, String personEmail, PersonDiff.Change change, String reason) {

        public static Entry removal(DirectoryStore.RemovedPerson person, String reason) {
            return new Entry(person.id(), person.name(), person.email(), new PersonDiff.Change(ChangeType.REMOVED, null,
                    PersonStatus.ACTIVE.name(), PersonStatus.REMOVED.name()), reason);
        }
    }

    private final Jdbc jdbc;
    private final ObjectMapper json;

    ChangeLog(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param jobId the sync run the changes belong to (null for a disconnection)
     * @param actor who caused them when a person did (an admin, the user who disconnected), else null
     */
    public void append(PartnerScope scope, UUID jobId, String actor, Instant at, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into guest_user_change (workspace_id, integration_id, partner_id, guest_user_id, person_name,
                    person_email, change, asset_id, before_value, after_value, reason, job_id, actor, occurred_at)
                select ?, ?, ?, c.guest_user_id, c.person_name, c.person_email, c.change, c.asset_id, c.before_value,
                    c.after_value, c.reason, ?, ?, ?
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::jsonb[], ?::jsonb[], ?::text[])
                    as c(guest_user_id, person_name, person_email, change, asset_id, before_value, after_value, reason)""",
                scope.workspaceId(), scope.integrationId(), scope.partnerId(), jobId, actor, at,
                column(entries, entry -> entry.guestUserId().toString()),
                column(entries, Entry::personName),
                column(entries, Entry::personEmail),
                column(entries, entry -> entry.change().type().name()),
                column(entries, entry -> entry.change().assetId()),
                column(entries, entry -> toJson(entry.change().before())),
                column(entries, entry -> toJson(entry.change().after())),
                column(entries, Entry::reason));
    }

    private static Jdbc.TextArray column(List<Entry> entries, Function<Entry, String> value) {
        return Jdbc.texts(entries.stream().map(value).toList());
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a history value as JSON", e);
        }
    }
}
