package io.partnersync.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.partnersync.simulator.control.ControlApi;
import io.partnersync.simulator.data.Json;
import io.partnersync.simulator.graph.FaultInjector;
import io.partnersync.simulator.graph.GraphApi;
import io.partnersync.simulator.graph.GraphError;
import io.partnersync.simulator.graph.GraphRequest;
import io.partnersync.simulator.graph.GraphResponse;
import io.partnersync.simulator.graph.QueryString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP front: {@code /_sim/**} goes to the control API, every other path is a Graph call, with
 * or without a version segment ({@code /v25.0/...}; any {@code vN.N} is accepted, as Graph accepts
 * unversioned paths too). Parameters come from the query, a form body or a JSON body, as in Graph.
 */
public final class SimulatorHttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SimulatorHttpServer.class.getName());
    /** Enough for parallel sync workers even while injected latency holds threads asleep. */
    private static final int THREADS = 32;
    private static final Pattern VERSIONED_PATH = Pattern.compile("^/(v\\d+\\.\\d+)(/.*)?$");
    private static final String BEARER = "Bearer ";
    private static final String OAUTH = "OAuth ";

    static {
        // The JDK server sends headers and body as two writes; without TCP_NODELAY, Nagle's algorithm
        // and delayed ACKs hold every answer back about 40 ms. Read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final GraphApi graph;
    private final ControlApi control;
    private final FaultInjector faults;

    public SimulatorHttpServer(String host, int port, GraphApi graph, ControlApi control, FaultInjector faults) {
        this.graph = graph;
        this.control = control;
        this.faults = faults;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        executor = Executors.newFixedThreadPool(THREADS);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath();
            String body = readBody(exchange.getRequestBody());
            if (ControlApi.isControlPath(path)) {
                ControlApi.Answer answer = control.handle(exchange.getRequestMethod(), path, body);
                send(exchange, answer.status(), Map.of("Content-Type", "application/json"), answer.json());
            } else {
                pauseForInjectedLatency();
                GraphResponse response = graph.handle(graphRequest(exchange, path, body));
                send(exchange, response.status(), response.headers(), response.body());
            }
        } catch (GraphError badRequest) {
            sendQuietly(exchange, badRequest);
        } catch (Exception unexpected) {
            LOG.log(System.Logger.Level.ERROR, "request failed inside the simulator", unexpected);
            sendQuietly(exchange, GraphError.unexpected());
        } finally {
            exchange.close();
        }
    }

    private GraphRequest graphRequest(HttpExchange exchange, String path, String body) {
        String version = null;
        Matcher versioned = VERSIONED_PATH.matcher(path);
        if (versioned.matches()) {
            version = versioned.group(1);
            path = versioned.group(2) == null ? "/" : versioned.group(2);
        }
        Map<String, String> params = QueryString.parse(exchange.getRequestURI().getRawQuery());
        params.putAll(bodyParams(exchange.getRequestHeaders().getFirst("Content-Type"), body));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && !params.containsKey("access_token")) {
            if (authorization.startsWith(BEARER)) {
                params.put("access_token", authorization.substring(BEARER.length()).trim());
            } else if (authorization.startsWith(OAUTH)) {
                params.put("access_token", authorization.substring(OAUTH.length()).trim());
            }
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        String baseUrl = "http://" + (host != null ? host : "127.0.0.1:" + port());
        return new GraphRequest(exchange.getRequestMethod(), version, path, params, baseUrl);
    }

    private static Map<String, String> bodyParams(String contentType, String body) {
        if (body.isEmpty() || contentType == null) {
            return Map.of();
        }
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            return QueryString.parse(body);
        }
        if (contentType.startsWith("application/json")) {
            try {
                Map<String, String> params = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : Json.MAPPER.readTree(body).properties()) {
                    JsonNode value = field.getValue();
                    params.put(field.getKey(), value.isTextual() ? value.textValue() : value.toString());
                }
                return params;
            } catch (IOException e) {
                throw GraphError.invalidParameter("The request body is not valid JSON");
            }
        }
        return Map.of();
    }

    private void pauseForInjectedLatency() throws InterruptedException {
        long latency = faults.current().latencyMs();
        if (latency > 0) {
            Thread.sleep(latency);
        }
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendQuietly(HttpExchange exchange, GraphError error) {
        try {
            send(exchange, error.httpStatus(), Map.of("Content-Type", "application/json; charset=UTF-8"),
                    error.toJson().toString());
        } catch (IOException | RuntimeException alreadyAnswered) {
            LOG.log(System.Logger.Level.DEBUG, "could not send the error answer", alreadyAnswered);
        }
    }
}
