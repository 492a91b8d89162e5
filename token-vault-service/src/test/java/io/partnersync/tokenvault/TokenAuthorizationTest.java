package io.partnersync.tokenvault;

import static io.partnersync.tokenvault.Calls.body;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnersync.simulator.data.DemoData;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.testkit.TestJwt;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Only partner-service stores, validates and deletes; only sync-service reads a token; both read metadata. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
class TokenAuthorizationTest {

    private String workspace;
    private String tokenRef;

    @BeforeEach
    void storeAToken() {
        workspace = Calls.workspace();
        tokenRef = Calls.storePartner(UUID.randomUUID(), workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN);
    }

    @Test
    void onlyPartnerServiceMayStoreOrValidate() {
        for (RequestSpecification caller : new RequestSpecification[] { service("sync-service"),
                service("user-directory-service"), frontendAdmin(), frontendUserPosingAsPartnerService(),
                partnerServiceSubjectSignedAsAnotherKey() }) {
            caller.contentType(ContentType.JSON).body(storeBody()).post("/internal/tokens").then().statusCode(403)
                    .body("type", equalTo("https://partnersync.io/problems/forbidden"));
        }
        service("sync-service").contentType(ContentType.JSON).body(storeBody()).post("/internal/tokens/validation")
                .then().statusCode(403);
        service("partner-service").contentType(ContentType.JSON).body(storeBody()).post("/internal/tokens/validation")
                .then().statusCode(200);
        Calls.details(tokenRef).then().body("fingerprintHistory.tokenRef", contains(tokenRef));
    }

    @Test
    void onlySyncServiceMayReadATokenItself() {
        service("partner-service").get("/internal/tokens/{ref}/secret", tokenRef).then().statusCode(403);
        service("user-directory-service").get("/internal/tokens/{ref}/secret", tokenRef).then().statusCode(403);
        frontendAdmin().get("/internal/tokens/{ref}/secret", tokenRef).then().statusCode(403);
        service("sync-service").get("/internal/tokens/{ref}/secret", tokenRef).then().statusCode(200)
                .body("token", equalTo(DemoData.BRIGHTLINE_TOKEN));
        // The refused reads left no trace; the allowed one did.
        Calls.details(tokenRef).then().body("audit.actor", contains("partner-service", "sync-service"));
    }

    @Test
    void partnerServiceAndSyncServiceMayReadMetadata() {
        service("partner-service").get("/internal/tokens/{ref}", tokenRef).then().statusCode(200);
        service("sync-service").get("/internal/tokens/{ref}", tokenRef).then().statusCode(200);
        service("user-directory-service").get("/internal/tokens/{ref}", tokenRef).then().statusCode(403);
        frontendAdmin().get("/internal/tokens/{ref}", tokenRef).then().statusCode(403);
    }

    @Test
    void onlyPartnerServiceMayDelete() {
        service("sync-service").delete("/internal/tokens/{ref}", tokenRef).then().statusCode(403);
        frontendUserPosingAsPartnerService().delete("/internal/tokens/{ref}", tokenRef).then().statusCode(403);
        Calls.details(tokenRef).then().body("status", equalTo("ACTIVE"));

        service("partner-service").delete("/internal/tokens/{ref}", tokenRef).then().statusCode(204);
        Calls.details(tokenRef).then().body("status", equalTo("DESTROYED"));
    }

    @Test
    void callsWithoutAValidJwtAreUnauthenticated() {
        List<Supplier<RequestSpecification>> callers = List.of(() -> given(),
                () -> given().auth().oauth2(TestJwt.forged(workspace)), () -> given().auth().oauth2("not-a-jwt"));
        for (Supplier<RequestSpecification> caller : callers) {
            caller.get().get("/internal/tokens/{ref}/secret", tokenRef).then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("https://partnersync.io/problems/unauthenticated"));
            caller.get().get("/internal/tokens/{ref}", tokenRef).then().statusCode(401);
            caller.get().delete("/internal/tokens/{ref}", tokenRef).then().statusCode(401);
            caller.get().contentType(ContentType.JSON).body(storeBody()).post("/internal/tokens").then().statusCode(401);
        }
        Calls.details(tokenRef).then().body("status", equalTo("ACTIVE"))
                .body("fingerprintHistory.tokenRef", contains(tokenRef));
    }

    private java.util.Map<String, Object> storeBody() {
        return body("PARTNER", UUID.randomUUID(), workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_ROTATED_TOKEN);
    }

    private static RequestSpecification service(String name) {
        return Calls.as(name);
    }

    private RequestSpecification frontendAdmin() {
        return given().auth().oauth2(TestJwt.admin(workspace));
    }

    /** A frontend JWT whose subject and group say partner-service, without the service's key id. */
    private RequestSpecification frontendUserPosingAsPartnerService() {
        return given().auth().oauth2(TestJwt.user(workspace, "partner-service", "partner-service"));
    }

    /** Signed by a trusted key, but the key id names another service than the subject. */
    private static RequestSpecification partnerServiceSubjectSignedAsAnotherKey() {
        String jwt = Jwt.issuer(TestJwt.ISSUER).subject("partner-service").expiresIn(Duration.ofMinutes(5))
                .jws().keyId("sync-service")
                .sign(privateKey());
        return given().auth().oauth2(jwt);
    }

    private static java.security.PrivateKey privateKey() {
        try {
            return java.security.KeyFactory.getInstance("RSA").generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(TestJwt.privateKeyBase64())));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
