package io.partnersync.tokenvault;

import static io.partnersync.tokenvault.Calls.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnersync.simulator.control.SimulatorControl;
import io.partnersync.simulator.data.DemoData;
import io.partnersync.simulator.data.Token;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.tokenvault.domain.StoredToken;
import io.partnersync.tokenvault.store.EncryptedSecret;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every validation rule, through the dry run and the store call, against the graph simulator. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
class TokenValidationTest {

    private static final List<String> SIX_SCOPES = List.of("ads_management", "business_management",
            "catalog_management", "pages_manage_metadata", "pages_read_engagement", "pages_show_list");

    private final SimulatorControl simulator = GraphSimulatorResource.simulator().control();

    @AfterEach
    void resetSimulator() {
        simulator.reset();
    }

    @Test
    void aGoodTokenPassesTheDryRunAndNothingIsStored() {
        String workspace = Calls.workspace();

        Calls.validate(body("PARTNER", UUID.randomUUID(), workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN))
                .then().statusCode(200)
                .body("$", not(hasKey("tokenRef")))
                .body("$", not(hasKey("status")))
                .body("businessName", equalTo("Brightline Media"))
                .body("systemUserId", equalTo(DemoData.BRIGHTLINE_INTEGRATION_SYSTEM_USER))
                .body("fingerprint.last4", equalTo("b2d4"))
                .body("lastValidatedAt", notNullValue());

        assertThat(tokensIn(workspace)).isZero();
    }

    @Test
    void aRevokedTokenIsRefusedAsInvalid() {
        refusedAsPartner(DemoData.BRIGHTLINE_MEDIA, DemoData.REVOKED_TOKEN)
                .body("failures.check", contains("TOKEN_INVALID"))
                .body("failures[0].message", containsString("revoked"))
                .body("failures[0].message", containsString("190/460"));
    }

    @Test
    void anExpiredTokenIsRefusedAsInvalidAndAsExpiring() {
        refusedAsPartner(DemoData.BRIGHTLINE_MEDIA, DemoData.EXPIRED_TOKEN)
                .body("failures.check", contains("TOKEN_INVALID", "TOKEN_EXPIRES"))
                .body("failures[0].message", containsString("expired at 2025-12-01T00:00:00Z"));
    }

    @Test
    void anExpiringTokenIsRefusedByDefault() {
        refusedAsPartner(DemoData.BRIGHTLINE_MEDIA, DemoData.EXPIRING_TOKEN)
                .body("failures.check", contains("TOKEN_EXPIRES"))
                .body("failures[0].message", equalTo("token expires at 2031-01-01T00:00:00Z; create a token that never expires"));
    }

    @Test
    void aTokenOfAnotherAppIsRefusedNamingBothApps() {
        refusedAsPartner(DemoData.BRIGHTLINE_MEDIA, DemoData.OTHER_APP_TOKEN)
                .body("failures.check", contains("WRONG_APP"))
                .body("failures[0].message", containsString("issued for app " + DemoData.OTHER_APP_ID
                        + ", not our app " + DemoData.APP_ID));
    }

    @Test
    void aUserTokenIsRefusedAsNotASystemUserToken() {
        refusedAsPartner(DemoData.BRIGHTLINE_MEDIA, DemoData.USER_TOKEN)
                .body("failures.check", contains("NOT_SYSTEM_USER"))
                .body("failures[0].message", containsString("token is a USER token, not a system user token"));
    }

    @Test
    void aTokenWithoutCatalogManagementIsRefusedNamingTheScope() {
        refusedAsPartner(DemoData.NORTHWIND_PERFORMANCE, DemoData.NORTHWIND_TOKEN_WITHOUT_CATALOG)
                .body("failures.check", contains("MISSING_SCOPES"))
                .body("failures[0].message", equalTo("token is missing scopes: catalog_management"))
                .body("detail", equalTo("token is missing scopes: catalog_management"));
    }

    @Test
    void everyMissingScopeIsNamed() {
        for (String missing : SIX_SCOPES) {
            String token = "EAATestWithout" + missing.replace("_", "") + "ZD" + UUID.randomUUID().toString().substring(0, 4);
            simulator.addToken(systemUserToken(token, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_INTEGRATION_SYSTEM_USER,
                    SIX_SCOPES.stream().filter(scope -> !scope.equals(missing)).toList()));

            refusedAsPartner(DemoData.BRIGHTLINE_MEDIA, token)
                    .body("failures.check", contains("MISSING_SCOPES"))
                    .body("failures[0].message", equalTo("token is missing scopes: " + missing));
        }
        String almostNothing = "EAATestOnlyBusinessManagementZDaaaa";
        simulator.addToken(systemUserToken(almostNothing, DemoData.BRIGHTLINE_MEDIA,
                DemoData.BRIGHTLINE_INTEGRATION_SYSTEM_USER, List.of("business_management")));
        refusedAsPartner(DemoData.BRIGHTLINE_MEDIA, almostNothing)
                .body("failures[0].message", equalTo("token is missing scopes: ads_management, catalog_management,"
                        + " pages_manage_metadata, pages_read_engagement, pages_show_list"));
    }

