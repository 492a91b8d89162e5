package io.partnersync.sync.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnersync.events.SharedAsset;
import io.partnersync.sync.domain.StagedAccess;

/**
 * Reads the people of one partner business with the partner's token, page by page, so that
 * memory does not grow with the business:
 * <ol>
 * <li>{@code /{asset}/assigned_users?business={partner}} of every shared asset, batched 50 per
 * request, each followed to its end: who holds which tasks where ({@link Sink#access});</li>
 * <li>one {@code GET /{partner}} expanding {@code business_users}, {@code system_users} and
 * {@code pending_users}, then each edge's {@code paging.next}, batched together: the people
 * ({@link Sink#people}).</li>
 * </ol>
 * Access comes first because {@code assigned_users} gives neither email nor role: the people pages
 * are then joined with the access already known, one page at a time. A listing restarted after a
 * dead cursor hands pages again: the sink must tolerate repeats.
 */
@ApplicationScoped
public class PartnerPeopleReader {

    private static final String ASSIGNED_FIELDS = "id,user_type,tasks";
    private static final Map<String, String> EDGE_FIELDS = edgeFields();
    private static final Map<String, Function<JsonNode, GraphPerson>> PARSERS = Map.of(
            "business_users", GraphPerson::businessUser,
            "system_users", GraphPerson::systemUser,
            "pending_users", GraphPerson::pendingInvite);

    /** Where the pages go. */
    public interface Sink {
        void access(List<StagedAccess> rows);

        void people(List<GraphPerson> people);
    }

    private final GraphClient graph;

    PartnerPeopleReader(GraphClient graph) {
        this.graph = graph;
    }

    public void read(GraphSession session, String partnerBusinessId, List<SharedAsset> assets, Sink sink) {
        int limit = graph.pageLimit();
        Map<String, SharedAsset> byId = new LinkedHashMap<>();
        Map<String, GraphQuery> assigned = new LinkedHashMap<>();
        for (SharedAsset asset : assets) {
            byId.put(asset.assetId(), asset);
            assigned.put(asset.assetId(), GraphQuery.edge(asset.assetId(), "assigned_users",
                    Map.of("business", partnerBusinessId), ASSIGNED_FIELDS, limit));
        }
        graph.walk(session, assigned, (assetId, data) -> {
            SharedAsset asset = byId.get(assetId);
            List<StagedAccess> rows = new ArrayList<>(data.size());
            for (JsonNode user : data) {
                List<String> tasks = new ArrayList<>();
                user.path("tasks").forEach(task -> tasks.add(task.asText()));
                rows.add(new StagedAccess(user.path("id").asText(), assetId, asset.assetType(), asset.name(), tasks));
            }
            sink.access(rows);
        });

        GraphClient.PageHandler people = (edge, data) -> {
            List<GraphPerson> page = new ArrayList<>(data.size());
            data.forEach(node -> page.add(PARSERS.get(edge).apply(node)));
            sink.people(page);
        };
        JsonNode partner = graph.get(session, GraphQuery.expansion(partnerBusinessId,
                PartnerPeopleReader::expansion, limit));
        Map<String, GraphQuery> more = new LinkedHashMap<>();
        for (String edge : EDGE_FIELDS.keySet()) {
            // Graph may leave an empty edge out of the node altogether.
            JsonNode listing = partner.path(edge);
            people.page(edge, listing.path("data"));
            String next = listing.path("paging").path("next").asText(null);
            if (next != null) {
                more.put(edge, GraphQuery.next(next, limit));
            }
        }
        graph.walk(session, more, people);
    }

    private static String expansion(int limit) {
        StringBuilder fields = new StringBuilder("id");
        EDGE_FIELDS.forEach((edge, subfields) -> fields.append(',').append(edge)
                .append(".limit(").append(limit).append("){").append(subfields).append('}'));
        return fields.toString();
    }

    private static Map<String, String> edgeFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("business_users", "id,name,email,role,title,two_fac_status");
        fields.put("system_users", "id,name,role");
        fields.put("pending_users", "id,email,role,created_time,expiration_time");
        return fields;
    }
}
