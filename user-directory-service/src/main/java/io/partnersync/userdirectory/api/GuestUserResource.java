package io.partnersync.userdirectory.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.partnersync.userdirectory.api.Responses.ChangePage;
import io.partnersync.userdirectory.api.Responses.GuestUserDetail;
import io.partnersync.userdirectory.api.Responses.GuestUserPage;
import io.partnersync.userdirectory.domain.ChangeHistory;
import io.partnersync.userdirectory.domain.ChangeType;
import io.partnersync.userdirectory.domain.GuestUser;
import io.partnersync.userdirectory.domain.GuestUserFilter;
import io.partnersync.userdirectory.domain.GuestUserQueries;
import io.partnersync.userdirectory.domain.GuestUserSort;

/** Meta Business guest users of an integration: list, tab counts, CSV export, one person, history. */
@Path("/api/directory")
@RolesAllowed({Roles.VIEWER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class GuestUserResource {

    private static final int DETAIL_HISTORY = 50;

    private final Caller caller;
    private final GuestUserQueries queries;
    private final ChangeHistory history;

    GuestUserResource(Caller caller, GuestUserQueries queries, ChangeHistory history) {
        this.caller = caller;
        this.queries = queries;
        this.history = history;
    }

    @GET
    @Path("/integrations/{integrationId}/guest-users")
    @Operation(summary = "List guest users of an integration, filtered, searched and sorted, in cursor pages")
    public GuestUserPage list(@BeanParam GuestUserListParams list, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        RequestParams params = new RequestParams();
        UUID integrationId = list.integrationId(params);
        GuestUserFilter filter = list.filter(integrationId, params);
        GuestUserSort sort = list.sort(params);
        int pageSize = params.limit(limit);
        GuestUserSort.Position after = position(params, params.cursor(cursor, sort.apiName()), sort);
        params.check();
        GuestUserQueries.Page page = queries.page(caller.workspaceId(), filter, sort, after, pageSize);
        GuestUserSort.Position next = page.next();
        return new GuestUserPage(page.items(),
                next == null ? null : new PageCursor(sort.apiName(), next.value(), next.id().toString()).encode());
    }

    @GET
    @Path("/integrations/{integrationId}/guest-users/counts")
    @Operation(summary = "Counts per status, kind, risk flag, role and partner, each under the other filters (for tabs)")
    public GuestUserQueries.Counts counts(@BeanParam GuestUserListParams list) {
        RequestParams params = new RequestParams();
        UUID integrationId = list.integrationId(params);
        GuestUserFilter filter = list.filter(integrationId, params);
        list.sort(params);
        params.check();
        String workspaceId = caller.workspaceId();
        queries.requireIntegration(workspaceId, integrationId);
        return queries.counts(workspaceId, filter);
    }

    @GET
    @Path("/integrations/{integrationId}/guest-users/export")
    @Produces("text/csv")
    @Operation(summary = "The filtered, sorted list as CSV (RFC 4180), streamed")
    public Response export(@BeanParam GuestUserListParams list) {
        RequestParams params = new RequestParams();
        UUID integrationId = list.integrationId(params);
        GuestUserFilter filter = list.filter(integrationId, params);
        GuestUserSort sort = list.sort(params);
        params.check();
        String workspaceId = caller.workspaceId();
        queries.requireIntegration(workspaceId, integrationId);
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(GuestUserCsv.header());
            queries.export(workspaceId, filter, sort, person -> write(writer, person));
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"guest-users-" + integrationId + ".csv\"")
                .build();
    }

    @GET
    @Path("/guest-users/{id}")
    @Operation(summary = "One guest user with assets, tasks, risk flags and the newest history entries")
    public GuestUserDetail get(@PathParam("id") String id) {
        RequestParams params = new RequestParams();
        UUID guestUserId = params.uuid("id", id);
        params.check();
        String workspaceId = caller.workspaceId();
        GuestUser person = queries.find(workspaceId, guestUserId);
        return new GuestUserDetail(person, ChangePage.of(
                history.page(workspaceId, ChangeHistory.Query.ofPerson(guestUserId), null, DETAIL_HISTORY)));
    }

    @GET
    @Path("/guest-users/{id}/history")
    @Operation(summary = "A guest user's history, newest first, in cursor pages")
    public ChangePage personHistory(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        RequestParams params = new RequestParams();
        UUID guestUserId = params.uuid("id", id);
        int pageSize = params.limit(limit);
        ChangeHistory.Position after = changePosition(params, params.cursor(cursor, ChangePage.ORDER));
        params.check();
        String workspaceId = caller.workspaceId();
        queries.find(workspaceId, guestUserId);
        return ChangePage.of(history.page(workspaceId, ChangeHistory.Query.ofPerson(guestUserId), after, pageSize));
    }

    @GET
    @Path("/integrations/{integrationId}/changes")
    @Operation(summary = "The change feed of an integration since a time, newest first, in cursor pages")
    public ChangePage changes(@PathParam("integrationId") String integration,
            @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("partner") List<String> partner, @QueryParam("change") List<String> change,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        RequestParams params = new RequestParams();
        UUID integrationId = params.uuid("integrationId", integration);
        ChangeHistory.Query query = new ChangeHistory.Query(integrationId, null, params.uuids("partner", partner),
                params.enumValues("change", change, ChangeType.class), params.instant("since", since),
                params.instant("until", until));
        int pageSize = params.limit(limit);
        ChangeHistory.Position after = changePosition(params, params.cursor(cursor, ChangePage.ORDER));
        params.check();
        String workspaceId = caller.workspaceId();
        queries.requireIntegration(workspaceId, integrationId);
        return ChangePage.of(history.page(workspaceId, query, after, pageSize));
    }

    private static void write(Writer writer, GuestUser person) {
        try {
            writer.write(GuestUserCsv.row(person));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cursor's content is checked like any input: it reaches SQL as typed values only. */
    private static GuestUserSort.Position position(RequestParams params, PageCursor cursor, GuestUserSort sort) {
        if (cursor == null) {
            return null;
        }
        try {
            if (sort.key().temporal()) {
                Instant.parse(cursor.value());
            }
            return new GuestUserSort.Position(cursor.value(), UUID.fromString(cursor.id()));
        } catch (RuntimeException e) {
            params.violation("cursor", RequestParams.NOT_A_CURSOR);
            return null;
        }
    }

    private static ChangeHistory.Position changePosition(RequestParams params, PageCursor cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return new ChangeHistory.Position(Instant.parse(cursor.value()), Long.parseLong(cursor.id()));
        } catch (RuntimeException e) {
            params.violation("cursor", RequestParams.NOT_A_CURSOR);
            return null;
        }
    }
}
