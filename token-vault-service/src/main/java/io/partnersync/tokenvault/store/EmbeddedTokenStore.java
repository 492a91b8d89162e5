package io.partnersync.tokenvault.store;

import java.time.Instant;
import java.util.Optional;

import io.partnersync.tokenvault.domain.TokenOwner;

/**
 * Tokens encrypted in this service's own PostgreSQL, for tests and local runs where no Vault
 * can run. Writes and destroys join the caller's transaction.
 */
public class EmbeddedTokenStore implements TokenStore {

    private final AesGcm cipher;

    public EmbeddedTokenStore(AesGcm cipher) {
        this.cipher = cipher;
    }

    @Override
    public SecretHandle write(TokenOwner owner, String tokenRef, String token) {
        AesGcm.Sealed sealed = cipher.encrypt(token, tokenRef);
        EncryptedSecret secret = new EncryptedSecret();
        secret.tokenRef = tokenRef;
        secret.workspaceId = owner.workspaceId();
        secret.ownerKind = owner.kind();
        secret.ownerId = owner.ownerId();
        secret.nonce = sealed.nonce();
        secret.ciphertext = sealed.ciphertext();
        secret.createdAt = Instant.now();
        secret.persist();
        return new SecretHandle(tokenRef, null);
    }

    @Override
    public Optional<String> read(TokenOwner owner, SecretHandle handle) {
        return EncryptedSecret.<EncryptedSecret>find("workspaceId = ?1 and tokenRef = ?2", owner.workspaceId(),
                handle.tokenRef()).firstResultOptional()
                .map(secret -> cipher.decrypt(new AesGcm.Sealed(secret.nonce, secret.ciphertext), secret.tokenRef));
    }

    @Override
    public void destroyAllExcept(TokenOwner owner, Optional<SecretHandle> keep) {
        EncryptedSecret.delete("workspaceId = ?1 and ownerKind = ?2 and ownerId = ?3 and tokenRef <> ?4",
                owner.workspaceId(), owner.kind(), owner.ownerId(), keep.map(SecretHandle::tokenRef).orElse(""));
    }
}
