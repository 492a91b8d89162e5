package io.partnersync.localsystem;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole system on one machine, no Docker: a Kafka broker, PostgreSQL (one database per
 * service), the graph simulator and the four services, each in its own process. Used by
 * {@code run-local.sh} and by the end-to-end tests.
 */
public final class LocalSystem implements AutoCloseable {

    public static final String APP_SECRET = "7c4a8d09ca3762af61e59520943dc264";

    private final Options options;
    private final Keys keys;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private Postgres postgres;
    private KafkaServer kafka;
    private ManagedProcess simulator;
    private int simulatorPort;

    /**
     * @param home         data directory (databases, Kafka log, keys, logs)
     * @param repository   the repository root, where the services' built jars are
     * @param clean        start from empty databases and topics
     * @param randomPorts  pick free ports (tests) instead of the documented fixed ones
     * @param simulatorData graph simulator data option: {@code --demo} or {@code --generate ...}
     * @param extraConfig  further configuration per service name, over the launcher's own
     */
    public record Options(Path home, Path repository, boolean clean, boolean randomPorts, List<String> simulatorData,
            Map<String, Map<String, String>> extraConfig) {

        public Options(Path home, Path repository, boolean clean, boolean randomPorts, List<String> simulatorData) {
            this(home, repository, clean, randomPorts, simulatorData, Map.of());
        }
    }

    private LocalSystem(Options options, Keys keys) {
        this.options = options;
        this.keys = keys;
    }

    public static LocalSystem start(Options options) throws Exception {
        if (options.clean()) {
            deleteRecursively(options.home());
        }
        Files.createDirectories(options.home());
        LocalSystem system = new LocalSystem(options, Keys.in(options.home().resolve("keys")));
        try {
            system.startAll();
        } catch (Exception e) {
            system.close();
            throw e;
        }
        return system;
    }

    private void startAll() throws Exception {
        Path logs = logs();
        postgres = Postgres.start(options.home().resolve("postgres"), port(15432));
        started.add(postgres);
        kafka = KafkaServer.start(options.home().resolve("kafka"), port(19092), port(19093), logs);
        started.add(kafka);
        simulatorPort = port(18089);
        startSimulator(options.simulatorData());

        for (ServiceSpec spec : ServiceSpec.ALL) {
            ServiceSpec actual = options.randomPorts() ? spec.withPort(freePort()) : spec;
            specs.put(spec.name(), actual);
            postgres.createDatabaseIfMissing(actual.database());
        }
        ExecutorService starter = Executors.newFixedThreadPool(specs.size());
        try {
            List<Future<?>> readiness = new ArrayList<>();
            for (ServiceSpec spec : specs.values()) {
                ManagedProcess service = startService(spec);
                services.put(spec.name(), service);
                started.add(service);
                readiness.add(starter.submit(() -> {
                    service.awaitHttpOk(url(spec.name()) + "/q/health/ready", Duration.ofMinutes(3));
                    return null;
                }));
            }
            for (Future<?> ready : readiness) {
                ready.get();
            }
        } finally {
            starter.shutdownNow();
        }
    }

    private void startSimulator(List<String> dataOptions) throws IOException, InterruptedException {
        simulator = ManagedProcess.startJava("graph-simulator",
                List.of("-Xmx512m", "-cp", System.getProperty("java.class.path")),
                Stream.concat(Stream.of("io.partnersync.simulator.GraphSimulatorMain", "--port", String.valueOf(simulatorPort)),
                        dataOptions.stream()).toList(),
                Map.of(), logs().resolve("graph-simulator.log"));
        started.add(simulator);
        simulator.awaitHttpOk(simulatorUrl() + "/_sim/health", Duration.ofSeconds(60));
    }

    /**
     * Starts the graph simulator again, on the same port, serving other data (a benchmark's
     * generated business of another size); the services notice nothing but Meta's new answers.
     */
    public void restartSimulator(List<String> dataOptions) throws IOException, InterruptedException {
        simulator.close();
        started.remove(simulator);
        startSimulator(dataOptions);
    }

