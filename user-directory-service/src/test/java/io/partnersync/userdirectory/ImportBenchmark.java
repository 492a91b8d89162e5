package io.partnersync.userdirectory;

import static io.partnersync.userdirectory.Directory.kafka;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.partnersync.events.AssetAccess;
import io.partnersync.events.AssetType;
import io.partnersync.events.GuestUserKind;
import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.GuestUsersImported;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.userdirectory.Directory.Partner;
import io.partnersync.userdirectory.domain.GuestUserFilter;
import io.partnersync.userdirectory.domain.GuestUserSort;
import io.partnersync.userdirectory.domain.GuestUserSql;
import io.partnersync.userdirectory.domain.Jdbc;
import io.partnersync.userdirectory.domain.PersonStatus;
import io.partnersync.userdirectory.domain.RiskFlag;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The acceptance benchmark, not a test: {@code ./mvnw -B -pl user-directory-service test -Pbench}.
 * <p>
 * Imports 100,000 people (10 partners of one integration, 10,000 each) in 500-person chunks
 * through Kafka as sync-service sends them, and prints people per second; then re-syncs them
 * all (1% changed, 1% gone) to measure the steady state. In the same run it inserts the same
 * rows with plain JDBC batches into copies of the table in the same PostgreSQL, for the
 * database's own rate. Last it prints EXPLAIN (ANALYZE, BUFFERS) of the list, search, filter,
 * count and export statements at 100,000 people. Everything also goes to
 * {@code target/benchmark/report.md}. Nothing here is asserted about time.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ImportBenchmark {

    private static final int PARTNERS = 10;
    private static final int PEOPLE_PER_PARTNER = 10_000;
    private static final int CHUNK = GuestUsersImported.MAX_USERS_PER_CHUNK;
    private static final String[] FIRST = {"Ada", "Ben", "Cleo", "Dan", "Eve", "Finn", "Gia", "Hugo", "Ines", "Jon", "Kai",
        "Lea", "Max", "Nia", "Otto", "Pia", "Quin", "Rosa", "Sam", "Tara", "Uri", "Vera", "Wes", "Xena", "Yara", "Zeno"};
    private static final String[] LAST = {"Smith", "Jones", "Garcia", "Muller", "Rossi", "Dubois", "Novak", "Silva", "Kim",
        "Tanaka", "Olsen", "Nagy", "Kowalski", "Haddad", "Okafor", "Singh", "Murphy", "Costa", "Berg", "Weber"};

    @Inject
    Jdbc jdbc;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private final StringBuilder report = new StringBuilder();

    @Test
    void importHundredThousandPeopleThroughKafka() throws Exception {
        Random random = new Random(42);
        Partner first = Partner.fresh();
        List<Partner> partners = new ArrayList<>(List.of(first));
        while (partners.size() < PARTNERS) {
            partners.add(first.sibling());
        }
        Map<Partner, List<ImportedGuestUser>> people = new LinkedHashMap<>();
        partners.forEach(partner -> people.put(partner, generate(random, partners.indexOf(partner))));
        int total = PARTNERS * PEOPLE_PER_PARTNER;

        line("# user-directory-service import benchmark");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", PostgreSQL " + jdbc.query("show server_version", rs -> rs.getString(1)).get(0) + " (embedded, fsync off), "
                + "Kafka in-process; " + PARTNERS + " partners x " + PEOPLE_PER_PARTNER + " people, chunks of " + CHUNK + ".");
        line("");

        Imported initial = importAll(people);
        assertThat(initial.applied()).allSatisfy(applied -> assertThat(applied.added()).isEqualTo(PEOPLE_PER_PARTNER));
        line("| run | people | seconds | people/s |");
        line("|---|---|---|---|");
        line(String.format(Locale.ROOT, "| first import through Kafka (all added, one ADDED history entry each) | %d | %.1f | %.0f |",
                total, initial.seconds(), total / initial.seconds()));

        // Re-sync: 1% change role, 1% are gone (within the safeguard's share), the rest unchanged.
        Map<Partner, List<ImportedGuestUser>> again = new LinkedHashMap<>();
        people.forEach((partner, list) -> {
            List<ImportedGuestUser> next = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                ImportedGuestUser person = list.get(i);
                if (i % 100 == 1) {
                    continue;
                }
                next.add(i % 100 == 2 ? withRole(person, "ADMIN") : person);
            }
            again.put(partner, next);
        });
        int resynced = again.values().stream().mapToInt(List::size).sum();
        Imported resync = importAll(again);
        assertThat(resync.applied()).allSatisfy(applied -> assertThat(applied.removed()).isEqualTo(PEOPLE_PER_PARTNER / 100));
        line(String.format(Locale.ROOT, "| re-sync through Kafka (1%% updated, 1%% removed, 98%% unchanged) | %d | %.1f | %.0f |",
                resynced, resync.seconds(), resynced / resync.seconds()));

        List<ImportedGuestUser> all = people.values().stream().flatMap(List::stream).toList();
        double indexed = jdbcBaseline(first, all, true);
        line(String.format(Locale.ROOT, "| plain JDBC batch insert, same rows, copy of guest_user with all its indexes | %d | %.1f | %.0f |",
                total, indexed, total / indexed));
        double bare = jdbcBaseline(first, all, false);
        line(String.format(Locale.ROOT, "| plain JDBC batch insert, same rows, copy of guest_user without indexes | %d | %.1f | %.0f |",
                total, bare, total / bare));
        line("");
        line(String.format(Locale.ROOT, "First import reaches %.0f%% of the indexed JDBC insert rate.",
                100 * indexed / initial.seconds()));
        line("");

        queryPlans(first, partners);
        Path out = Path.of("target", "benchmark", "report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("Benchmark report written to " + out.toAbsolutePath());
    }

    record Imported(double seconds, List<GuestUsersApplied> applied) {
    }

    /** Produces every chunk of one job per partner and waits for every GuestUsersApplied. */
    private Imported importAll(Map<Partner, List<ImportedGuestUser>> people) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        List<UUID> jobs = new ArrayList<>();
        people.forEach((partner, list) -> {
            UUID job = UUID.randomUUID();
            jobs.add(job);
            partner.run(job, CHUNK, list).forEach(chunk -> records.add(Directory.record(chunk)));
        });
        kafka();
        long start = System.nanoTime();
        kafka().produceStrings().fromRecords(records).awaitCompletion(Duration.ofMinutes(5));
        List<GuestUsersApplied> applied = await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> jobs.stream().flatMap(job -> Directory.appliedRecords(job).stream()).map(Directory::read).toList(),
                        list -> list.size() == jobs.size());
        return new Imported((System.nanoTime() - start) / 1e9, applied);
    }

    /** Seconds to insert the rows with JDBC batches of one chunk each, one transaction per batch. */
    private double jdbcBaseline(Partner partner, List<ImportedGuestUser> people, boolean withIndexes) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement ddl = connection.createStatement()) {
            ddl.execute("drop table if exists bench_guest_user");
            ddl.execute("create table bench_guest_user (like guest_user including defaults"
                    + (withIndexes ? " including indexes including constraints)" : ")"));
            long nanos = PlainJdbcInsert.nanos(connection, "bench_guest_user", partner.run(UUID.randomUUID(), CHUNK, people));
            ddl.execute("drop table bench_guest_user");
            return nanos / 1e9;
        }
    }

    private void queryPlans(Partner partner, List<Partner> partners) {
        jdbc.update("analyze guest_user");
        String ws = partner.workspaceId();
        Instant staleBefore = Instant.now().minus(Duration.ofDays(30));
        GuestUserFilter all = GuestUserFilter.of(partner.integrationId());
        GuestUserSort byName = GuestUserSort.DEFAULT;
        line("## Query plans at 100,000 people of one integration");
        line("");
        line("`EXPLAIN (ANALYZE, BUFFERS)` of the statements the API runs (built by `GuestUserSql`), after `ANALYZE`.");
        line("");
        plan("First page, sorted by name (default list)", GuestUserSql.page(ws, all, staleBefore, byName, null, 51));
        String middle = jdbc.query("select lower(coalesce(name, '')), id from guest_user where workspace_id = ? "
                + "order by 1, 2 offset 50000 limit 1", rs -> rs.getString(1) + "|" + rs.getString(2), ws).get(0);
        plan("A page in the middle (keyset cursor), sorted by name", GuestUserSql.page(ws, all, staleBefore, byName,
                new GuestUserSort.Position(middle.split("\\|")[0], UUID.fromString(middle.split("\\|")[1])), 51));
        plan("Text search `q=smith` (name or email), sorted by name",
                GuestUserSql.page(ws, filter(all, null, null, null, null, "smith"), staleBefore, byName, null, 51));
        plan("Text search `q=ines.kim` (rare), sorted by name",
                GuestUserSql.page(ws, filter(all, null, null, null, null, "ines.kim"), staleBefore, byName, null, 51));
        plan("Partner filter, sorted by last seen, newest first",
                GuestUserSql.page(ws, new GuestUserFilter(all.integrationId(), Set.of(partners.get(3).partnerId()), Set.of(),
                        Set.of(), Set.of(), Set.of(), null, null, null), staleBefore,
                        new GuestUserSort(GuestUserSort.Key.LAST_SEEN, true), null, 51));
        plan("Kind filter `kind=SYSTEM_USER`, sorted by name",
                GuestUserSql.page(ws, filter(all, GuestUserKind.SYSTEM_USER, null, null, null, null), staleBefore, byName, null, 51));
        plan("Status filter `status=REMOVED`, sorted by email",
                GuestUserSql.page(ws, filter(all, null, PersonStatus.REMOVED, null, null, null), staleBefore,
                        new GuestUserSort(GuestUserSort.Key.EMAIL, false), null, 51));
        plan("Risk flag `riskFlag=ADMIN_WITHOUT_2FA`, sorted by name",
                GuestUserSql.page(ws, filter(all, null, null, RiskFlag.ADMIN_WITHOUT_2FA, null, null), staleBefore, byName, null, 51));
        plan("Risk flag `riskFlag=STALE_PENDING_INVITE` (derived from invited_at), sorted by name",
                GuestUserSql.page(ws, filter(all, null, null, RiskFlag.STALE_PENDING_INVITE, null, null), staleBefore, byName,
                        null, 51));
        plan("Asset filter `asset=act_7`, sorted by name",
                GuestUserSql.page(ws, filter(all, null, null, null, "act_7", null), staleBefore, byName, null, 51));
        plan("Tab counts: kind facet (all people of the integration)",
                GuestUserSql.facet(ws, all, staleBefore, GuestUserFilter.Facet.KIND));
        plan("Tab counts: risk-flag facet", GuestUserSql.facet(ws, all, staleBefore, GuestUserFilter.Facet.RISK_FLAG));
        plan("Tab counts: total under a search", GuestUserSql.count(ws, filter(all, null, null, null, null, "smith"),
                staleBefore));
        plan("CSV export of everyone, sorted by email (streamed)", GuestUserSql.all(ws, all, staleBefore,
                new GuestUserSort(GuestUserSort.Key.EMAIL, false)));
    }

    private static GuestUserFilter filter(GuestUserFilter base, GuestUserKind kind, PersonStatus status, RiskFlag flag,
            String asset, String text) {
        return new GuestUserFilter(base.integrationId(), Set.of(), kind == null ? Set.of() : Set.of(kind), Set.of(),
                status == null ? Set.of() : Set.of(status), flag == null ? Set.of() : Set.of(flag), asset, text, null);
    }

    private void plan(String title, GuestUserSql.Query query) {
        List<String> lines = jdbc.query("explain (analyze, buffers) " + query.sql(), rs -> rs.getString(1),
                query.params().toArray());
        line("### " + title);
        line("");
        line("```");
        lines.forEach(this::line);
        line("```");
        line("");
    }

    private List<ImportedGuestUser> generate(Random random, int partnerIndex) {
        List<ImportedGuestUser> people = new ArrayList<>(PEOPLE_PER_PARTNER);
        for (int i = 0; i < PEOPLE_PER_PARTNER; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String name = first + " " + last;
            String email = (first + "." + last + "." + partnerIndex + "." + i + "@agency" + partnerIndex + ".test")
                    .toLowerCase(Locale.ROOT);
            List<AssetAccess> assets = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int a = 0; a < count; a++) {
                int asset = random.nextInt(40);
                boolean page = asset >= 20;
                List<String> tasks = random.nextInt(100) < 3 ? List.of("MANAGE", "ANALYZE")
                        : page ? List.of("CREATE_CONTENT", "MODERATE") : List.of("ADVERTISE", "ANALYZE");
                assets.add(new AssetAccess(page ? "10000" + asset : "act_" + asset, page ? AssetType.PAGE : AssetType.AD_ACCOUNT,
                        (page ? "Page " : "Ad account ") + asset, tasks));
            }
            int kind = random.nextInt(100);
            String metaId = partnerIndex + "0" + i;
            if (kind < 85) {
                people.add(new ImportedGuestUser(metaId, GuestUserKind.BUSINESS_USER, name, email,
                        random.nextInt(10) == 0 ? "ADMIN" : "EMPLOYEE", random.nextInt(5) == 0 ? "not_enabled" : "enabled",
                        "Media buyer", null, null, assets));
            } else if (kind < 90) {
                people.add(new ImportedGuestUser(metaId, GuestUserKind.SYSTEM_USER, name + " bot", null,
                        random.nextInt(3) == 0 ? "ADMIN" : "EMPLOYEE", null, null, null, null, assets));
            } else {
                Instant invited = Instant.now().minus(Duration.ofHours(random.nextInt(90 * 24)));
                people.add(new ImportedGuestUser(metaId, GuestUserKind.PENDING_INVITE, null, email, "EMPLOYEE", null, null,
                        invited, invited.plus(Duration.ofDays(90)), assets));
            }
        }
        return people;
    }

    private static ImportedGuestUser withRole(ImportedGuestUser person, String role) {
        return new ImportedGuestUser(person.metaUserId(), person.kind(), person.name(), person.email(), role,
                person.twoFactorStatus(), person.title(), person.invitedAt(), person.inviteExpiresAt(), person.assets());
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}
