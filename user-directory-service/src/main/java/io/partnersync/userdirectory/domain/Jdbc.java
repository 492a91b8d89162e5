package io.partnersync.userdirectory.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plain JDBC on the current transaction's connection (Agroal hands the same connection to
 * Hibernate and to us inside one transaction), for the statements Hibernate cannot express
 * well: bulk writes fed with arrays, dynamic keyset queries, streamed exports.
 */
@ApplicationScoped
public class Jdbc {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** A text[] parameter; the SQL casts it to the array type it needs ({@code ?::uuid[]}, {@code ?::jsonb[]}...). */
    public record TextArray(String[] values) {
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static TextArray texts(Collection<String> values) {
        return new TextArray(values.toArray(String[]::new));
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = new ArrayList<>();
        stream(sql, 0, rs -> rows.add(mapper.map(rs)), params);
        return rows;
    }

    /** Hands rows over one by one; with a fetch size, from a server-side cursor (needs a transaction). */
    public void stream(String sql, int fetchSize, RowHandler handler, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params)) {
            statement.setFetchSize(fetchSize);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage(), e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object param = params[i];
            if (param instanceof TextArray array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array.values()));
            } else if (param instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, param);
            }
        }
        return statement;
    }
}
