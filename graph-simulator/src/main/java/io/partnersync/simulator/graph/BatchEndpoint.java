package io.partnersync.simulator.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnersync.simulator.data.Json;
import io.partnersync.simulator.data.Token;
import io.partnersync.simulator.state.GraphStore;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /} with {@code batch=[{method, relative_url}, ...]}: at most 50 calls, each answered
 * on its own as {@code {code, headers, body}} with the body as a JSON string. Each item is a full
 * Graph call: counted, charged against the budget, and free to fail while the others succeed.
 */
final class BatchEndpoint {

    static final int MAX_ITEMS = 50;
    private static final Pattern RELATIVE_URL = Pattern.compile("^/?(?:(v\\d+\\.\\d+)(?=/|\\?|$))?/?([^?]*)(?:\\?(.*))?$");

    private final GraphApi graph;
    private final GraphStore store;
    private final UsageMeter usageMeter;
    private final RequestCounter counter;

    BatchEndpoint(GraphApi graph, GraphStore store, UsageMeter usageMeter, RequestCounter counter) {
        this.graph = graph;
        this.store = store;
        this.usageMeter = usageMeter;
        this.counter = counter;
    }

    GraphResponse handle(GraphRequest request) {
        counter.count("POST /", request.accessToken());
        try {
            ArrayNode items = parse(request.param("batch"));
            ArrayNode answers = Json.MAPPER.createArrayNode();
            for (JsonNode item : items) {
                answers.add(answer(call(request, item)));
            }
            return GraphResponse.ok(answers, envelopeUsage(request.accessToken()));
        } catch (GraphError error) {
            return GraphResponse.error(error, Map.of());
        }
    }

    private static ArrayNode parse(String batch) {
        if (batch == null) {
            throw GraphError.missingParameter("batch");
        }
        JsonNode items;
        try {
            items = Json.MAPPER.readTree(batch);
        } catch (JsonProcessingException e) {
            throw GraphError.invalidParameter("The parameter batch must be a JSON array");
        }
        if (!items.isArray()) {
            throw GraphError.invalidParameter("The parameter batch must be a JSON array");
        }
        if (items.size() > MAX_ITEMS) {
            throw GraphError.tooManyBatchRequests(MAX_ITEMS);
        }
        return (ArrayNode) items;
    }

    private GraphResponse call(GraphRequest batch, JsonNode item) {
        try {
            return graph.call(itemRequest(batch, item));
        } catch (GraphError malformedItem) {
            return GraphResponse.error(malformedItem, Map.of());
        }
    }

    /** An item inherits the batch's access token and appsecret_proof unless it names its own token. */
    private static GraphRequest itemRequest(GraphRequest batch, JsonNode item) {
        String method = item.path("method").asText("GET").toUpperCase();
        Matcher url = RELATIVE_URL.matcher(item.path("relative_url").asText(""));
        if (!url.matches()) {
            throw GraphError.invalidParameter("Invalid relative_url in batch: " + item.path("relative_url"));
        }
        Map<String, String> params = QueryString.parse(url.group(3));
        if (!params.containsKey("access_token") && batch.accessToken() != null) {
            params.put("access_token", batch.accessToken());
            if (batch.param("appsecret_proof") != null) {
                params.putIfAbsent("appsecret_proof", batch.param("appsecret_proof"));
            }
        }
        String version = url.group(1) != null ? url.group(1) : batch.version();
        return new GraphRequest(method, version, "/" + url.group(2), params, batch.baseUrl());
    }

    private static ObjectNode answer(GraphResponse response) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("code", response.status());
        ArrayNode headers = answer.putArray("headers");
        response.headers().forEach((name, value) -> headers.addObject().put("name", name).put("value", value));
        answer.put("body", response.body());
        return answer;
    }

    /** The batch answer itself carries the usage of the batch token's business after all items ran. */
    private Map<String, String> envelopeUsage(String accessToken) {
        Optional<String> businessId = accessToken == null ? Optional.empty()
                : store.read(data -> data.token(accessToken).map(Token::businessId));
        return businessId.map(id -> usageMeter.peek(id).headers()).orElse(Map.of());
    }
}
