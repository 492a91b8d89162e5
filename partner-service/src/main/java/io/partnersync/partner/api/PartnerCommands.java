package io.partnersync.partner.api;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnersync.partner.domain.Integration;
import io.partnersync.partner.domain.IntegrationNotFound;
import io.partnersync.partner.domain.Partner;
import io.partnersync.partner.domain.PartnerNotFound;
import io.partnersync.partner.domain.PartnerStatusChange;
import io.partnersync.partner.messaging.PartnerEvents;
import io.partnersync.partner.tokenvault.StoreTokenRequest;
import io.partnersync.partner.tokenvault.TokenMetadata;
import io.partnersync.partner.tokenvault.TokenVault;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Connecting and disconnecting a partner. The partner's row stays locked from the
 * precondition check to the commit, so two connects of one partner cannot both store a
 * token (each store replaces the partner's previous token in token-vault-service).
 */
@ApplicationScoped
public class PartnerCommands {

    private final TokenVault tokenVault;
    private final PartnerEvents events;

    PartnerCommands(TokenVault tokenVault, PartnerEvents events) {
        this.tokenVault = tokenVault;
        this.events = events;
    }

    public Partner connect(String workspaceId, String actor, UUID integrationId, UUID partnerId, String token) {
        AtomicReference<String> storedTokenRef = new AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Partner partner = lockPartner(workspaceId, integrationId, partnerId);
                partner.checkConnectable();
                TokenMetadata stored = tokenVault.store(StoreTokenRequest.forPartner(partner.id(), workspaceId,
                        partner.businessId(), token));
                storedTokenRef.set(stored.tokenRef());
                partner.connect(stored.tokenRef(), stored.fingerprint(), actor, Instant.now()).persist();
                events.partnerConnected(partner);
                return partner;
            });
        } catch (RuntimeException e) {
            if (storedTokenRef.get() != null) {
                tokenVault.deleteQuietly(storedTokenRef.get(), "partner " + partnerId + " was not connected");
            }
            throw e;
        }
    }

    @Transactional
    public Partner disconnect(String workspaceId, String actor, UUID integrationId, UUID partnerId) {
        Partner partner = lockPartner(workspaceId, integrationId, partnerId);
        String heldTokenRef = partner.tokenRef();
        PartnerStatusChange change = partner.disconnect(actor, Instant.now());
        change.persist();
        events.partnerDisconnected(partner, heldTokenRef, change);
        return partner;
    }

    private static Partner lockPartner(String workspaceId, UUID integrationId, UUID partnerId) {
        if (Integration.findIn(workspaceId, integrationId).isEmpty()) {
            throw new IntegrationNotFound(integrationId);
        }
        return Partner.findForUpdate(workspaceId, integrationId, partnerId)
                .orElseThrow(() -> new PartnerNotFound(integrationId, partnerId));
    }
}