    @Test
    void anIntegrationTokenNeedsBusinessManagementOnly() {
        String onlyBusinessManagement = "EAATestAcmeIntegrationZDbbbb";
        simulator.addToken(systemUserToken(onlyBusinessManagement, DemoData.ACME_RETAIL,
                DemoData.ACME_INTEGRATION_SYSTEM_USER, List.of("business_management")));
        String withoutIt = "EAATestAcmeNoBusinessManagementZDcccc";
        simulator.addToken(systemUserToken(withoutIt, DemoData.ACME_RETAIL, DemoData.ACME_INTEGRATION_SYSTEM_USER,
                List.of("ads_management")));

        Calls.validate(body("INTEGRATION", UUID.randomUUID(), Calls.workspace(), DemoData.ACME_RETAIL, onlyBusinessManagement))
                .then().statusCode(200)
                .body("businessName", equalTo("Acme Retail"))
                .body("scopes", contains("business_management"));
        Calls.validate(body("INTEGRATION", UUID.randomUUID(), Calls.workspace(), DemoData.ACME_RETAIL, withoutIt))
                .then().statusCode(422)
                .body("failures.check", contains("MISSING_SCOPES"))
                .body("failures[0].message", equalTo("token is missing scopes: business_management"));
    }

    @Test
    void everyFailedCheckIsListedAtOnce() {
        String token = "EAATestEverythingWrongZDdddd";
        simulator.addToken(new Token(token, "USER", DemoData.OTHER_APP_ID, DemoData.BRIGHTLINE_MEDIA,
                DemoData.DANA_WHITFIELD, List.of("ads_management"), 1924992000L, 1759396500L, true));

        refusedAsPartner(DemoData.BRIGHTLINE_MEDIA, token)
                .body("failures.check", contains("WRONG_APP", "NOT_SYSTEM_USER", "TOKEN_EXPIRES", "MISSING_SCOPES"))
                .body("detail", containsString("; "));
    }

    @Test
    void aTokenOfAnotherBusinessThatAlsoLacksAScopeIsRefusedForBothAtOnce() {
        // Brightline is handed Northwind's token, which also lacks catalog_management. (No
        // integration token in the workspace could name Brightline: the id stands alone.)
        refusedAsPartner(DemoData.BRIGHTLINE_MEDIA, DemoData.NORTHWIND_TOKEN_WITHOUT_CATALOG)
                .body("failures.check", contains("MISSING_SCOPES", "WRONG_BUSINESS"))
                .body("failures[1].message", equalTo("token belongs to business 3298576410239485 (Northwind Performance),"
                        + " not 2187465309128374"));
    }

    @Test
    void anInvalidTokenIsNotUsedForTheBusinessChecks() {
        simulator.resetRequestCounts();

        refusedAsPartner(DemoData.BRIGHTLINE_MEDIA, DemoData.REVOKED_TOKEN);

        assertThat(simulator.requestCounts().byEndpoint()).containsOnlyKeys("GET /debug_token");
    }

    @Test
    void aTokenOfAnotherBusinessIsRefusedNamingBothBusinesses() {
        String workspace = Calls.workspace();
        // The customer's integration token lets the vault read the partner business's name.
        Calls.store(body("INTEGRATION", UUID.randomUUID(), workspace, DemoData.ACME_RETAIL, DemoData.ACME_TOKEN))
                .then().statusCode(201);

        Calls.store(body("PARTNER", UUID.randomUUID(), workspace, DemoData.COBALT_CREATIVE, DemoData.COBALT_TOKEN_OF_HARBOR))
                .then().statusCode(422)
                .body("failures.check", contains("WRONG_BUSINESS"))
                .body("failures[0].message", equalTo("token belongs to business 5410798632451607 (Harbor Digital),"
                        + " not 4309687521340596 (Cobalt Creative)"));
        assertThat(tokensIn(workspace)).isEqualTo(1);
    }

    @Test
    void aTokenOfAnotherBusinessIsRefusedByIdWhenNoTokenCanNameTheExpectedBusiness() {
        refusedAsPartner(DemoData.COBALT_CREATIVE, DemoData.COBALT_TOKEN_OF_HARBOR)
                .body("failures.check", contains("WRONG_BUSINESS"))
                .body("failures[0].message", equalTo("token belongs to business 5410798632451607 (Harbor Digital),"
                        + " not 4309687521340596"));
    }

    @Test
    void aTokenWhoseSystemUserIsNotListedByTheBusinessIsRefused() {
        // Graph names the business in the token's scopes, but its system user is not among the business's.
        String token = "EAATestForeignSystemUserZDeeee";
        simulator.addToken(systemUserToken(token, DemoData.BRIGHTLINE_MEDIA, DemoData.NORTHWIND_INTEGRATION_SYSTEM_USER,
                SIX_SCOPES));

        refusedAsPartner(DemoData.BRIGHTLINE_MEDIA, token)
                .body("failures.check", contains("WRONG_BUSINESS"))
                .body("failures[0].message", equalTo("token's system user 61570000000000001 (partnersync integration)"
                        + " is not a system user of business 2187465309128374 (Brightline Media)"));
    }

    private static ValidatableResponse refusedAsPartner(String businessId, String token) {
        String workspace = Calls.workspace();
        ValidatableResponse refused = Calls.store(body("PARTNER", UUID.randomUUID(), workspace, businessId, token))
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partnersync.io/problems/token-rejected"))
                .body("title", equalTo("The token was rejected"))
                .body("status", equalTo(422));
        assertThat(tokensIn(workspace)).isZero();
        assertThat(secretsIn(workspace)).as("the store never saw it").isZero();
        return refused;
    }

    private static Token systemUserToken(String value, String businessId, String userId, List<String> scopes) {
        return new Token(value, Token.SYSTEM_USER, DemoData.APP_ID, businessId, userId, scopes, 0, 1759396500L, true);
    }

    static long secretsIn(String workspace) {
        return QuarkusTransaction.requiringNew().call(() -> EncryptedSecret.count("workspaceId", workspace));
    }

    static long tokensIn(String workspace) {
        return QuarkusTransaction.requiringNew().call(() -> StoredToken.count("workspaceId", workspace));
    }
}
