package io.partnersync.simulator.graph;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Graph call, from HTTP or from a batch item.
 *
 * @param version the path's version segment such as {@code v25.0}, or null when the path had none
 * @param path    the path after the version, e.g. {@code /123/business_users}
 * @param params  query and form parameters in their original order
 * @param baseUrl scheme, host and port the client used: paging links point back there
 */
public record GraphRequest(String method, String version, String path, Map<String, String> params, String baseUrl) {

    public GraphRequest {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public String param(String name) {
        return params.get(name);
    }

    public String accessToken() {
        return params.get("access_token");
    }

    public List<String> segments() {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }

    /** Parameter names only: the values hold the access token, which must not reach logs. */
    @Override
    public String toString() {
        return "GraphRequest[" + method + " " + versionPrefix() + path + " " + params.keySet() + "]";
    }

    /** Prefix for links that must stay on the version the client called. */
    public String versionPrefix() {
        return version == null ? "" : "/" + version;
    }
}
