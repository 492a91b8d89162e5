package io.partnersync.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.Topics;
import io.partnersync.events.consumer.ProcessedEvents;

/** A consumer written the way services write theirs: guard, then effect, one transaction. */
@ApplicationScoped
public class TestDisconnectionHandler {

    static final String POISON_REASON = "poison";

    private final ProcessedEvents processedEvents;

    TestDisconnectionHandler(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Incoming(Topics.PARTNER_DISCONNECTED)
    @Transactional
    public void onPartnerDisconnected(PartnerDisconnected event) {
        if (!processedEvents.firstDelivery("test-disconnection-handler", event)) {
            return;
        }
        TestPartner partner = TestPartner.findById(event.partnerId());
        partner.disconnections++;
        partner.status = "DISCONNECTED";
        if (POISON_REASON.equals(event.reason())) {
            throw new IllegalArgumentException("this event cannot be processed");
        }
    }
}
