package io.partnersync.tokenvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnersync.simulator.control.SimulatorControl;
import io.partnersync.simulator.data.DemoData;
import io.partnersync.simulator.data.Token;
import io.partnersync.simulator.graph.Faults;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.tokenvault.domain.StoredToken;
import io.partnersync.tokenvault.domain.TokenRevalidation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Stored tokens are checked again: one Meta revoked becomes INVALID, loses its secret and is announced. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
class RevalidationTest {

    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2001-01-01T00:00:00Z");

    private final SimulatorControl simulator = GraphSimulatorResource.simulator().control();

    @Inject
    TokenRevalidation revalidation;

    @AfterEach
    void resetSimulator() {
        simulator.reset();
    }

    @Test
    void aTokenRevokedAtMetaBecomesInvalidAndIsAnnounced() {
        String token = "EAATestRevalidationZD" + UUID.randomUUID().toString().substring(0, 4);
        simulator.addToken(new Token(token, Token.SYSTEM_USER, DemoData.APP_ID, DemoData.BRIGHTLINE_MEDIA,
                DemoData.BRIGHTLINE_INTEGRATION_SYSTEM_USER, List.of("ads_management", "business_management",
                        "catalog_management", "pages_manage_metadata", "pages_read_engagement", "pages_show_list"),
                0, 1759396500L, true));
        String tokenRef = Calls.storePartner(UUID.randomUUID(), Calls.workspace(), DemoData.BRIGHTLINE_MEDIA, token);
        simulator.revokeToken(token);
        validatedLongAgo(tokenRef);

        assertThat(revalidation.revalidateValidatedBefore(CUTOFF)).isEqualTo(1);

        Calls.details(tokenRef).then()
                .body("status", equalTo("INVALID"))
                .body("lastValidation.outcome", equalTo("REFUSED"))
                .body("lastValidation.failures.check", contains("TOKEN_INVALID"))
                .body("audit.action", contains("STORE", "VALIDATE"))
                .body("audit[1].actor", equalTo("token-vault-service"));
        Calls.secret(tokenRef).then().statusCode(404);
        assertThat(PartnerDisconnectedTest.awaitOneTokenRevoked(tokenRef)).contains("\"reason\":\"INVALID\"");
    }

    @Test
    void aStillValidTokenStaysActive() {
        String tokenRef = Calls.storePartner(UUID.randomUUID(), Calls.workspace(), DemoData.BRIGHTLINE_MEDIA,
                DemoData.BRIGHTLINE_TOKEN);
        validatedLongAgo(tokenRef);

        assertThat(revalidation.revalidateValidatedBefore(CUTOFF)).isEqualTo(1);

        Calls.details(tokenRef).then()
                .body("status", equalTo("ACTIVE"))
                .body("lastValidation.outcome", equalTo("VALID"))
                .body("audit.outcome", contains("stored", "valid"));
        assertThat(lastValidatedAt(tokenRef)).isAfter(CUTOFF);
    }

    @Test
    void whileMetaIsUnavailableNothingChanges() {
        String tokenRef = Calls.storePartner(UUID.randomUUID(), Calls.workspace(), DemoData.BRIGHTLINE_MEDIA,
                DemoData.BRIGHTLINE_TOKEN);
        validatedLongAgo(tokenRef);
        simulator.setFaults(Faults.none().withErrorRate(1.0));

        revalidation.revalidateValidatedBefore(CUTOFF);

        Calls.details(tokenRef).then().body("status", equalTo("ACTIVE")).body("audit.action", contains("STORE"));
        assertThat(lastValidatedAt(tokenRef)).isEqualTo(LONG_AGO);
        simulator.clearFaults();
        // Leave nothing stale behind for the other tests of this class.
        revalidation.revalidateValidatedBefore(CUTOFF);
        Calls.details(tokenRef).then().body("audit[1].outcome", equalTo("valid"));
    }

    private static void validatedLongAgo(String tokenRef) {
        QuarkusTransaction.requiringNew().run(() -> StoredToken.update("lastValidatedAt = ?1 where tokenRef = ?2",
                LONG_AGO, tokenRef));
    }

    private static Instant lastValidatedAt(String tokenRef) {
        return QuarkusTransaction.requiringNew().call(() -> StoredToken.findByRef(tokenRef).orElseThrow().lastValidatedAt);
    }
}
