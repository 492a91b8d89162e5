package io.partnersync.tokenvault;

import static io.partnersync.tokenvault.Calls.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnersync.simulator.data.DemoData;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
class TokenLifecycleTest {

    @Test
    void storesAGoodPartnerTokenAndAnswersItsMetadata() {
        UUID partner = UUID.randomUUID();
        String workspace = Calls.workspace();

        String tokenRef = Calls.store(body("PARTNER", partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN))
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/internal/tokens/tok_[0-9a-f-]{36}"))
                .body("tokenRef", matchesPattern("tok_[0-9a-f-]{36}"))
                .body("ownerKind", equalTo("PARTNER"))
                .body("ownerId", equalTo(partner.toString()))
                .body("workspaceId", equalTo(workspace))
                .body("businessId", equalTo(DemoData.BRIGHTLINE_MEDIA))
                .body("businessName", equalTo("Brightline Media"))
                .body("status", equalTo("ACTIVE"))
                .body("fingerprint.last4", equalTo("b2d4"))
                .body("fingerprint.sha256Prefix", matchesPattern("[0-9a-f]{12}"))
                .body("systemUserId", equalTo(DemoData.BRIGHTLINE_INTEGRATION_SYSTEM_USER))
                .body("systemUserName", equalTo("partnersync integration"))
                .body("appId", equalTo(DemoData.APP_ID))
                .body("scopes", hasItems("ads_management", "business_management", "catalog_management",
                        "pages_manage_metadata", "pages_read_engagement", "pages_show_list"))
                .body("expiresAt", nullValue())
                .body("warnings", equalTo(List.of()))
                .body("storedAt", notNullValue())
                .body("lastValidatedAt", notNullValue())
                .extract().path("tokenRef");

        Calls.secret(tokenRef).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenRef", equalTo(tokenRef))
                .body("token", equalTo(DemoData.BRIGHTLINE_TOKEN));

        Calls.as(Calls.PARTNER_SERVICE).queryParam("workspaceId", "another-workspace")
                .get("/internal/tokens/{ref}", tokenRef).then().statusCode(404);
        Calls.as(Calls.SYNC_SERVICE).queryParam("workspaceId", "another-workspace")
                .get("/internal/tokens/{ref}/secret", tokenRef).then().statusCode(404);
        Calls.as(Calls.PARTNER_SERVICE).queryParam("workspaceId", workspace)
                .get("/internal/tokens/{ref}", tokenRef).then().statusCode(200);
        Calls.details(tokenRef).then().statusCode(200)
                .body("tokenRef", equalTo(tokenRef))
                .body("status", equalTo("ACTIVE"))
                .body("lastValidation.outcome", equalTo("VALID"))
                .body("audit.action", contains("STORE", "READ"))
                .body("audit.actor", contains("partner-service", "sync-service"))
                .body("fingerprintHistory.tokenRef", contains(tokenRef));
    }

    @Test
    void storingAgainRotatesTheOldTokenOutAndKeepsTheFingerprintHistory() {
        UUID partner = UUID.randomUUID();
        String workspace = Calls.workspace();
        String first = Calls.storePartner(partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN);

        String second = Calls.storePartner(partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_ROTATED_TOKEN);

        assertThat(second).isNotEqualTo(first);
        Calls.secret(second).then().statusCode(200).body("token", equalTo(DemoData.BRIGHTLINE_ROTATED_TOKEN));
        Calls.secret(first).then().statusCode(404)
                .body("type", equalTo("https://partnersync.io/problems/token-not-found"));
        Calls.details(first).then().statusCode(200)
                .body("status", equalTo("ROTATED"))
                .body("replacedBy", equalTo(second))
                .body("audit.action", contains("STORE", "ROTATE"));
        Calls.details(second).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("fingerprintHistory.tokenRef", contains(first, second))
                .body("fingerprintHistory.status", contains("ROTATED", "ACTIVE"))
                .body("fingerprintHistory.fingerprint.last4", contains("b2d4", "c3e5"));
    }

    @Test
    void deleteDestroysTheTokenAndKeepsItsMetadata() {
        String tokenRef = Calls.storePartner(UUID.randomUUID(), Calls.workspace(), DemoData.BRIGHTLINE_MEDIA,
                DemoData.BRIGHTLINE_TOKEN);

        Calls.delete(tokenRef).then().statusCode(204);

        Calls.secret(tokenRef).then().statusCode(404);
        Calls.details(tokenRef).then().statusCode(200)
                .body("status", equalTo("DESTROYED"))
                .body("destroyedAt", notNullValue())
                .body("audit.action", contains("STORE", "DELETE"));
        Calls.delete(tokenRef).then().statusCode(204);
        Calls.delete("tok_" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://partnersync.io/problems/token-not-found"));
    }
}
