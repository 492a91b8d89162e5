package io.partnersync.sync.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Meta Graph API: where it is, which app we are, and how hard we may push it. */
@ConfigMapping(prefix = "partnersync.meta")
public interface MetaConfig {

    /** Without a version; the REST client {@code meta-graph} points here. */
    @WithDefault("https://graph.facebook.com")
    String baseUrl();

    @WithDefault("v25.0")
    String graphVersion();

    @WithDefault("2965389650414399")
    String appId();

    /** Needed only with {@link #appsecretProof()}. */
    Optional<String> appSecret();

    /** Send {@code appsecret_proof} (HMAC-SHA256 of the token keyed with the app secret) on every call. */
    @WithDefault("false")
    boolean appsecretProof();

    /** Page size asked for; Graph counts calls, not rows, so the largest that works. */
    @WithDefault("500")
    @Min(1)
    int pageLimit();

    /** The page size halving stops at when Graph keeps answering "reduce the amount of data" (code 1). */
    @WithDefault("25")
    @Min(1)
    int minPageLimit();

    /** Calls per batch request; Graph allows 50. */
    @WithDefault("50")
    @Min(1)
    @Max(50)
    int batchSize();

    /** Times one listing is restarted from its first page after an invalid cursor (2642). */
    @WithDefault("3")
    @Min(0)
    int maxListingRestarts();

    Retry retry();

    Throttle throttle();

    Usage usage();

    /** Transient errors: codes 1 and 2, HTTP 5xx, network failures. */
    interface Retry {

        /** Retries of one call before the job fails with META_UNAVAILABLE. */
        @WithDefault("6")
        @Min(0)
        int maxRetries();

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("1m")
        Duration maxBackoff();

        /** Share of each backoff drawn at random, so replicas do not retry in step. */
        @WithDefault("0.5")
        @DecimalMin("0")
        @DecimalMax("1")
        double jitter();
    }

    /** Throttling errors: 4, 17, 32, 341, 613, 80000-80014 (and 368, temporarily blocked). */
    interface Throttle {

        /** The longest single wait; Graph's estimate is in whole minutes and may say up to an hour. */
        @WithDefault("15m")
        Duration maxWait();

        /** The wait when Graph gives no estimate. */
        @WithDefault("1m")
        Duration defaultWait();

        /** Total throttled time one job or discovery accepts before failing with META_UNAVAILABLE. */
        @WithDefault("1h")
        Duration giveUpAfter();
    }

    /** Slowing down before the budget is spent, from {@code X-App-Usage} and {@code X-Business-Use-Case-Usage}. */
    interface Usage {

        /** Usage percentage above which requests are paced. */
        @WithDefault("80")
        @Min(0)
        @Max(100)
        int slowDownAbove();

        /**
         * Pause before each HTTP request (a batch pauses once) at 100% usage; it grows linearly from
         * zero at the threshold.
         */
        @WithDefault("5s")
        Duration maxPaceDelay();
    }
}
