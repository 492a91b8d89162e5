package io.partnersync.simulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Graph answer: status, headers (usage headers included) and the JSON body as text. */
public record GraphResponse(int status, Map<String, String> headers, String body) {

    private static final String JSON_CONTENT_TYPE = "application/json; charset=UTF-8";

    static GraphResponse ok(JsonNode body, Map<String, String> extraHeaders) {
        return json(200, body, extraHeaders);
    }

    static GraphResponse error(GraphError error, Map<String, String> extraHeaders) {
        return json(error.httpStatus(), error.toJson(), extraHeaders);
    }

    private static GraphResponse json(int status, JsonNode body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON_CONTENT_TYPE);
        headers.putAll(extraHeaders);
        return new GraphResponse(status, headers, body.toString());
    }
}
