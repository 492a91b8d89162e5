package io.partnersync.simulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.AssetShare;
import io.partnersync.simulator.data.AssetType;
import io.partnersync.simulator.data.Business;
import io.partnersync.simulator.graph.FieldSelection.RequestedField;
import io.partnersync.simulator.graph.Nodes.AssetAccess;
import io.partnersync.simulator.graph.Nodes.BusinessPartner;
import io.partnersync.simulator.state.GraphData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * {@code GET /{business}} and {@code GET /{business}/{edge}}. Every edge can also be expanded in the
 * node's {@code fields}, with {@code .limit(n)} and nested fields, and pages the same way.
 */
final class BusinessEndpoints {

    /** An edge of a business: the node type of its items and how to list them in a stable order. */
    private record Edge<T>(NodeType<T> type, BiFunction<GraphData, Business, NavigableMap<Long, T>> listing) {
    }

    private static final Map<String, Edge<?>> EDGES = new LinkedHashMap<>();

    static {
        EDGES.put("business_users", new Edge<>(Nodes.BUSINESS_USER, (data, business) -> data.businessUsers(business.id())));
        EDGES.put("system_users", new Edge<>(Nodes.SYSTEM_USER, (data, business) -> data.systemUsers(business.id())));
        EDGES.put("pending_users", new Edge<>(Nodes.PENDING_USER, (data, business) -> data.pendingUsers(business.id())));
        EDGES.put("agencies", new Edge<>(Nodes.BUSINESS_PARTNER, BusinessEndpoints::agencies));
        EDGES.put("clients", new Edge<>(Nodes.BUSINESS_PARTNER, BusinessEndpoints::clients));
        for (AssetType type : AssetType.values()) {
            EDGES.put("owned_" + type.edgeSuffix(),
                    new Edge<>(Nodes.asset(type), (data, business) -> ownedAssets(data, business, type)));
            EDGES.put("client_" + type.edgeSuffix(),
                    new Edge<>(Nodes.asset(type), (data, business) -> clientAssets(data, business, type)));
        }
    }

    private BusinessEndpoints() {
    }

    static ObjectNode node(Call call, Business business) {
        Permissions.requireVisible(call, business);
        List<RequestedField> selected = Nodes.BUSINESS.selectedOrDefault(call.fields());
        List<RequestedField> plainFields = selected.stream().filter(field -> !EDGES.containsKey(field.name())).toList();
        Nodes.BUSINESS.requireKnown(plainFields);
        ObjectNode node = Nodes.BUSINESS.render(business, plainFields, call.data());
        for (RequestedField field : selected) {
            Edge<?> edge = EDGES.get(field.name());
            if (edge != null) {
                Permissions.requireBusinessEdges(call, business);
                node.set(field.name(), nestedListing(call, business, field, edge));
            }
        }
        return node;
    }

    static ObjectNode edge(Call call, Business business, String edgeName) {
        Edge<?> edge = EDGES.get(edgeName);
        if (edge == null) {
            throw GraphError.nonexistingField(edgeName, Nodes.BUSINESS.graphName());
        }
        Permissions.requireBusinessEdges(call, business);
        return listing(call, business, edgeName, edge);
    }

    private static <T> ObjectNode listing(Call call, Business business, String edgeName, Edge<T> edge) {
        return call.listing(path(business, edgeName), edge.listing().apply(call.data(), business), edge.type());
    }

    private static <T> ObjectNode nestedListing(Call call, Business business, RequestedField field, Edge<T> edge) {
        return call.nestedListing(path(business, field.name()), edge.listing().apply(call.data(), business),
                edge.type(), field);
    }

    private static String path(Business business, String edgeName) {
        return "/" + business.id() + "/" + edgeName;
    }

    // ---- listings computed from the assets; keyed by the position of the business or asset listed ----

    /** Businesses that {@code business} shares assets with. */
    private static NavigableMap<Long, BusinessPartner> agencies(GraphData data, Business business) {
        Set<String> agencyIds = data.assets().values().stream()
                .filter(asset -> asset.ownerBusinessId().equals(business.id()))
                .flatMap(asset -> asset.sharedWith().stream().filter(AssetShare::grantsAccess))
                .map(AssetShare::businessId)
                .collect(Collectors.toSet());
        NavigableMap<Long, BusinessPartner> agencies = new TreeMap<>();
        data.businesses().forEach((position, candidate) -> {
            if (agencyIds.contains(candidate.id())) {
                agencies.put(position, new BusinessPartner(candidate, business.id(), candidate.id()));
            }
        });
        return agencies;
    }

    /** Businesses that share assets with {@code business}. */
    private static NavigableMap<Long, BusinessPartner> clients(GraphData data, Business business) {
        Set<String> clientIds = data.assets().values().stream()
                .filter(asset -> !asset.ownerBusinessId().equals(business.id()) && asset.isReachableBy(business.id()))
                .map(Asset::ownerBusinessId)
                .collect(Collectors.toSet());
        NavigableMap<Long, BusinessPartner> clients = new TreeMap<>();
        data.businesses().forEach((position, candidate) -> {
            if (clientIds.contains(candidate.id())) {
                clients.put(position, new BusinessPartner(candidate, candidate.id(), business.id()));
            }
        });
        return clients;
    }

    private static NavigableMap<Long, AssetAccess> ownedAssets(GraphData data, Business business, AssetType type) {
        NavigableMap<Long, AssetAccess> owned = new TreeMap<>();
        data.assets().forEach((position, asset) -> {
            if (asset.type() == type && asset.ownerBusinessId().equals(business.id())) {
                owned.put(position, new AssetAccess(asset, null));
            }
        });
        return owned;
    }

    private static NavigableMap<Long, AssetAccess> clientAssets(GraphData data, Business business, AssetType type) {
        NavigableMap<Long, AssetAccess> shared = new TreeMap<>();
        data.assets().forEach((position, asset) -> {
            if (asset.type() == type && !asset.ownerBusinessId().equals(business.id())
                    && asset.isReachableBy(business.id())) {
                shared.put(position, new AssetAccess(asset, asset.permittedTasksFor(business.id())));
            }
        });
        return shared;
    }
}
