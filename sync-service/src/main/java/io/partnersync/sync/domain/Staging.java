package io.partnersync.sync.domain;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.AssetType;

/**
 * A job's working set in the database instead of in memory: who holds what on which asset
 * (written as {@code assigned_users} pages arrive, read back one page of people at a time) and
 * who was already emitted. Plain JDBC with arrays: one statement per page, whatever its size.
 */
@ApplicationScoped
public class Staging {

    private final EntityManager entityManager;

    Staging(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public void stage(UUID jobId, String workspaceId, List<StagedAccess> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into sync_staged_access (job_id, workspace_id, user_id, asset_id, asset_type, asset_name, tasks)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (job_id, user_id, asset_id) do update set tasks = excluded.tasks""")) {
                for (StagedAccess row : rows) {
                    insert.setObject(1, jobId);
                    insert.setString(2, workspaceId);
                    insert.setString(3, row.userId());
                    insert.setString(4, row.assetId());
                    insert.setString(5, row.assetType().name());
                    insert.setString(6, row.assetName());
                    insert.setString(7, String.join(",", row.tasks()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Marks the people emitted; answers those not emitted before in this job. */
    @Transactional
    public Set<String> firstSeen(UUID jobId, String workspaceId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return jdbc(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into sync_seen_person (job_id, workspace_id, meta_user_id)
                    select ?, ?, unnest(?) on conflict do nothing returning meta_user_id""")) {
                insert.setObject(1, jobId);
                insert.setString(2, workspaceId);
                insert.setArray(3, varchars(connection, userIds));
                Set<String> fresh = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getString(1));
                    }
                }
                return fresh;
            }
        });
    }

    /** The asset access of each of {@code userIds}, ordered by asset id; people without any are absent. */
    @Transactional
    public Map<String, List<AssetAccess>> accessOf(UUID jobId, String workspaceId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select user_id, asset_id, asset_type, asset_name, tasks from sync_staged_access
                    where job_id = ? and workspace_id = ? and user_id = any(?)
                    order by user_id, asset_id""")) {
                select.setObject(1, jobId);
                select.setString(2, workspaceId);
                select.setArray(3, varchars(connection, userIds));
                Map<String, List<AssetAccess>> access = new LinkedHashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String tasks = rows.getString(5);
                        access.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(new AssetAccess(
                                rows.getString(2), AssetType.valueOf(rows.getString(3)), rows.getString(4),
                                tasks.isEmpty() ? List.of() : List.of(tasks.split(","))));
                    }
                }
                return access;
            }
        });
    }

    @Transactional
    public void clear(UUID jobId, String workspaceId) {
        entityManager.createNativeQuery("delete from sync_staged_access where job_id = ?1 and workspace_id = ?2")
                .setParameter(1, jobId).setParameter(2, workspaceId).executeUpdate();
        entityManager.createNativeQuery("delete from sync_seen_person where job_id = ?1 and workspace_id = ?2")
                .setParameter(1, jobId).setParameter(2, workspaceId).executeUpdate();
    }

    /** Rows left behind by jobs that ended without cleaning up (their worker died). */
    @Transactional
    public int clearEnded() {
        String ended = "job_id in (select id from sync_job where status <> 'RUNNING')";
        return entityManager.createNativeQuery("delete from sync_staged_access where " + ended).executeUpdate()
                + entityManager.createNativeQuery("delete from sync_seen_person where " + ended).executeUpdate();
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T jdbc(Work<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::run);
    }

    private static Array varchars(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("varchar", values.toArray(String[]::new));
    }
}
