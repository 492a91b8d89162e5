package io.partnersync.partner.api;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnersync.partner.domain.Integration;
import io.partnersync.partner.domain.IntegrationNotFound;
import io.partnersync.partner.domain.Partner;
import io.partnersync.partner.domain.PartnerNotFound;
import io.partnersync.partner.domain.PartnerOrder;
import io.partnersync.partner.domain.PartnerStatus;
import io.partnersync.partner.domain.PartnerStatusChange;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * The Meta Business Center integrations of the caller's workspace and their Meta Business
 * Partners. Every read and write is scoped to the JWT's {@code workspace_id}: another
 * workspace's ids answer 404. Writes need {@code workspace-admin}.
 */
@Path("/api/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations", description = "Meta Business Center integrations and their Meta Business Partners")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "unauthenticated", value = ApiExamples.UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "The caller's role does not allow the call, or the token names no workspace",
        content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "forbidden", value = ApiExamples.FORBIDDEN)))
public class IntegrationResource {

    private final Caller caller;
    private final IntegrationCommands integrations;
    private final PartnerCommands partners;

    IntegrationResource(Caller caller, IntegrationCommands integrations, PartnerCommands partners) {
        this.caller = caller;
        this.integrations = integrations;
        this.partners = partners;
    }

    @POST
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Connect a Meta Business Center integration",
            description = "token-vault-service validates the token (a system user token of our app for that business) and "
                    + "stores it; then the integration is created ACTIVE and IntegrationConnected is published, which "
                    + "starts a first discovery. Nothing is created when the token is refused or cannot be validated.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "integration", value = ApiExamples.NEW_INTEGRATION)))
    @APIResponse(responseCode = "201", description = "Created; Location names the integration",
            content = @Content(schema = @Schema(implementation = IntegrationView.class), examples = @ExampleObject(name = "integration", value = ApiExamples.INTEGRATION)))
    @APIResponse(responseCode = "400", description = "The body is not valid (every violation is listed; the token is never echoed)",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "invalid", value = ApiExamples.INVALID_REQUEST)))
    @APIResponse(responseCode = "409", description = "This Meta business is already connected in the workspace",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "exists", value = ApiExamples.INTEGRATION_EXISTS)))
    @APIResponse(responseCode = "422", description = "token-vault-service rejected the token; every failed check is listed, as it answered",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "rejected", value = ApiExamples.TOKEN_REJECTED)))
    @APIResponse(responseCode = "502", description = "token-vault-service answered unexpectedly; nothing was created",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "failed", value = ApiExamples.TOKEN_VAULT_ERROR)))
    @APIResponse(responseCode = "503", description = "The token cannot be validated now (token-vault-service or Meta unavailable); nothing was created. See Retry-After.",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = {
                    @ExampleObject(name = "token-vault-unavailable", value = ApiExamples.UNAVAILABLE),
                    @ExampleObject(name = "meta-unavailable", value = ApiExamples.META_UNAVAILABLE) }))
    public Response create(@Valid @NotNull NewIntegration request) {
        Integration integration = integrations.create(caller.workspaceId(), caller.name(), request);
        return Response.created(URI.create("/api/integrations/" + integration.id()))
                .entity(IntegrationView.of(integration)).build();
    }

    @GET
    @RolesAllowed({ Caller.ADMIN, Caller.VIEWER })
    @Transactional
    @Operation(summary = "List the workspace's integrations", description = "Oldest first, with status and last sync.")
    @APIResponse(responseCode = "200", description = "The integrations",
            content = @Content(schema = @Schema(implementation = IntegrationList.class), examples = @ExampleObject(name = "integrations", value = ApiExamples.INTEGRATIONS)))
    public IntegrationList list() {
        return new IntegrationList(Integration.allIn(caller.workspaceId()).stream().map(IntegrationView::of).toList());
    }

    @GET
    @Path("{integrationId}")
    @RolesAllowed({ Caller.ADMIN, Caller.VIEWER })
    @Transactional
    @Operation(summary = "Read an integration", description = "Its status, its last discovery and the result of its most recent partner sync job.")
    @APIResponse(responseCode = "200", description = "The integration",
            content = @Content(schema = @Schema(implementation = IntegrationView.class), examples = @ExampleObject(name = "integration", value = ApiExamples.INTEGRATION)))
    @APIResponse(responseCode = "404", description = "No such integration in the workspace",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "not-found", value = ApiExamples.INTEGRATION_NOT_FOUND)))
    public IntegrationView read(@PathParam("integrationId") UUID integrationId) {
        return IntegrationView.of(integration(integrationId));
    }

    @GET
    @Path("{integrationId}/partners")
    @RolesAllowed({ Caller.ADMIN, Caller.VIEWER })
    @Transactional
    @Operation(summary = "List the Meta Business Partners of an integration",
            description = "Filtered by status (repeat the parameter for several), sorted by name or status, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of partners with the total count",
            content = @Content(schema = @Schema(implementation = PartnerPage.class), examples = @ExampleObject(name = "partners", value = ApiExamples.PARTNERS)))
    @APIResponse(responseCode = "400", description = "A query parameter is not valid",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "invalid", value = ApiExamples.INVALID_REQUEST)))
    @APIResponse(responseCode = "404", description = "No such integration in the workspace",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "not-found", value = ApiExamples.INTEGRATION_NOT_FOUND)))
    public PartnerPage partners(
            @PathParam("integrationId") UUID integrationId,
            @Parameter(description = "Only partners with this status; repeat for several",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PartnerStatus.class))
            @QueryParam("status") List<@Pattern(regexp = Validation.STATUS, message = Validation.STATUS_MESSAGE) String> statuses,
            @Parameter(description = "name (default) or status (in the order of the state machine)",
                    schema = @Schema(enumeration = { "name", "status" }, defaultValue = "name"))
            @QueryParam("sort") @DefaultValue("name") @Pattern(regexp = Validation.SORT, message = Validation.SORT_MESSAGE) String sort,
            @Parameter(description = "asc (default) or desc", schema = @Schema(enumeration = { "asc", "desc" }, defaultValue = "asc"))
            @QueryParam("order") @DefaultValue("asc") @Pattern(regexp = Validation.ORDER, message = Validation.ORDER_MESSAGE) String order,
            @Parameter(description = "Zero-based page number", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    maximum = "" + Validation.MAX_PAGE, defaultValue = "0"))
            @QueryParam("page") @DefaultValue("0") @Pattern(regexp = Validation.NUMBER, message = Validation.NUMBER_MESSAGE)
            @Max(Validation.MAX_PAGE) String page,
            @Parameter(description = "Partners per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Validation.MAX_PAGE_SIZE, defaultValue = "20"))
            @QueryParam("size") @DefaultValue("20") @Pattern(regexp = Validation.NUMBER, message = Validation.NUMBER_MESSAGE)
            @Min(1) @Max(Validation.MAX_PAGE_SIZE) String size) {
        String workspaceId = caller.workspaceId();
        integration(integrationId);
        Set<PartnerStatus> wanted = EnumSet.noneOf(PartnerStatus.class);
        statuses.forEach(status -> wanted.add(PartnerStatus.valueOf(status)));
        int pageNumber = Integer.parseInt(page);
        int pageSize = Integer.parseInt(size);
        PanacheQuery<Partner> query = Partner.search(workspaceId, integrationId, wanted,
                PartnerOrder.valueOf(sort.toUpperCase()), "desc".equals(order)).page(pageNumber, pageSize);
        List<PartnerView> items = query.list().stream().map(PartnerView::of).toList();
        long total = query.count();
        return new PartnerPage(items, pageNumber, pageSize, total, (int) ((total + pageSize - 1) / pageSize));
    }

    @GET
    @Path("{integrationId}/partners/{partnerId}")
    @RolesAllowed({ Caller.ADMIN, Caller.VIEWER })
    @Transactional
    @Operation(summary = "Read a partner")
    @APIResponse(responseCode = "200", description = "The partner",
            content = @Content(schema = @Schema(implementation = PartnerView.class), examples = @ExampleObject(name = "partner", value = ApiExamples.PARTNER)))
    @APIResponse(responseCode = "404", description = "No such integration or partner in the workspace",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = {
                    @ExampleObject(name = "integration-not-found", value = ApiExamples.INTEGRATION_NOT_FOUND),
                    @ExampleObject(name = "partner-not-found", value = ApiExamples.PARTNER_NOT_FOUND) }))
    public PartnerView partner(@PathParam("integrationId") UUID integrationId, @PathParam("partnerId") UUID partnerId) {
        return PartnerView.of(partnerOf(integrationId, partnerId));
    }

    @GET
    @Path("{integrationId}/partners/{partnerId}/history")
    @RolesAllowed({ Caller.ADMIN, Caller.VIEWER })
    @Transactional
    @Operation(summary = "Read a partner's status history",
            description = "Every status transition, newest first: from, to, when, by whom or which event, why.")
    @APIResponse(responseCode = "200", description = "The history",
            content = @Content(schema = @Schema(implementation = StatusHistory.class), examples = @ExampleObject(name = "history", value = ApiExamples.HISTORY)))
    @APIResponse(responseCode = "404", description = "No such integration or partner in the workspace",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = {
                    @ExampleObject(name = "integration-not-found", value = ApiExamples.INTEGRATION_NOT_FOUND),
                    @ExampleObject(name = "partner-not-found", value = ApiExamples.PARTNER_NOT_FOUND) }))
    public StatusHistory history(@PathParam("integrationId") UUID integrationId, @PathParam("partnerId") UUID partnerId) {
        Partner partner = partnerOf(integrationId, partnerId);
        return new StatusHistory(partner.id(), PartnerStatusChange.of(partner.workspaceId(), partner.id()).stream()
                .map(StatusChangeView::of).toList());
    }

    @POST
    @Path("{integrationId}/partners/{partnerId}/connection")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Connect a partner with its token",
            description = "Allowed when the partner is PENDING_ONBOARDING, RECONNECT_REQUIRED or DISCONNECTED and shares at "
                    + "least one asset. token-vault-service validates the token (our app, a system user of the partner's "
                    + "business, never expiring, all six scopes) and stores it; the partner becomes ONBOARDED and "
                    + "PartnerConnected is published, which queues a sync of the partner.")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "connection", value = ApiExamples.NEW_CONNECTION)))
    @APIResponse(responseCode = "200", description = "The partner, now ONBOARDED",
            content = @Content(schema = @Schema(implementation = PartnerView.class), examples = @ExampleObject(name = "partner", value = ApiExamples.PARTNER)))
    @APIResponse(responseCode = "400", description = "The body is not valid (the token is never echoed)",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "invalid", value = ApiExamples.INVALID_REQUEST)))
    @APIResponse(responseCode = "404", description = "No such integration or partner in the workspace",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = {
                    @ExampleObject(name = "integration-not-found", value = ApiExamples.INTEGRATION_NOT_FOUND),
                    @ExampleObject(name = "partner-not-found", value = ApiExamples.PARTNER_NOT_FOUND) }))
    @APIResponse(responseCode = "409", description = "The partner's status does not allow connecting it, or it shares no asset",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = {
                    @ExampleObject(name = "status", value = ApiExamples.STATUS_CONFLICT),
                    @ExampleObject(name = "no-shared-asset", value = ApiExamples.NO_SHARED_ASSET) }))
    @APIResponse(responseCode = "422", description = "token-vault-service rejected the token; every failed check is listed, as it answered",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "rejected", value = ApiExamples.TOKEN_REJECTED)))
    @APIResponse(responseCode = "502", description = "token-vault-service answered unexpectedly; nothing changed",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "failed", value = ApiExamples.TOKEN_VAULT_ERROR)))
    @APIResponse(responseCode = "503", description = "The token cannot be validated now; nothing changed. See Retry-After.",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = {
                    @ExampleObject(name = "token-vault-unavailable", value = ApiExamples.UNAVAILABLE),
                    @ExampleObject(name = "meta-unavailable", value = ApiExamples.META_UNAVAILABLE) }))
    public PartnerView connect(@PathParam("integrationId") UUID integrationId, @PathParam("partnerId") UUID partnerId,
            @Valid @NotNull NewConnection request) {
        return PartnerView.of(partners.connect(caller.workspaceId(), caller.name(), integrationId, partnerId,
                request.token()));
    }

    @DELETE
    @Path("{integrationId}/partners/{partnerId}/connection")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Disconnect a partner",
            description = "The partner becomes DISCONNECTED and PartnerDisconnected is published: token-vault-service "
                    + "destroys its token and the directory removes its people. It can be connected again with a new token.")
    @APIResponse(responseCode = "200", description = "The partner, now DISCONNECTED",
            content = @Content(schema = @Schema(implementation = PartnerView.class), examples = @ExampleObject(name = "partner", value = ApiExamples.DISCONNECTED_PARTNER)))
    @APIResponse(responseCode = "404", description = "No such integration or partner in the workspace",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = {
                    @ExampleObject(name = "integration-not-found", value = ApiExamples.INTEGRATION_NOT_FOUND),
                    @ExampleObject(name = "partner-not-found", value = ApiExamples.PARTNER_NOT_FOUND) }))
    @APIResponse(responseCode = "409", description = "The partner is already disconnected",
            content = @Content(mediaType = ApiExamples.PROBLEM_JSON, examples = @ExampleObject(name = "status", value = ApiExamples.ALREADY_DISCONNECTED)))
    public PartnerView disconnect(@PathParam("integrationId") UUID integrationId, @PathParam("partnerId") UUID partnerId) {
        return PartnerView.of(partners.disconnect(caller.workspaceId(), caller.name(), integrationId, partnerId));
    }

    private Integration integration(UUID integrationId) {
        return Integration.findIn(caller.workspaceId(), integrationId)
                .orElseThrow(() -> new IntegrationNotFound(integrationId));
    }

    private Partner partnerOf(UUID integrationId, UUID partnerId) {
        integration(integrationId);
        return Partner.findIn(caller.workspaceId(), integrationId, partnerId)
                .orElseThrow(() -> new PartnerNotFound(integrationId, partnerId));
    }
}
