package io.partnersync.simulator.data;

import static java.util.Objects.requireNonNull;

/**
 * The Meta app the tokens are issued for. Its id and secret form the app token that
 * {@code debug_token} requires, and the secret keys {@code appsecret_proof}.
 */
public record App(String id, String name, String secret, boolean requiresAppsecretProof) {

    public App {
        requireNonNull(id, "app.id");
        requireNonNull(secret, "app.secret");
    }

    public App withRequiresAppsecretProof(boolean required) {
        return new App(id, name, secret, required);
    }

    /** The token {@code debug_token} expects as access_token: {@code app_id|app_secret}. */
    public String appToken() {
        return id + "|" + secret;
    }
}
