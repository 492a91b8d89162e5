package io.partnersync.localsystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL 17 (embedded binaries) with one database per service; data survives restarts. */
final class Postgres implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        stopLeftover(dataDir);
        return new Postgres(EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "300")
                .start());
    }

    /** A launcher killed with SIGKILL leaves its PostgreSQL running on the data directory. */
    private static void stopLeftover(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle.of(pid).ifPresent(leftover -> {
            leftover.destroy();
            leftover.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    void createDatabaseIfMissing(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("select 1 from pg_database where datname = '" + database + "'").next()) {
                statement.execute("create database " + database);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
