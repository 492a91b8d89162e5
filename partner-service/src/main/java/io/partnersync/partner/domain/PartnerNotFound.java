package io.partnersync.partner.domain;

import java.util.UUID;

/** No partner with this id in this integration of the caller's workspace. */
public class PartnerNotFound extends RuntimeException {

    private final UUID partnerId;

    public PartnerNotFound(UUID integrationId, UUID partnerId) {
        super("No partner " + partnerId + " in integration " + integrationId + " of your workspace.");
        this.partnerId = partnerId;
    }

    public UUID partnerId() {
        return partnerId;
    }
}
