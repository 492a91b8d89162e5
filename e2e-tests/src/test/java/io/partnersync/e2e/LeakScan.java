package io.partnersync.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.partnersync.localsystem.LocalSystem;

/**
 * Looks for tokens wherever the system writes: every process's log (but Meta's own, the
 * simulator's), every row of every table of every service database, every record of every
 * topic (key, value and headers), and every answer the journey got.
 */
final class LeakScan {

    private final List<String> tokens;
    private final List<String> places = new ArrayList<>();
    private final List<String> leaks = new ArrayList<>();

    LeakScan(List<String> tokens) {
        this.tokens = tokens;
    }

    static String logOf(LocalSystem system, String process) throws IOException {
        return Files.readString(system.logs().resolve(process + ".log"));
    }

    void logs(LocalSystem system) throws IOException {
        try (Stream<Path> files = Files.list(system.logs())) {
            for (Path file : files.filter(file -> !file.getFileName().toString().startsWith("graph-simulator")).toList()) {
                check("log " + file.getFileName(), Files.readString(file));
            }
        }
    }

    void databases(LocalSystem system) throws SQLException {
        for (String service : system.serviceNames()) {
            try (Connection connection = system.connect(service); Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery(
                        "select schemaname || '.' || tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    StringBuilder content = new StringBuilder();
                    // A row as text shows bytea columns in hex: also look for the tokens in hex.
                    try (ResultSet rows = statement.executeQuery("select t::text from " + table + " t")) {
                        while (rows.next()) {
                            content.append(rows.getString(1)).append('\n');
                        }
                    }
                    check("table " + service + "/" + table, content.toString());
                }
            }
        }
    }

    void topics(KafkaTopics topics) throws Exception {
        for (String topic : topics.names()) {
            StringBuilder content = new StringBuilder();
            for (ConsumerRecord<byte[], byte[]> record : topics.read(topic)) {
                content.append(text(record.key())).append(' ').append(text(record.value()));
                for (Header header : record.headers()) {
                    content.append(' ').append(header.key()).append('=').append(text(header.value()));
                }
                content.append('\n');
            }
            check("topic " + topic, content.toString());
        }
    }

    void answers(List<String> answers) {
        for (int i = 0; i < answers.size(); i++) {
            check("answer " + i, answers.get(i));
        }
    }

    List<String> placesScanned() {
        return List.copyOf(places);
    }

    List<String> leaks() {
        return List.copyOf(leaks);
    }

    private void check(String place, String content) {
        places.add(place);
        for (String token : tokens) {
            if (content.contains(token) || content.contains(hex(token))) {
                leaks.add("token ending " + token.substring(token.length() - 4) + " in " + place);
            }
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String hex(String token) {
        StringBuilder hex = new StringBuilder();
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
