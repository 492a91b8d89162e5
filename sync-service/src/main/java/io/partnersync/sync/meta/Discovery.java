package io.partnersync.sync.meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnersync.events.AssetType;
import io.partnersync.events.DiscoveredPartner;
import io.partnersync.events.Relationship;
import io.partnersync.events.SharedAsset;

/**
 * Which partner businesses share assets with the customer, read with the customer's integration
 * token in as few calls as Graph allows:
 * <ol>
 * <li>one {@code GET /{customer}} expanding {@code agencies}, {@code clients}, the four
 * {@code owned_*} asset edges and the four {@code client_*} asset edges (with each client asset's
 * owner), then the {@code paging.next} of any edge that has more;</li>
 * <li>{@code /{asset}/agencies} of every owned asset, batched 50 per request: who holds the asset
 * with which permitted tasks (pixels appear nowhere else, and only a CONFIRMED share grants
 * access).</li>
 * </ol>
 * AGENCY partners hold the customer's assets; CLIENT partners share their own assets with the
 * customer. The result is a full snapshot, ordered by business id. It holds every asset and
 * partner of the customer in memory: a customer has hundreds of assets, not millions.
 */
@ApplicationScoped
public class Discovery {

    private static final Logger LOG = Logger.getLogger(Discovery.class);
    private static final String BUSINESS_FIELDS = "{id,name,verification_status}";
    private static final String ASSET_AGENCY_FIELDS = "id,name,verification_status,access_status,permitted_tasks";
    private static final String CONFIRMED = "CONFIRMED";
    private static final Map<String, AssetType> OWNED = Map.of(
            "owned_ad_accounts", AssetType.AD_ACCOUNT,
            "owned_pages", AssetType.PAGE,
            "owned_product_catalogs", AssetType.CATALOG,
            "owned_pixels", AssetType.PIXEL);
    private static final Map<String, AssetType> CLIENT = Map.of(
            "client_ad_accounts", AssetType.AD_ACCOUNT,
            "client_pages", AssetType.PAGE,
            "client_product_catalogs", AssetType.CATALOG,
            "client_pixels", AssetType.PIXEL);

    private record OwnedAsset(AssetType type, String name) {
    }

    /** A partner being assembled from several edges; keyed by business id and relationship. */
    private static final class Draft {
        final String businessId;
        final Relationship relationship;
        String name;
        String verificationStatus;
        final Map<String, SharedAsset> assets = new TreeMap<>();

        Draft(String businessId, Relationship relationship) {
            this.businessId = businessId;
            this.relationship = relationship;
        }

        void describe(JsonNode business) {
            if (business.hasNonNull("name")) {
                name = business.get("name").asText();
            }
            if (business.hasNonNull("verification_status")) {
                verificationStatus = business.get("verification_status").asText();
            }
        }

        DiscoveredPartner toEvent() {
            return new DiscoveredPartner(businessId, name, relationship, verificationStatus, List.copyOf(assets.values()));
        }
    }

    private final GraphClient graph;

    Discovery(GraphClient graph) {
        this.graph = graph;
    }

