package io.partnersync.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CommonProblemMappersTest {

    @Test
    void failedValidationNamesEveryFieldWithoutJavaNames() {
        given().contentType(ContentType.JSON).body("{\"name\":\" \",\"businessId\":\"12ab\",\"count\":1}")
                .post("/examples").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://partnersync.io/problems/invalid-request"))
                .body("status", equalTo(400))
                .body("violations.field", hasItems("name", "businessId"))
                .body("detail", containsString("businessId"));
    }

    @Test
    void invalidQueryParameterNamesTheParameter() {
        given().queryParam("limit", 1000).get("/examples").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("limit"));
    }

    @Test
    void malformedJsonIsABadRequestWithAPosition() {
        given().contentType(ContentType.JSON).body("{\"name\": ").post("/examples").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://partnersync.io/problems/malformed-json"));
    }

    @Test
    void wrongTypeNamesTheFieldButNeverEchoesTheValue() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"count\":\"EAAsecretvalue\"}")
                .post("/examples").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("count"))
                .body(not(containsString("EAAsecretvalue")));
    }

    @Test
    void unknownFieldIsRefused() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"count\":1,\"token\":\"EAAsecretvalue\"}")
                .post("/examples").then()
                .statusCode(400)
                .body("detail", containsString("token"))
                .body(not(containsString("EAAsecretvalue")));
    }

    @Test
    void aProblemThrownByAServiceKeepsItsTypeAndMembers() {
        given().get("/examples/7d3c1e4e-0000-4000-8000-000000000001").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://partnersync.io/problems/example-not-found"))
                .body("exampleId", equalTo("7d3c1e4e-0000-4000-8000-000000000001"));
    }

    @Test
    void unknownPathAndMethodAreProblems() {
        given().get("/nowhere").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        given().delete("/examples").then().statusCode(405).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void unexpectedFailureHidesItsCause() {
        given().get("/examples/failing").then()
                .statusCode(500)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://partnersync.io/problems/internal-error"))
                .body(not(containsString("hunter2")));
    }

    @Test
    void securityRefusalsAreProblems() {
        given().get("/examples/forbidden").then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().get("/examples/unauthenticated").then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer");
    }
}