    private ManagedProcess startService(ServiceSpec spec) throws IOException {
        Path jar = options.repository().resolve(spec.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        List<String> jvm = new ArrayList<>(List.of("-Xmx384m"));
        serviceConfig(spec).forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        jvm.add("-jar");
        jvm.add(jar.toString());
        return ManagedProcess.startJava(spec.name(), jvm, List.of(), Map.of(), logs().resolve(spec.name() + ".log"));
    }

    /** Everything a service needs to find its database, Kafka, keys, Meta and its peers. */
    private Map<String, String> serviceConfig(ServiceSpec spec) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", String.valueOf(spec.port()));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(spec.database()));
        config.put("quarkus.datasource.username", Postgres.USER);
        config.put("quarkus.datasource.password", Postgres.PASSWORD);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        // The prod profile refuses the embedded token store; "local" is prod minus that.
        config.put("quarkus.profile", "local");
        if (spec.name().equals("token-vault-service")) {
            // Only services call token-vault-service, with JWTs signed by their own keys.
            config.put("mp.jwt.verify.issuer", Keys.INTERNAL_ISSUER);
            config.put("mp.jwt.verify.publickey.location", "file:" + keys.servicesJwks().toAbsolutePath());
            config.put("partnersync.token-store.kind", "embedded");
            config.put("partnersync.token-store.embedded.key-file",
                    options.home().resolve("keys/token-store.key").toAbsolutePath().toString());
        } else {
            config.put("mp.jwt.verify.issuer", Keys.FRONTEND_ISSUER);
            config.put("mp.jwt.verify.publickey.location", "file:" + keys.frontendPublicKey().toAbsolutePath());
        }
        if (Keys.CALLING_SERVICES.contains(spec.name())) {
            config.put("smallrye.jwt.sign.key.location", "file:" + keys.servicePrivateKey(spec.name()).toAbsolutePath());
            config.put("smallrye.jwt.new-token.issuer", Keys.INTERNAL_ISSUER);
            config.put("quarkus.rest-client.token-vault.url", url("token-vault-service"));
        }
        if (spec.name().equals("token-vault-service") || spec.name().equals("sync-service")) {
            config.put("partnersync.meta.base-url", simulatorUrl());
            config.put("partnersync.meta.app-secret", APP_SECRET);
        }
        config.putAll(options.extraConfig().getOrDefault(spec.name(), Map.of()));
        return config;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + specs.get(service).port();
    }

    public String simulatorUrl() {
        return "http://127.0.0.1:" + simulatorPort;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String service) {
        return postgres.jdbcUrl(specs.get(service).database());
    }

    /** A connection to the service's own database, for tests that look inside. */
    public Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(service), Postgres.USER, Postgres.PASSWORD);
    }

    public Path logs() {
        return options.home().resolve("logs");
    }

    public List<String> serviceNames() {
        return List.copyOf(specs.keySet());
    }

    public String adminToken(String workspaceId) {
        return keys.frontendToken(workspaceId, "admin@" + workspaceId, Set.of("workspace-admin"), Duration.ofHours(12));
    }

    public String viewerToken(String workspaceId) {
        return keys.frontendToken(workspaceId, "viewer@" + workspaceId, Set.of("workspace-viewer"), Duration.ofHours(12));
    }

    /** From starting the service's process to its first ready answer. */
    public Duration startupTime(String service) {
        return services.get(service).startup();
    }

    public long pid(String service) {
        return services.get(service).pid();
    }

    /** Kills a service as a crash would, for tests that prove the system recovers. */
    public void kill(String service) throws InterruptedException {
        services.get(service).kill();
    }

    /** Starts a killed or stopped service again with the same configuration. */
    public void restart(String service) throws Exception {
        ManagedProcess old = services.get(service);
        old.close();
        started.remove(old);
        ManagedProcess fresh = startService(specs.get(service));
        services.put(service, fresh);
        started.add(fresh);
        fresh.awaitHttpOk(url(service) + "/q/health/ready", Duration.ofMinutes(3));
    }

    private int port(int fixed) throws IOException {
        return options.randomPorts() ? freePort() : fixed;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops everything: the services at once (each shuts down gracefully), then the infrastructure in reverse start order. */
    @Override
    public void close() {
        List<ManagedProcess> running = List.copyOf(services.values());
        running.parallelStream().forEach(ManagedProcess::close);
        started.removeAll(running);
        List<AutoCloseable> reversed = new ArrayList<>(started);
        java.util.Collections.reverse(reversed);
        for (AutoCloseable part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + part + ": " + e);
            }
        }
        started.clear();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }
}
