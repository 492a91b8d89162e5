package io.partnersync.tokenvault.store;

import java.util.Optional;

import io.partnersync.tokenvault.domain.TokenOwner;

/**
 * Where token secrets live. One owner has at most one live secret; older ones are destroyed
 * when a newer one is kept. The store only ever receives tokens that passed validation.
 */
public interface TokenStore {

    /** Keeps the token of a new reference; answers the handle to read it back. */
    SecretHandle write(TokenOwner owner, String tokenRef, String token);

    /** The token, or empty when its secret no longer exists. */
    Optional<String> read(TokenOwner owner, SecretHandle handle);

    /**
     * Destroys every secret of the owner except {@code keep}; with nothing to keep, everything
     * the owner had, metadata included. Idempotent.
     */
    void destroyAllExcept(TokenOwner owner, Optional<SecretHandle> keep);

    /** A secret's address in the store: its reference, and its Vault KV version where there is one. */
    record SecretHandle(String tokenRef, Integer version) {
    }
}
