package io.partnersync.e2e;

import static io.partnersync.e2e.BenchReport.ratio;
import static io.partnersync.e2e.BenchReport.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.partnersync.localsystem.LocalSystem;
import io.partnersync.simulator.MinimumGraphCalls;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.DataSetGenerator;
import io.restassured.path.json.JsonPath;

/**
 * The benchmark command ({@code ./mvnw -Pbench verify -pl e2e-tests -am -DskipTests}): the
 * system as the launcher runs it, against generated simulator data, measured side by side
 * with a baseline in the same run, because these machines are shared and noisy. Prints a
 * table and writes {@code target/bench/results.json}. It asserts that what it measured is
 * right (every person listed, nobody lost), never how fast.
 */
class SystemBenchmark {

    /** Partner sizes; {@code -Dpartnersync.bench.people=1000} for a quick try of the benchmark itself. */
    private static final int[] PEOPLE = java.util.Arrays.stream(
            System.getProperty("partnersync.bench.people", "1000,10000,100000").split(","))
            .mapToInt(Integer::parseInt).toArray();
    /** The throttled sync and the import use sizes that keep the whole run under 20 minutes. */
    private static final int THROTTLED_PEOPLE = Math.min(10_000, PEOPLE[PEOPLE.length - 1]);
    private static final String PARTNER = DataSetGenerator.partnerBusinessId(1);
    private static final String CUSTOMER = DataSetGenerator.customerBusinessId();
    private static final Duration PATIENCE = Duration.ofMinutes(15);
    /** Far above anything the benchmark spends, so only the throttled run is ever throttled. */
    private static final Map<String, Integer> UNLIMITED_BUDGET = Map.of("calls", 100_000_000, "windowSeconds", 3_600);

    private final BenchReport report = new BenchReport();
    private LocalSystem system;
    private Simulator simulator;

    @Test
    void measureTheSystem() throws Exception {
        Path home = Path.of(System.getProperty("partnersync.e2e.home", "target/e2e-system")).resolveSibling("bench-system");
        Path repository = Path.of(System.getProperty("partnersync.repository", "..")).toAbsolutePath();
        // Generated data sets have their own app secret.
        Map<String, String> meta = Map.of("partnersync.meta.app-secret", DataSetGenerator.APP_SECRET);
        system = LocalSystem.start(new LocalSystem.Options(home, repository, true, true, generated(PEOPLE[0]),
                Map.of("token-vault-service", meta, "sync-service", meta)));
        try {
            simulator = new Simulator(system.simulatorUrl());
            report.section("machine").putAll(Map.of("cores", Runtime.getRuntime().availableProcessors(),
                    "java", System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                            + System.getProperty("os.version")));
            startup();
            SyncBench syncs = new SyncBench(system, simulator, report);
            for (int people : PEOPLE) {
                if (people != PEOPLE[0]) {
                    system.restartSimulator(generated(people));
                }
                simulator.setBudget(UNLIMITED_BUDGET);
                DataSet data = DataSetGenerator.generate(1, 1, people, assets(people), 2);
                syncs.measure(people, data);
                if (people == PEOPLE[PEOPLE.length - 1]) {
                    footprint();
                    SyncBench.Measured largest = syncs.of(people);
                    new DirectoryBench(system, report).underLoad(largest.workspace(), largest.integration(), largest.people());
                }
            }
            syncs.growth();
            system.restartSimulator(generated(THROTTLED_PEOPLE));
            syncs.throttled(THROTTLED_PEOPLE);
            new DirectoryBench(system, report).importThroughKafka(PEOPLE[PEOPLE.length - 1]);
            new PipelineBench(system, report).outboxRelayVersusPlainProducer(20_000, 100);
        } finally {
            system.close();
        }
        Path results = report.write(Path.of("target", "bench"));
        System.out.println("\nResults written to " + results.toAbsolutePath());
        assertThat(Files.size(results)).isPositive();
    }

    /** Assets scale with people: one shared asset per 500 people, at least two. */
    static int assets(int people) {
        return Math.max(2, people / 500);
    }

    private static List<String> generated(int people) {
        return List.of("--generate", "seed=1,partners=1,usersPerPartner=" + people + ",assetsPerPartner=" + assets(people)
                + ",assignmentsPerUser=2");
    }

