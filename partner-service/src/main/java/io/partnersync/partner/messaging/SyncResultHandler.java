package io.partnersync.partner.messaging;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.partnersync.events.EventType;
import io.partnersync.events.GraphError;
import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.PartnerSyncFailed;
import io.partnersync.events.PartnersyncEvent;
import io.partnersync.events.SyncFailureReason;
import io.partnersync.events.Topics;
import io.partnersync.events.consumer.ProcessedEvents;
import io.partnersync.partner.domain.ChangeCause;
import io.partnersync.partner.domain.Integration;
import io.partnersync.partner.domain.LastSync;
import io.partnersync.partner.domain.Partner;
import io.partnersync.partner.domain.PartnerMove;

/**
 * Records how each partner's sync jobs end (on the partner and on its integration), and
 * moves an ONBOARDED partner whose token Meta rejected to RECONNECT_REQUIRED.
 */
@ApplicationScoped
public class SyncResultHandler {

    private static final Logger LOG = Logger.getLogger(SyncResultHandler.class);

    private final ProcessedEvents processedEvents;
    private final IgnoredEvents ignored;

    SyncResultHandler(ProcessedEvents processedEvents, IgnoredEvents ignored) {
        this.processedEvents = processedEvents;
        this.ignored = ignored;
    }

    @Incoming(Topics.GUEST_USERS_APPLIED)
    @Transactional
    public void onGuestUsersApplied(GuestUsersApplied event) {
        if (!processedEvents.firstDelivery(Topics.GUEST_USERS_APPLIED, event)) {
            return;
        }
        EventChecks.requireEnvelope(event, event.integrationId(), event.partnerId());
        find(Topics.GUEST_USERS_APPLIED, event, event.integrationId(), event.partnerId())
                .ifPresent(job -> job.record(LastSync.completed(event.occurredAt(), event.taskId(),
                        event.added(), event.updated(), event.removed(), event.unchanged(), event.removalsHeld())));
    }

    @Incoming(Topics.PARTNER_SYNC_FAILED)
    @Transactional
    public void onPartnerSyncFailed(PartnerSyncFailed event) {
        if (!processedEvents.firstDelivery(Topics.PARTNER_SYNC_FAILED, event)) {
            return;
        }
        EventChecks.requireEnvelope(event, event.integrationId(), event.partnerId(), event.reason());
        Optional<SyncedPartner> found = find(Topics.PARTNER_SYNC_FAILED, event, event.integrationId(), event.partnerId());
        if (found.isEmpty()) {
            return;
        }
        GraphError error = event.error();
        found.get().record(LastSync.failed(event.occurredAt(), event.taskId(), event.reason(),
                error == null ? null : error.code(), error == null ? null : error.message()));
        if (event.reason() == SyncFailureReason.TOKEN_INVALID) {
            tokenRejected(found.get().partner(), event);
        }
    }

    private void tokenRejected(Partner partner, PartnerSyncFailed event) {
        if (!PartnerMove.REJECT_TOKEN.allowedFrom(partner.status())) {
            ignored.record(Topics.PARTNER_SYNC_FAILED, "token-rejection-not-applicable", event,
                    "partner " + partner.id() + " is " + partner.status());
            return;
        }
        if (partner.connectedAt() != null && event.occurredAt().isBefore(partner.connectedAt())) {
            ignored.record(Topics.PARTNER_SYNC_FAILED, "token-rejection-of-older-token", event,
                    "partner " + partner.id() + " was connected with a new token at " + partner.connectedAt());
            return;
        }
        ChangeCause cause = ChangeCause.event(EventType.of(event).cloudEventType(), event.eventId(),
                "Meta rejected the token during sync job " + event.jobId());
        partner.tokenRejected(cause, event.occurredAt()).persist();
        LOG.infof("Partner %s of workspace %s needs a new token: Meta rejected it (event %s)", partner.id(),
                partner.workspaceId(), event.eventId());
    }

    /** The partner a sync result is about, and its integration. */
    private record SyncedPartner(Integration integration, Partner partner) {

        void record(LastSync result) {
            partner.recordSync(result);
            integration.recordSync(result);
        }
    }

    /** Locks the integration, then the partner: the order every writer of both rows follows. */
    private Optional<SyncedPartner> find(String topic, PartnersyncEvent event, UUID integrationId, UUID partnerId) {
        Optional<Integration> integration = Integration.findForUpdate(event.workspaceId(), integrationId);
        if (integration.isEmpty()) {
            ignored.record(topic, "unknown-integration", event, "no integration " + integrationId + " in this workspace");
            return Optional.empty();
        }
        Optional<Partner> partner = Partner.findForUpdate(event.workspaceId(), integrationId, partnerId);
        if (partner.isEmpty()) {
            ignored.record(topic, "unknown-partner", event,
                    "no partner " + partnerId + " in integration " + integrationId);
            return Optional.empty();
        }
        return Optional.of(new SyncedPartner(integration.get(), partner.get()));
    }
}
