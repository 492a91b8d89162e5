package io.partnersync.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private final PostgresServer postgres = PostgresServer.shared();

    @Test
    void servesPostgresSeventeenWithSeparateDatabasesPerName() throws Exception {
        try (Connection first = DriverManager.getConnection(postgres.jdbcUrl("first_db"), postgres.user(), postgres.password());
             Connection second = DriverManager.getConnection(postgres.jdbcUrl("second_db"), postgres.user(), postgres.password())) {
            ResultSet version = first.createStatement().executeQuery("show server_version_num");
            version.next();
            assertTrue(version.getInt(1) >= 170000, "PostgreSQL 17 expected, got " + version.getInt(1));

            first.createStatement().execute("create table only_in_first(id int)");
            ResultSet tables = second.createStatement()
                    .executeQuery("select count(*) from information_schema.tables where table_name = 'only_in_first'");
            tables.next();
            assertEquals(0, tables.getInt(1));
        }
    }
}
