package io.partnersync.partner.domain;

import java.util.UUID;

/** Connecting a partner that shares no asset would import nobody; the API answers 409. */
public class PartnerSharesNoAsset extends RuntimeException {

    private final UUID partnerId;

    public PartnerSharesNoAsset(UUID partnerId) {
        super("Partner " + partnerId + " shares no asset with this business; share at least one asset in Meta Business"
                + " Manager, run Check for updates, then connect it.");
        this.partnerId = partnerId;
    }

    public UUID partnerId() {
        return partnerId;
    }
}
