package io.partnersync.tokenvault.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Replays Vault's KV v2 HTTP API from recorded exchanges: each expected request (method, path
 * with query, JSON body) is answered with Vault's recorded status and body, in order. Every
 * request that arrived is kept for the test to assert, with its {@code X-Vault-Token}. Answers
 * are in {@link VaultAnswers}.
 */
public final class RecordedVault implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private record Exchange(String method, String pathAndQuery, boolean bodyCompared, String requestBody, int status,
            String responseBody) {
    }

    public record Received(String method, String pathAndQuery, String vaultToken, JsonNode body) {
    }

    private final HttpServer server;
    private final Deque<Exchange> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private final List<String> mismatches = new ArrayList<>();

    public RecordedVault() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request must be this one, with this JSON body ({@code null}: none). */
    public synchronized RecordedVault expect(String method, String pathAndQuery, String requestBody, int status,
            String responseBody) {
        script.add(new Exchange(method, pathAndQuery, true, requestBody, status, responseBody));
        return this;
    }

    /**
     * The next request must be this one, with any body: for a body holding what the caller makes
     * up (a service's new tokenRef), which the test then asserts from {@link #received()}.
     */
    public synchronized RecordedVault expectAnyBody(String method, String pathAndQuery, int status, String responseBody) {
        script.add(new Exchange(method, pathAndQuery, false, null, status, responseBody));
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests that were not the next recorded one, and recorded ones never asked for. */
    public synchronized List<String> problems() {
        List<String> all = new ArrayList<>(mismatches);
        script.forEach(left -> all.add("never requested: " + left.method() + " " + left.pathAndQuery()));
        return all;
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode json = body.isBlank() ? null : JSON.readTree(body);
        received.add(new Received(exchange.getRequestMethod(), pathAndQuery,
                exchange.getRequestHeaders().getFirst("X-Vault-Token"), json));
        Exchange next = script.poll();
        if (next == null || !next.method().equals(exchange.getRequestMethod()) || !next.pathAndQuery().equals(pathAndQuery)
                || next.bodyCompared() && !sameJson(next.requestBody(), json)) {
            mismatches.add("unexpected: " + exchange.getRequestMethod() + " " + pathAndQuery + " " + json
                    + (next == null ? "" : " (expected " + next.method() + " " + next.pathAndQuery() + " " + next.requestBody() + ")"));
            respond(exchange, 500, "{\"errors\":[\"not in the recording\"]}");
            return;
        }
        respond(exchange, next.status(), next.responseBody());
    }

    private static boolean sameJson(String expected, JsonNode actual) throws IOException {
        return expected == null ? actual == null : actual != null && JSON.readTree(expected).equals(actual);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
