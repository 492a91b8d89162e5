package io.partnersync.testkit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL 17 server per test JVM. Each caller asks for a database by name, so
 * tests that need a clean schema (or several services in one JVM) do not share tables.
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static PostgresServer shared;

    private final EmbeddedPostgres embedded;
    private final PostgreSQLContainer container;
    private final Set<String> databases = new HashSet<>();

    private PostgresServer(EmbeddedPostgres embedded, PostgreSQLContainer container) {
        this.embedded = embedded;
        this.container = container;
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = Infrastructure.selected() == Infrastructure.CONTAINERS ? startContainer() : startEmbedded();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-shutdown"));
        }
        return shared;
    }

    /** JDBC URL of the named database, created empty on first request. */
    public synchronized String jdbcUrl(String database) {
        if (databases.add(database)) {
            create(database);
        }
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public String user() {
        return container != null ? container.getUsername() : USER;
    }

    public String password() {
        return container != null ? container.getPassword() : PASSWORD;
    }

    private String host() {
        return container != null ? container.getHost() : "127.0.0.1";
    }

    private int port() {
        return container != null ? container.getMappedPort(5432) : embedded.getPort();
    }

    private void create(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        String adminUrl = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
        try (Connection connection = java.sql.DriverManager.getConnection(adminUrl, user(), password());
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    private static PostgresServer startEmbedded() {
        try {
            return new PostgresServer(EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start(), null);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static PostgresServer startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new PostgresServer(null, container);
    }

    private synchronized void close() {
        try {
            if (embedded != null) {
                embedded.close();
            }
            if (container != null) {
                container.stop();
            }
        } catch (IOException e) {
            // The JVM is going away; nothing to recover.
        }
    }
}
