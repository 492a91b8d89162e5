package io.partnersync.tokenvault.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serializes every change to one owner's tokens (store, rotate, destroy, purge) across
 * instances: a PostgreSQL advisory lock held until the transaction ends. Without it two
 * stores for one owner could both see no ACTIVE token and write two Vault versions.
 */
@ApplicationScoped
public class OwnerLocks {

    private final EntityManager entityManager;

    OwnerLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(TokenOwner owner) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, owner.path())
                .getSingleResult();
    }
}
