package io.partnersync.partner.tokenvault;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** token-vault-service's internal API, as far as partner-service may call it. */
@RegisterRestClient(configKey = "token-vault")
@RegisterClientHeaders(ServiceJwtHeaders.class)
@Path("/internal/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TokenVaultClient {

    /** Validates the token against Meta and stores it under a new tokenRef (201). */
    @POST
    TokenMetadata store(StoreTokenRequest request);

    /** Destroys a stored token (204). */
    @DELETE
    @Path("{tokenRef}")
    void delete(@PathParam("tokenRef") String tokenRef);

    @ClientExceptionMapper
    @SuppressWarnings("unchecked")
    static RuntimeException toException(Response response) {
        Map<String, Object> problem;
        try {
            problem = response.readEntity(Map.class);
        } catch (RuntimeException notJson) {
            problem = Map.of();
        }
        int status = response.getStatus();
        if (status == 422) {
            return new TokenRejected(problem == null ? Map.of() : problem);
        }
        if (status == 503) {
            return new TokenVaultUnavailable("token-vault-service answered 503: " + problemDetail(problem),
                    retryAfterSeconds(response, problem), problem);
        }
        if (status == 404) {
            return new TokenNotFound();
        }
        return new TokenVaultFailure("token-vault-service answered " + status + ": " + problemDetail(problem));
    }

    private static String problemDetail(Map<String, Object> problem) {
        return problem == null ? "" : String.valueOf(problem.getOrDefault("detail", ""));
    }

    private static long retryAfterSeconds(Response response, Map<String, Object> problem) {
        String header = response.getHeaderString(HttpHeaders.RETRY_AFTER);
        try {
            if (header != null) {
                return Long.parseLong(header.trim());
            }
        } catch (NumberFormatException dateInsteadOfSeconds) {
            // An HTTP date: fall through to the body's value.
        }
        Object seconds = problem == null ? null : problem.get("retryAfterSeconds");
        return seconds instanceof Number number ? number.longValue() : -1;
    }

    /** {@code DELETE} of a token that is unknown or already destroyed. */
    class TokenNotFound extends RuntimeException {
        TokenNotFound() {
            super("token-vault-service knows no such token");
        }
    }
}
