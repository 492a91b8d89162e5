package io.partnersync.userdirectory.domain;

/** Whether the last sync runs still saw a guest user. A removed person is kept, with the time and reason. */
public enum PersonStatus {
    ACTIVE,
    REMOVED
}
