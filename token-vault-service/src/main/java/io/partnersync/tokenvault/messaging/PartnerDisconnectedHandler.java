package io.partnersync.tokenvault.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.Topics;
import io.partnersync.events.consumer.ProcessedEvents;
import io.partnersync.tokenvault.domain.TokenVault;

/** A disconnected partner's token is destroyed; a redelivered event changes nothing. */
@ApplicationScoped
public class PartnerDisconnectedHandler {

    static final String CONSUMER = "destroy-token";

    private final ProcessedEvents processedEvents;
    private final TokenVault vault;

    PartnerDisconnectedHandler(ProcessedEvents processedEvents, TokenVault vault) {
        this.processedEvents = processedEvents;
        this.vault = vault;
    }

    @Incoming(Topics.PARTNER_DISCONNECTED)
    @Transactional
    public void onPartnerDisconnected(PartnerDisconnected event) {
        if (!processedEvents.firstDelivery(CONSUMER, event)) {
            return;
        }
        vault.destroyOnDisconnection(event);
    }
}
