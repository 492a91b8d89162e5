package io.partnersync.localsystem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code run-local.sh}: starts the local system, prints how to use it, and stops it all on
 * Ctrl-C.
 */
public final class Main {

    public static final String WORKSPACE = "demo-workspace";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(".local");
        boolean clean = false;
        boolean keysOnly = false;
        List<String> simulatorData = new ArrayList<>(List.of("--demo"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clean" -> clean = true;
                case "--keys-only" -> keysOnly = true;
                case "--data-dir" -> home = Path.of(args[++i]);
                case "--generate" -> simulatorData = List.of("--generate", args[++i]);
                default -> {
                    System.err.println("usage: run-local.sh [--clean] [--keys-only] [--data-dir DIR] [--generate seed=1,partners=3,...]");
                    System.exit(2);
                }
            }
        }
        if (keysOnly) {
            // docker-compose mounts these keys; its containers run as another user.
            Keys keys = Keys.in(home.resolve("keys"));
            keys.makeReadableByContainers();
            System.out.println("Keys in " + home.resolve("keys").toAbsolutePath() + ". Bearer token (workspace '"
                    + WORKSPACE + "', workspace-admin, 12 h):\n\n  export TOKEN="
                    + keys.frontendToken(WORKSPACE, "admin@" + WORKSPACE, java.util.Set.of("workspace-admin"),
                            java.time.Duration.ofHours(12)));
            return;
        }
        System.out.println("Starting partnersync (data in " + home.toAbsolutePath() + (clean ? ", starting clean" : "") + ") ...");
        LocalSystem system = LocalSystem.start(
                new LocalSystem.Options(home, Path.of("").toAbsolutePath(), clean, false, simulatorData));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping partnersync ...");
            system.close();
            stopped.countDown();
        }, "local-system-shutdown"));
        System.out.println(Walkthrough.text(system, WORKSPACE));
        stopped.await();
    }
}
