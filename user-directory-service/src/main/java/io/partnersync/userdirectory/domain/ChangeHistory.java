package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

/**
 * Reads history newest first, per person or per integration, in keyset pages on
 * (occurredAt, id): entries written while a client pages land before its first page and
 * never shift the pages it has yet to read.
 */
@ApplicationScoped
public class ChangeHistory {

    /**
     * Which entries: of one integration, or of one person; optionally only some partners or
     * change types, and a time window [since, until).
     */
    public record Query(UUID integrationId, UUID guestUserId, Set<UUID> partners, Set<ChangeType> changes, Instant since,
            Instant until) {

        public static Query ofPerson(UUID guestUserId) {
            return new Query(null, guestUserId, Set.of(), Set.of(), null, null);
        }
    }

    /** Where a page starts: after the entry with this time and id. */
    public record Position(Instant occurredAt, long id) {
    }

    public record Page(List<GuestUserChange> items, Position next) {
    }

    @Transactional
    public Page page(String workspaceId, Query query, Position after, int limit) {
        List<String> conditions = new ArrayList<>(List.of("workspaceId = :workspace"));
        Parameters parameters = Parameters.with("workspace", workspaceId);
        if (query.integrationId() != null) {
            conditions.add("integrationId = :integration");
            parameters.and("integration", query.integrationId());
        }
        if (query.guestUserId() != null) {
            conditions.add("guestUserId = :person");
            parameters.and("person", query.guestUserId());
        }
        if (!query.partners().isEmpty()) {
            conditions.add("partnerId in :partners");
            parameters.and("partners", query.partners());
        }
        if (!query.changes().isEmpty()) {
            conditions.add("change in :changes");
            parameters.and("changes", query.changes());
        }
        if (query.since() != null) {
            conditions.add("occurredAt >= :since");
            parameters.and("since", query.since());
        }
        if (query.until() != null) {
            conditions.add("occurredAt < :until");
            parameters.and("until", query.until());
        }
        if (after != null) {
            conditions.add("(occurredAt < :afterTime or (occurredAt = :afterTime and id < :afterId))");
            parameters.and("afterTime", after.occurredAt()).and("afterId", after.id());
        }
        List<GuestUserChange> rows = GuestUserChange
                .<GuestUserChange>find(String.join(" and ", conditions) + " order by occurredAt desc, id desc", parameters)
                .range(0, limit)
                .list();
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        GuestUserChange last = rows.get(limit - 1);
        return new Page(rows.subList(0, limit), new Position(last.occurredAt, last.id));
    }
}
