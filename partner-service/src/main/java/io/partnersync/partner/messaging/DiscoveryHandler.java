package io.partnersync.partner.messaging;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.partnersync.events.EventType;
import io.partnersync.events.PartnersDiscovered;
import io.partnersync.events.Topics;
import io.partnersync.events.consumer.ProcessedEvents;
import io.partnersync.partner.domain.ChangeCause;
import io.partnersync.partner.domain.Discovery;
import io.partnersync.partner.domain.Integration;
import io.partnersync.partner.domain.Partner;

/** Applies discovery snapshots to the partners of an integration ({@link Discovery}). */
@ApplicationScoped
public class DiscoveryHandler {

    private static final Logger LOG = Logger.getLogger(DiscoveryHandler.class);

    private final ProcessedEvents processedEvents;
    private final IgnoredEvents ignored;

    DiscoveryHandler(ProcessedEvents processedEvents, IgnoredEvents ignored) {
        this.processedEvents = processedEvents;
        this.ignored = ignored;
    }

    @Incoming(Topics.PARTNERS_DISCOVERED)
    @Transactional
    public void onPartnersDiscovered(PartnersDiscovered event) {
        if (!processedEvents.firstDelivery(Topics.PARTNERS_DISCOVERED, event)) {
            return;
        }
        EventChecks.requireEnvelope(event, event.integrationId());
        Optional<Integration> found = Integration.findForUpdate(event.workspaceId(), event.integrationId());
        if (found.isEmpty()) {
            ignored.record(Topics.PARTNERS_DISCOVERED, "unknown-integration", event,
                    "no integration " + event.integrationId() + " in this workspace");
            return;
        }
        Integration integration = found.get();
        if (!integration.metaBusinessId().equals(event.customerBusinessId())) {
            ignored.record(Topics.PARTNERS_DISCOVERED, "other-business", event, "integration " + integration.id()
                    + " is business " + integration.metaBusinessId() + ", the snapshot is of " + event.customerBusinessId());
            return;
        }
        if (!integration.acceptSnapshot(event.occurredAt())) {
            ignored.record(Topics.PARTNERS_DISCOVERED, "stale-snapshot", event, "taken at " + event.occurredAt()
                    + ", integration " + integration.id() + " already has one of " + integration.snapshotAt());
            return;
        }
        List<Partner> known = Partner.allOfForUpdate(integration);
        ChangeCause cause = ChangeCause.event(EventType.of(event).cloudEventType(), event.eventId(), null);
        Discovery.Outcome outcome = Discovery.apply(integration, known, event.partners(), cause, event.occurredAt());
        outcome.discovered().forEach(partner -> partner.persist());
        outcome.changes().forEach(change -> change.persist());
        LOG.infof("Applied snapshot %s to integration %s of workspace %s: %d partners, %d new, %d status changes",
                event.eventId(), integration.id(), integration.workspaceId(), event.partners().size(),
                outcome.discovered().size(), outcome.changes().size());
    }
}
