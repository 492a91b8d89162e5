package io.partnersync.tokenvault.store;

import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.partnersync.tokenvault.config.TokenStoreConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.vault.client.VaultClient;

/**
 * Picks the token store named by {@code partnersync.token-store.kind}. Vault's client is only
 * created when the Vault store is chosen, so the embedded store runs with no Vault configured.
 */
@ApplicationScoped
public class TokenStores {

    private static final Logger LOG = Logger.getLogger(TokenStores.class);

    @Produces
    @Singleton
    TokenStore tokenStore(TokenStoreConfig config, Instance<VaultClient> vaultClient) {
        refuseEmbeddedInProd(ConfigUtils.getProfiles(), config.kind());
        return switch (config.kind()) {
            case EMBEDDED -> new EmbeddedTokenStore(new AesGcm(
                    EmbeddedKey.load(config.embedded().key(), Path.of(config.embedded().keyFile()))));
            case VAULT -> new VaultTokenStore(vaultClient(vaultClient), config.vault().mount(), config.vault().timeout());
        };
    }

    /**
     * Fails the start, not the first request, when the store cannot be used: injecting the
     * store creates it (key file, Vault client).
     */
    void checkAtStartup(@Observes StartupEvent started, TokenStoreConfig config, TokenStore store) {
        LOG.infof("Token store: %s%s", config.kind(),
                config.kind() == TokenStoreConfig.Kind.VAULT ? " (KV v2 mount " + config.vault().mount() + ")" : "");
    }

    /** The embedded store keeps its key next to the data: fine for tests and local runs, never for production. */
    static void refuseEmbeddedInProd(List<String> activeProfiles, TokenStoreConfig.Kind kind) {
        if (kind == TokenStoreConfig.Kind.EMBEDDED && activeProfiles.contains("prod")) {
            throw new IllegalStateException("partnersync.token-store.kind=embedded is for tests and local runs only;"
                    + " the prod profile needs partnersync.token-store.kind=vault and quarkus.vault.url (see the"
                    + " token-vault-service README)");
        }
    }

    private static VaultClient vaultClient(Instance<VaultClient> client) {
        try {
            return client.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("partnersync.token-store.kind=vault needs a Vault: set quarkus.vault.url and"
                    + " quarkus.vault.authentication.* (" + e.getMessage() + ")", e);
        }
    }
}
