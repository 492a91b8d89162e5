package io.partnersync.sync.meta;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.partnersync.events.GraphError;
import io.partnersync.sync.config.MetaConfig;

/**
 * The one place that knows Graph's quirks. Everything else asks it for pages.
 * <ul>
 * <li>Cursor paging: follows {@code paging.next} until it is absent (a page may be empty and still
 * have one); a dead cursor (2642) restarts that listing from its first page.</li>
 * <li>Batching: listings walked together go out in batch requests of up to 50 calls, one round
 * per page depth; each item succeeds, fails or is retried on its own.</li>
 * <li>Rate limits: usage headers are read on every answer and, above the configured share, each
 * HTTP request is paced; throttling waits {@code estimated_time_to_regain_access} (capped); code 1
 * halves the page size; transient errors back off exponentially with jitter ({@link Backoff}).</li>
 * <li>Errors that no retry fixes (token invalid, permission, bad request) end the read with a
 * {@link GraphFailure}.</li>
 * <li>The token goes in the Authorization header (or the batch form), with {@code appsecret_proof}
 * when configured; never in a URL, never in a log line.</li>
 * </ul>
 */
@ApplicationScoped
public class GraphClient {

    private static final Logger LOG = Logger.getLogger(GraphClient.class);

    /** Answers one page (or, for a single read, the node) of the listing named {@code key}. */
    @FunctionalInterface
    public interface PageHandler {
        void page(String key, JsonNode page);
    }

    private enum Kind { OK, THROTTLED, TRANSIENT, REDUCE_DATA, INVALID_CURSOR, FAILED }

    /** One call's answer; {@code failure} says why there was none (status 0). */
    private record Answer(int status, Map<String, String> headers, String body, String failure) {

        Answer(int status, Map<String, String> headers, String body) {
            this(status, headers, body, null);
        }
    }

    private record Outcome(Kind kind, JsonNode body, GraphError error, GraphUsage usage) {
    }

    /** A listing being walked: where it started (for restarts) and where it is. */
    private static final class Listing {
        final String key;
        final boolean follow;
        GraphQuery first;
        GraphQuery current;
        int restarts;
        int retries;

        Listing(String key, GraphQuery query, boolean follow) {
            this.key = key;
            this.first = query.fromStart();
            this.current = query;
            this.follow = follow;
        }
    }

    private final GraphHttp http;
    private final MetaConfig config;
    private final ObjectMapper json;
    private final Backoff backoff;
    /** The last usage Graph reported, per business and for the app: shared by every sync in this replica. */
    private final Map<String, Integer> businessUsage = new ConcurrentHashMap<>();
    private volatile int appUsage;

    GraphClient(@RestClient GraphHttp http, MetaConfig config, ObjectMapper json) {
        this.http = http;
        this.config = config;
        this.json = json;
        this.backoff = Backoff.of(config.retry());
        if (config.appsecretProof() && config.appSecret().isEmpty()) {
            throw new IllegalStateException("partnersync.meta.appsecret-proof needs partnersync.meta.app-secret");
        }
    }

    /** Reading with {@code token}, whose calls charge {@code businessId}'s budget. */
    public GraphSession session(String token, String businessId, GraphCallListener listener) {
        String proof = config.appsecretProof() ? appsecretProof(config.appSecret().orElseThrow(), token) : null;
        return new GraphSession(token, proof, businessId, listener);
    }

    public int pageLimit() {
        return config.pageLimit();
    }

    /** One read; the node or page as Graph answered it. */
    public JsonNode get(GraphSession session, GraphQuery query) {
        JsonNode[] answer = new JsonNode[1];
        run(session, List.of(new Listing("get", query, false)), (key, body) -> answer[0] = body);
        return answer[0];
    }

    /**
     * Walks every listing to its end. Their pages go out together, batched; {@code handler} sees each
     * page's {@code data} in order per listing. A restarted listing hands its pages again from the
     * first: handlers must tolerate repeats.
     */
    public void walk(GraphSession session, Map<String, GraphQuery> listings, PageHandler handler) {
        List<Listing> all = new ArrayList<>();
        listings.forEach((key, query) -> all.add(new Listing(key, query, true)));
        run(session, all, handler);
    }

