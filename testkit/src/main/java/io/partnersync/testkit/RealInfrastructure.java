package io.partnersync.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The infrastructure every service test runs on: a real Kafka broker, a real PostgreSQL
 * database and the key that verifies test JWTs. Use it as
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
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers(),
                "mp.jwt.verify.publickey", TestJwt.publicKeyBase64(),
                "mp.jwt.verify.issuer", TestJwt.ISSUER,
                "quarkus.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // Broker and database live for the whole JVM, shared by every test class.
    }
}
