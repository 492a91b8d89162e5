package io.partnersync.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What every partnersync service offers a platform team: readiness that covers its database
 * and Kafka, Prometheus metrics including the outbox lag, and its OpenAPI document. A
 * service's test extends it with {@code @QuarkusTest @WithTestResource(RealInfrastructure.class)}.
 */
public abstract class ServiceBasicsContract {

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @Test
    void isReadyWhenItsDatabaseAndKafkaAre() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void exposesPrometheusMetricsWithTheOutboxLag() {
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("partnersync_outbox_pending"))
                .body(containsString("partnersync_outbox_oldest_pending_age_seconds"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("info.title", equalTo(serviceName));
    }
}
