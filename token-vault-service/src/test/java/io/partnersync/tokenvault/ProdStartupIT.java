package io.partnersync.tokenvault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.partnersync.testkit.PostgresServer;

/**
 * The packaged application ({@code target/quarkus-app}) started as a deployment starts it: the
 * prod profile refuses the embedded store. The database is real (the testkit's PostgreSQL) and
 * the rest is the configuration a deployment must give, so nothing but the store choice stands
 * in the way of the start.
 */
class ProdStartupIT {

    private static final String REFUSAL = "partnersync.token-store.kind=embedded is for tests and local runs only";
    // Quarkus' line once the application runs: "token-vault-service 1.0.0-SNAPSHOT on JVM (...) started in 5.993s."
    private static final String STARTED = ") started in ";

    @Test
    void theProdProfileRefusesToStartWithTheEmbeddedStore(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("token-vault.quarkus-run-jar"));
        assertThat(jar).as("built by the package phase").isRegularFile();
        Path keyFile = dir.resolve("embedded-store.key");
        Path output = dir.resolve("output.log");
        PostgresServer postgres = PostgresServer.shared();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder start = new ProcessBuilder(java, "-Xmx256m",
                "-Dquarkus.profile=prod",
                "-Dpartnersync.token-store.kind=embedded",
                "-Dpartnersync.token-store.embedded.key-file=" + keyFile,
                "-Dquarkus.http.port=0",
                "-jar", jar.toString())
                .redirectErrorStream(true)
                // To a file: a pipe nobody reads would block the process once full.
                .redirectOutput(output.toFile());
        Map<String, String> env = start.environment();
        env.put("PARTNERSYNC_DB_URL", postgres.jdbcUrl("token_vault_prod_start"));
        env.put("PARTNERSYNC_DB_USER", postgres.user());
        env.put("PARTNERSYNC_DB_PASSWORD", postgres.password());
        env.put("PARTNERSYNC_META_APP_SECRET", "not-a-real-app-secret");
        // Kafka being down does not stop a start; a closed port keeps it from finding another test's broker.
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort());

        Process process = start.start();
        boolean exited;
        try {
            exited = exitsBeforeStarting(process, output);
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String log = Files.readString(output);

        assertThat(exited).as("exited without starting; its output:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("exit status; output:%n%s", log).isNotZero();
        assertThat(log).contains(REFUSAL);
        assertThat(keyFile).as("refused before a key was made").doesNotExist();
    }

    /** Waits for the process to exit: false as soon as the application says it started, or after 3 minutes. */
    private static boolean exitsBeforeStarting(Process process, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                return true;
            }
            if (Files.readString(output).contains(STARTED)) {
                return false;
            }
        }
        return false;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
