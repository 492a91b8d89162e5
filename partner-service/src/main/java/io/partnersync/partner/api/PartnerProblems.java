package io.partnersync.partner.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.partnersync.partner.domain.IllegalPartnerMove;
import io.partnersync.partner.domain.IntegrationExists;
import io.partnersync.partner.domain.IntegrationNotFound;
import io.partnersync.partner.domain.PartnerNotFound;
import io.partnersync.partner.domain.PartnerSharesNoAsset;
import io.partnersync.partner.tokenvault.TokenRejected;
import io.partnersync.partner.tokenvault.TokenVaultFailure;
import io.partnersync.partner.tokenvault.TokenVaultUnavailable;
import io.partnersync.problem.Problem;

/** partner-service's errors as problem+json; the shared ones come from the problem-json module. */
public class PartnerProblems {

    private static final Logger LOG = Logger.getLogger(PartnerProblems.class);

    private static final String TOKEN_REJECTED_TYPE = "https://partnersync.io/problems/token-rejected";

    @ServerExceptionMapper
    public Response integrationNotFound(IntegrationNotFound e) {
        return Problem.of(404, "integration-not-found", "Integration not found", e.getMessage())
                .with("integrationId", e.integrationId().toString()).toResponse();
    }

    @ServerExceptionMapper
    public Response partnerNotFound(PartnerNotFound e) {
        return Problem.of(404, "partner-not-found", "Partner not found", e.getMessage())
                .with("partnerId", e.partnerId().toString()).toResponse();
    }

    @ServerExceptionMapper
    public Response illegalMove(IllegalPartnerMove e) {
        return Problem.of(409, "partner-status-conflict", "The partner's status does not allow this", e.getMessage())
                .with("partnerId", e.partnerId().toString())
                .with("status", e.status().name())
                .with("allowedStatuses", e.move().allowedFrom().stream().map(Enum::name).toList())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response sharesNoAsset(PartnerSharesNoAsset e) {
        return Problem.of(409, "partner-shares-no-asset", "The partner shares no asset", e.getMessage())
                .with("partnerId", e.partnerId().toString()).toResponse();
    }

    @ServerExceptionMapper
    public Response integrationExists(IntegrationExists e) {
        Problem problem = Problem.of(409, "integration-exists", "This Meta business is already connected",
                e.getMessage());
        return (e.integrationId() == null ? problem : problem.with("integrationId", e.integrationId().toString()))
                .toResponse();
    }

    /** token-vault-service's refusal goes to the client as it was: type, title, detail and every failed check. */
    @ServerExceptionMapper
    public Response tokenRejected(TokenRejected e) {
        return passedOn(e.problem(), 422, TOKEN_REJECTED_TYPE, "The token was rejected").toResponse();
    }

    @ServerExceptionMapper
    public Response tokenVaultUnavailable(TokenVaultUnavailable e) {
        Problem problem = e.problem().containsKey("type")
                // Meta is unreachable or throttling behind token-vault-service: say so as it did.
                ? passedOn(e.problem(), 503, null, null)
                : Problem.of(503, "token-vault-unavailable", "Tokens cannot be validated right now",
                        "The token service cannot be reached; nothing was changed. Try again in "
                                + e.retryAfterSeconds() + " seconds.");
        return Response.fromResponse(problem.with("retryAfterSeconds", e.retryAfterSeconds()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response tokenVaultFailure(TokenVaultFailure e) {
        LOG.errorf("token-vault-service failed: %s", e.getMessage());
        return Problem.of(502, "token-vault-error", "The token service failed",
                "The token service answered unexpectedly; nothing was changed. The request may be retried.")
                .toResponse();
    }

    /** An upstream problem with its own type, title, detail and extra members, under the given status. */
    private static Problem passedOn(Map<String, Object> upstream, int status, String defaultType, String defaultTitle) {
        Map<String, Object> members = new LinkedHashMap<>(upstream);
        Object type = members.remove("type");
        Object title = members.remove("title");
        Object detail = members.remove("detail");
        members.remove("status");
        return new Problem(type == null ? defaultType : type.toString(), title == null ? defaultTitle : title.toString(),
                status, detail == null ? null : detail.toString(), members);
    }
}
