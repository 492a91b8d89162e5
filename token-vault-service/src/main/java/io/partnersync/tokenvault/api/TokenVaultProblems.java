package io.partnersync.tokenvault.api;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.partnersync.problem.Problem;
import io.partnersync.tokenvault.domain.TokenNotFoundException;
import io.partnersync.tokenvault.domain.TokenRejectedException;
import io.partnersync.tokenvault.meta.MetaMisconfiguredException;
import io.partnersync.tokenvault.meta.MetaUnavailableException;
import io.partnersync.tokenvault.store.TokenStoreException;

/** The service's own failures as problem+json. */
public class TokenVaultProblems {

    private static final Logger LOG = Logger.getLogger(TokenVaultProblems.class);
    /** When the token store fails, callers may try again shortly. */
    private static final long STORE_RETRY_AFTER_SECONDS = 30;

    @ServerExceptionMapper
    public Response rejected(TokenRejectedException e) {
        return Problem.of(422, "token-rejected", "The token was rejected", e.getMessage())
                .with("failures", e.failures().stream()
                        .map(f -> Map.of("check", f.check().name(), "message", f.message()))
                        .toList())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response metaUnavailable(MetaUnavailableException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return retryLater(Problem.of(503, "meta-unavailable", "Meta is unavailable",
                e.getMessage() + "; nothing was changed, try again in " + seconds + " seconds."), seconds);
    }

    @ServerExceptionMapper
    public Response metaMisconfigured(MetaMisconfiguredException e) {
        return Problem.of(502, "meta-refused-service", "Meta refused this service's credentials", e.getMessage())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(TokenNotFoundException e) {
        return Problem.of(404, "token-not-found", "No such token", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response storeFailed(TokenStoreException e) {
        LOG.errorf("Token store failure: %s", e.getMessage());
        return retryLater(Problem.of(503, "token-store-unavailable", "The token store is unavailable",
                "The token store could not complete the request; nothing was changed, try again later."),
                STORE_RETRY_AFTER_SECONDS);
    }

    private static Response retryLater(Problem problem, long seconds) {
        return Response.fromResponse(problem.with("retryAfterSeconds", seconds).toResponse())
                .header("Retry-After", seconds)
                .build();
    }
}
