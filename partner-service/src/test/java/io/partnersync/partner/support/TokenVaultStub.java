package io.partnersync.partner.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.partnersync.testkit.TestJwt;

/**
 * token-vault-service as its contract describes it, over real HTTP, for partner-service's
 * tests: it answers {@code POST /internal/tokens} with 201 metadata, 422 with the failures
 * a test scripted for a token, or 503 with Retry-After while Meta is "unavailable"; and
 * {@code DELETE /internal/tokens/{tokenRef}} with 204 or 404. It checks the service JWT's
 * signature, records every request, and can be stopped and started on the same port to play
 * a token-vault-service that is down. One per test JVM.
 */
public final class TokenVaultStub {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TokenVaultStub shared;

    /** A failed check, as token-vault-service reports it. */
    public record Failure(String check, String message) {
    }

    /** A request as the stub received it. */
    public record Recorded(String method, String path, String authorization, String body, int answeredStatus,
            String answer) {

        public JsonNode json() {
            return parse(body);
        }

        /** The tokenRef the stub issued for a store it answered 201. */
        public String issuedTokenRef() {
            return parse(answer).path("tokenRef").asText(null);
        }

        private static JsonNode parse(String text) {
            try {
                return JSON.readTree(text == null ? "{}" : text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The service JWT's subject, key id and whether its signature verifies with the test key. */
        public ServiceJwt serviceJwt() {
            return ServiceJwt.parse(authorization);
        }
    }

    public record ServiceJwt(String subject, String keyId, boolean signatureValid, String issuer) {

        static ServiceJwt parse(String authorization) {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return new ServiceJwt(null, null, false, null);
            }
            String[] parts = authorization.substring("Bearer ".length()).split("\\.");
            if (parts.length != 3) {
                return new ServiceJwt(null, null, false, null);
            }
            try {
                JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
                JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
                return new ServiceJwt(claims.path("sub").asText(null), header.path("kid").asText(null),
                        verifies(parts), claims.path("iss").asText(null));
            } catch (IOException | IllegalArgumentException e) {
                return new ServiceJwt(null, null, false, null);
            }
        }

        private static boolean verifies(String[] parts) {
            try {
                PublicKey key = KeyFactory.getInstance("RSA").generatePublic(
                        new X509EncodedKeySpec(Base64.getDecoder().decode(TestJwt.publicKeyBase64())));
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initVerify(key);
                rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
            } catch (Exception e) {
                return false;
            }
        }
    }

    private final int port;
    private HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<Failure>> refusals = new ConcurrentHashMap<>();
    private final Set<String> storedRefs = ConcurrentHashMap.newKeySet();
    private volatile Integer metaUnavailableRetryAfter;
    private volatile Runnable beforeStoreAnswer;

    private TokenVaultStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        port = server.getAddress().getPort();
        serve();
    }

    public static synchronized TokenVaultStub shared() {
        if (shared == null) {
            try {
                shared = new TokenVaultStub();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the token-vault-service stub", e);
            }
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Forgets scripted answers and recorded requests; starts it again if a test left it down. */
    public synchronized void reset() {
        refusals.clear();
        metaUnavailableRetryAfter = null;
        beforeStoreAnswer = null;
        requests.clear();
        if (server == null) {
            up();
        }
    }

    /** The next stores of this token answer 422 with these failures. */
    public void refuse(String token, Failure... failures) {
        refusals.put(token, List.of(failures));
    }

    /** Stores answer 503 meta-unavailable with this Retry-After until {@link #reset}. */
    public void metaUnavailable(int retryAfterSeconds) {
        metaUnavailableRetryAfter = retryAfterSeconds;
    }

    /** Runs {@code action} after a token was stored and before the 201 goes out. */
    public void beforeStoreAnswers(Runnable action) {
        beforeStoreAnswer = action;
    }

    /** Stops listening: connections to its port are refused. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on port " + port + " again", e);
        }
        serve();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public List<Recorded> stores() {
        return requests.stream().filter(r -> r.method().equals("POST")).toList();
    }

    public List<Recorded> deletes() {
        return requests.stream().filter(r -> r.method().equals("DELETE")).toList();
    }

    public boolean holds(String tokenRef) {
        return storedRefs.contains(tokenRef);
    }

    private void serve() {
        server.createContext("/internal/tokens", this::handle);
        server.start();
    }

    /** What the stub answers; recorded with the request before it is sent, so a test never races the recording. */
    private record Answer(int status, Object body, Integer retryAfter) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Answer answer;
        if (!ServiceJwt.parse(authorization).signatureValid()) {
            answer = new Answer(401, problem(401, "unauthenticated", "Authentication required", "No valid service JWT."), null);
        } else if (method.equals("POST") && path.equals("/internal/tokens")) {
            answer = store(JSON.readTree(body));
        } else if (method.equals("DELETE") && path.startsWith("/internal/tokens/")) {
            String tokenRef = path.substring("/internal/tokens/".length());
            answer = storedRefs.remove(tokenRef) ? new Answer(204, null, null)
                    : new Answer(404, problem(404, "token-not-found", "Token not found", "No token " + tokenRef + "."), null);
        } else {
            answer = new Answer(404, problem(404, "not-found", "Not Found", "No such endpoint."), null);
        }
        byte[] answerBody = answer.body() == null ? null : JSON.writeValueAsBytes(answer.body());
        requests.add(new Recorded(method, path, authorization, body, answer.status(),
                answerBody == null ? null : new String(answerBody, StandardCharsets.UTF_8)));
        send(exchange, answer.status(), answer.retryAfter(), answerBody);
    }

    private Answer store(JsonNode request) {
        String token = request.path("token").asText();
        Integer retryAfter = metaUnavailableRetryAfter;
        if (retryAfter != null) {
            Map<String, Object> problem = problem(503, "meta-unavailable", "Meta is unavailable",
                    "Meta could not be reached to validate the token.");
            problem.put("retryAfterSeconds", retryAfter);
            return new Answer(503, problem, retryAfter);
        }
        List<Failure> failures = refusals.get(token);
        if (failures != null) {
            Map<String, Object> problem = problem(422, "token-rejected", "The token was rejected",
                    failures.stream().map(Failure::message).collect(Collectors.joining(" ")));
            problem.put("failures", failures);
            return new Answer(422, problem, null);
        }
        String tokenRef = "tok_" + UUID.randomUUID();
        storedRefs.add(tokenRef);
        Runnable hook = beforeStoreAnswer;
        if (hook != null) {
            hook.run();
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tokenRef", tokenRef);
        metadata.put("ownerKind", request.path("ownerKind").asText());
        metadata.put("ownerId", request.path("ownerId").asText());
        metadata.put("workspaceId", request.path("workspaceId").asText());
        metadata.put("businessId", request.path("businessId").asText());
        metadata.put("businessName", "Business " + request.path("businessId").asText());
        metadata.put("status", "ACTIVE");
        metadata.put("fingerprint", Map.of("last4", token.substring(token.length() - 4), "sha256Prefix", sha256Prefix(token)));
        metadata.put("systemUserId", "61550000000001");
        metadata.put("systemUserName", "partnersync");
        metadata.put("appId", "2965389650414399");
        metadata.put("scopes", List.of("ads_management", "business_management", "catalog_management",
                "pages_manage_metadata", "pages_read_engagement", "pages_show_list"));
        metadata.put("expiresAt", null);
        metadata.put("warnings", List.of());
        metadata.put("storedAt", Instant.now().toString());
        metadata.put("lastValidatedAt", Instant.now().toString());
        return new Answer(201, metadata, null);
    }

    public static String sha256Prefix(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> problem(int status, String slug, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://partnersync.io/problems/" + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    private static void send(HttpExchange exchange, int status, Integer retryAfter, byte[] body) throws IOException {
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
        }
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
