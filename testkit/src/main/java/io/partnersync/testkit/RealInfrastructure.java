package io.partnersync.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The infrastructure every service test runs on: a real Kafka broker, a real PostgreSQL
 * database, the key that verifies test JWTs ({@link TestJwt}) and the same key pair for
 * services that sign their own internal calls. Use it as
 * {@code @WithTestResource(RealInfrastructure.class)}; init arg {@code database} names the
 * database (default {@code app}).
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = PostgresServer.shared();
        return Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database)),
                Map.entry("quarkus.datasource.username", postgres.user()),
                Map.entry("quarkus.datasource.password", postgres.password()),
                Map.entry("kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers()),
                Map.entry("mp.jwt.verify.publickey", TestJwt.publicKeyBase64()),
                Map.entry("mp.jwt.verify.issuer", TestJwt.ISSUER),
                Map.entry("smallrye.jwt.sign.key", TestJwt.privateKeyBase64()),
                Map.entry("smallrye.jwt.new-token.issuer", TestJwt.ISSUER),
                Map.entry("quarkus.devservices.enabled", "false"));
    }

    @Override
    public void stop() {
        // Broker and database live for the whole JVM, shared by every test class.
    }
}
