package io.partnersync.tokenvault.store;

import static io.partnersync.tokenvault.store.VaultAnswers.CAS_MISMATCH;
import static io.partnersync.tokenvault.store.VaultAnswers.DESTROYED_VERSION;
import static io.partnersync.tokenvault.store.VaultAnswers.NOT_FOUND;
import static io.partnersync.tokenvault.store.VaultAnswers.PERMISSION_DENIED;
import static io.partnersync.tokenvault.store.VaultAnswers.metadata;
import static io.partnersync.tokenvault.store.VaultAnswers.read;
import static io.partnersync.tokenvault.store.VaultAnswers.version;
import static io.partnersync.tokenvault.store.VaultAnswers.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnersync.events.TokenOwnerKind;
import io.partnersync.testkit.LogCapture;
import io.partnersync.tokenvault.domain.TokenOwner;
import io.partnersync.tokenvault.store.TokenStore.SecretHandle;
import io.quarkus.vault.client.VaultClient;
import io.quarkus.vault.client.http.jdk.JDKVaultHttpClient;

/**
 * The Vault store against Vault's KV v2 HTTP API contract: the requests it makes (paths under
 * {@code /v1/<mount>/data|metadata|destroy/<workspace>/<kind>/<owner>}, the X-Vault-Token
 * header, the bodies) and how it reads Vault's answers, 403 and 404 included. The answers
 * are Vault's documented response shapes (vault 1.x, KV v2, {@link VaultAnswers}).
 */
class VaultTokenStoreContractTest {

    private static final String VAULT_TOKEN = "hvs.CAESIJ-test-only-client-token";
    private static final String MOUNT = "partnersync-tokens";
    private static final String TOKEN = "EAADemoBrightlinePartnerTokenZDb2d4";
    private static final String ROTATED = "EAADemoBrightlineRotatedTokenZDc3e5";
    private static final UUID PARTNER = UUID.fromString("6f1c2a9e-4b7d-4e8a-9c3f-2d5e8a1b7c40");
    private static final TokenOwner OWNER = new TokenOwner("ws-acme", TokenOwnerKind.PARTNER, PARTNER);
    private static final String PATH = "ws-acme/partner/" + PARTNER;
    private static final String DATA = "/v1/" + MOUNT + "/data/" + PATH;
    private static final String METADATA = "/v1/" + MOUNT + "/metadata/" + PATH;
    private static final String DESTROY = "/v1/" + MOUNT + "/destroy/" + PATH;

    private RecordedVault vault;
    private VaultTokenStore store;

