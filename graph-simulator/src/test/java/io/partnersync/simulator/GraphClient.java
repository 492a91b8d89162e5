package io.partnersync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnersync.simulator.data.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Test client: real HTTP against a simulator, answers parsed as JSON. */
final class GraphClient {

    static final String VERSION = "/v25.0";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    GraphClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Answer(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        JsonNode error() {
            return json().path("error");
        }

        int errorCode() {
            return error().path("code").asInt();
        }

        int errorSubcode() {
            return error().path("error_subcode").asInt();
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        JsonNode usage(String header) {
            try {
                return Json.MAPPER.readTree(header(header));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code GET /v25.0<path>} with name/value pairs as the query. */
    Answer get(String path, String... params) {
        return getUrl(baseUrl + VERSION + path + "?" + encode(pairs(params)));
    }

    Answer getUrl(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A form POST to a Graph path, e.g. a batch to {@code /v25.0/}. */
    Answer postForm(String path, String... params) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(pairs(params)))));
    }

    /** A call to the control API: {@code control("POST", "/businesses/1/business_users", json)}. */
    Answer control(String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/_sim" + path))
                .header("Content-Type", "application/json")
                .method(method, body));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            return new Answer(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> pairs(String... params) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return map;
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
