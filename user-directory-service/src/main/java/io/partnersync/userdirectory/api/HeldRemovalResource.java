package io.partnersync.userdirectory.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.partnersync.userdirectory.api.Responses.HeldRemovalView;
import io.partnersync.userdirectory.domain.GuestUserQueries;
import io.partnersync.userdirectory.domain.HeldRemovalStatus;
import io.partnersync.userdirectory.domain.HeldRemovals;

/** Removals the sync safeguard held, and an admin's confirm or discard. */
@Path("/api/directory")
@RolesAllowed({Roles.VIEWER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class HeldRemovalResource {

    private final Caller caller;
    private final HeldRemovals heldRemovals;
    private final GuestUserQueries queries;

    HeldRemovalResource(Caller caller, HeldRemovals heldRemovals, GuestUserQueries queries) {
        this.caller = caller;
        this.heldRemovals = heldRemovals;
        this.queries = queries;
    }

    @GET
    @Path("/integrations/{integrationId}/held-removals")
    @Operation(summary = "Held-removal batches of an integration, newest first, optionally of one status")
    public List<HeldRemovalView> list(@PathParam("integrationId") String integration, @QueryParam("status") String status) {
        RequestParams params = new RequestParams();
        UUID integrationId = params.uuid("integrationId", integration);
        HeldRemovalStatus wanted = params.enumValue("status", status, HeldRemovalStatus.class);
        params.check();
        String workspaceId = caller.workspaceId();
        queries.requireIntegration(workspaceId, integrationId);
        return heldRemovals.list(workspaceId, integrationId, wanted).stream().map(HeldRemovalView::of).toList();
    }

    @GET
    @Path("/held-removals/{id}")
    @Operation(summary = "One held-removal batch; list its people with guest-users?heldRemoval={id}")
    public HeldRemovalView get(@PathParam("id") String id) {
        return HeldRemovalView.of(heldRemovals.find(caller.workspaceId(), heldRemovalId(id)));
    }

    @POST
    @Path("/held-removals/{id}/confirm")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove the held people (those seen again since are kept)")
    public HeldRemovalView confirm(@PathParam("id") String id) {
        UUID heldRemovalId = heldRemovalId(id);
        return HeldRemovalView.of(heldRemovals.confirm(caller.workspaceId(), heldRemovalId, caller.name()));
    }

    @POST
    @Path("/held-removals/{id}/discard")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Keep the held people active")
    public HeldRemovalView discard(@PathParam("id") String id) {
        UUID heldRemovalId = heldRemovalId(id);
        return HeldRemovalView.of(heldRemovals.discard(caller.workspaceId(), heldRemovalId, caller.name()));
    }

    private static UUID heldRemovalId(String id) {
        RequestParams params = new RequestParams();
        UUID heldRemovalId = params.uuid("id", id);
        params.check();
        return heldRemovalId;
    }
}
