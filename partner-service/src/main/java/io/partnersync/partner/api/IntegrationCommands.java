package io.partnersync.partner.api;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import io.partnersync.partner.domain.Integration;
import io.partnersync.partner.domain.IntegrationExists;
import io.partnersync.partner.messaging.PartnerEvents;
import io.partnersync.partner.tokenvault.StoreTokenRequest;
import io.partnersync.partner.tokenvault.TokenMetadata;
import io.partnersync.partner.tokenvault.TokenVault;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Connecting an integration: token-vault-service validates and stores the token, then the
 * integration and its {@code IntegrationConnected} event commit together. When the
 * transaction fails after the token was stored, the token is deleted again (best effort).
 */
@ApplicationScoped
public class IntegrationCommands {

    /** The database's guard against two integrations of one business in one workspace (V1 migration). */
    private static final String UNIQUE_BUSINESS = "integration_business_unique";

    private final TokenVault tokenVault;
    private final PartnerEvents events;

    IntegrationCommands(TokenVault tokenVault, PartnerEvents events) {
        this.tokenVault = tokenVault;
        this.events = events;
    }

    public Integration create(String workspaceId, String actor, NewIntegration request) {
        UUID id = UUID.randomUUID();
        AtomicReference<String> storedTokenRef = new AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                refuseDuplicate(workspaceId, request.metaBusinessId());
                TokenMetadata token = tokenVault.store(StoreTokenRequest.forIntegration(id, workspaceId,
                        request.metaBusinessId(), request.token()));
                storedTokenRef.set(token.tokenRef());
                Integration integration = Integration.connected(id, workspaceId, request.name(),
                        request.metaBusinessId(), token.tokenRef(), token.fingerprint(), actor, Instant.now());
                integration.persistAndFlush();
                events.integrationConnected(integration);
                return integration;
            });
        } catch (RuntimeException e) {
            if (storedTokenRef.get() != null) {
                tokenVault.deleteQuietly(storedTokenRef.get(), "integration " + id + " was not created");
            }
            if (e instanceof ConstraintViolationException violation
                    && UNIQUE_BUSINESS.equalsIgnoreCase(violation.getConstraintName())) {
                // Another request connected the same business between our check and our insert.
                throw QuarkusTransaction.requiringNew().call(() -> duplicateOf(workspaceId, request.metaBusinessId()));
            }
            throw e;
        }
    }

    private static void refuseDuplicate(String workspaceId, String metaBusinessId) {
        Integration.findByBusiness(workspaceId, metaBusinessId).ifPresent(existing -> {
            throw new IntegrationExists(metaBusinessId, existing.id());
        });
    }

    private static IntegrationExists duplicateOf(String workspaceId, String metaBusinessId) {
        return new IntegrationExists(metaBusinessId,
                Integration.findByBusiness(workspaceId, metaBusinessId).map(Integration::id).orElse(null));
    }
}
