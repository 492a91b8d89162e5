package io.partnersync.tokenvault.api;

import java.net.URI;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnersync.tokenvault.domain.StoredToken;
import io.partnersync.tokenvault.domain.TokenVault;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The internal token API: partner-service stores, validates and deletes tokens; sync-service
 * reads them. Not routed from outside the cluster.
 */
@Path("/internal/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tokens", description = "Meta tokens: validated against Meta, kept in Vault")
@SecurityRequirement(name = "service-jwt")
public class TokenResource {

    static final String PARTNER_SERVICE = "partner-service";
    static final String SYNC_SERVICE = "sync-service";
    private static final String TOKEN_REF = "tok_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TOKEN_REF_MESSAGE = "must be a token reference (tok_<uuid>)";

    private final TokenVault vault;
    private final SecurityIdentity caller;

    TokenResource(TokenVault vault, SecurityIdentity caller) {
        this.vault = vault;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PARTNER_SERVICE)
    @Operation(summary = "Validate a token against Meta and keep it",
            description = "Every store creates a new tokenRef; an owner's previous token is rotated out (its secret destroyed).")
    @APIResponse(responseCode = "201", description = "Stored")
    @APIResponse(responseCode = "422", description = "Refused: problem+json listing every failed check")
    @APIResponse(responseCode = "503", description = "Meta unreachable or throttling: retry after Retry-After seconds")
    public Response store(@NotNull @Valid StoreTokenRequest request) {
        StoredToken stored = vault.store(request.submission(), callingService());
        return Response.created(URI.create("/internal/tokens/" + stored.tokenRef)).entity(TokenMetadata.of(stored)).build();
    }

    @POST
    @Path("/validation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PARTNER_SERVICE)
    @Operation(summary = "Validate a token against Meta without keeping it")
    @APIResponse(responseCode = "200", description = "Valid; nothing stored")
    @APIResponse(responseCode = "422", description = "Refused: problem+json listing every failed check")
    @APIResponse(responseCode = "503", description = "Meta unreachable or throttling")
    public TokenMetadata validate(@NotNull @Valid StoreTokenRequest request) {
        return TokenMetadata.of(request.submission(), vault.validate(request.submission()));
    }

    @GET
    @Path("/{tokenRef}")
    @RolesAllowed({ PARTNER_SERVICE, SYNC_SERVICE })
    @Operation(summary = "A token's metadata, audit trail and the owner's fingerprint history")
    @APIResponse(responseCode = "200", description = "Found")
    @APIResponse(responseCode = "404", description = "Unknown token")
    public TokenDetails details(
            @PathParam("tokenRef") @Pattern(regexp = TOKEN_REF, message = TOKEN_REF_MESSAGE) String tokenRef,
            @QueryParam("workspaceId") @Parameter(description = "When given, the token must belong to this workspace")
            String workspaceId) {
        return TokenDetails.of(vault.details(tokenRef, Optional.ofNullable(workspaceId)));
    }

    @GET
    @Path("/{tokenRef}/secret")
    @RolesAllowed(SYNC_SERVICE)
    @Operation(summary = "The token itself (the only call that returns one)")
    @APIResponse(responseCode = "200", description = "The token")
    @APIResponse(responseCode = "404", description = "Unknown, rotated or destroyed token")
    public Response secret(
            @PathParam("tokenRef") @Pattern(regexp = TOKEN_REF, message = TOKEN_REF_MESSAGE) String tokenRef,
            @QueryParam("workspaceId") String workspaceId) {
        String token = vault.readSecret(tokenRef, Optional.ofNullable(workspaceId), callingService());
        return Response.ok(new TokenSecret(tokenRef, token)).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("/{tokenRef}")
    @RolesAllowed(PARTNER_SERVICE)
    @Operation(summary = "Destroy a token (its secret, for good); its metadata stays as DESTROYED")
    @APIResponse(responseCode = "204", description = "Destroyed, or already retired")
    @APIResponse(responseCode = "404", description = "Unknown token")
    public void delete(
            @PathParam("tokenRef") @Pattern(regexp = TOKEN_REF, message = TOKEN_REF_MESSAGE) String tokenRef,
            @QueryParam("workspaceId") String workspaceId) {
        vault.delete(tokenRef, Optional.ofNullable(workspaceId), callingService());
    }

    private String callingService() {
        return caller.getAttribute(ServiceIdentityAugmentor.SERVICE);
    }
}
