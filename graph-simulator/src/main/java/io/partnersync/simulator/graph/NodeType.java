package io.partnersync.simulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnersync.simulator.data.Json;
import io.partnersync.simulator.graph.FieldSelection.RequestedField;
import io.partnersync.simulator.state.GraphData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A kind of Graph node: the fields it has and how to read them. Asking for a field it lacks fails as
 * Graph fails; a field whose value is absent is left out of the answer, as Graph leaves it out.
 */
final class NodeType<T> {

    private final String graphName;
    private final List<String> defaultFields;
    private final Map<String, BiFunction<T, GraphData, Object>> fields = new LinkedHashMap<>();

    private NodeType(String graphName, List<String> defaultFields) {
        this.graphName = graphName;
        this.defaultFields = defaultFields;
    }

    /** {@code defaultFields} answer when the request has no {@code fields} parameter. */
    static <T> NodeType<T> of(String graphName, List<String> defaultFields) {
        return new NodeType<>(graphName, defaultFields);
    }

    NodeType<T> field(String name, Function<T, Object> reader) {
        fields.put(name, (item, data) -> reader.apply(item));
        return this;
    }

    /** A field whose value needs other data, such as the name of the user's business. */
    NodeType<T> lookup(String name, BiFunction<T, GraphData, Object> reader) {
        fields.put(name, reader);
        return this;
    }

    String graphName() {
        return graphName;
    }

    /** Checks the selection up front, so an unknown field fails even on an empty page. */
    void requireKnown(List<RequestedField> selected) {
        for (RequestedField field : selected) {
            if (!fields.containsKey(field.name())) {
                throw GraphError.nonexistingField(field.name(), graphName);
            }
        }
    }

    List<RequestedField> selectedOrDefault(FieldSelection selection) {
        if (selection != null) {
            return selection.fields();
        }
        return defaultFields.stream().map(name -> new RequestedField(name, Map.of(), null)).toList();
    }

    ObjectNode render(T item, List<RequestedField> selected, GraphData data) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        for (RequestedField field : selected) {
            BiFunction<T, GraphData, Object> reader = fields.get(field.name());
            if (reader == null) {
                throw GraphError.nonexistingField(field.name(), graphName);
            }
            JsonNode value = toJson(reader.apply(item, data));
            if (value != null) {
                node.set(field.name(), value);
            }
        }
        return node;
    }

    private static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode json) {
            return json;
        }
        if (value instanceof String text) {
            return Json.MAPPER.getNodeFactory().textNode(text);
        }
        if (value instanceof Boolean flag) {
            return Json.MAPPER.getNodeFactory().booleanNode(flag);
        }
        if (value instanceof Number number) {
            return Json.MAPPER.getNodeFactory().numberNode(number.longValue());
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            list.forEach(element -> array.add(toJson(element)));
            return array;
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass());
    }
}