    private void startup() {
        report.heading("Startup (process start to ready; all four at once on " + Runtime.getRuntime().availableProcessors()
                + " cores)");
        Map<String, Object> json = report.section("footprint.startupSeconds");
        for (String service : system.serviceNames()) {
            double seconds = seconds(system.startupTime(service).toNanos());
            json.put(service, seconds);
            report.row(service, "%6.1f s", seconds);
        }
    }

    private void footprint() throws Exception {
        report.heading(String.format("Footprint: peak resident memory of each service, up to the end of the %,d-person sync",
                PEOPLE[PEOPLE.length - 1]));
        Map<String, Object> json = report.section("footprint.peakRssMegabytes");
        for (String service : system.serviceNames()) {
            long kilobytes = peakRssKilobytes(system.pid(service));
            json.put(service, kilobytes / 1024);
            report.row(service, "%6d MB (heap limit 384 MB)", kilobytes / 1024);
        }
    }

    /** VmHWM: the high-water mark of the process's resident set since it started. */
    private static long peakRssKilobytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmHWM for process " + pid);
    }

    /** End-to-end syncs of one size, their Graph calls against the minimum and against Meta's SDK. */
    static final class SyncBench {

        private final LocalSystem system;
        private final Simulator simulator;
        private final BenchReport report;
        /**
         * What one size's syncs leave to the later measures: where they ran, the first sync's
         * time, and the Graph calls of the unthrottled Check for updates.
         */
        record Measured(String workspace, String integration, long people, double firstSyncSeconds,
                long discoveryCalls, long peopleCalls) {
        }

        private final Map<Integer, Measured> measured = new java.util.TreeMap<>();

        SyncBench(LocalSystem system, Simulator simulator, BenchReport report) {
            this.system = system;
            this.simulator = simulator;
            this.report = report;
        }

        Measured of(int size) {
            return measured.get(size);
        }

        void measure(int size, DataSet data) throws Exception {
            String workspace = "ws-bench-" + size;
            Apis api = new Apis(system, system.adminToken(workspace), new ResponseRecorder());
            long businessUsers = data.businessUsers().stream().filter(user -> user.businessId().equals(PARTNER)).count();
            long people = businessUsers + data.systemUsers().stream().filter(user -> user.businessId().equals(PARTNER)).count()
                    + data.pendingUsers().stream().filter(invite -> invite.businessId().equals(PARTNER)).count();
            report.heading(String.format("Partner of %,d people (%,d business users, %d shared assets, %,d assignments)",
                    people, businessUsers, assets(size), data.assignments().size()));

            String integration = api.createIntegration("Bench " + size, CUSTOMER, DataSetGenerator.customerToken())
                    .then().statusCode(201).extract().path("id");
            String partner = await().atMost(PATIENCE).until(() -> partnerId(api, integration), id -> id != null);

            // First sync: connecting the partner starts it; everyone is new.
            long start = System.nanoTime();
            api.connect(integration, partner, DataSetGenerator.partnerToken(1)).then().statusCode(200);
            JsonPath first = awaitSynced(api, integration, partner, "PARTNER_CONNECTED", 1, people);
            long firstNanos = System.nanoTime() - start;
            assertThat(first.getInt("jobs[0].counts.added")).isEqualTo(people);

            // Check for updates: the same people again, nothing changed.
            double readBefore = Metrics.of(system, "sync-service").sum("partnersync_sync_partner_read_duration_seconds_sum");
            start = System.nanoTime();
            String taskId = api.checkForUpdates(integration).then().statusCode(202).extract().path("id");
            JsonPath check = awaitTask(api, taskId);
            awaitListed(api, integration, partner, people);
            long checkNanos = System.nanoTime() - start;
            double ourRead = Metrics.of(system, "sync-service").sum("partnersync_sync_partner_read_duration_seconds_sum")
                    - readBefore;
            assertThat(check.getString("status")).isEqualTo("COMPLETED");
            assertThat(check.getInt("jobs[0].counts.unchanged")).isEqualTo(people);
            measured.put(size, new Measured(workspace, integration, people, seconds(firstNanos),
                    check.getLong("discovery.graph.calls"), check.getLong("jobs[0].graph.calls")));

            Map<String, Object> json = report.section("sync." + size);
            json.put("people", people);
            json.put("firstSyncSeconds", seconds(firstNanos));
            json.put("checkForUpdatesSeconds", seconds(checkNanos));
            json.put("firstSyncPeoplePerSecond", Math.round(people / seconds(firstNanos)));
            report.row("first sync: connect to every person listed (all added)", "%8.1f s  %,8.0f people/s",
                    seconds(firstNanos), people / seconds(firstNanos));
            report.row("Check for updates: call to COMPLETED and every person listed", "%8.1f s  %,8.0f people/s",
                    seconds(checkNanos), people / seconds(checkNanos));

            graphCalls(size, data, check, ourRead);
        }

        private void graphCalls(int size, DataSet data, JsonPath check, double ourReadSeconds) throws Exception {
            MinimumGraphCalls minimum = MinimumGraphCalls.ofPartner(data, CUSTOMER, PARTNER, 500);
            long ourCalls = check.getLong("jobs[0].graph.calls");
            long ourRequests = check.getLong("jobs[0].graph.requests");

            simulator.resetRequestCounts();
            SdkBaseline.Read sdk = new SdkBaseline(system.simulatorUrl(), "v25.0", DataSetGenerator.partnerToken(1),
                    DataSetGenerator.APP_SECRET, DataSetGenerator.APP_ID)
                    .readPartner(PARTNER, MinimumGraphCalls.sharedAssets(data, CUSTOMER, PARTNER));
            long sdkCalls = simulator.callsWith(DataSetGenerator.partnerToken(1));
            assertThat(sdk.businessUsers()).as("the SDK read every business user")
                    .isEqualTo(data.businessUsers().stream().filter(user -> user.businessId().equals(PARTNER)).count());

            Map<String, Object> json = report.section("graphCalls." + size);
            json.put("ours", Map.of("calls", ourCalls, "httpRequests", ourRequests, "readSeconds", round(ourReadSeconds)));
            json.put("minimum", Map.of("calls", minimum.calls(), "httpRequests", minimum.requests()));
            json.put("sdkBaseline", Map.of("calls", sdkCalls, "readSeconds", seconds(sdk.nanos()),
                    "expectedPlainClientCalls", minimum.plainClientCalls()));
            json.put("oursToMinimum", ratio(ourCalls, minimum.calls()));
            json.put("sdkToOursCalls", ratio(sdkCalls, ourCalls));
            json.put("sdkToOursReadTime", ratio(seconds(sdk.nanos()), ourReadSeconds));
            report.row("Graph calls: ours / minimum (HTTP requests ours / minimum)", "%,8d / %,d  = %.2f  (%,d / %,d)",
                    ourCalls, minimum.calls(), ratio(ourCalls, minimum.calls()), ourRequests, minimum.requests());
            report.row("Meta SDK baseline: calls, read time (ours: read time)", "%,8d calls %6.1f s  (ours %.1f s)",
                    sdkCalls, seconds(sdk.nanos()), ourReadSeconds);
        }

        /** How the end-to-end time grows with size: close to linear means time per person stays flat. */
        void growth() {
            report.heading("Growth of the end-to-end sync with size");
            Map<String, Object> json = report.section("syncGrowth");
            Measured smallest = measured.values().iterator().next();
            for (Measured run : measured.values()) {
                double sizeFactor = (double) run.people() / smallest.people();
                double timeFactor = run.firstSyncSeconds() / smallest.firstSyncSeconds();
                long perPerson = Math.round(1e6 * run.firstSyncSeconds() / run.people());
                json.put(String.valueOf(run.people()), Map.of("sizeFactor", round(sizeFactor), "firstSyncTimeFactor",
                        round(timeFactor), "microsecondsPerPerson", perPerson));
                report.row(String.format("%,d people: size x%.0f", run.people(), sizeFactor), "time x%6.1f  (%,d us per person)",
                        timeFactor, perPerson);
            }
        }

        /** A re-sync under a per-business budget small enough to throttle: how close to the budget's own pace it gets. */
        void throttled(int size) throws Exception {
            Measured unthrottled = of(size);
            String workspace = unthrottled.workspace();
            String integration = unthrottled.integration();
            Apis api = new Apis(system, system.adminToken(workspace), new ResponseRecorder());
            // A window of a minute: Graph tells the time to regain access in whole minutes.
            int callsPerWindow = 40;
            int windowSeconds = 60;
            simulator.setBudget(Map.of("calls", callsPerWindow, "windowSeconds", windowSeconds));
            report.heading(String.format("Throttled sync: %,d people, budget %d calls per %d s per business", size,
                    callsPerWindow, windowSeconds));

            long start = System.nanoTime();
            String taskId = api.checkForUpdates(integration).then().statusCode(202).extract().path("id");
            JsonPath task = awaitTask(api, taskId);
            long nanos = System.nanoTime() - start;
            simulator.setBudget(UNLIMITED_BUDGET);
            assertThat(task.getString("status")).as("a throttled sync still completes").isEqualTo("COMPLETED");

            // Budgets are per business: discovery spends the customer's, the people read the partner's. The
            // calls the data needs are those of the same sync unthrottled; the throttled one also retries
            // the calls Meta refused.
            long discoveryCalls = unthrottled.discoveryCalls();
            long peopleCalls = unthrottled.peopleCalls();
            long calls = task.getLong("discovery.graph.calls") + task.getLong("jobs[0].graph.calls");
            double byRate = (double) (discoveryCalls + peopleCalls) * windowSeconds / callsPerWindow;
            double floor = windowSeconds * (windowsToWait(discoveryCalls, callsPerWindow) + windowsToWait(peopleCalls, callsPerWindow));
            int throttledWaits = task.getInt("jobs[0].graph.throttledWaits") + task.getInt("discovery.graph.throttledWaits");
            Map<String, Object> json = report.section("throttled");
            json.putAll(Map.of("people", size, "callsNeeded", Map.of("discovery", discoveryCalls, "people", peopleCalls),
                    "callsMade", calls, "budgetCalls", callsPerWindow, "budgetWindowSeconds", windowSeconds,
                    "seconds", seconds(nanos), "callsOverRateSeconds", round(byRate), "windowFloorSeconds", round(floor),
                    "throttledWaits", throttledWaits, "status", task.getString("status")));
            json.put("timeToCallsOverRate", ratio(seconds(nanos), byRate));
            json.put("timeToWindowFloor", ratio(seconds(nanos), floor));
            report.row("time to COMPLETED / calls at the budget's rate", "%6.1f s / %.1f s = %.2f", seconds(nanos), byRate,
                    ratio(seconds(nanos), byRate));
            report.row("time to COMPLETED / whole windows the budget makes it wait", "%6.1f s / %.1f s = %.2f",
                    seconds(nanos), floor, ratio(seconds(nanos), floor));
            report.row("Graph calls needed (discovery + people), made, throttled waits", "%6d + %d, %d made, %d waits",
                    discoveryCalls, peopleCalls, calls, throttledWaits);
        }

        /** Windows a client must wait out to make {@code calls} calls when each window allows {@code budget}. */
        private static long windowsToWait(long calls, int budget) {
            return Math.max(0, (calls + budget - 1) / budget - 1);
        }

        private JsonPath awaitSynced(Apis api, String integration, String partner, String trigger, int tasks, long people) {
            String taskId = await().atMost(PATIENCE).until(() -> {
                List<String> ids = api.tasks(integration).jsonPath()
                        .getList("items.findAll { it.trigger == '" + trigger + "' }.id");
                return ids.size() >= tasks ? ids.get(0) : null;
            }, id -> id != null);
            JsonPath task = awaitTask(api, taskId);
            assertThat(task.getString("status")).isEqualTo("COMPLETED");
            awaitListed(api, integration, partner, people);
            return task;
        }

        private static JsonPath awaitTask(Apis api, String taskId) {
            Set<String> finished = Set.of("COMPLETED", "NOT_COMPLETED", "FAILED");
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> finished.contains(api.task(taskId).jsonPath().getString("status")));
            return api.task(taskId).jsonPath();
        }

        private static void awaitListed(Apis api, String integration, String partner, long people) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> api.directory()
                    .get("/api/directory/integrations/{id}/guest-users/counts?partner={partner}&status=ACTIVE",
                            integration, partner)
                    .then().extract().jsonPath().getLong("total") == people);
        }

        private static String partnerId(Apis api, String integration) {
            List<Map<String, Object>> items = api.partnersOf(integration).jsonPath().getList("items");
            return items.stream().filter(item -> PARTNER.equals(item.get("businessId")))
                    .map(item -> (String) item.get("id")).findFirst().orElse(null);
        }
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
