package io.partnersync.tokenvault.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this service reaches Meta's Graph API. The same keys as every service that calls Meta. */
@ConfigMapping(prefix = "partnersync.meta")
public interface MetaConfig {

    /** Scheme, host and port, without a version: {@code https://graph.facebook.com}. */
    @WithDefault("https://graph.facebook.com")
    String baseUrl();

    /** The pinned Graph version, the first path segment of every call. */
    @WithDefault("v25.0")
    String graphVersion();

    /** Our Meta app: every stored token must have been issued for it. */
    @WithDefault("2965389650414399")
    String appId();

    /** Builds the app token {@code app_id|app_secret} for debug_token. Never logged. */
    String appSecret();

    /** Send {@code appsecret_proof} on every call (the app has "Require App Secret" on). */
    @WithDefault("false")
    boolean appsecretProof();

    /** Retry-After given to callers when Meta is down and says nothing about when to come back. */
    @WithDefault("30s")
    Duration retryAfter();
}
