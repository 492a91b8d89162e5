package io.partnersync.tokenvault;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.partnersync.testkit.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The internal API as partner-service and sync-service call it. */
final class Calls {

    static final String PARTNER_SERVICE = "partner-service";
    static final String SYNC_SERVICE = "sync-service";

    private Calls() {
    }

    static RequestSpecification as(String service) {
        return given().auth().oauth2(TestJwt.service(service));
    }

    static Map<String, Object> body(String ownerKind, UUID ownerId, String workspaceId, String businessId, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ownerKind", ownerKind);
        body.put("ownerId", ownerId.toString());
        body.put("workspaceId", workspaceId);
        body.put("businessId", businessId);
        body.put("token", token);
        return body;
    }

    static Response store(Map<String, Object> body) {
        return as(PARTNER_SERVICE).contentType(ContentType.JSON).body(body).post("/internal/tokens");
    }

    static Response validate(Map<String, Object> body) {
        return as(PARTNER_SERVICE).contentType(ContentType.JSON).body(body).post("/internal/tokens/validation");
    }

    static Response details(String tokenRef) {
        return as(PARTNER_SERVICE).get("/internal/tokens/{ref}", tokenRef);
    }

    static Response secret(String tokenRef) {
        return as(SYNC_SERVICE).get("/internal/tokens/{ref}/secret", tokenRef);
    }

    static Response delete(String tokenRef) {
        return as(PARTNER_SERVICE).delete("/internal/tokens/{ref}", tokenRef);
    }

    /** Stores a partner token and answers its reference. */
    static String storePartner(UUID partnerId, String workspaceId, String businessId, String token) {
        return store(body("PARTNER", partnerId, workspaceId, businessId, token)).then().statusCode(201)
                .extract().path("tokenRef");
    }

    static String workspace() {
        return "ws-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
