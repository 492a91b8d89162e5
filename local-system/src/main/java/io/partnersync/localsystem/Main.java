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
        List<String> simulatorData = new ArrayList<>(List.of("--demo"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clean" -> clean = true;
                case "--data-dir" -> home = Path.of(args[++i]);
                case "--generate" -> simulatorData = List.of("--generate", args[++i]);
                default -> {
                    System.err.println("usage: run-local.sh [--clean] [--data-dir DIR] [--generate seed=1,partners=3,...]");
                    System.exit(2);
                }
            }
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
