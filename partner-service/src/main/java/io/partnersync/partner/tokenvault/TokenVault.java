package io.partnersync.partner.tokenvault;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.partnersync.partner.config.TokenVaultConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * token-vault-service as partner-service uses it: every failure becomes {@link TokenRejected},
 * {@link TokenVaultUnavailable} or {@link TokenVaultFailure}. A store is never retried here:
 * each one creates a new tokenRef and replaces the owner's live token.
 */
@ApplicationScoped
public class TokenVault {

    private static final Logger LOG = Logger.getLogger(TokenVault.class);

    private final TokenVaultClient client;
    private final TokenVaultConfig config;

    TokenVault(@RestClient TokenVaultClient client, TokenVaultConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Has the token validated against Meta and stored; answers its metadata with the new tokenRef. */
    public TokenMetadata store(StoreTokenRequest request) {
        try {
            // Callers hold a database transaction (and a row lock) across this call. The transaction
            // is suspended meanwhile, or context propagation would take it onto the client's I/O
            // thread, which then still holds it when a failed call rolls it back.
            TokenMetadata stored = outsideTransaction(() -> client.store(request));
            if (stored == null || stored.tokenRef() == null || stored.fingerprint() == null) {
                throw new TokenVaultFailure("token-vault-service stored the token but answered no tokenRef or fingerprint");
            }
            LOG.debugf("Stored the token of %s %s as %s", request.ownerKind(), request.ownerId(), stored.tokenRef());
            return stored;
        } catch (TokenVaultUnavailable e) {
            throw e.retryAfterSeconds() >= 0 ? e
                    : new TokenVaultUnavailable(e.getMessage(), config.retryAfter().toSeconds(), e.problem());
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /**
     * Destroys a token this service stored but could not keep (its transaction failed). Best
     * effort: a failure is logged with the tokenRef, and the token stays stored, unused, until
     * an operator deletes it.
     */
    public void deleteQuietly(String tokenRef, String why) {
        try {
            client.delete(tokenRef);
            LOG.infof("Deleted token %s again: %s", tokenRef, why);
        } catch (TokenVaultClient.TokenNotFound alreadyGone) {
            LOG.infof("Token %s was already gone: %s", tokenRef, why);
        } catch (RuntimeException e) {
            LOG.errorf("Could not delete token %s (%s); it stays stored unused until an operator deletes it: %s",
                    tokenRef, why, e.getMessage());
        }
    }

    private static <T> T outsideTransaction(Supplier<T> call) {
        try {
            return QuarkusTransaction.suspendingExisting().call(call::get);
        } catch (QuarkusTransactionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private TokenVaultUnavailable unreachable(ProcessingException e) {
        LOG.warnf("token-vault-service cannot be reached: %s", e.getMessage());
        return new TokenVaultUnavailable("token-vault-service cannot be reached", config.retryAfter().toSeconds(), null);
    }
}
