package io.partnersync.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records every log line the test JVM emits (application, framework and libraries) so a
 * test can prove a secret never reached the logs. It sees what the logger levels let
 * through: a leak test should lower them (e.g. {@code quarkus.log.category."io.partnersync".level=DEBUG}).
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");

    private LogCapture() {
        setLevel(Level.ALL);
        root.addHandler(this);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder()
                .append(record.getLevel()).append(' ')
                .append(record.getLoggerName()).append(' ')
                .append(render(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Lines that contain {@code text}; empty when it was never logged. */
    public List<String> linesContaining(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    public void assertNeverLogged(String secret) {
        List<String> leaks = linesContaining(secret);
        if (!leaks.isEmpty()) {
            throw new AssertionError("A secret appeared in " + leaks.size() + " log line(s), first: "
                    + leaks.get(0).replace(secret, "<secret>"));
        }
    }

    private static String render(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        if (message == null || parameters == null || parameters.length == 0) {
            return String.valueOf(message);
        }
        // JBoss logging uses both {0} and %s styles; render both so nothing hides in a parameter.
        String rendered = message.contains("{0") ? MessageFormat.format(message, parameters) : formatPrintf(message, parameters);
        StringBuilder all = new StringBuilder(rendered);
        for (Object parameter : parameters) {
            all.append(" | ").append(parameter);
        }
        return all.toString();
    }

    private static String formatPrintf(String message, Object[] parameters) {
        try {
            return String.format(message, parameters);
        } catch (RuntimeException e) {
            return message;
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
