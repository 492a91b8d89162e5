package io.partnersync.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The benchmark's figures: a human table printed as they come, and the same in one JSON file. */
final class BenchReport {

    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();

    /** A JSON object under {@code path} ("a.b.c"), created on first use. */
    @SuppressWarnings("unchecked")
    Map<String, Object> section(String path) {
        Map<String, Object> node = json;
        for (String name : path.split("\\.")) {
            node = (Map<String, Object>) node.computeIfAbsent(name, key -> new LinkedHashMap<String, Object>());
        }
        return node;
    }

    void heading(String text) {
        print("");
        print("== " + text);
    }

    /** One line of the table: a label and its figures. */
    void row(String label, String figures, Object... arguments) {
        print(String.format(Locale.ROOT, "  %-58s " + figures, prepend(label, arguments)));
    }

    void note(String text) {
        print("  " + text);
    }

    private void print(String line) {
        lines.add(line);
        System.out.println(line);
    }

    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("results.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        Files.write(directory.resolve("results.txt"), lines);
        return file;
    }

    static double ratio(double value, double reference) {
        return reference == 0 ? Double.NaN : Math.round(1000.0 * value / reference) / 1000.0;
    }

    static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1000.0;
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
