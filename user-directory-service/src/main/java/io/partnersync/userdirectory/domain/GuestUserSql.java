package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.partnersync.events.GuestUserKind;

/**
 * The SQL of the guest-user list, its tab counts and its export, built from a filter. Every
 * condition has an index behind it (see the migration); the benchmark prints the plans of
 * these very statements. Plain SQL rather than HQL: the keyset row comparison, array
 * overlap, JSONB containment and trigram LIKE must reach PostgreSQL exactly as written to
 * match the expression indexes.
 */
public final class GuestUserSql {

    /** A statement and its parameters, in order. */
    public record Query(String sql, List<Object> params) {
    }

    static final String COLUMNS = """
            g.id, g.integration_id, g.partner_id, g.partner_business_id, g.meta_user_id, g.kind, g.name, g.email, g.role,
            g.two_factor_status, g.title, g.invited_at, g.invite_expires_at, g.status, g.removed_at, g.removal_reason,
            g.first_seen_at, g.last_seen_at, g.last_seen_job_id, g.risk_flags, g.assets::text as assets""";

    private static final String SEARCH_TEXT = "lower(coalesce(g.name, '') || ' ' || coalesce(g.email, ''))";
    private static final String STALE_INVITE = "(g.kind = 'PENDING_INVITE' and g.status = 'ACTIVE' and g.invited_at < ?)";

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    private GuestUserSql(String workspaceId, GuestUserFilter filter, Instant staleInvitedBefore) {
        condition("g.workspace_id = ?", workspaceId);
        condition("g.integration_id = ?", filter.integrationId());
        if (!filter.partners().isEmpty()) {
            condition("g.partner_id = any(?::uuid[])", texts(filter.partners().stream().map(UUID::toString).toList()));
        }
        if (!filter.kinds().isEmpty()) {
            condition("g.kind = any(?::text[])", texts(filter.kinds().stream().map(GuestUserKind::name).toList()));
        }
        if (!filter.roles().isEmpty()) {
            condition("g.role = any(?::text[])", texts(filter.roles()));
        }
        if (!filter.statuses().isEmpty()) {
            condition("g.status = any(?::text[])", texts(filter.statuses().stream().map(PersonStatus::name).toList()));
        }
        if (!filter.riskFlags().isEmpty()) {
            riskFlags(filter.riskFlags(), staleInvitedBefore);
        }
        if (filter.assetId() != null) {
            condition("g.assets @> ?::jsonb",
                    "[{\"assetId\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(filter.assetId())) + "\"}]");
        }
        if (filter.text() != null) {
            condition(SEARCH_TEXT + " like ?", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.heldRemoval() != null) {
            condition("g.id in (select h.guest_user_id from held_removal_person h where h.held_removal_id = ? and h.workspace_id = ?)",
                    filter.heldRemoval(), workspaceId);
        }
    }

    /** One page in the sort order, starting after {@code after} (null: the first page); asks one row more than the page. */
    public static Query page(String workspaceId, GuestUserFilter filter, Instant staleInvitedBefore, GuestUserSort sort,
            GuestUserSort.Position after, int rows) {
        GuestUserSql sql = new GuestUserSql(workspaceId, filter, staleInvitedBefore);
        String key = sort.key().expression();
        if (after != null) {
            sql.condition("(" + key + ", g.id) " + (sort.descending() ? "<" : ">") + " (cast(? as " + sort.key().sqlType()
                    + "), ?::uuid)", after.value(), after.id());
        }
        sql.params.add(rows);
        return new Query("select " + COLUMNS + ", " + key + " as sort_value from guest_user g where " + sql.where()
                + orderBy(sort) + " limit ?", sql.params);
    }

    /** Every matching row in the sort order, for the export. */
    public static Query all(String workspaceId, GuestUserFilter filter, Instant staleInvitedBefore, GuestUserSort sort) {
        GuestUserSql sql = new GuestUserSql(workspaceId, filter, staleInvitedBefore);
        return new Query("select " + COLUMNS + " from guest_user g where " + sql.where() + orderBy(sort), sql.params);
    }

    public static Query one(String workspaceId, UUID id) {
        return new Query("select " + COLUMNS + " from guest_user g where g.workspace_id = ? and g.id = ?",
                List.of(workspaceId, id));
    }

    public static Query count(String workspaceId, GuestUserFilter filter, Instant staleInvitedBefore) {
        GuestUserSql sql = new GuestUserSql(workspaceId, filter, staleInvitedBefore);
        return new Query("select count(*) from guest_user g where " + sql.where(), sql.params);
    }

    /** Rows (value, count) of one facet, under every filter except the facet's own. */
    public static Query facet(String workspaceId, GuestUserFilter filter, Instant staleInvitedBefore,
            GuestUserFilter.Facet facet) {
        GuestUserSql sql = new GuestUserSql(workspaceId, filter.without(facet), staleInvitedBefore);
        if (facet == GuestUserFilter.Facet.RISK_FLAG) {
            // Only flagged people count here: the overlap lets the GIN index find them.
            sql.condition("g.risk_flags && ?::text[]", texts(EnumSet.complementOf(EnumSet.of(RiskFlag.STALE_PENDING_INVITE))
                    .stream().map(RiskFlag::name).toList()));
        }
        String where = sql.where();
        String select = switch (facet) {
            case STATUS -> "select g.status, count(*) from guest_user g where " + where;
            case KIND -> "select g.kind, count(*) from guest_user g where " + where;
            case ROLE -> "select coalesce(g.role, ''), count(*) from guest_user g where " + where;
            case PARTNER -> "select g.partner_id::text, count(*) from guest_user g where " + where;
            case RISK_FLAG -> "select f.flag, count(*) from guest_user g cross join lateral unnest(g.risk_flags) as f(flag) where "
                    + where;
        };
        return new Query(select + " group by 1", sql.params);
    }

    /** How many matching people hold a stale invite (the flag that is not stored), under every filter but the flags. */
    public static Query staleInvites(String workspaceId, GuestUserFilter filter, Instant staleInvitedBefore) {
        GuestUserSql sql = new GuestUserSql(workspaceId, filter.without(GuestUserFilter.Facet.RISK_FLAG), staleInvitedBefore);
        sql.condition(STALE_INVITE, staleInvitedBefore);
        return new Query("select count(*) from guest_user g where " + sql.where(), sql.params);
    }

    private void riskFlags(Set<RiskFlag> flags, Instant staleInvitedBefore) {
        Set<RiskFlag> stored = EnumSet.copyOf(flags);
        stored.remove(RiskFlag.STALE_PENDING_INVITE);
        List<String> any = new ArrayList<>();
        if (!stored.isEmpty()) {
            any.add("g.risk_flags && ?::text[]");
            params.add(texts(stored.stream().map(RiskFlag::name).toList()));
        }
        if (flags.contains(RiskFlag.STALE_PENDING_INVITE)) {
            any.add(STALE_INVITE);
            params.add(staleInvitedBefore);
        }
        conditions.add("(" + String.join(" or ", any) + ")");
    }

    private void condition(String condition, Object... values) {
        conditions.add(condition);
        Collections.addAll(params, values);
    }

    private String where() {
        return String.join(" and ", conditions);
    }

    private static String orderBy(GuestUserSort sort) {
        String direction = sort.descending() ? " desc" : "";
        return " order by " + sort.key().expression() + direction + ", g.id" + direction;
    }

    private static Jdbc.TextArray texts(Collection<String> values) {
        return Jdbc.texts(values);
    }

    /** LIKE treats % and _ as wildcards and \ as their escape: searched literally. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
