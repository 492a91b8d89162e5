package io.partnersync.testkit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL 17 server per test JVM, whatever the class loader ({@link OnePerJvm}).
 * Each caller asks for a database by name, so tests that need a clean schema (or several
 * services in one JVM) do not share tables.
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static PostgresServer shared;

    private final UnaryOperator<String> jdbcUrl;
    private final String user;
    private final String password;

    private PostgresServer(UnaryOperator<String> jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = OnePerJvm.heldElsewhere(PostgresServer.class)
                    .map(held -> new PostgresServer(database -> (String) OnePerJvm.call(held, "jdbcUrl", database),
                            (String) OnePerJvm.call(held, "user"), (String) OnePerJvm.call(held, "password")))
                    .orElseGet(() -> Infrastructure.selected() == Infrastructure.CONTAINERS ? startContainer() : startEmbedded());
        }
        return shared;
    }

    /** JDBC URL of the named database, created empty on first request. */
    public String jdbcUrl(String database) {
        return jdbcUrl.apply(database);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private static PostgresServer startEmbedded() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded), "postgres-shutdown"));
            Databases databases = new Databases("127.0.0.1", embedded.getPort(), USER, PASSWORD);
            return new PostgresServer(databases::jdbcUrl, USER, PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static PostgresServer startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-shutdown"));
        Databases databases = new Databases(container.getHost(), container.getMappedPort(5432),
                container.getUsername(), container.getPassword());
        return new PostgresServer(databases::jdbcUrl, container.getUsername(), container.getPassword());
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        } catch (IOException e) {
            // The JVM is going away; nothing to recover.
        }
    }

    /** The databases created on the server so far. */
    private static final class Databases {

        private final String host;
        private final int port;
        private final String user;
        private final String password;
        private final Set<String> created = new HashSet<>();

        Databases(String host, int port, String user, String password) {
            this.host = host;
            this.port = port;
            this.user = user;
            this.password = password;
        }

        synchronized String jdbcUrl(String database) {
            if (created.add(database)) {
                create(database);
            }
            return url(database);
        }

        private String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        private void create(String database) {
            if (!database.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a plain database name: " + database);
            }
            try (Connection connection = DriverManager.getConnection(url("postgres"), user, password);
                 Statement statement = connection.createStatement()) {
                var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
                if (!exists.next()) {
                    statement.execute("create database " + database);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create database " + database, e);
            }
        }
    }
}
