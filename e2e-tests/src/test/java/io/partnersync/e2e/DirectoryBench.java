package io.partnersync.e2e;

import static io.partnersync.e2e.BenchReport.ratio;
import static io.partnersync.e2e.BenchReport.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.AssetType;
import io.partnersync.events.GuestUserKind;
import io.partnersync.events.GuestUsersImported;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.localsystem.LocalSystem;
import io.partnersync.userdirectory.PlainJdbcInsert;

/** The directory's import through Kafka and its list API under load, each next to the database doing the same directly. */
final class DirectoryBench {

    private static final String SERVICE = "user-directory-service";
    private static final int CHUNK = GuestUsersImported.MAX_USERS_PER_CHUNK;
    private static final String LIST_QUERY = "kind=BUSINESS_USER&role=ADMIN&limit=50";
    /** What the API runs for {@link #LIST_QUERY} (GuestUserSql.page with the default sort by name). */
    private static final String LIST_SQL = """
            select g.id, g.integration_id, g.partner_id, g.partner_business_id, g.meta_user_id, g.kind, g.name, g.email, g.role,
                g.two_factor_status, g.title, g.invited_at, g.invite_expires_at, g.status, g.removed_at, g.removal_reason,
                g.first_seen_at, g.last_seen_at, g.last_seen_job_id, g.risk_flags, g.assets::text as assets,
                lower(coalesce(g.name, '')) as sort_value
            from guest_user g
            where g.workspace_id = ? and g.integration_id = ? and g.kind = any(?::text[]) and g.role = any(?::text[])
            order by lower(coalesce(g.name, '')), g.id limit ?""";

    private final LocalSystem system;
    private final BenchReport report;

    DirectoryBench(LocalSystem system, BenchReport report) {
        this.system = system;
        this.report = report;
    }

