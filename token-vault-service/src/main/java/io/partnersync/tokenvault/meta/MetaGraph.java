package io.partnersync.tokenvault.meta;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.partnersync.tokenvault.config.MetaConfig;
import io.partnersync.tokenvault.meta.GraphApi.DebugTokenData;
import io.partnersync.tokenvault.meta.GraphApi.GraphListing;
import io.partnersync.tokenvault.meta.GraphApi.GraphNode;

/**
 * The one place that knows Graph's quirks: versioned paths, the app token, appsecret_proof,
 * cursor paging, and which errors mean "Meta is down or throttling us" (retry later) versus
 * "Graph refused this token" (a fact to report). Nothing it throws quotes a URL, so no token
 * or app secret can travel into a log through an exception.
 */
@ApplicationScoped
public class MetaGraph {

    private static final Logger LOG = Logger.getLogger(MetaGraph.class);
    private static final int PAGE_SIZE = 500;
    /** A listing longer than this is not a business's system users; stop rather than loop. */
    private static final int MAX_PAGES = 50;

    private final GraphApi api;
    private final MetaConfig config;

    MetaGraph(@RestClient GraphApi api, MetaConfig config) {
        this.api = api;
        this.config = config;
    }

    /** debug_token with our app token. Graph answers 200 even for a bad token. */
    @Retry(retryOn = MetaTransientException.class, maxRetries = 2, delay = 250, jitter = 100)
    public DebugTokenData debugToken(String token) {
        String appToken = config.appId() + "|" + config.appSecret();
        try {
            DebugTokenData data = call("debug_token",
                    () -> api.debugToken(config.graphVersion(), token, appToken, proof(appToken))).data();
            if (data == null) {
                throw new MetaTransientException("Meta answered debug_token without data", config.retryAfter());
            }
            return data;
        } catch (GraphRefusal refusal) {
            // debug_token only fails for our own credentials (wrong app id or secret, missing parameter).
            LOG.errorf("Meta refused debug_token with our app credentials: (#%s) %s", refusal.code(), refusal.getMessage());
            throw new MetaMisconfiguredException("Meta refused our app credentials for debug_token (Graph error "
                    + refusal.code() + "); check partnersync.meta.app-id and partnersync.meta.app-secret.");
        }
    }

    /** {@code /me}: the system user the token acts as. */
    @Retry(retryOn = MetaTransientException.class, maxRetries = 2, delay = 250, jitter = 100)
    public GraphNode me(String token) {
        return call("me", () -> api.me(config.graphVersion(), bearer(token), "id,name", proof(token)));
    }

    /** {@code /me/businesses}: the businesses the token can see, every page. */
    @Retry(retryOn = MetaTransientException.class, maxRetries = 2, delay = 250, jitter = 100)
    public List<GraphNode> myBusinesses(String token) {
        return all("me/businesses", after -> api.myBusinesses(config.graphVersion(), bearer(token), "id,name",
                PAGE_SIZE, after, proof(token)));
    }

    /** {@code /{business}}: visible to the business's own tokens and to businesses it shares assets with. */
    @Retry(retryOn = MetaTransientException.class, maxRetries = 2, delay = 250, jitter = 100)
    public GraphNode business(String token, String businessId) {
        return call("business", () -> api.business(config.graphVersion(), businessId, bearer(token), "id,name",
                proof(token)));
    }

    /** {@code /{business}/system_users}: ids of every system user of the business, every page. */
    @Retry(retryOn = MetaTransientException.class, maxRetries = 2, delay = 250, jitter = 100)
    public Set<String> systemUserIds(String token, String businessId) {
        Set<String> ids = new LinkedHashSet<>();
        all("system_users", after -> api.systemUsers(config.graphVersion(), businessId, bearer(token), "id,name",
                PAGE_SIZE, after, proof(token))).forEach(user -> ids.add(user.id()));
        return ids;
    }

    private List<GraphNode> all(String what, Function<String, GraphListing> page) {
        List<GraphNode> nodes = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            String cursor = after;
            GraphListing listing = call(what, () -> page.apply(cursor));
            if (listing.data() != null) {
                nodes.addAll(listing.data());
            }
            after = listing.nextCursor();
            if (after == null) {
                return nodes;
            }
        }
        LOG.warnf("Stopped reading %s after %d pages", what, MAX_PAGES);
        return nodes;
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            GraphCallFailed failure = graphFailure(e);
            if (failure == null) {
                throw unreachable(what, e);
            }
            if (failure.throttled()) {
                Duration retryAfter = failure.regainAccessSeconds.isPresent()
                        ? Duration.ofSeconds(failure.regainAccessSeconds.getAsLong())
                        : config.retryAfter();
                LOG.warnf("Meta is throttling us on %s (Graph error %s); retry in %ds", what, failure.code,
                        retryAfter.toSeconds());
                throw new MetaUnavailableException("Meta is limiting our calls (Graph error " + failure.code + ")",
                        retryAfter);
            }
            if (failure.retryable()) {
                LOG.warnf("Meta failed on %s: HTTP %d, Graph error %s", what, failure.status, failure.code);
                throw new MetaTransientException("Meta failed to answer (HTTP " + failure.status + ")", config.retryAfter());
            }
            throw new GraphRefusal(failure);
        }
    }

    /** Never the exception's message: the HTTP client quotes the request line, token included. */
    private MetaUnavailableException unreachable(String what, RuntimeException e) {
        if (isTimeout(e)) {
            LOG.warnf("Meta did not answer %s in time (%s)", what, e.getClass().getSimpleName());
            return new MetaUnavailableException("Meta did not answer in time", config.retryAfter());
        }
        LOG.warnf("Could not reach Meta for %s (%s)", what, rootCause(e).getClass().getSimpleName());
        return new MetaTransientException("Meta could not be reached", config.retryAfter());
    }

    private static GraphCallFailed graphFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GraphCallFailed failure) {
                return failure;
            }
        }
        return null;
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    /** appsecret_proof: hex HMAC-SHA256 of the access token keyed with the app secret; null when not required. */
    private String proof(String accessToken) {
        if (!config.appsecretProof()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
