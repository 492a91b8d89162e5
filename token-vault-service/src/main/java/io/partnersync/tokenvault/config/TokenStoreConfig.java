package io.partnersync.tokenvault.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where token secrets are kept. */
@ConfigMapping(prefix = "partnersync.token-store")
public interface TokenStoreConfig {

    /** {@code vault} (production) or {@code embedded} (tests and local runs; refused by the prod profile). */
    @WithDefault("vault")
    Kind kind();

    Embedded embedded();

    Vault vault();

    /** How often secrets left behind by a failed destroy (store unreachable) are destroyed again. */
    @WithDefault("1m")
    String purgeRetryEvery();

    enum Kind {
        EMBEDDED, VAULT
    }

    interface Embedded {

        /** Base64 of a 32-byte AES key. When absent, the key file is used. */
        Optional<String> key();

        /** A key file, created with a fresh random key (owner-only permissions) when missing. */
        @WithDefault("${user.home}/.partnersync/token-vault-service/embedded-store.key")
        String keyFile();
    }

    interface Vault {

        /** The KV v2 mount; secrets live at {@code <mount>/<workspace>/<kind>/<owner id>}. */
        @WithDefault("partnersync-tokens")
        String mount();

        /** Longest wait for one Vault call. */
        @WithDefault("10s")
        java.time.Duration timeout();
    }
}
