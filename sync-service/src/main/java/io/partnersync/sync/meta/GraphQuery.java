package io.partnersync.sync.meta;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One Graph read, {@code GET /{node}[/{edge}]}, with its page size and cursor kept apart from the
 * other parameters, so the client can halve the limit (code 1) or restart the listing (2642).
 * {@code fields} is rendered for the current limit: a field expansion carries its limits inside
 * {@code fields}, e.g. {@code business_users.limit(500){id,name}}.
 *
 * @param limitParam whether the limit goes in a {@code limit} parameter (an edge) or only in {@code fields}
 */
public record GraphQuery(String node, String edge, Map<String, String> params, IntFunction<String> fields,
        boolean limitParam, int limit, String after) {

    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");
    /** Never carried over from a paging link: the client adds its own credentials. */
    private static final List<String> NOT_CARRIED = List.of("access_token", "appsecret_proof", "limit", "after", "before");

    public GraphQuery {
        params = Map.copyOf(params);
    }

    /** {@code GET /{node}/{edge}?fields=..&limit=..}: one page of an edge. */
    public static GraphQuery edge(String node, String edge, Map<String, String> params, String fields, int limit) {
        return new GraphQuery(node, edge, params, limitIgnored -> fields, true, limit, null);
    }

    /** {@code GET /{node}?fields=..}: a node with edges expanded; {@code fields} renders them for a limit. */
    public static GraphQuery expansion(String node, IntFunction<String> fields, int limit) {
        return new GraphQuery(node, null, Map.of(), fields, false, limit, null);
    }

    /**
     * The listing a {@code paging.next} link continues. Only its path and parameters are used: the
     * call goes to the configured Graph address with the client's own credentials, whatever host
     * and token the link names.
     */
    public static GraphQuery next(String nextLink, int limitWhenAbsent) {
        URI uri = URI.create(nextLink);
        List<String> segments = List.of(uri.getRawPath().split("/")).stream().filter(s -> !s.isEmpty())
                .filter(s -> !VERSION.matcher(s).matches()).toList();
        if (segments.isEmpty() || segments.size() > 2) {
            throw new IllegalArgumentException("Not a Graph edge link: " + uri.getRawPath());
        }
        Map<String, String> all = decode(uri.getRawQuery());
        int limit = all.containsKey("limit") ? Integer.parseInt(all.get("limit")) : limitWhenAbsent;
        String after = all.get("after");
        String fields = all.remove("fields");
        Map<String, String> params = new LinkedHashMap<>(all);
        NOT_CARRIED.forEach(params::remove);
        return new GraphQuery(segments.get(0), segments.size() == 2 ? segments.get(1) : null, params,
                limitIgnored -> fields, true, limit, after);
    }

    public GraphQuery withLimit(int newLimit) {
        return new GraphQuery(node, edge, params, fields, limitParam, newLimit, after);
    }

    /** The first page of the same listing, with the current limit. */
    public GraphQuery fromStart() {
        return new GraphQuery(node, edge, params, fields, limitParam, limit, null);
    }

    /** Query parameters, credentials excluded. */
    public Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>(params);
        String renderedFields = fields.apply(limit);
        if (renderedFields != null) {
            query.put("fields", renderedFields);
        }
        if (limitParam) {
            query.put("limit", String.valueOf(limit));
        }
        if (after != null) {
            query.put("after", after);
        }
        return query;
    }

    /** As a batch item's {@code relative_url}. */
    public String relativeUrl(String version) {
        String path = version + "/" + node + (edge == null ? "" : "/" + edge);
        String encoded = query().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return encoded.isEmpty() ? path : path + "?" + encoded;
    }

    /** Without parameter values, which is what a log line may show. */
    @Override
    public String toString() {
        return "GET /" + node + (edge == null ? "" : "/" + edge) + " limit=" + limit + (after == null ? "" : " (continued)");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
