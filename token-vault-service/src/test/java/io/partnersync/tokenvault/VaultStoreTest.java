package io.partnersync.tokenvault;

import static io.partnersync.tokenvault.Calls.body;
import static io.partnersync.tokenvault.store.VaultAnswers.NOT_FOUND;
import static io.partnersync.tokenvault.store.VaultAnswers.metadata;
import static io.partnersync.tokenvault.store.VaultAnswers.read;
import static io.partnersync.tokenvault.store.VaultAnswers.version;
import static io.partnersync.tokenvault.store.VaultAnswers.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnersync.simulator.data.DemoData;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.LogCapture;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.tokenvault.domain.StoredToken;
import io.partnersync.tokenvault.store.EncryptedSecret;
import io.partnersync.tokenvault.store.RecordedVault;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The service as production runs it, with {@code partnersync.token-store.kind=vault}: the store
 * producer's Vault branch and quarkus-vault's client, configured only by {@code quarkus.vault.*}
 * (URL, client token), against a stub of Vault's KV v2 HTTP API ({@link RecordedVault}) that
 * answers the recorded exchanges in order and refuses any other request. Its own profile:
 * Quarkus restarts once for this class.
 */
@QuarkusTest
@TestProfile(VaultStoreTest.VaultStore.class)
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
@WithTestResource(VaultStoreTest.VaultStub.class)
class VaultStoreTest {

    private static final String VAULT_TOKEN = "hvs.CAESIJ-test-only-service-token";
    // Not the default mount, so the requests prove the configured one is used.
    private static final String MOUNT = "tokens-under-test";

    public static class VaultStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnersync.token-store.kind", "vault",
                    "partnersync.token-store.vault.mount", MOUNT,
                    "quarkus.vault.authentication.client-token", VAULT_TOKEN);
        }
    }

    /** Vault must listen before the application starts: it reads {@code quarkus.vault.url} then. */
    public static class VaultStub implements QuarkusTestResourceLifecycleManager {

        static RecordedVault vault;

        @Override
        public Map<String, String> start() {
            try {
                vault = new RecordedVault();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("quarkus.vault.url", vault.url());
        }

        @Override
        public void stop() {
            vault.close();
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Test
    void aTokenIsWrittenToVaultUnderItsOwnerReadAtItsVersionAndDestroyedOnDelete() throws Exception {
        RecordedVault vault = VaultStub.vault;
        UUID partner = UUID.randomUUID();
        String workspace = Calls.workspace();
        String path = workspace + "/partner/" + partner;
        String data = "/v1/" + MOUNT + "/data/" + path;
        String metadata = "/v1/" + MOUNT + "/metadata/" + path;
        String destroy = "/v1/" + MOUNT + "/destroy/" + path;
        String token = DemoData.BRIGHTLINE_TOKEN;

        try (LogCapture logs = LogCapture.start()) {
            vault.expect("GET", metadata, null, 404, NOT_FOUND)
                    .expectAnyBody("POST", data, 200, written(1));
            Response stored = Calls.store(body("PARTNER", partner, workspace, DemoData.BRIGHTLINE_MEDIA, token));
            assertRequestsAsRecorded(vault);
            String tokenRef = stored.then().statusCode(201).extract().path("tokenRef");

            vault.expect("GET", data + "?version=1", null, 200, read(token, tokenRef, 1));
            Response secret = Calls.secret(tokenRef);
            assertRequestsAsRecorded(vault);
            secret.then().statusCode(200).body("token", equalTo(token));

            vault.expect("GET", metadata, null, 200, metadata(1, "\"1\":" + version(false)))
                    .expect("POST", destroy, "{\"versions\":[1]}", 204, null)
                    .expect("DELETE", metadata, null, 204, null);
            Response deleted = Calls.delete(tokenRef);
            assertRequestsAsRecorded(vault);
            deleted.then().statusCode(204);
            // Answered from the token's status, without asking Vault (the stub would refuse a request).
            Calls.secret(tokenRef).then().statusCode(404);
            assertRequestsAsRecorded(vault);

            assertThat(vault.received()).hasSize(6)
                    .allSatisfy(request -> assertThat(request.vaultToken()).isEqualTo(VAULT_TOKEN));
            assertThat(vault.received().get(1).body()).isEqualTo(json.readTree(
                    "{\"options\":{\"cas\":0},\"data\":{\"token\":\"" + token + "\",\"token_ref\":\"" + tokenRef + "\"}}"));
            logs.assertNeverLogged(token);
            logs.assertNeverLogged(VAULT_TOKEN);

            StoredToken row = QuarkusTransaction.requiringNew().call(() -> StoredToken.<StoredToken>findById(tokenRef));
            assertThat(row.secretVersion).as("the Vault version the reference points at").isEqualTo(1);
            assertThat(row.secretPurgedAt).as("the destroy in Vault is recorded").isNotNull();
            assertNothingOfTheTokenInTheDatabase(workspace, token);
        }
    }

    /** Every request so far was the next recorded one, and every recorded one was made. */
    private static void assertRequestsAsRecorded(RecordedVault vault) {
        assertThat(vault.problems()).isEmpty();
    }

    private void assertNothingOfTheTokenInTheDatabase(String workspace, String token) throws SQLException {
        assertThat(QuarkusTransaction.requiringNew().call(() -> EncryptedSecret.count("workspaceId", workspace)))
                .as("rows of the embedded store").isZero();
        try (Connection connection = dataSource.getConnection()) {
            for (Tables.Column column : Tables.columns(connection)) {
                assertThat(Tables.rowsHolding(connection, column, token))
                        .as("rows of %s.%s holding the token", column.table(), column.name()).isZero();
            }
        }
    }
}
