package io.partnersync.tokenvault.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.partnersync.tokenvault.domain.TokenOwner;
import io.quarkus.vault.client.VaultClient;
import io.quarkus.vault.client.VaultClientException;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2ReadSecretData;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2ReadSecretMetadataResultData;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2UpdateSecretOptions;

/**
 * Tokens in Vault's KV v2 engine, one secret per owner at {@code <mount>/<workspace>/<kind>/<owner id>};
 * each stored token is one version of it. Writes use check-and-set on the version read just
 * before, so the version a token reference points at is known without trusting the write's
 * answer, and a concurrent writer is noticed. Destroying removes versions for good
 * ({@code destroy}), and the metadata once nothing is left.
 */
public class VaultTokenStore implements TokenStore {

    private static final Logger LOG = Logger.getLogger(VaultTokenStore.class);
    static final String TOKEN_FIELD = "token";
    static final String TOKEN_REF_FIELD = "token_ref";

    private final VaultSecretsKV2 kv;
    private final String mount;
    private final Duration timeout;

    public VaultTokenStore(VaultClient client, String mount, Duration timeout) {
        this.kv = client.secrets().kv2(mount);
        this.mount = mount;
        this.timeout = timeout;
    }

    @Override
    public SecretHandle write(TokenOwner owner, String tokenRef, String token) {
        String path = owner.path();
        int current = metadata(path).map(VaultSecretsKV2ReadSecretMetadataResultData::getCurrentVersion).orElse(0);
        await("write", path, kv.updateSecret(path, new VaultSecretsKV2UpdateSecretOptions().setCas(current),
                Map.of(TOKEN_FIELD, token, TOKEN_REF_FIELD, tokenRef)));
        return new SecretHandle(tokenRef, current + 1);
    }

    @Override
    public Optional<String> read(TokenOwner owner, SecretHandle handle) {
        String path = owner.path();
        try {
            VaultSecretsKV2ReadSecretData secret = await("read", path, kv.readSecret(path, handle.version()));
            Map<String, Object> data = secret.getData();
            if (data == null || !handle.tokenRef().equals(data.get(TOKEN_REF_FIELD))) {
                LOG.warnf("Vault %s/%s version %s does not hold %s", mount, path, handle.version(), handle.tokenRef());
                return Optional.empty();
            }
            return Optional.ofNullable((String) data.get(TOKEN_FIELD));
        } catch (NotFound gone) {
            return Optional.empty();
        }
    }

    @Override
    public void destroyAllExcept(TokenOwner owner, Optional<SecretHandle> keep) {
        String path = owner.path();
        Optional<VaultSecretsKV2ReadSecretMetadataResultData> metadata = metadata(path);
        if (metadata.isEmpty()) {
            return;
        }
        List<Integer> doomed = metadata.get().getVersions() == null ? List.of()
                : metadata.get().getVersions().entrySet().stream()
                        .filter(version -> !Boolean.TRUE.equals(version.getValue().isDestroyed()))
                        .map(version -> Integer.valueOf(version.getKey()))
                        .filter(version -> keep.map(k -> !version.equals(k.version())).orElse(true))
                        .sorted()
                        .toList();
        if (!doomed.isEmpty()) {
            await("destroy", path, kv.destroySecretVersions(path, doomed));
        }
        if (keep.isEmpty()) {
            await("delete metadata", path, kv.deleteSecretMetadata(path));
        }
        LOG.debugf("Vault %s/%s: destroyed versions %s%s", mount, path, doomed, keep.isEmpty() ? " and the metadata" : "");
    }

    private Optional<VaultSecretsKV2ReadSecretMetadataResultData> metadata(String path) {
        try {
            return Optional.of(await("read metadata", path, kv.readSecretMetadata(path)));
        } catch (NotFound none) {
            return Optional.empty();
        }
    }

    private <T> T await(String operation, String path, CompletionStage<T> call) {
        try {
            return call.toCompletableFuture().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(operation, path, e.getCause());
        } catch (TimeoutException e) {
            throw new TokenStoreException("Vault did not answer " + operation + " of " + mount + "/" + path + " within "
                    + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenStoreException("Interrupted during Vault " + operation + " of " + mount + "/" + path);
        }
    }

    private RuntimeException failure(String operation, String path, Throwable cause) {
        if (cause instanceof VaultClientException vault) {
            Integer status = vault.getStatus();
            if (status != null && status == 404) {
                return new NotFound();
            }
            // Only the status and Vault's error list: the request body holds the token.
            LOG.errorf("Vault refused %s of %s/%s: HTTP %s %s", operation, mount, path, status, vault.getErrors());
            return new TokenStoreException("Vault answered HTTP " + status + " to " + operation + " of " + mount + "/"
                    + path + (status != null && status == 403
                            ? "; the policy of token-vault-service must allow it (deploy/vault/token-vault-service.hcl)"
                            : ""));
        }
        LOG.errorf("Vault %s of %s/%s failed: %s", operation, mount, path, cause.getClass().getSimpleName());
        return new TokenStoreException("Vault could not be reached for " + operation + " of " + mount + "/" + path);
    }

    /** Vault's 404: no such secret, or a version that was destroyed. */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
