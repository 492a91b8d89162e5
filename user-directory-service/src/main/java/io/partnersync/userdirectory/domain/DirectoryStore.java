package io.partnersync.userdirectory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.GuestUserKind;

/**
 * The directory's bulk writes, in plain JDBC on the transaction's connection. Hibernate
 * would write a 500-person chunk as 500 statements (or a batch that still cannot merge,
 * lock and compare in one go); here a chunk is one {@code INSERT ... SELECT FROM unnest(...)
 * ON CONFLICT DO UPDATE} fed with one array per column, one history insert of the same
 * shape, and a few lookups. Every statement filters on the workspace.
 * <p>
 * Writers of one partner's people (chunks, finalization, disconnect, held-removal
 * decisions) first lock the partner's {@code partner_directory} row, so they run one after
 * the other and the people rows need no locks of their own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DirectoryStore {

    private static final TypeReference<List<AssetAccess>> ASSET_LIST = new TypeReference<>() {
    };
    private static final String PERSON_COLUMNS = """
            g.id, g.meta_user_id, g.kind, g.name, g.email, g.role, g.two_factor_status, g.title,
            g.invited_at, g.invite_expires_at, g.assets::text, g.status, g.last_seen_seq""";
    private static final String REMOVE = """
            update guest_user g set status = 'REMOVED', removed_at = ?, removal_reason = ?, risk_flags = '{}'
            %s
            returning g.id, g.name, g.email""";

    private final Jdbc jdbc;
    private final ObjectMapper json;

    DirectoryStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The partner's state, locked for the rest of the transaction. */
    public record PartnerState(long applySeq, Instant disconnectedAt) {

        /** A disconnected partner takes only chunks read after the disconnection (it was connected again). */
        public boolean acceptsChunkOf(Instant readAt) {
            return disconnectedAt == null || readAt.isAfter(disconnectedAt);
        }
    }

    /** A row the directory removed, for its history entry. */
    public record RemovedPerson(UUID id, String name, String email) {
    }

    /** Locks the partner and takes the next apply sequence number for a chunk. */
    public PartnerState lockForChunk(PartnerScope scope, String partnerBusinessId) {
        return jdbc.query("""
                insert into partner_directory as p (workspace_id, partner_id, integration_id, partner_business_id, apply_seq)
                values (?, ?, ?, ?, 1)
                on conflict (workspace_id, partner_id) do update
                    set apply_seq = p.apply_seq + 1, integration_id = excluded.integration_id,
                        partner_business_id = excluded.partner_business_id
                returning apply_seq, disconnected_at""",
                rs -> new PartnerState(rs.getLong(1), Jdbc.instant(rs, 2)),
                scope.workspaceId(), scope.partnerId(), scope.integrationId(), partnerBusinessId).get(0);
    }

    public void clearDisconnection(PartnerScope scope) {
        jdbc.update("update partner_directory set disconnected_at = null where workspace_id = ? and partner_id = ?",
                scope.workspaceId(), scope.partnerId());
    }

    /** Locks the partner and records that it was disconnected at {@code at} (the latest disconnection wins). */
    public void lockForDisconnection(PartnerScope scope, String partnerBusinessId, Instant at) {
        jdbc.update("""
                insert into partner_directory as p (workspace_id, partner_id, integration_id, partner_business_id, disconnected_at)
                values (?, ?, ?, ?, ?)
                on conflict (workspace_id, partner_id) do update
                    set disconnected_at = greatest(p.disconnected_at, excluded.disconnected_at)""",
                scope.workspaceId(), scope.partnerId(), scope.integrationId(), partnerBusinessId, at);
    }

    /** Locks a partner the directory already holds. */
    public void lockPartner(String workspaceId, UUID partnerId) {
        List<Long> locked = jdbc.query("select apply_seq from partner_directory where workspace_id = ? and partner_id = ? for update",
                rs -> rs.getLong(1), workspaceId, partnerId);
        if (locked.isEmpty()) {
            throw new IllegalStateException("The directory holds no partner " + partnerId);
        }
    }

    public Map<Person.Identity, StoredPerson> findByIdentity(PartnerScope scope, Collection<Person.Identity> identities) {
        List<StoredPerson> found = jdbc.query("select " + PERSON_COLUMNS + """
                 from unnest(?::text[], ?::text[]) as i(meta_user_id, kind)
                join guest_user g on g.workspace_id = ? and g.integration_id = ? and g.partner_id = ?
                    and g.meta_user_id = i.meta_user_id and g.kind = i.kind""",
                this::storedPerson,
                Jdbc.texts(identities.stream().map(Person.Identity::metaUserId).toList()),
                Jdbc.texts(identities.stream().map(identity -> identity.kind().name()).toList()),
                scope.workspaceId(), scope.integrationId(), scope.partnerId());
        Map<Person.Identity, StoredPerson> byIdentity = new HashMap<>();
        found.forEach(person -> byIdentity.put(person.person().identity(), person));
        return byIdentity;
    }

    /** The partner's pending invites (active or removed) sent to any of these addresses, compared in lower case. */
    public List<StoredPerson> findInvites(PartnerScope scope, Collection<String> lowerCaseEmails) {
        return jdbc.query("select " + PERSON_COLUMNS + """
                 from guest_user g
                where g.workspace_id = ? and g.partner_id = ? and g.integration_id = ?
                  and g.kind = 'PENDING_INVITE' and lower(g.email) = any(?::text[])""",
                this::storedPerson, scope.workspaceId(), scope.partnerId(), scope.integrationId(), Jdbc.texts(lowerCaseEmails));
    }

    /** Turns pending invites into the business users they became (same row, so the same history). */
    public void acceptInvites(String workspaceId, Map<UUID, String> inviteToMetaUserId) {
        if (inviteToMetaUserId.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(inviteToMetaUserId.keySet());
        jdbc.update("""
                update guest_user g set meta_user_id = m.meta_user_id, kind = 'BUSINESS_USER'
                from unnest(?::uuid[], ?::text[]) as m(id, meta_user_id)
                where g.workspace_id = ? and g.id = m.id""",
                Jdbc.texts(ids.stream().map(UUID::toString).toList()),
                Jdbc.texts(ids.stream().map(inviteToMetaUserId::get).toList()), workspaceId);
    }

    /**
     * One person to write: the id (stored or new), what the sync saw, the data-only risk
     * flags, and whether the directory holds the row already.
     */
    public record PersonWrite(UUID id, Person person, List<RiskFlag> riskFlags, boolean stored) {
    }

    /**
     * Writes the people a chunk carried, all active, seen now by this job at this sequence
     * number: new ones in one insert, known ones in one update by id. The chunk's caller holds
     * the partner's lock and has read who is known, so no row can appear in between; a plain
     * insert spares PostgreSQL the speculative insertion of {@code ON CONFLICT} on every new row.
     */
    public void write(PartnerScope scope, String partnerBusinessId, UUID jobId, long seq, Instant now,
            List<PersonWrite> people) {
        List<PersonWrite> fresh = people.stream().filter(person -> !person.stored()).toList();
        List<PersonWrite> known = people.stream().filter(PersonWrite::stored).toList();
        if (!fresh.isEmpty()) {
            jdbc.update("""
                    insert into guest_user (id, workspace_id, integration_id, partner_id, partner_business_id,
                        meta_user_id, kind, name, email, role, two_factor_status, title, invited_at, invite_expires_at,
                        assets, risk_flags, status, first_seen_at, last_seen_at, last_seen_job_id, last_seen_seq)
                    select u.id, ?, ?, ?, ?, u.meta_user_id, u.kind, u.name, u.email, u.role, u.two_factor_status, u.title,
                        u.invited_at, u.invite_expires_at, u.assets, string_to_array(u.risk_flags, ','), 'ACTIVE', ?, ?, ?, ?
                    from unnest(""" + PERSON_ARRAYS + ") as u(" + PERSON_ARRAY_NAMES + ")",
                    personParams(new Object[] {scope.workspaceId(), scope.integrationId(), scope.partnerId(),
                        partnerBusinessId, now, now, jobId, seq}, fresh));
        }
        if (!known.isEmpty()) {
            jdbc.update("""
                    update guest_user g set partner_business_id = ?, meta_user_id = u.meta_user_id, kind = u.kind,
                        name = u.name, email = u.email, role = u.role, two_factor_status = u.two_factor_status,
                        title = u.title, invited_at = u.invited_at, invite_expires_at = u.invite_expires_at,
                        assets = u.assets, risk_flags = string_to_array(u.risk_flags, ','), status = 'ACTIVE',
                        removed_at = null, removal_reason = null, last_seen_at = ?, last_seen_job_id = ?, last_seen_seq = ?
                    from unnest(""" + PERSON_ARRAYS + ") as u(" + PERSON_ARRAY_NAMES + """
                    )
                    where g.workspace_id = ? and g.id = u.id""",
                    append(personParams(new Object[] {partnerBusinessId, now, jobId, seq}, known), scope.workspaceId()));
        }
    }

    private static final String PERSON_ARRAYS = """
            ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::timestamptz[], ?::timestamptz[], ?::jsonb[], ?::text[]""";
    private static final String PERSON_ARRAY_NAMES = """
            id, meta_user_id, kind, name, email, role, two_factor_status, title, invited_at, invite_expires_at, assets, \
            risk_flags""";

    /** {@code leading} parameters, then one array per person column, in {@link #PERSON_ARRAYS} order. */
    private Object[] personParams(Object[] leading, List<PersonWrite> people) {
        List<Object> params = new ArrayList<>(List.of(leading));
        params.add(Jdbc.texts(people.stream().map(p -> p.id().toString()).toList()));
        params.add(Jdbc.texts(column(people, Person::metaUserId)));
        params.add(Jdbc.texts(column(people, p -> p.kind().name())));
        params.add(Jdbc.texts(column(people, Person::name)));
        params.add(Jdbc.texts(column(people, Person::email)));
        params.add(Jdbc.texts(column(people, Person::role)));
        params.add(Jdbc.texts(column(people, Person::twoFactorStatus)));
        params.add(Jdbc.texts(column(people, Person::title)));
        params.add(Jdbc.texts(column(people, p -> text(p.invitedAt()))));
        params.add(Jdbc.texts(column(people, p -> text(p.inviteExpiresAt()))));
        params.add(Jdbc.texts(column(people, p -> toJson(p.assets()))));
        params.add(Jdbc.texts(people.stream().map(p -> p.riskFlags().stream().map(Enum::name).collect(Collectors.joining(",")))
                .toList()));
        return params.toArray();
    }

    private static Object[] append(Object[] params, Object last) {
        Object[] all = Arrays.copyOf(params, params.length + 1);
        all[params.length] = last;
        return all;
    }

    /** The partner's active people that no chunk applied at or after {@code seq} saw. */
    public List<UUID> activeNotSeenSince(String workspaceId, UUID partnerId, long seq) {
        return jdbc.query("""
                select id from guest_user
                where workspace_id = ? and partner_id = ? and status = 'ACTIVE' and last_seen_seq < ?""",
                rs -> rs.getObject(1, UUID.class), workspaceId, partnerId, seq);
    }

    public int countActive(String workspaceId, UUID partnerId) {
        return jdbc.query("select count(*) from guest_user where workspace_id = ? and partner_id = ? and status = 'ACTIVE'",
                rs -> rs.getInt(1), workspaceId, partnerId).get(0);
    }

    public List<RemovedPerson> remove(String workspaceId, List<UUID> ids, String reason, Instant at) {
        return jdbc.query(REMOVE.formatted("where g.workspace_id = ? and g.id = any(?::uuid[]) and g.status = 'ACTIVE'"),
                this::removedPerson, at, reason, workspaceId, Jdbc.texts(ids.stream().map(UUID::toString).toList()));
    }

    public List<RemovedPerson> removeAllOf(String workspaceId, UUID partnerId, String reason, Instant at) {
        return jdbc.query(REMOVE.formatted("where g.workspace_id = ? and g.partner_id = ? and g.status = 'ACTIVE'"),
                this::removedPerson, at, reason, workspaceId, partnerId);
    }

    /** Removes the held people still active and not seen by any chunk applied since the held run began. */
    public List<RemovedPerson> removeHeld(String workspaceId, UUID heldRemovalId, long runFirstSeq, String reason, Instant at) {
        return jdbc.query(REMOVE.formatted("""
                from held_removal_person h
                where h.held_removal_id = ? and h.workspace_id = ? and g.id = h.guest_user_id
                  and g.workspace_id = ? and g.status = 'ACTIVE' and g.last_seen_seq < ?"""),
                this::removedPerson, at, reason, heldRemovalId, workspaceId, workspaceId, runFirstSeq);
    }

    public void holdPeople(String workspaceId, UUID heldRemovalId, List<UUID> people) {
        jdbc.update("""
                insert into held_removal_person (held_removal_id, guest_user_id, workspace_id)
                select ?, unnest(?::uuid[]), ?""",
                heldRemovalId, Jdbc.texts(people.stream().map(UUID::toString).toList()), workspaceId);
    }

    /** Records that a chunk arrived; false when this chunk of this job already had. */
    public boolean recordChunk(String workspaceId, UUID jobId, int chunkIndex, UUID eventId, int people, boolean applied,
            Instant at) {
        return jdbc.update("""
                insert into sync_run_chunk (job_id, chunk_index, workspace_id, event_id, people, applied, received_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                jobId, chunkIndex, workspaceId, eventId, people, applied, at) == 1;
    }

    private static List<String> column(List<PersonWrite> people, Function<Person, String> value) {
        return people.stream().map(p -> value.apply(p.person())).toList();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private StoredPerson storedPerson(ResultSet rs) throws SQLException {
        Person person = new Person(rs.getString(2), GuestUserKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), Jdbc.instant(rs, 9), Jdbc.instant(rs, 10),
                fromJson(rs.getString(11)));
        return new StoredPerson(rs.getObject(1, UUID.class), person, PersonStatus.valueOf(rs.getString(12)), rs.getLong(13));
    }

    private RemovedPerson removedPerson(ResultSet rs) throws SQLException {
        return new RemovedPerson(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3));
    }

    private String toJson(List<AssetAccess> assets) {
        try {
            return json.writeValueAsString(assets);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write assets as JSON", e);
        }
    }

    private List<AssetAccess> fromJson(String assets) {
        try {
            return json.readValue(assets, ASSET_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored assets are not valid JSON", e);
        }
    }
}
