package io.partnersync.tokenvault.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.partnersync.events.TokenOwnerKind;
import io.partnersync.tokenvault.store.TokenStore;
import io.partnersync.tokenvault.store.TokenStore.SecretHandle;
import io.partnersync.tokenvault.store.TokenStoreException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Destroys the secrets of retired tokens (ROTATED, DESTROYED, INVALID) once the change that
 * retired them committed, so a rolled-back change never loses a live secret. When the store
 * is unreachable the destroy is retried until it succeeds; the token's status already keeps
 * its secret from being read.
 */
@ApplicationScoped
public class SecretPurger {

    private static final Logger LOG = Logger.getLogger(SecretPurger.class);

    private final TokenStore store;
    private final OwnerLocks locks;

    SecretPurger(TokenStore store, OwnerLocks locks) {
        this.store = store;
        this.locks = locks;
    }

    void afterRetirement(@Observes(during = TransactionPhase.AFTER_SUCCESS) SecretsRetired retired) {
        purgeQuietly(retired.owner());
    }

    @Scheduled(every = "${partnersync.token-store.purge-retry-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryPendingPurges() {
        // A maintenance sweep over every workspace: it only finds owners, each purge filters on its workspace.
        List<Object[]> owners = QuarkusTransaction.requiringNew().call(() -> StoredToken.getEntityManager()
                .createQuery("select distinct t.workspaceId, t.ownerKind, t.ownerId from StoredToken t"
                        + " where t.status <> io.partnersync.tokenvault.domain.TokenStatus.ACTIVE"
                        + " and t.secretPurgedAt is null", Object[].class)
                .setMaxResults(100)
                .getResultList());
        owners.forEach(row -> purgeQuietly(new TokenOwner((String) row[0], (TokenOwnerKind) row[1], (UUID) row[2])));
    }

    /** Keeps only the owner's ACTIVE secret (if any) and marks the retired ones purged. */
    public void purge(TokenOwner owner) {
        QuarkusTransaction.requiringNew().run(() -> {
            locks.lock(owner);
            store.destroyAllExcept(owner, StoredToken.activeOf(owner)
                    .map(active -> new SecretHandle(active.tokenRef, active.secretVersion)));
            StoredToken.update("secretPurgedAt = ?1 where workspaceId = ?2 and ownerKind = ?3 and ownerId = ?4"
                    + " and status <> ?5 and secretPurgedAt is null", Instant.now(), owner.workspaceId(),
                    owner.kind(), owner.ownerId(), TokenStatus.ACTIVE);
        });
    }

    public void purgeQuietly(TokenOwner owner) {
        try {
            purge(owner);
        } catch (TokenStoreException e) {
            LOG.warnf("Could not destroy the retired secrets of %s %s in workspace %s yet, will retry: %s", owner.kind(),
                    owner.ownerId(), owner.workspaceId(), e.getMessage());
        }
    }
}
