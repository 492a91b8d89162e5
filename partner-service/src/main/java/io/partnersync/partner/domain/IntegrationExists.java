package io.partnersync.partner.domain;

import java.util.UUID;

/** A workspace connects a Meta business once; a second integration would discover the same partners twice. */
public class IntegrationExists extends RuntimeException {

    private final UUID integrationId;

    public IntegrationExists(String metaBusinessId, UUID integrationId) {
        super("Meta business " + metaBusinessId + " is already connected as integration " + integrationId + ".");
        this.integrationId = integrationId;
    }

    public UUID integrationId() {
        return integrationId;
    }
}
