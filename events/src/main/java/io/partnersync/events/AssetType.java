package io.partnersync.events;

/** The kinds of Meta business assets a customer can share with a partner. */
public enum AssetType {
    AD_ACCOUNT,
    PAGE,
    CATALOG,
    PIXEL
}
