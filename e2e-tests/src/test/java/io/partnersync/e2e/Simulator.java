package io.partnersync.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;

import java.util.Map;

import io.partnersync.simulator.data.Token;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The graph simulator's control API: changes what "Meta" answers, the way the journey needs. */
final class Simulator {

    private final String url;

    Simulator(String url) {
        this.url = url;
    }

    void removeBusinessUser(String businessId, String userId) {
        control().delete("/_sim/businesses/{business}/business_users/{user}", businessId, userId).then().statusCode(lessThan(300));
    }

    void changeRole(String businessId, String userId, String role) {
        control().body(Map.of("role", role))
                .patch("/_sim/businesses/{business}/business_users/{user}", businessId, userId).then().statusCode(lessThan(300));
    }

    void unshare(String assetId, String businessId) {
        control().delete("/_sim/assets/{asset}/shares/{business}", assetId, businessId).then().statusCode(lessThan(300));
    }

    /** A user token (not a system user's) of another app, with ads_management only: wrong in three ways. */
    void addTokenWrongInThreeWays(String token, String appId, String businessId, String userId) {
        control().body(Map.of("value", token, "type", "USER", "appId", appId, "businessId", businessId,
                "userId", userId, "scopes", java.util.List.of("ads_management"), "expiresAt", 0, "issuedAt", 1764576000,
                "valid", true)).post("/_sim/tokens").then().statusCode(lessThan(300));
    }

    void revoke(String token) {
        control().post("/_sim/tokens/{token}/revoke", token).then().statusCode(lessThan(300));
    }

    /** Back to the data set it started with, no faults. */
    void reset() {
        control().post("/_sim/reset").then().statusCode(lessThan(300));
    }

    void slowDown(int latencyMs) {
        control().body(Map.of("latencyMs", latencyMs)).post("/_sim/faults").then().statusCode(lessThan(300));
    }

    void clearFaults() {
        control().delete("/_sim/faults").then().statusCode(lessThan(300));
    }

    /** The per-business call budget: {@code calls} per {@code windowSeconds}. */
    void setBudget(Map<String, Integer> budget) {
        control().body(budget).post("/_sim/budget").then().statusCode(lessThan(300));
    }

    void resetRequestCounts() {
        control().delete("/_sim/requests").then().statusCode(lessThan(300));
    }

    /** Graph calls made with this token since the counts were reset (each batch item is one call). */
    long callsWith(String token) {
        Number calls = control().get("/_sim/requests").then().statusCode(200).extract()
                .path("byToken.'" + Token.fingerprint(token) + "'");
        return calls == null ? 0 : calls.longValue();
    }

    private RequestSpecification control() {
        return given().baseUri(url).contentType(ContentType.JSON);
    }
}
