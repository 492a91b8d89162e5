package io.partnersync.tokenvault;

import static io.partnersync.tokenvault.Calls.body;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.partnersync.simulator.data.DemoData;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The validation settings a deployment may change: expiring tokens accepted with a warning,
 * and an app with "Require App Secret" on (the simulator refuses every call without a valid
 * appsecret_proof). Its own profile: Quarkus restarts once for this class.
 */
@QuarkusTest
@TestProfile(ConfiguredValidationTest.WarnAndProve.class)
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
class ConfiguredValidationTest {

    public static class WarnAndProve implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnersync.token-validation.expiring-tokens", "warn",
                    "partnersync.meta.appsecret-proof", "true");
        }
    }

    @BeforeAll
    static void requireAppSecretProof() {
        GraphSimulatorResource.simulator().control().setAppsecretProofRequired(true);
    }

    @AfterAll
    static void resetSimulator() {
        GraphSimulatorResource.simulator().control().reset();
    }

    @Test
    void anExpiringTokenIsStoredWithAWarning() {
        String tokenRef = Calls.store(body("PARTNER", UUID.randomUUID(), Calls.workspace(), DemoData.BRIGHTLINE_MEDIA,
                DemoData.EXPIRING_TOKEN)).then().statusCode(201)
                .body("expiresAt", equalTo("2031-01-01T00:00:00Z"))
                .body("warnings", contains("token expires at 2031-01-01T00:00:00Z; replace it with one that never"
                        + " expires before then"))
                .extract().path("tokenRef");

        Calls.details(tokenRef).then().body("warnings[0]", org.hamcrest.Matchers.startsWith("token expires at"));
    }

    @Test
    void everyCallCarriesAppsecretProofWhenTheAppRequiresIt() {
        Calls.store(body("PARTNER", UUID.randomUUID(), Calls.workspace(), DemoData.BRIGHTLINE_MEDIA,
                DemoData.BRIGHTLINE_TOKEN)).then().statusCode(201)
                .body("businessName", equalTo("Brightline Media"));
    }

    @Test
    void anExpiredTokenIsStillRefused() {
        Calls.validate(body("PARTNER", UUID.randomUUID(), Calls.workspace(), DemoData.BRIGHTLINE_MEDIA,
                DemoData.EXPIRED_TOKEN)).then().statusCode(422)
                .body("failures.check", contains("TOKEN_INVALID"));
    }
}
