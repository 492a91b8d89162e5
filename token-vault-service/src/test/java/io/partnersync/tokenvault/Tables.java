package io.partnersync.tokenvault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Searches the service's own tables for a string, column by column. */
final class Tables {

    record Column(String table, String name, String type) {
    }

    private Tables() {
    }

    /** Every column of every table of the service's schema. */
    static List<Column> columns(Connection connection) throws SQLException {
        List<Column> all = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema() order by table_name, ordinal_position""")) {
            while (rs.next()) {
                all.add(new Column(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return all;
    }

    /** Rows whose column holds {@code text}: as text, or as its UTF-8 bytes in a bytea column. */
    static long rowsHolding(Connection connection, Column column, String text) throws SQLException {
        String condition = "bytea".equals(column.type())
                ? "position(convert_to(?, 'UTF8') in \"" + column.name() + "\") > 0"
                : "strpos(\"" + column.name() + "\"::text, ?) > 0";
        try (PreparedStatement query = connection.prepareStatement(
                "select count(*) from \"" + column.table() + "\" where " + condition)) {
            query.setString(1, text);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
