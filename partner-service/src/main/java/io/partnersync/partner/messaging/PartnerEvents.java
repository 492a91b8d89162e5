package io.partnersync.partner.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnersync.events.IntegrationConnected;
import io.partnersync.events.PartnerConnected;
import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.outbox.Outbox;
import io.partnersync.partner.domain.Integration;
import io.partnersync.partner.domain.Partner;
import io.partnersync.partner.domain.PartnerStatusChange;

/** Writes the events partner-service publishes to the outbox, in the caller's transaction. */
@ApplicationScoped
public class PartnerEvents {

    private final Outbox outbox;

    PartnerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void integrationConnected(Integration integration) {
        outbox.write(new IntegrationConnected(UUID.randomUUID(), integration.createdAt(), integration.workspaceId(),
                integration.id(), integration.name(), integration.metaBusinessId(), integration.tokenRef(),
                integration.createdBy()));
    }

    public void partnerConnected(Partner partner) {
        outbox.write(new PartnerConnected(UUID.randomUUID(), partner.connectedAt(), partner.workspaceId(),
                partner.integrationId(), partner.id(), partner.businessId(), partner.name(), partner.relationship(),
                partner.tokenRef(), partner.connectedBy()));
    }

    /** {@code tokenRef} is the token the partner held before (null when it held none): token-vault-service destroys it. */
    public void partnerDisconnected(Partner partner, String tokenRef, PartnerStatusChange change) {
        outbox.write(new PartnerDisconnected(UUID.randomUUID(), change.at(), partner.workspaceId(),
                partner.integrationId(), partner.id(), partner.businessId(), tokenRef, change.byUser(),
                change.reason()));
    }
}
