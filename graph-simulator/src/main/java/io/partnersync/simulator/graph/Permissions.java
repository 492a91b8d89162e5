package io.partnersync.simulator.graph;

import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.AssetType;
import io.partnersync.simulator.data.Business;
import io.partnersync.simulator.data.Token;
import java.util.Map;

/**
 * What a token may read. A token belongs to one business (B) and holds scopes:
 * <ul>
 * <li>B's own node and edges; the edges need {@code business_management}.</li>
 * <li>The node (not the edges) of a business B shares assets with, either way; the edges answer 200.</li>
 * <li>Assets B owns or that are shared with B (CONFIRMED), with the scope of the asset's kind.</li>
 * <li>{@code /{asset}/agencies} only for assets B owns.</li>
 * <li>{@code /{asset}/assigned_users?business=X} only with X = B.</li>
 * </ul>
 * Anything else does not exist for the token: 100 subcode 33, as Graph says it.
 */
final class Permissions {

    static final String BUSINESS_MANAGEMENT = "business_management";

    private static final Map<AssetType, String> ASSET_SCOPES = Map.of(
            AssetType.AD_ACCOUNT, "ads_management",
            AssetType.PAGE, "pages_read_engagement",
            AssetType.CATALOG, "catalog_management",
            AssetType.PIXEL, "ads_management");

    private Permissions() {
    }

    static void requireVisible(Call call, Business business) {
        if (!ownBusiness(call.token(), business.id()) && !sharesAssets(call, business.id())) {
            throw GraphError.objectNotFound(call.request().method(), business.id());
        }
    }

    static void requireBusinessEdges(Call call, Business business) {
        requireVisible(call, business);
        if (!ownBusiness(call.token(), business.id())) {
            throw GraphError.missingPermission(BUSINESS_MANAGEMENT);
        }
        requireScope(call.token(), BUSINESS_MANAGEMENT);
    }

    static void requireScope(Token token, String scope) {
        if (!token.scopes().contains(scope)) {
            throw GraphError.missingPermission(scope);
        }
    }

    static void requireAssetAccess(Call call, Asset asset) {
        if (!asset.isReachableBy(call.token().businessId())) {
            throw GraphError.objectNotFound(call.request().method(), asset.id());
        }
        String scope = ASSET_SCOPES.get(asset.type());
        if (!call.token().scopes().contains(scope)) {
            throw asset.type() == AssetType.PAGE
                    ? GraphError.missingPagePermission(scope)
                    : GraphError.missingPermission(scope);
        }
    }

    static void requireAssetOwner(Call call, Asset asset) {
        requireAssetAccess(call, asset);
        if (!ownBusiness(call.token(), asset.ownerBusinessId())) {
            throw GraphError.permissionsError();
        }
    }

    /** For parameters naming a business, such as {@code assigned_users?business=}: only the token's own. */
    static void requireOwnBusinessParameter(Call call, String businessId) {
        if (!ownBusiness(call.token(), businessId)) {
            throw GraphError.objectNotFound(call.request().method(), businessId);
        }
    }

    private static boolean ownBusiness(Token token, String businessId) {
        return businessId.equals(token.businessId());
    }

    private static boolean sharesAssets(Call call, String businessId) {
        String tokenBusiness = call.token().businessId();
        return call.data().assets().values().stream().anyMatch(asset ->
                (asset.ownerBusinessId().equals(businessId) && asset.isReachableBy(tokenBusiness))
                        || (asset.ownerBusinessId().equals(tokenBusiness) && asset.isReachableBy(businessId)));
    }
}
