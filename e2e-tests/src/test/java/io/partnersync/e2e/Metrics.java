package io.partnersync.e2e;

import java.util.Arrays;

import io.partnersync.localsystem.LocalSystem;
import io.restassured.RestAssured;

/** One scrape of a service's Prometheus metrics at {@code /q/metrics}. */
final class Metrics {

    private final String text;

    private Metrics(String text) {
        this.text = text;
    }

    static Metrics of(LocalSystem system, String service) {
        return new Metrics(RestAssured.given().baseUri(system.url(service)).get("/q/metrics")
                .then().statusCode(200).extract().asString());
    }

    /** The sum of every sample of {@code name} whose labels include all of {@code labels}. */
    double sum(String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    String text() {
        return text;
    }
}
