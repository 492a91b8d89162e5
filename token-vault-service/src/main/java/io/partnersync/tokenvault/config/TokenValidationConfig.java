package io.partnersync.tokenvault.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What a token must satisfy before it is stored. */
@ConfigMapping(prefix = "partnersync.token-validation")
public interface TokenValidationConfig {

    /** A token that expires ({@code expires_at != 0}): refused, or accepted with a warning. */
    @WithDefault("refuse")
    ExpiringTokens expiringTokens();

    /** Scopes a partner's system user token must hold. */
    @WithDefault("ads_management,business_management,catalog_management,pages_manage_metadata,pages_read_engagement,pages_show_list")
    List<String> partnerScopes();

    /** Scopes the customer's integration token must hold. */
    @WithDefault("business_management")
    List<String> integrationScopes();

    /**
     * How often stored tokens are checked again against Meta ({@code off} disables it). A
     * token Meta reports invalid becomes INVALID, its secret is destroyed and TokenRevoked is
     * published.
     */
    @WithDefault("1h")
    String revalidateEvery();

    /** A stored token is checked again once its last validation is older than this. */
    @WithDefault("24h")
    java.time.Duration revalidateAfter();

    enum ExpiringTokens {
        REFUSE, WARN
    }
}
