package io.partnersync.simulator.data;

import java.util.List;

/** The kinds of business asset the simulator knows, with Graph's node type name and task vocabulary. */
public enum AssetType {
    AD_ACCOUNT("AdAccount", "ad_accounts", List.of("MANAGE", "ADVERTISE", "ANALYZE", "DRAFT", "AA_ANALYZE")),
    PAGE("Page", "pages", List.of("MANAGE", "CREATE_CONTENT", "MODERATE", "MESSAGING", "ADVERTISE", "ANALYZE")),
    CATALOG("ProductCatalog", "product_catalogs", List.of("MANAGE", "ADVERTISE", "MANAGE_AR", "AA_ANALYZE")),
    PIXEL("AdsPixel", "pixels", List.of("ADVERTISE", "ANALYZE", "EDIT", "UPLOAD", "AA_ANALYZE"));

    private final String graphNodeType;
    private final String edgeSuffix;
    private final List<String> allTasks;

    AssetType(String graphNodeType, String edgeSuffix, List<String> allTasks) {
        this.graphNodeType = graphNodeType;
        this.edgeSuffix = edgeSuffix;
        this.allTasks = allTasks;
    }

    /** Graph's name for the node, as it appears in "nonexisting field" errors. */
    public String graphNodeType() {
        return graphNodeType;
    }

    /** The part after {@code owned_} / {@code client_} in the business edges that list this kind. */
    public String edgeSuffix() {
        return edgeSuffix;
    }

    /** Every task of this kind: what people of the owning business may hold. */
    public List<String> allTasks() {
        return allTasks;
    }
}
