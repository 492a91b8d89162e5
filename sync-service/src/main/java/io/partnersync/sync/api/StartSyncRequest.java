package io.partnersync.sync.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code POST /api/automation/tasks}. {@code trigger} says who asks: the web app (default) or an
 * API client; the other triggers belong to the service itself.
 */
public record StartSyncRequest(@NotNull UUID integrationId, UUID partnerId, RequestTrigger trigger) {

    /** The triggers a caller may name. */
    public enum RequestTrigger {
        WEB_APP,
        API
    }
}