    @BeforeEach
    void start() throws IOException {
        vault = new RecordedVault();
        store = storeAt(vault.url());
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    @Test
    void theFirstTokenOfAnOwnerIsWrittenAsVersionOneWithCheckAndSet() {
        vault.expect("GET", METADATA, null, 404, NOT_FOUND)
                .expect("POST", DATA, "{\"options\":{\"cas\":0},\"data\":{\"token\":\"" + TOKEN + "\",\"token_ref\":\"tok_1\"}}",
                        200, written(1));

        SecretHandle handle = store.write(OWNER, "tok_1", TOKEN);

        assertThat(handle).isEqualTo(new SecretHandle("tok_1", 1));
        assertContractKept();
        assertThat(vault.received()).allSatisfy(request -> assertThat(request.vaultToken()).isEqualTo(VAULT_TOKEN));
    }

    @Test
    void aRotatedTokenIsTheNextVersionAndTheOldOneIsDestroyed() {
        vault.expect("GET", METADATA, null, 200, metadata(1, "\"1\":" + version(false)))
                .expect("POST", DATA, "{\"options\":{\"cas\":1},\"data\":{\"token\":\"" + ROTATED + "\",\"token_ref\":\"tok_2\"}}",
                        200, written(2))
                .expect("GET", METADATA, null, 200, metadata(2, "\"1\":" + version(false) + ",\"2\":" + version(false)))
                .expect("POST", DESTROY, "{\"versions\":[1]}", 204, null);

        SecretHandle handle = store.write(OWNER, "tok_2", ROTATED);
        store.destroyAllExcept(OWNER, Optional.of(handle));

        assertThat(handle.version()).isEqualTo(2);
        assertContractKept();
    }

    @Test
    void aTokenIsReadAtItsOwnVersion() {
        vault.expect("GET", DATA + "?version=2", null, 200, read(ROTATED, "tok_2", 2));

        assertThat(store.read(OWNER, new SecretHandle("tok_2", 2))).contains(ROTATED);
        assertContractKept();
    }

    @Test
    void aDestroyedOrMissingVersionReadsAsGone() {
        vault.expect("GET", DATA + "?version=1", null, 404, DESTROYED_VERSION)
                .expect("GET", DATA + "?version=3", null, 404, NOT_FOUND);

        assertThat(store.read(OWNER, new SecretHandle("tok_1", 1))).isEmpty();
        assertThat(store.read(OWNER, new SecretHandle("tok_3", 3))).isEmpty();
        assertContractKept();
    }

    @Test
    void aVersionHoldingAnotherReferenceIsNotAnswered() {
        vault.expect("GET", DATA + "?version=2", null, 200, read(ROTATED, "tok_other", 2));

        assertThat(store.read(OWNER, new SecretHandle("tok_2", 2))).isEmpty();
    }

    @Test
    void destroyingTheLastTokenDestroysEveryLiveVersionAndTheMetadata() {
        vault.expect("GET", METADATA, null, 200, metadata(3,
                "\"1\":" + version(true) + ",\"2\":" + version(false) + ",\"3\":" + version(false)))
                .expect("POST", DESTROY, "{\"versions\":[2,3]}", 204, null)
                .expect("DELETE", METADATA, null, 204, null);

        store.destroyAllExcept(OWNER, Optional.empty());

        assertContractKept();
    }

    @Test
    void destroyingWhatIsAlreadyGoneIsANoOp() {
        vault.expect("GET", METADATA, null, 404, NOT_FOUND);

        store.destroyAllExcept(OWNER, Optional.empty());

        assertContractKept();
    }

    @Test
    void aPolicyRefusalIsAStoreFailureNamingThePolicyAndNeverTheToken() {
        vault.expect("GET", METADATA, null, 403, PERMISSION_DENIED);

        try (LogCapture logs = LogCapture.start()) {
            Logger.getLogger("io.quarkus.vault").setLevel(Level.FINEST);
            assertThatThrownBy(() -> store.write(OWNER, "tok_1", TOKEN))
                    .isInstanceOf(TokenStoreException.class)
                    .hasMessageContaining("HTTP 403")
                    .hasMessageContaining("deploy/vault/token-vault-service.hcl")
                    .hasMessageNotContaining(TOKEN);
            logs.assertNeverLogged(TOKEN);
            logs.assertNeverLogged(VAULT_TOKEN);
        }
    }

    @Test
    void aRefusedWriteNeverShowsTheToken() {
        vault.expect("GET", METADATA, null, 200, metadata(1, "\"1\":" + version(false)))
                .expect("POST", DATA, "{\"options\":{\"cas\":1},\"data\":{\"token\":\"" + TOKEN + "\",\"token_ref\":\"tok_1\"}}",
                        400, CAS_MISMATCH);

        try (LogCapture logs = LogCapture.start()) {
            assertThatThrownBy(() -> store.write(OWNER, "tok_1", TOKEN))
                    .isInstanceOf(TokenStoreException.class)
                    .hasMessageContaining("HTTP 400")
                    .hasMessageNotContaining(TOKEN);
            logs.assertNeverLogged(TOKEN);
        }
        assertContractKept();
    }

    @Test
    void anUnreachableVaultIsAStoreFailure() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        assertThatThrownBy(() -> storeAt("http://127.0.0.1:" + closed).read(OWNER, new SecretHandle("tok_1", 1)))
                .isInstanceOf(TokenStoreException.class)
                .hasMessageContaining("could not be reached");
    }

    private void assertContractKept() {
        assertThat(vault.problems()).isEmpty();
    }

    private static VaultTokenStore storeAt(String url) {
        VaultClient client = VaultClient.builder()
                .baseUrl(url)
                .executor(new JDKVaultHttpClient(HttpClient.newHttpClient()))
                .clientToken(VAULT_TOKEN)
                .build();
        return new VaultTokenStore(client, MOUNT, Duration.ofSeconds(10));
    }
}
