package io.partnersync.partner.domain;

import java.util.UUID;

/** No integration with this id in the caller's workspace (whether it exists elsewhere is not said). */
public class IntegrationNotFound extends RuntimeException {

    private final UUID integrationId;

    public IntegrationNotFound(UUID integrationId) {
        super("No integration " + integrationId + " in your workspace.");
        this.integrationId = integrationId;
    }

    public UUID integrationId() {
        return integrationId;
    }
}
