package io.partnersync.partner.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points partner-service's token-vault REST client at the {@link TokenVaultStub} of this JVM. */
public class TokenVaultStubResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.token-vault.url", TokenVaultStub.shared().url());
    }

    @Override
    public void stop() {
        // The stub lives for the whole JVM, like the broker and the database.
    }
}
