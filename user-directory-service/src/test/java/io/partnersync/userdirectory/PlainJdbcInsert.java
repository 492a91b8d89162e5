package io.partnersync.userdirectory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnersync.events.GuestUsersImported;
import io.partnersync.events.ImportedGuestUser;

/**
 * The import benchmarks' baseline: people written as rows of a {@code guest_user}-shaped table
 * with plain JDBC batches, and nothing else. {@link ImportBenchmark} and the system benchmark in
 * e2e-tests (through this module's test jar) compare the service's import with it.
 */
public final class PlainJdbcInsert {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlainJdbcInsert() {
    }

    /** Nanoseconds to insert the people of {@code chunks} into {@code table}, one batch and one commit per chunk. */
    public static long nanos(Connection connection, String table, List<GuestUsersImported> chunks) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        connection.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement("insert into " + table + """
                 (id, workspace_id, integration_id, partner_id, partner_business_id,
                    meta_user_id, kind, name, email, role, two_factor_status, title, invited_at, invite_expires_at,
                    assets, risk_flags, status, first_seen_at, last_seen_at, last_seen_job_id, last_seen_seq)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'ACTIVE', ?, ?, ?, 1)""")) {
            for (GuestUsersImported chunk : chunks) {
                for (ImportedGuestUser person : chunk.users()) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, chunk.workspaceId());
                    insert.setObject(3, chunk.integrationId());
                    insert.setObject(4, chunk.partnerId());
                    insert.setString(5, chunk.partnerBusinessId());
                    insert.setString(6, person.metaUserId());
                    insert.setString(7, person.kind().name());
                    insert.setString(8, person.name());
                    insert.setString(9, person.email());
                    insert.setString(10, person.role());
                    insert.setString(11, person.twoFactorStatus());
                    insert.setString(12, person.title());
                    insert.setTimestamp(13, person.invitedAt() == null ? null : Timestamp.from(person.invitedAt()));
                    insert.setTimestamp(14, person.inviteExpiresAt() == null ? null : Timestamp.from(person.inviteExpiresAt()));
                    insert.setString(15, json(person));
                    insert.setArray(16, connection.createArrayOf("text", new String[0]));
                    insert.setTimestamp(17, now);
                    insert.setTimestamp(18, now);
                    insert.setObject(19, chunk.jobId());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
            return System.nanoTime() - start;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static String json(ImportedGuestUser person) {
        try {
            return JSON.writeValueAsString(person.assets());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
