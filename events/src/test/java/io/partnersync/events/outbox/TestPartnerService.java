package io.partnersync.events.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnersync.events.PartnerConnected;
import io.partnersync.events.Relationship;

@ApplicationScoped
public class TestPartnerService {

    private final Outbox outbox;

    TestPartnerService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Connects the partner (creating it if needed) and answers the event written with it. */
    @Transactional
    public PartnerConnected connect(UUID partnerId) {
        TestPartner partner = TestPartner.findById(partnerId);
        if (partner == null) {
            partner = new TestPartner();
            partner.id = partnerId;
            partner.status = "ONBOARDED";
            partner.persist();
        }
        partner.status = "ONBOARDED";
        PartnerConnected event = new PartnerConnected(UUID.randomUUID(), Instant.now(), "ws-test",
                UUID.randomUUID(), partnerId, "1234567890", "Partner Co", Relationship.AGENCY, "tokenref-1", "tester");
        outbox.write(event);
        return event;
    }

    /** Does everything {@link #connect} does, then fails before the commit. */
    @Transactional
    public void connectThenFail(UUID partnerId) {
        connect(partnerId);
        throw new IllegalStateException("failing after the outbox write");
    }
}
