package io.partnersync.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.partnersync.testkit.TestJwt;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * token-vault-service as sync-service sees it, recorded from the contract: {@code GET
 * /internal/tokens/{tokenRef}/secret} with a service JWT of sync-service (signature, issuer,
 * subject and key id checked), answering the token a test registered for the reference, 404 for
 * one it destroyed, a chosen failure for one it breaks, and nothing at all while it is down.
 */
public class TokenVaultStub implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "/internal/tokens/";
    private static final String SUFFIX = "/secret";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> FAILURES = new ConcurrentHashMap<>();
    private static final List<String> SERVED = new CopyOnWriteArrayList<>();
    private static final List<String> REFUSED = new CopyOnWriteArrayList<>();
    private static HttpServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        synchronized (TokenVaultStub.class) {
            if (server == null) {
                listen(0);
            }
        }
        return Map.of("quarkus.rest-client.token-vault.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM, as the other resources are.
    }

    public static String register(String tokenRef, String token) {
        TOKENS.put(tokenRef, token);
        return tokenRef;
    }

    /** The token is gone: 404, as after a disconnect. */
    public static void destroy(String tokenRef) {
        TOKENS.remove(tokenRef);
    }

    /** Reading this reference answers {@code status} with a problem body. */
    public static void failWith(String tokenRef, int status) {
        FAILURES.put(tokenRef, status);
    }

    /** Nobody listens on the port any more: connections are refused. */
    public static synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public static synchronized void up() {
        if (server == null) {
            listen(port);
        }
    }

    public static void reset() {
        up();
        TOKENS.clear();
        FAILURES.clear();
        SERVED.clear();
        REFUSED.clear();
    }

    /** Token references handed out (their answers written), in order. */
    public static List<String> served() {
        return List.copyOf(SERVED);
    }

    /** Why calls were refused (bad or missing service JWT). */
    public static List<String> refused() {
        return List.copyOf(REFUSED);
    }

    private static void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the token-vault stub", e);
        }
        server.createContext("/", TokenVaultStub::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET") || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
                answer(exchange, 404, problem(404, "not-found", "No such route"));
                return;
            }
            String caller = caller(exchange.getRequestHeaders().getFirst("Authorization"));
            if (caller == null) {
                answer(exchange, 401, problem(401, "unauthenticated", "A valid service JWT is required"));
                return;
            }
            if (!caller.equals("sync-service")) {
                REFUSED.add("service " + caller + " may not read secrets");
                answer(exchange, 403, problem(403, "forbidden", "Only sync-service reads secrets"));
                return;
            }
            String tokenRef = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
            Integer failure = FAILURES.get(tokenRef);
            if (failure != null) {
                answer(exchange, failure, problem(failure, "failure", "Injected by the test"));
                return;
            }
            String token = TOKENS.get(tokenRef);
            if (token == null) {
                answer(exchange, 404, problem(404, "token-not-found", "No live token " + tokenRef));
                return;
            }
            answer(exchange, 200, "{\"tokenRef\":\"" + tokenRef + "\",\"token\":\"" + token + "\"}");
            // Only once the answer is written: a test that takes the vault down as soon as a token was
            // served must not cut that very answer off.
            SERVED.add(tokenRef);
        }
    }

    /** The service named by a valid service JWT (subject and key id agreeing), or null. */
    private static String caller(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            REFUSED.add("no bearer token");
            return null;
        }
        try {
            JwtConsumer consumer = new JwtConsumerBuilder()
                    .setVerificationKey(publicKey())
                    .setExpectedIssuer(TestJwt.ISSUER)
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .build();
            JwtContext context = consumer.process(authorization.substring("Bearer ".length()));
            String subject = context.getJwtClaims().getSubject();
            String keyId = context.getJoseObjects().get(0).getKeyIdHeaderValue();
            if (!subject.equals(keyId)) {
                REFUSED.add("subject " + subject + " but key id " + keyId);
                return null;
            }
            return subject;
        } catch (Exception e) {
            REFUSED.add("invalid service JWT: " + e.getClass().getSimpleName());
            return null;
        }
    }

    private static PublicKey publicKey() throws Exception {
        byte[] encoded = Base64.getDecoder().decode(TestJwt.publicKeyBase64());
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(encoded));
    }

    private static String problem(int status, String slug, String detail) {
        return "{\"type\":\"https://partnersync.io/problems/" + slug + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\"}";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
