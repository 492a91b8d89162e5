package io.partnersync.sync.vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads a token by reference, just before it is used; the caller keeps it in memory only. */
@ApplicationScoped
public class TokenVault {

    /** token-vault-service did not answer, or failed: worth a retry or two. */
    public static class Unreachable extends TokenUnavailable {
        Unreachable(String message) {
            super(message);
        }
    }

    private final TokenVaultApi api;

    TokenVault(@RestClient TokenVaultApi api) {
        this.api = api;
    }

    @Retry(maxRetries = 2, delay = 500, jitter = 200, retryOn = Unreachable.class)
    public String secret(String tokenRef) {
        try {
            return api.secret(tokenRef).token();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw new TokenUnavailable("token-vault-service knows no live token " + tokenRef
                        + " (unknown or destroyed)");
            }
            if (status >= 500) {
                throw new Unreachable("token-vault-service failed reading token " + tokenRef + " (HTTP " + status + ")");
            }
            throw new TokenUnavailable("token-vault-service refused to hand out token " + tokenRef + " (HTTP " + status + ")");
        } catch (ProcessingException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            throw new Unreachable("token-vault-service is unreachable (" + cause.getClass().getSimpleName() + ")");
        }
    }
}
