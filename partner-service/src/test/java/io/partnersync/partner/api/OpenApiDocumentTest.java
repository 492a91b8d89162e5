package io.partnersync.partner.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnersync.partner.support.TokenVaultStubResource;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document at /q/openapi describes every endpoint, its errors and examples. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(TokenVaultStubResource.class)
class OpenApiDocumentTest {

    private static final String BASE = "/api/integrations";
    private static final String PARTNER = BASE + "/{integrationId}/partners/{partnerId}";

    /** Every operation and the answers it must document besides 401 and 403. */
    private static final Map<String, Set<String>> OPERATIONS = Map.of(
            "post " + BASE, Set.of("201", "400", "409", "422", "502", "503"),
            "get " + BASE, Set.of("200"),
            "get " + BASE + "/{integrationId}", Set.of("200", "404"),
            "get " + BASE + "/{integrationId}/partners", Set.of("200", "400", "404"),
            "get " + PARTNER, Set.of("200", "404"),
            "get " + PARTNER + "/history", Set.of("200", "404"),
            "post " + PARTNER + "/connection", Set.of("200", "400", "404", "409", "422", "502", "503"),
            "delete " + PARTNER + "/connection", Set.of("200", "404", "409"));

    private JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
    }

    @Test
    void describesExactlyTheIntegrationEndpoints() {
        List<String> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().fieldNames().forEachRemaining(method -> operations.add(method + " " + path.getKey()));
            }
        });
        assertThat(operations).containsExactlyInAnyOrderElementsOf(OPERATIONS.keySet());
    }

    @Test
    void everyOperationDocumentsItsAnswersWithExamples() {
        OPERATIONS.forEach((operation, answers) -> {
            JsonNode op = operation(operation);
            assertThat(op.path("summary").asText()).as(operation).isNotBlank();
            JsonNode responses = op.get("responses");
            Set<String> documented = new java.util.HashSet<>();
            responses.fieldNames().forEachRemaining(documented::add);
            assertThat(documented).as(operation).containsAll(answers).contains("401", "403");
            for (String code : documented) {
                JsonNode content = responses.get(code).path("content");
                assertThat(content.isEmpty()).as(operation + " " + code + " has content").isFalse();
                content.forEach(media -> assertThat(media.path("examples").isEmpty())
                        .as(operation + " " + code + " has an example").isFalse());
                if (code.startsWith("4") || code.startsWith("5")) {
                    assertThat(content.has("application/problem+json")).as(operation + " " + code + " is problem+json").isTrue();
                }
            }
        });
    }

    @Test
    void requestBodiesHaveExamplesAndNeverShowARealLookingToken() {
        for (String operation : List.of("post " + BASE, "post " + PARTNER + "/connection")) {
            JsonNode body = operation(operation).path("requestBody").path("content").path("application/json");
            assertThat(body.path("examples").isEmpty()).as(operation).isFalse();
            assertThat(body.path("schema").isMissingNode()).as(operation).isFalse();
        }
    }

    @Test
    void everyOperationNeedsABearerToken() {
        assertThat(document.path("components").path("securitySchemes").isEmpty()).isFalse();
        OPERATIONS.keySet().forEach(operation -> assertThat(operation(operation).path("security").isEmpty())
                .as(operation).isFalse());
    }

    @Test
    void theStatusFilterAndSortingAreEnumerated() {
        JsonNode parameters = operation("get " + BASE + "/{integrationId}/partners").get("parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(parameter -> names.add(parameter.get("name").asText()));
        assertThat(names).contains("status", "sort", "order", "page", "size");
        parameters.forEach(parameter -> {
            if (parameter.get("name").asText().equals("sort")) {
                assertThat(parameter.path("schema").path("enum").toString()).contains("name", "status");
            }
        });
    }

    private JsonNode operation(String operation) {
        String[] parts = operation.split(" ", 2);
        JsonNode node = document.path("paths").path(parts[1]).path(parts[0]);
        assertThat(node.isMissingNode()).as(operation + " is documented").isFalse();
        return node;
    }
}
