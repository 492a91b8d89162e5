package io.partnersync.simulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.graph.Nodes.AssetAccess;
import io.partnersync.simulator.graph.Nodes.AssetAgency;
import java.util.NavigableMap;
import java.util.TreeMap;

/** {@code GET /{asset}}, {@code GET /{asset}/agencies} and {@code GET /{asset}/assigned_users?business=}. */
final class AssetEndpoints {

    private AssetEndpoints() {
    }

    static ObjectNode node(Call call, Asset asset) {
        Permissions.requireAssetAccess(call, asset);
        String caller = call.token().businessId();
        AssetAccess access = new AssetAccess(asset,
                asset.ownerBusinessId().equals(caller) ? null : asset.permittedTasksFor(caller));
        return call.node(access, Nodes.asset(asset.type()));
    }

    static ObjectNode edge(Call call, Asset asset, String edgeName) {
        return switch (edgeName) {
            case "agencies" -> agencies(call, asset);
            case "assigned_users" -> assignedUsers(call, asset);
            default -> throw GraphError.nonexistingField(edgeName, asset.type().graphNodeType());
        };
    }

    /** Every business the asset is shared with, pending shares included, as only the owner sees them. */
    private static ObjectNode agencies(Call call, Asset asset) {
        Permissions.requireAssetOwner(call, asset);
        NavigableMap<Long, AssetAgency> agencies = new TreeMap<>();
        call.data().businesses().forEach((position, business) -> asset.shareWith(business.id())
                .ifPresent(share -> agencies.put(position, new AssetAgency(business, share))));
        return call.listing("/" + asset.id() + "/agencies", agencies, Nodes.ASSET_AGENCY);
    }

    /** Graph insists on {@code business}: the people of that business assigned to the asset. */
    private static ObjectNode assignedUsers(Call call, Asset asset) {
        Permissions.requireAssetAccess(call, asset);
        String businessId = call.request().param("business");
        if (businessId == null) {
            throw GraphError.missingParameter("business");
        }
        Permissions.requireOwnBusinessParameter(call, businessId);
        return call.listing("/" + asset.id() + "/assigned_users", call.data().assignments(asset.id(), businessId),
                Nodes.ASSIGNED_USER);
    }
}
