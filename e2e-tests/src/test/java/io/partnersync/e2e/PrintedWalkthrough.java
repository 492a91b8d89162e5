package io.partnersync.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the curl walkthrough the launcher prints, step by step, with bash, exactly as a person
 * pastes it; the shell variables a step sets (INTEGRATION, PARTNER, TASK) carry to the next.
 */
final class PrintedWalkthrough {

    private static final Pattern STEP = Pattern.compile("^\\s*# (\\d+)\\. ", Pattern.MULTILINE);
    private static final List<String> VARIABLES = List.of("INTEGRATION", "PARTNER", "TASK");
    private static final String STATE_LINE = "__walkthrough_state ";

    private final List<String> steps = new ArrayList<>();
    private final Map<String, String> variables = new HashMap<>();
    private final String bearer;

    PrintedWalkthrough(String journey, String bearer) {
        this.bearer = bearer;
        Matcher step = STEP.matcher(journey);
        List<Integer> starts = new ArrayList<>();
        while (step.find()) {
            starts.add(step.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            steps.add(journey.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : journey.length()));
        }
    }

    int stepCount() {
        return steps.size();
    }

    String variable(String name) {
        return variables.get(name);
    }

    /** Runs step {@code number} (from 1) and answers what it printed. */
    String run(int number) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("set -eu\n").append(steps.get(number - 1)).append("\necho\n");
        for (String name : VARIABLES) {
            script.append("echo \"").append(STATE_LINE).append(name).append("=${").append(name).append(":-}\"\n");
        }
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true);
        bash.environment().put("TOKEN", bearer);
        bash.environment().putAll(variables);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("walkthrough step " + number + " failed:\n" + steps.get(number - 1) + "\n" + output);
        }
        StringBuilder printed = new StringBuilder();
        for (String line : output.split("\n")) {
            if (line.startsWith(STATE_LINE)) {
                String[] assignment = line.substring(STATE_LINE.length()).split("=", 2);
                if (!assignment[1].isEmpty()) {
                    variables.put(assignment[0], assignment[1]);
                }
            } else {
                printed.append(line).append('\n');
            }
        }
        return printed.toString();
    }
}
