package io.partnersync.userdirectory.domain;

/** What a history entry records. Before and after values are JSON: a string, a list of tasks or an asset. */
public enum ChangeType {
    ADDED,
    REMOVED,
    REAPPEARED,
    INVITE_ACCEPTED,
    NAME_CHANGED,
    EMAIL_CHANGED,
    TITLE_CHANGED,
    ROLE_CHANGED,
    TWO_FACTOR_CHANGED,
    ASSET_ADDED,
    ASSET_REMOVED,
    ASSET_TASKS_CHANGED
}
