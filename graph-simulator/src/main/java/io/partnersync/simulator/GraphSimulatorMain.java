package io.partnersync.simulator;

import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.DataSetGenerator;
import io.partnersync.simulator.graph.CallBudget;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs the simulator on its own: {@code java -jar graph-simulator-<version>-runner.jar --port 8089 --demo}.
 * Prints one line, {@code Graph simulator listening on http://127.0.0.1:<port>}, once it answers.
 */
public final class GraphSimulatorMain {

    private static final String USAGE = """
            usage: java -jar graph-simulator-runner.jar [options]
              --port N                 port to listen on, 0 for a free one (default 0)
              --host ADDRESS           address to listen on (default 127.0.0.1; 0.0.0.0 in a container)
              --demo                   serve the shipped demo data set (the default)
              --data FILE              serve a data set JSON file
              --generate SPEC          serve a generated data set, e.g.
                                       seed=1,partners=3,usersPerPartner=1000,assetsPerPartner=5,assignmentsPerUser=2
              --page-max-limit N       largest page size honoured (default 500)
              --budget CALLS/SECONDS   calls per business per window (default 10000/3600)
              --throttle-code CODE     80004 (default) or 17
            """;
    private static final Set<String> GENERATOR_KEYS =
            Set.of("seed", "partners", "usersPerPartner", "assetsPerPartner", "assignmentsPerUser");

    private GraphSimulatorMain() {
    }

    public static void main(String[] args) {
        GraphSimulator simulator;
        try {
            simulator = start(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    }

    /** Starts a simulator as the command line says and prints the ready line. */
    static GraphSimulator start(String... args) {
        SimulatorOptions options = SimulatorOptions.defaults();
        DataSet data = null;
        int budgetCalls = options.callBudget().calls();
        int budgetSeconds = options.callBudget().windowSeconds();
        int throttleCode = options.callBudget().throttleCode();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--demo" -> data = DataSet.demo();
                case "--port" -> options = options.withPort(number(option, value(args, ++i, option)));
                case "--host" -> options = options.withHost(value(args, ++i, option));
                case "--data" -> data = DataSet.load(Path.of(value(args, ++i, option)));
                case "--generate" -> data = generate(value(args, ++i, option));
                case "--page-max-limit" -> options = options.withPageMaxLimit(number(option, value(args, ++i, option)));
                case "--budget" -> {
                    String[] callsPerSeconds = value(args, ++i, option).split("/");
                    if (callsPerSeconds.length != 2) {
                        throw new IllegalArgumentException("--budget takes CALLS/SECONDS, e.g. 10000/3600");
                    }
                    budgetCalls = number(option, callsPerSeconds[0]);
                    budgetSeconds = number(option, callsPerSeconds[1]);
                }
                case "--throttle-code" -> throttleCode = number(option, value(args, ++i, option));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        options = options.withCallBudget(new CallBudget(budgetCalls, budgetSeconds, throttleCode));
        GraphSimulator simulator = GraphSimulator.start(options, data != null ? data : DataSet.demo());
        System.out.println("Graph simulator listening on " + simulator.baseUrl());
        return simulator;
    }

    private static DataSet generate(String spec) {
        Map<String, Long> values = new HashMap<>(Map.of("seed", 1L, "partners", 3L, "usersPerPartner", 100L,
                "assetsPerPartner", 5L, "assignmentsPerUser", 2L));
        for (String pair : spec.split(",")) {
            String[] keyValue = pair.trim().split("=", 2);
            if (keyValue.length != 2 || !GENERATOR_KEYS.contains(keyValue[0])) {
                throw new IllegalArgumentException("--generate takes " + GENERATOR_KEYS + " as key=value pairs, not '"
                        + pair + "'");
            }
            values.put(keyValue[0], (long) number("--generate " + keyValue[0], keyValue[1]));
        }
        return DataSetGenerator.generate(values.get("seed"), values.get("partners").intValue(),
                values.get("usersPerPartner").intValue(), values.get("assetsPerPartner").intValue(),
                values.get("assignmentsPerUser").intValue());
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String option, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + text + "'");
        }
    }
}
