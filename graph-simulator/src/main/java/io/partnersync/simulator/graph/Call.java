package io.partnersync.simulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnersync.simulator.data.Token;
import io.partnersync.simulator.graph.FieldSelection.RequestedField;
import io.partnersync.simulator.graph.Paging.Links;
import io.partnersync.simulator.graph.Paging.PageRequest;
import io.partnersync.simulator.state.GraphData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** One authenticated Graph call: the data it reads, the caller's token, the request and its paging rules. */
record Call(GraphData data, Token token, GraphRequest request, Paging paging) {

    /** Parameters a nested edge's paging links carry over, besides its own fields and limit. */
    private static final List<String> LINK_CREDENTIALS = List.of("access_token", "appsecret_proof");

    FieldSelection fields() {
        return FieldSelection.parse(request.param("fields"));
    }

    <T> ObjectNode node(T item, NodeType<T> type) {
        List<RequestedField> selected = type.selectedOrDefault(fields());
        type.requireKnown(selected);
        return type.render(item, selected, data);
    }

    /** An edge read on its own, {@code GET /{node}/{edge}}: paging links repeat every parameter of the call. */
    <T> ObjectNode listing(String path, NavigableMap<Long, T> items, NodeType<T> type) {
        List<RequestedField> selected = type.selectedOrDefault(fields());
        type.requireKnown(selected);
        PageRequest page = paging.request(request.param("limit"), request.param("after"), request.param("before"));
        Links links = new Links(request.baseUrl(), request.versionPrefix(), path, request.params());
        return paging.respond(items, page, links, wantsTotalCount(request.param("summary")),
                item -> type.render(item, selected, data));
    }

    /**
     * An edge expanded in a node's fields, e.g. {@code business_users.limit(2){id,name}}. As in Graph,
     * its paging links address the edge itself, with the nested fields as {@code fields}.
     */
    <T> ObjectNode nestedListing(String path, NavigableMap<Long, T> items, NodeType<T> type, RequestedField field) {
        List<RequestedField> selected = type.selectedOrDefault(field.subfields());
        type.requireKnown(selected);
        Map<String, String> modifiers = field.modifiers();
        PageRequest page = paging.request(modifiers.get("limit"), modifiers.get("after"), modifiers.get("before"));
        Map<String, String> linkParams = new LinkedHashMap<>();
        for (String credential : LINK_CREDENTIALS) {
            if (request.param(credential) != null) {
                linkParams.put(credential, request.param(credential));
            }
        }
        if (field.subfields() != null) {
            linkParams.put("fields", field.subfields().text());
        }
        Links links = new Links(request.baseUrl(), request.versionPrefix(), path, linkParams);
        return paging.respond(items, page, links, wantsTotalCount(modifiers.get("summary")),
                item -> type.render(item, selected, data));
    }

    private static boolean wantsTotalCount(String summary) {
        return "total_count".equals(summary) || "true".equals(summary);
    }
}