    private void run(GraphSession session, List<Listing> listings, PageHandler handler) {
        Deque<Listing> pending = new ArrayDeque<>(listings);
        while (!pending.isEmpty()) {
            List<Listing> round = new ArrayList<>();
            while (round.size() < config.batchSize() && !pending.isEmpty()) {
                round.add(pending.poll());
            }
            List<Answer> answers = send(session, round);
            List<Listing> again = new ArrayList<>();
            Duration wait = Duration.ZERO;
            boolean throttled = false;
            GraphError lastError = null;
            for (int i = 0; i < round.size(); i++) {
                Listing listing = round.get(i);
                Outcome outcome = classify(answers.get(i), session);
                switch (outcome.kind()) {
                    case OK -> {
                        listing.retries = 0;
                        handler.page(listing.key, listing.follow ? outcome.body().path("data") : outcome.body());
                        String next = listing.follow ? outcome.body().path("paging").path("next").asText(null) : null;
                        if (next != null) {
                            listing.current = GraphQuery.next(next, listing.current.limit());
                            pending.add(listing);
                        }
                    }
                    case INVALID_CURSOR -> {
                        if (listing.restarts++ >= config.maxListingRestarts()) {
                            throw GraphFailure.of(outcome.error());
                        }
                        LOG.infof("Cursor of %s died (2642); restarting that listing from its first page", listing.current);
                        listing.current = listing.first.withLimit(listing.current.limit());
                        pending.add(listing);
                    }
                    case REDUCE_DATA -> {
                        if (listing.current.limit() > config.minPageLimit()) {
                            int halved = Math.max(config.minPageLimit(), listing.current.limit() / 2);
                            LOG.infof("Meta asked for less data (code 1) on %s; limit now %d", listing.current, halved);
                            listing.current = listing.current.withLimit(halved);
                            listing.first = listing.first.withLimit(halved);
                            pending.addFirst(listing);
                        } else {
                            wait = max(wait, retryLater(listing, outcome.error()));
                            lastError = outcome.error();
                            again.add(listing);
                        }
                    }
                    case THROTTLED -> {
                        throttled = true;
                        wait = max(wait, throttleWait(outcome.usage()));
                        lastError = outcome.error();
                        again.add(listing);
                    }
                    case TRANSIENT -> {
                        wait = max(wait, retryLater(listing, outcome.error()));
                        lastError = outcome.error();
                        again.add(listing);
                    }
                    case FAILED -> throw GraphFailure.of(outcome.error());
                }
            }
            if (!again.isEmpty()) {
                pause(session, wait, throttled, lastError);
                for (int i = again.size() - 1; i >= 0; i--) {
                    pending.addFirst(again.get(i));
                }
            }
        }
    }

