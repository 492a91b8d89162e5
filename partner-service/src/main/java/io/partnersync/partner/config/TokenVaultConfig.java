package io.partnersync.partner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How partner-service calls token-vault-service. The URL and timeouts are the REST
 * client's own: {@code quarkus.rest-client.token-vault.*}.
 */
@ConfigMapping(prefix = "partnersync.token-vault")
public interface TokenVaultConfig {

    /** Lifetime of the service JWT signed for each call; a few minutes covers clock skew. */
    @WithDefault("5M")
    Duration serviceTokenLifetime();

    /** What {@code Retry-After} tells a client when token-vault-service cannot be reached. */
    @WithDefault("30S")
    Duration retryAfter();
}
