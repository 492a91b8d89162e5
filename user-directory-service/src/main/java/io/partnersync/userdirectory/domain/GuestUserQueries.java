package io.partnersync.userdirectory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.GuestUserKind;
import io.partnersync.userdirectory.config.DirectoryConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads the directory: pages, tab counts, one person, the streamed export. */
@ApplicationScoped
public class GuestUserQueries {

    private static final TypeReference<List<AssetAccess>> ASSET_LIST = new TypeReference<>() {
    };
    private static final int EXPORT_FETCH_SIZE = 500;

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final DirectoryConfig config;

    GuestUserQueries(Jdbc jdbc, ObjectMapper json, DirectoryConfig config) {
        this.jdbc = jdbc;
        this.json = json;
        this.config = config;
    }

    /** A page and where the next one starts (null on the last page). */
    public record Page(List<GuestUser> items, GuestUserSort.Position next) {
    }

    /** Counts of the matching people per value of each facet, each under every other filter. */
    public record Counts(long total, Map<String, Long> status, Map<String, Long> kind, Map<String, Long> riskFlag,
            Map<String, Long> role, Map<String, Long> partner) {
    }

    /** Refuses an integration the directory holds no people of in this workspace (unknown, or another workspace's). */
    public void requireIntegration(String workspaceId, UUID integrationId) {
        boolean held = !jdbc.query("select 1 from partner_directory where workspace_id = ? and integration_id = ? limit 1",
                rs -> rs.getInt(1), workspaceId, integrationId).isEmpty();
        if (!held) {
            throw new UnknownResourceException("integration", integrationId,
                    "the directory knows an integration once a sync has imported its people");
        }
    }

    /**
     * One page of the list, refusing an unknown integration. A single statement, outside a
     * transaction: the list is the directory's busiest call, and only an empty page needs the
     * second look that tells "nobody matches" from "no such integration".
     */
    public Page page(String workspaceId, GuestUserFilter filter, GuestUserSort sort, GuestUserSort.Position after, int limit) {
        Instant now = Instant.now();
        GuestUserSql.Query query = GuestUserSql.page(workspaceId, filter, staleInvitedBefore(now), sort, after, limit + 1);
        record Row(GuestUser person, String sortValue) {
        }
        List<Row> rows = jdbc.query(query.sql(), rs -> new Row(guestUser(rs, now), sort.key().temporal()
                ? Jdbc.instant(rs, "sort_value").toString()
                : rs.getString("sort_value")), query.params().toArray());
        if (rows.isEmpty()) {
            requireIntegration(workspaceId, filter.integrationId());
        }
        if (rows.size() <= limit) {
            return new Page(rows.stream().map(Row::person).toList(), null);
        }
        Row last = rows.get(limit - 1);
        return new Page(rows.subList(0, limit).stream().map(Row::person).toList(),
                new GuestUserSort.Position(last.sortValue(), last.person().id()));
    }

    public GuestUser find(String workspaceId, UUID id) {
        Instant now = Instant.now();
        GuestUserSql.Query query = GuestUserSql.one(workspaceId, id);
        return jdbc.query(query.sql(), rs -> guestUser(rs, now), query.params().toArray()).stream().findFirst()
                .orElseThrow(() -> new UnknownResourceException("guest-user", id));
    }

    @Transactional
    public Counts counts(String workspaceId, GuestUserFilter filter) {
        Instant staleBefore = staleInvitedBefore(Instant.now());
        Map<String, Long> riskFlags = facet(workspaceId, filter, staleBefore, GuestUserFilter.Facet.RISK_FLAG,
                RiskFlag.values());
        riskFlags.put(RiskFlag.STALE_PENDING_INVITE.name(), single(GuestUserSql.staleInvites(workspaceId, filter, staleBefore)));
        return new Counts(single(GuestUserSql.count(workspaceId, filter, staleBefore)),
                facet(workspaceId, filter, staleBefore, GuestUserFilter.Facet.STATUS, PersonStatus.values()),
                facet(workspaceId, filter, staleBefore, GuestUserFilter.Facet.KIND, GuestUserKind.values()),
                riskFlags,
                facet(workspaceId, filter, staleBefore, GuestUserFilter.Facet.ROLE, new Enum<?>[0]),
                facet(workspaceId, filter, staleBefore, GuestUserFilter.Facet.PARTNER, new Enum<?>[0]));
    }

    /** Streams every matching person in the sort order from one database cursor, in its own transaction. */
    public void export(String workspaceId, GuestUserFilter filter, GuestUserSort sort, Consumer<GuestUser> sink) {
        Instant now = Instant.now();
        GuestUserSql.Query query = GuestUserSql.all(workspaceId, filter, staleInvitedBefore(now), sort);
        QuarkusTransaction.requiringNew().timeout((int) config.export().timeout().toSeconds()).run(() ->
                jdbc.stream(query.sql(), EXPORT_FETCH_SIZE, rs -> sink.accept(guestUser(rs, now)), query.params().toArray()));
    }

    public Instant staleInvitedBefore(Instant now) {
        return now.minus(config.risk().staleInviteAge());
    }

    private Map<String, Long> facet(String workspaceId, GuestUserFilter filter, Instant staleBefore,
            GuestUserFilter.Facet facet, Enum<?>[] allValues) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Arrays.stream(allValues).forEach(value -> counts.put(value.name(), 0L));
        GuestUserSql.Query query = GuestUserSql.facet(workspaceId, filter, staleBefore, facet);
        jdbc.query(query.sql(), rs -> counts.put(rs.getString(1), rs.getLong(2)), query.params().toArray());
        return counts;
    }

    private long single(GuestUserSql.Query query) {
        return jdbc.query(query.sql(), rs -> rs.getLong(1), query.params().toArray()).get(0);
    }

    private GuestUser guestUser(ResultSet rs, Instant now) throws SQLException {
        GuestUserKind kind = GuestUserKind.valueOf(rs.getString("kind"));
        PersonStatus status = PersonStatus.valueOf(rs.getString("status"));
        Instant invitedAt = Jdbc.instant(rs, "invited_at");
        List<RiskFlag> stored = Arrays.stream((String[]) rs.getArray("risk_flags").getArray()).map(RiskFlag::valueOf).toList();
        boolean stale = RiskFlags.isStaleInvite(kind, status, invitedAt, staleInvitedBefore(now));
        return new GuestUser(
                rs.getObject("id", UUID.class),
                rs.getObject("integration_id", UUID.class),
                rs.getObject("partner_id", UUID.class),
                rs.getString("partner_business_id"),
                rs.getString("meta_user_id"),
                kind,
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("role"),
                rs.getString("two_factor_status"),
                rs.getString("title"),
                invitedAt,
                Jdbc.instant(rs, "invite_expires_at"),
                status,
                Jdbc.instant(rs, "removed_at"),
                rs.getString("removal_reason"),
                Jdbc.instant(rs, "first_seen_at"),
                Jdbc.instant(rs, "last_seen_at"),
                rs.getObject("last_seen_job_id", UUID.class),
                RiskFlags.current(stored, stale),
                assets(rs.getString("assets")));
    }

    private List<AssetAccess> assets(String assets) {
        try {
            return json.readValue(assets, ASSET_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored assets are not valid JSON", e);
        }
    }
}
