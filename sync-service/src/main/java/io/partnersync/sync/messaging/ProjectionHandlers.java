package io.partnersync.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.partnersync.events.IntegrationConnected;
import io.partnersync.events.PartnerConnected;
import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.SyncTrigger;
import io.partnersync.events.Topics;
import io.partnersync.events.consumer.ProcessedEvents;
import io.partnersync.sync.domain.ConnectedPartner;
import io.partnersync.sync.domain.Integration;
import io.partnersync.sync.domain.Times;

/**
 * Keeps sync-service's view of integrations and connected partners current, and starts the
 * syncs that connecting asks for: the first sync of a new integration, the sync of a partner
 * that was just connected. A partner connected before its integration is known here is synced
 * by the integration's first sync.
 */
@ApplicationScoped
public class ProjectionHandlers {

    private static final String CONSUMER = "projection";
    private static final String UNNAMED_ACTOR = "partner-service";

    private final ProcessedEvents processedEvents;
    private final SyncTasks tasks;

    ProjectionHandlers(ProcessedEvents processedEvents, SyncTasks tasks) {
        this.processedEvents = processedEvents;
        this.tasks = tasks;
    }

    @Incoming(Topics.INTEGRATION_CONNECTED)
    @Transactional
    public void onIntegrationConnected(IntegrationConnected event) {
        if (!processedEvents.firstDelivery(CONSUMER, event)) {
            return;
        }
        if (Integration.applyConnected(event, Times.now())) {
            tasks.start(event.workspaceId(), event.integrationId(), null, SyncTrigger.INTEGRATION_CONNECTED,
                    actor(event.connectedBy()));
        }
    }

    @Incoming(Topics.PARTNER_CONNECTED)
    @Transactional
    public void onPartnerConnected(PartnerConnected event) {
        if (!processedEvents.firstDelivery(CONSUMER, event)) {
            return;
        }
        if (ConnectedPartner.applyConnected(event, Times.now())) {
            Integration.findInWorkspace(event.integrationId(), event.workspaceId())
                    .filter(Integration::canSync)
                    .ifPresent(integration -> tasks.start(event.workspaceId(), event.integrationId(),
                            event.partnerId(), SyncTrigger.PARTNER_CONNECTED, actor(event.connectedBy())));
        }
    }

    /** The partner is no longer read; its token is being destroyed by token-vault-service. */
    @Incoming(Topics.PARTNER_DISCONNECTED)
    @Transactional
    public void onPartnerDisconnected(PartnerDisconnected event) {
        if (!processedEvents.firstDelivery(CONSUMER, event)) {
            return;
        }
        ConnectedPartner.applyDisconnected(event, Times.now());
    }

    private static String actor(String connectedBy) {
        return connectedBy == null || connectedBy.isBlank() ? UNNAMED_ACTOR : connectedBy;
    }
}
