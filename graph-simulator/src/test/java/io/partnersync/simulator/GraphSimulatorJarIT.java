package io.partnersync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.partnersync.simulator.data.DemoData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged runner jar, started as a person would: {@code java -jar ... --port 0 --demo}. */
class GraphSimulatorJarIT {

    private static final String READY = "Graph simulator listening on ";

    @Test
    void runnerJarStartsAndAnswersGraphCalls() throws Exception {
        Path jar = Path.of(System.getProperty("simulator.runner-jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run the package phase first");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--port", "0", "--demo")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = CompletableFuture.supplyAsync(() -> readLine(output)).get(30, TimeUnit.SECONDS);
            assertTrue(line.startsWith(READY), "first line: " + line);

            GraphClient graph = new GraphClient(line.substring(READY.length()).trim());
            GraphClient.Answer me = graph.get("/me", "access_token", DemoData.BRIGHTLINE_TOKEN);

            assertEquals(200, me.status());
            assertEquals(DemoData.BRIGHTLINE_INTEGRATION_SYSTEM_USER, me.json().path("id").asText());
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String readLine(BufferedReader output) {
        try {
            String line = output.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
