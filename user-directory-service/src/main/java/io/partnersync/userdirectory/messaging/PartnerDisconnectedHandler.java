package io.partnersync.userdirectory.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.Topics;
import io.partnersync.events.consumer.ProcessedEvents;
import io.partnersync.userdirectory.domain.PartnerDisconnection;

@ApplicationScoped
public class PartnerDisconnectedHandler {

    static final String CONSUMER = "user-directory-disconnect";

    private final ProcessedEvents processedEvents;
    private final PartnerDisconnection disconnection;

    PartnerDisconnectedHandler(ProcessedEvents processedEvents, PartnerDisconnection disconnection) {
        this.processedEvents = processedEvents;
        this.disconnection = disconnection;
    }

    @Incoming(Topics.PARTNER_DISCONNECTED)
    @Transactional
    public void onPartnerDisconnected(PartnerDisconnected event) {
        if (!processedEvents.firstDelivery(CONSUMER, event)) {
            return;
        }
        disconnection.apply(event);
    }
}
