package io.partnersync.tokenvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.partnersync.events.TokenOwnerKind;
import io.partnersync.tokenvault.domain.TokenOwner;
import io.partnersync.tokenvault.store.TokenStore.SecretHandle;
import io.quarkus.vault.client.VaultClient;
import io.quarkus.vault.client.http.jdk.JDKVaultHttpClient;

/**
 * The Vault store against a real Vault, when one is reachable: set VAULT_ADDR and VAULT_TOKEN
 * (and VAULT_KV_MOUNT when the KV v2 mount is not {@code partnersync-tokens}), e.g. with
 * {@code vault server -dev} and {@code deploy/vault/setup.sh}.
 */
@EnabledIfEnvironmentVariable(named = "VAULT_ADDR", matches = ".+")
@EnabledIfEnvironmentVariable(named = "VAULT_TOKEN", matches = ".+")
class RealVaultTest {

    @Test
    void writesReadsRotatesAndDestroysForGood() {
        String mount = Optional.ofNullable(System.getenv("VAULT_KV_MOUNT")).orElse("partnersync-tokens");
        VaultClient client = VaultClient.builder()
                .baseUrl(System.getenv("VAULT_ADDR"))
                .executor(new JDKVaultHttpClient(HttpClient.newHttpClient()))
                .clientToken(System.getenv("VAULT_TOKEN"))
                .build();
        VaultTokenStore store = new VaultTokenStore(client, mount, Duration.ofSeconds(10));
        TokenOwner owner = new TokenOwner("ws-real-vault-test", TokenOwnerKind.PARTNER, UUID.randomUUID());

        SecretHandle first = store.write(owner, "tok_first", "EAARealVaultFirstZD0001");
        assertThat(store.read(owner, first)).contains("EAARealVaultFirstZD0001");

        SecretHandle second = store.write(owner, "tok_second", "EAARealVaultSecondZD0002");
        assertThat(second.version()).isEqualTo(first.version() + 1);
        store.destroyAllExcept(owner, Optional.of(second));
        assertThat(store.read(owner, first)).isEmpty();
        assertThat(store.read(owner, second)).contains("EAARealVaultSecondZD0002");

        store.destroyAllExcept(owner, Optional.empty());
        assertThat(store.read(owner, second)).isEmpty();
        SecretHandle afterwards = store.write(owner, "tok_third", "EAARealVaultThirdZD0003");
        assertThat(afterwards.version()).as("the metadata was deleted, so versions start again").isEqualTo(1);
        store.destroyAllExcept(owner, Optional.empty());
    }
}