    private List<Answer> send(GraphSession session, List<Listing> round) {
        pace(session);
        session.listener().requestSent(round.size());
        String version = config.graphVersion();
        try {
            if (round.size() == 1) {
                GraphQuery query = round.get(0).current;
                Map<String, String> params = new LinkedHashMap<>(query.query());
                if (session.appsecretProof() != null) {
                    params.put("appsecret_proof", session.appsecretProof());
                }
                String bearer = "Bearer " + session.token();
                try (Response response = query.edge() == null
                        ? http.node(version, query.node(), params, bearer)
                        : http.edge(version, query.node(), query.edge(), params, bearer)) {
                    return List.of(answer(response));
                }
            }
            ArrayNode items = json.createArrayNode();
            round.forEach(listing -> items.addObject().put("method", "GET")
                    .put("relative_url", listing.current.relativeUrl(version)));
            try (Response response = http.batch(version, session.token(), session.appsecretProof(),
                    items.toString(), "true")) {
                return batchAnswers(answer(response), round.size());
            }
        } catch (ProcessingException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("interrupted while calling Meta");
            }
            // The exception's message may name the address, never the token (it is not in the URL).
            Answer none = new Answer(0, Map.of(), null, "network failure: " + rootCause(e).getClass().getSimpleName());
            return Collections.nCopies(round.size(), none);
        }
    }

    /** The envelope's failure applies to every item; otherwise each item is its own answer. */
    private List<Answer> batchAnswers(Answer envelope, int size) {
        recordUsage(envelope.headers());
        JsonNode items = envelope.status() == 200 ? parse(envelope.body()) : null;
        if (items == null || !items.isArray() || items.size() != size) {
            return Collections.nCopies(size, envelope);
        }
        List<Answer> answers = new ArrayList<>(size);
        for (JsonNode item : items) {
            if (item == null || item.isNull()) {
                // Graph answers null for an item it did not complete in time.
                answers.add(new Answer(0, Map.of(), null, "batch item not completed by Meta"));
                continue;
            }
            Map<String, String> headers = new HashMap<>();
            item.path("headers").forEach(h -> headers.put(h.path("name").asText().toLowerCase(Locale.ROOT),
                    h.path("value").asText()));
            answers.add(new Answer(item.path("code").asInt(0), headers, item.path("body").asText(null)));
        }
        return answers;
    }

    private Outcome classify(Answer answer, GraphSession session) {
        GraphUsage usage = recordUsage(answer.headers());
        JsonNode body = parse(answer.body());
        JsonNode error = body == null ? null : body.get("error");
        if (error == null || !error.isObject()) {
            if (answer.status() >= 200 && answer.status() < 300 && body != null) {
                return new Outcome(Kind.OK, body, null, usage);
            }
            String what = answer.failure() != null ? answer.failure() : "HTTP " + answer.status() + " without a Graph error";
            return new Outcome(Kind.TRANSIENT, null, new GraphError(null, null, what, null), usage);
        }
        int code = error.path("code").asInt(0);
        GraphError graphError = new GraphError(code,
                error.hasNonNull("error_subcode") ? error.get("error_subcode").asInt() : null,
                error.path("message").asText(null), error.path("fbtrace_id").asText(null));
        if (code == GraphErrors.INVALID_CURSOR) {
            return new Outcome(Kind.INVALID_CURSOR, null, graphError, usage);
        }
        if (code == GraphErrors.REDUCE_DATA) {
            return new Outcome(Kind.REDUCE_DATA, null, graphError, usage);
        }
        if (GraphErrors.isThrottling(code) || code == GraphErrors.TEMPORARILY_BLOCKED) {
            return new Outcome(Kind.THROTTLED, null, graphError, usage);
        }
        if (GraphErrors.isTokenInvalid(code) || GraphErrors.isPermission(code)) {
            return new Outcome(Kind.FAILED, null, graphError, usage);
        }
        boolean transientError = code == GraphErrors.UNKNOWN_ERROR || answer.status() >= 500
                || error.path("is_transient").asBoolean(false);
        return new Outcome(transientError ? Kind.TRANSIENT : Kind.FAILED, null, graphError, usage);
    }

    /** How long before the listing is tried again; ends the read once its retries are spent. */
    private Duration retryLater(Listing listing, GraphError error) {
        if (++listing.retries > config.retry().maxRetries()) {
            throw GraphFailure.unavailable("Meta stayed unavailable after " + config.retry().maxRetries()
                    + " retries of " + listing.current + ": " + error.message(), error);
        }
        return backoff.forRetry(listing.retries, ThreadLocalRandom.current());
    }

    /**
     * Graph's estimate is in whole minutes (the simulator rounds its seconds-long test windows up
     * to one minute), so it is capped; without an estimate the default wait applies.
     */
    private Duration throttleWait(GraphUsage usage) {
        Duration estimate = usage.regainAccess().isZero() ? config.throttle().defaultWait() : usage.regainAccess();
        return min(estimate, config.throttle().maxWait());
    }

    private void pause(GraphSession session, Duration wait, boolean throttled, GraphError lastError) {
        if (throttled) {
            if (session.throttledSoFar().plus(wait).compareTo(config.throttle().giveUpAfter()) > 0) {
                throw GraphFailure.unavailable("Meta kept throttling business " + session.businessId()
                        + " for longer than " + config.throttle().giveUpAfter(), lastError);
            }
            session.addThrottled(wait);
        }
        if (throttled) {
            LOG.warnf("Meta throttled business %s (code %s, fbtrace %s); waiting %d ms", session.businessId(),
                    lastError.code(), lastError.fbtraceId(), wait.toMillis());
        } else {
            LOG.infof("Transient Meta failure for business %s (%s); retrying in %d ms", session.businessId(),
                    lastError.message(), wait.toMillis());
        }
        session.listener().waiting(wait, throttled);
        sleep(wait);
        session.listener().resumed();
    }

    /**
     * Before each HTTP request (one call or a whole batch alike): above the configured usage it
     * waits a little, so the budget is not spent in a burst. The usage is the higher of the app's
     * and the session's business's, as Graph last reported them to this replica in any sync's answers.
     */
    private void pace(GraphSession session) {
        int usage = Math.max(appUsage, businessUsage.getOrDefault(session.businessId(), 0));
        Duration delay = GraphUsage.paceDelay(usage, config.usage().slowDownAbove(), config.usage().maxPaceDelay());
        if (!delay.isZero()) {
            LOG.debugf("Usage of business %s at %d%%: pacing %d ms", session.businessId(), usage, delay.toMillis());
            session.listener().paced(delay);
            sleep(delay);
        }
    }

    private GraphUsage recordUsage(Map<String, String> headers) {
        String app = headers.get("x-app-usage");
        String business = headers.get("x-business-use-case-usage");
        GraphUsage usage = GraphUsage.parse(app, business);
        if (app != null) {
            appUsage = usage.appPercent();
        }
        businessUsage.putAll(usage.businessPercent());
        return usage;
    }

    /** Status, usage headers and body, whatever the status: Graph's errors are in the body. */
    private static Answer answer(Response response) {
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of(GraphUsage.APP_USAGE, GraphUsage.BUSINESS_USAGE)) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name.toLowerCase(Locale.ROOT), value);
            }
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        return new Answer(response.getStatus(), headers, body);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting to call Meta");
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String appsecretProof(String appSecret, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
