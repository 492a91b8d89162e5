package io.partnersync.events;

/** What started an automation task. */
public enum SyncTrigger {
    WEB_APP,
    API,
    SCHEDULE,
    INTEGRATION_CONNECTED,
    PARTNER_CONNECTED
}