    /** The filtered list call at a fixed rate, next to its SQL run directly. */
    void underLoad(String workspace, String integration, long people) throws Exception {
        int perSecond = 50;
        Duration duration = Duration.ofSeconds(20);
        report.heading(String.format("Directory API under load: GET guest-users?%s, %d requests/s for %d s, %,d people",
                LIST_QUERY, perSecond, duration.toSeconds(), people));
        String url = system.url(SERVICE) + "/api/directory/integrations/" + integration + "/guest-users?" + LIST_QUERY;
        var request = FixedRateLoad.get(url, system.viewerToken(workspace));
        FixedRateLoad.run(request, 20, Duration.ofSeconds(5)); // warm up the JIT and the pools
        FixedRateLoad.Outcome api = FixedRateLoad.run(request, perSecond, duration);

        // The same statement at the same rate, each timed from when it was due, as the API calls are: a
        // process that idles between requests wakes up slower than one run back to back.
        List<Long> direct = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(LIST_SQL)) {
            query.setString(1, workspace);
            query.setObject(2, UUID.fromString(integration));
            query.setArray(3, connection.createArrayOf("text", new String[] {"BUSINESS_USER"}));
            query.setArray(4, connection.createArrayOf("text", new String[] {"ADMIN"}));
            query.setInt(5, 51);
            long interval = 1_000_000_000L / perSecond;
            int warmUp = 100;
            long start = System.nanoTime();
            for (int i = 0; i < api.requests() + warmUp; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int rows = 0;
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        result.getString("assets");
                        rows++;
                    }
                }
                if (i >= warmUp) {
                    direct.add(System.nanoTime() - due);
                }
                assertThat(rows).isEqualTo(51);
            }
        }
        FixedRateLoad.Outcome sql = FixedRateLoad.outcome(direct, 0);

        Map<String, Object> json = report.section("directoryApi");
        json.put("requestsPerSecond", perSecond);
        json.put("api", Map.of("requests", api.requests(), "errors", api.errors(), "p50Millis", api.p50Millis(),
                "p99Millis", api.p99Millis(), "maxMillis", api.maxMillis()));
        json.put("directQuery", Map.of("executions", sql.requests(), "p50Millis", sql.p50Millis(), "p99Millis",
                sql.p99Millis(), "maxMillis", sql.maxMillis()));
        json.put("p99ApiToDirect", ratio(api.p99Millis(), sql.p99Millis()));
        report.row("API: p50 / p99 / max, errors", "%7.1f / %7.1f / %7.1f ms, %d of %d", api.p50Millis(),
                api.p99Millis(), api.maxMillis(), api.errors(), api.requests());
        report.row("the same SQL over JDBC at the same rate: p50 / p99 / max", "%7.1f / %7.1f / %7.1f ms", sql.p50Millis(),
                sql.p99Millis(), sql.maxMillis());
        report.row("p99 API / p99 direct query", "%7.1f", ratio(api.p99Millis(), sql.p99Millis()));
    }

    /** People per second through Kafka into the directory, next to plain JDBC batch inserts of the same rows. */
    void importThroughKafka(int people) throws Exception {
        report.heading(String.format("Directory import: %,d people in chunks of %d", people, CHUNK));
        String workspace = "ws-bench-import";
        UUID job = UUID.randomUUID();
        List<ImportedGuestUser> everyone = people(people, new Random(42));
        List<GuestUsersImported> chunks = chunks(workspace, job, everyone);
        KafkaTopics topics = new KafkaTopics(system.kafkaBootstrapServers());

        // The baseline first, into the very table the import writes (same indexes, same rows
        // already there), then its rows go and the table is vacuumed, so both insert into the same state.
        List<GuestUsersImported> baseline = chunks("ws-bench-jdbc", UUID.randomUUID(), everyone);
        long intoTable = jdbcInsert("guest_user", baseline);
        execute("delete from guest_user where workspace_id = 'ws-bench-jdbc'", "vacuum analyze guest_user");
        long bare = jdbcInsertIntoBareCopy(baseline);

        long start = System.nanoTime();
        topics.publish(chunks);
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> topics.read("guest-users-applied").stream()
                        .anyMatch(record -> new String(record.value()).contains(job.toString())));
        long kafkaNanos = System.nanoTime() - start;
        assertThat(count("select count(*) from guest_user where workspace_id = '" + workspace + "'")).isEqualTo(people);

        double throughKafka = people / seconds(kafkaNanos);
        double plainIndexed = people / seconds(intoTable);
        Map<String, Object> json = report.section("directoryImport");
        json.put("people", people);
        json.put("throughKafkaPeoplePerSecond", Math.round(throughKafka));
        json.put("plainJdbcIntoGuestUserPeoplePerSecond", Math.round(plainIndexed));
        json.put("plainJdbcWithoutIndexesPeoplePerSecond", Math.round(people / seconds(bare)));
        json.put("kafkaToPlainJdbc", ratio(throughKafka, plainIndexed));
        report.row("through Kafka into the directory (all added, history written)", "%8.1f s %,9.0f people/s",
                seconds(kafkaNanos), throughKafka);
        report.row("plain JDBC batches of 500 into guest_user (all its indexes)", "%8.1f s %,9.0f people/s",
                seconds(intoTable), plainIndexed);
        report.row("plain JDBC batches of 500 into an empty copy without indexes", "%8.1f s %,9.0f people/s", seconds(bare),
                people / seconds(bare));
        report.row("through Kafka / plain JDBC into guest_user", "%8.2f", ratio(throughKafka, plainIndexed));
    }

    /** The chunks of one sync job of one partner carrying these people, as sync-service publishes them. */
    private static List<GuestUsersImported> chunks(String workspace, UUID job, List<ImportedGuestUser> everyone) {
        UUID integration = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        List<GuestUsersImported> chunks = new ArrayList<>();
        for (int index = 0; index * CHUNK < everyone.size(); index++) {
            List<ImportedGuestUser> users = everyone.subList(index * CHUNK, Math.min(everyone.size(), (index + 1) * CHUNK));
            chunks.add(new GuestUsersImported(UUID.randomUUID(), Instant.now(), workspace, integration, partner,
                    "1999000000000001", UUID.randomUUID(), job, index, (index + 1) * CHUNK >= everyone.size(), users));
        }
        return chunks;
    }

    /** The same rows as plain batched inserts into an empty copy of the table without indexes: the database's floor. */
    private long jdbcInsertIntoBareCopy(List<GuestUsersImported> chunks) throws SQLException {
        execute("drop table if exists bench_guest_user", "create table bench_guest_user (like guest_user including defaults)");
        long nanos = jdbcInsert("bench_guest_user", chunks);
        execute("drop table bench_guest_user");
        return nanos;
    }

    /** Nanoseconds to insert the chunks' people into {@code table} with plain JDBC, one batch and commit per chunk. */
    private long jdbcInsert(String table, List<GuestUsersImported> chunks) throws SQLException {
        try (Connection connection = connect()) {
            return PlainJdbcInsert.nanos(connection, table, chunks);
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** People like a partner agency's: 85% business users, 5% system users, 10% invites, one to three assets each. */
    static List<ImportedGuestUser> people(int count, Random random) {
        String[] first = {"Ada", "Ben", "Cleo", "Dan", "Eve", "Finn", "Gia", "Hugo", "Ines", "Jon", "Kai", "Lea", "Max"};
        String[] last = {"Smith", "Jones", "Garcia", "Muller", "Rossi", "Dubois", "Novak", "Silva", "Kim", "Tanaka"};
        String[] roles = {"EMPLOYEE", "EMPLOYEE", "EMPLOYEE", "ADMIN"};
        List<ImportedGuestUser> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = first[random.nextInt(first.length)] + " " + last[random.nextInt(last.length)];
            String email = name.toLowerCase().replace(' ', '.') + i + "@agency.example";
            List<AssetAccess> assets = new ArrayList<>();
            for (int a = 0, n = 1 + random.nextInt(3); a < n; a++) {
                int asset = random.nextInt(200);
                assets.add(new AssetAccess("act_" + (1000 + asset), AssetType.AD_ACCOUNT, "Ad account " + asset,
                        random.nextBoolean() ? List.of("ADVERTISE", "ANALYZE") : List.of("ANALYZE")));
            }
            String role = roles[random.nextInt(roles.length)];
            int kind = i % 20;
            people.add(kind < 17
                    ? new ImportedGuestUser(String.valueOf(10_000_000_000L + i), GuestUserKind.BUSINESS_USER, name, email, role,
                            random.nextBoolean() ? "enabled" : "not_enabled", "Media buyer", null, null, dedupe(assets))
                    : kind == 17
                            ? new ImportedGuestUser(String.valueOf(60_000_000_000L + i), GuestUserKind.SYSTEM_USER,
                                    "System user " + i, null, role, null, null, null, null, dedupe(assets))
                            : new ImportedGuestUser(String.valueOf(20_000_000_000L + i), GuestUserKind.PENDING_INVITE, null,
                                    email, role, null, null, Instant.parse("2026-11-01T10:00:00Z"),
                                    Instant.parse("2026-12-31T10:00:00Z"), List.of()));
        }
        return people;
    }

    private static List<AssetAccess> dedupe(List<AssetAccess> assets) {
        return List.copyOf(assets.stream().collect(java.util.stream.Collectors.toMap(AssetAccess::assetId, a -> a,
                (a, b) -> a, java.util.LinkedHashMap::new)).values());
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return system.connect(SERVICE);
    }
}