    public List<DiscoveredPartner> discover(GraphSession session, String customerBusinessId) {
        int limit = graph.pageLimit();
        Map<String, Draft> partners = new LinkedHashMap<>();
        Map<String, OwnedAsset> owned = new TreeMap<>();
        GraphClient.PageHandler edges = (edge, data) -> acceptEdgePage(edge, data, partners, owned);

        JsonNode customer = graph.get(session, GraphQuery.expansion(customerBusinessId, Discovery::expansion, limit));
        Map<String, GraphQuery> more = new LinkedHashMap<>();
        for (String edge : edgeNames()) {
            JsonNode listing = customer.path(edge);
            edges.page(edge, listing.path("data"));
            String next = listing.path("paging").path("next").asText(null);
            if (next != null) {
                more.put(edge, GraphQuery.next(next, limit));
            }
        }
        graph.walk(session, more, edges);

        Map<String, GraphQuery> assetAgencies = new LinkedHashMap<>();
        owned.keySet().forEach(assetId -> assetAgencies.put(assetId,
                GraphQuery.edge(assetId, "agencies", Map.of(), ASSET_AGENCY_FIELDS, limit)));
        graph.walk(session, assetAgencies, (assetId, data) -> {
            OwnedAsset asset = owned.get(assetId);
            for (JsonNode agency : data) {
                if (CONFIRMED.equals(agency.path("access_status").asText(CONFIRMED))) {
                    Draft partner = draft(partners, agency.path("id").asText(), Relationship.AGENCY);
                    partner.describe(agency);
                    partner.assets.put(assetId, new SharedAsset(assetId, asset.type(), asset.name(), tasks(agency)));
                }
            }
        });

        List<DiscoveredPartner> snapshot = new ArrayList<>();
        partners.values().stream()
                .sorted(Comparator.comparing((Draft d) -> d.businessId).thenComparing(d -> d.relationship))
                .forEach(d -> snapshot.add(d.toEvent()));
        LOG.infof("Discovered %d partners of business %s (%d owned assets)", snapshot.size(), customerBusinessId,
                owned.size());
        return snapshot;
    }

    private static void acceptEdgePage(String edge, JsonNode data, Map<String, Draft> partners,
            Map<String, OwnedAsset> owned) {
        for (JsonNode item : data) {
            String id = item.path("id").asText();
            if (edge.equals("agencies")) {
                draft(partners, id, Relationship.AGENCY).describe(item);
            } else if (edge.equals("clients")) {
                draft(partners, id, Relationship.CLIENT).describe(item);
            } else if (OWNED.containsKey(edge)) {
                owned.put(id, new OwnedAsset(OWNED.get(edge), item.path("name").asText(null)));
            } else if (CLIENT.containsKey(edge)) {
                JsonNode owner = item.has("owner_business") ? item.get("owner_business") : item.path("business");
                if (!owner.hasNonNull("id")) {
                    LOG.warnf("Client asset %s came without its owner business; it is left out", id);
                    continue;
                }
                Draft partner = draft(partners, owner.get("id").asText(), Relationship.CLIENT);
                if (partner.name == null) {
                    partner.describe(owner);
                }
                partner.assets.put(id, new SharedAsset(id, CLIENT.get(edge), item.path("name").asText(null), tasks(item)));
            }
        }
    }

    private static Draft draft(Map<String, Draft> partners, String businessId, Relationship relationship) {
        return partners.computeIfAbsent(businessId + "/" + relationship, key -> new Draft(businessId, relationship));
    }

    private static List<String> tasks(JsonNode node) {
        List<String> tasks = new ArrayList<>();
        node.path("permitted_tasks").forEach(task -> tasks.add(task.asText()));
        return List.copyOf(tasks);
    }

    private static List<String> edgeNames() {
        List<String> names = new ArrayList<>(List.of("agencies", "clients"));
        names.addAll(new TreeMap<>(OWNED).keySet());
        names.addAll(new TreeMap<>(CLIENT).keySet());
        return names;
    }

    /** Everything discovery needs from the customer's node, in one call. */
    private static String expansion(int limit) {
        StringBuilder fields = new StringBuilder("id");
        fields.append(",agencies.limit(").append(limit).append(')').append(BUSINESS_FIELDS);
        fields.append(",clients.limit(").append(limit).append(')').append(BUSINESS_FIELDS);
        new TreeMap<>(OWNED).keySet().forEach(edge -> fields.append(',').append(edge)
                .append(".limit(").append(limit).append("){id,name}"));
        new TreeMap<>(CLIENT).forEach((edge, type) -> fields.append(',').append(edge)
                .append(".limit(").append(limit).append("){id,name,permitted_tasks,")
                .append(type == AssetType.PIXEL ? "owner_business" : "business").append('}'));
        return fields.toString();
    }
}
