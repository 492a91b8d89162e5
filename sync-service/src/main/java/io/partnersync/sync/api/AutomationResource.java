package io.partnersync.sync.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.partnersync.events.SyncTrigger;
import io.partnersync.problem.Problem;
import io.partnersync.problem.ProblemException;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.SyncRefused;
import io.partnersync.sync.domain.SyncTask;
import io.partnersync.sync.domain.TaskStatus;
import io.partnersync.sync.messaging.SyncTasks;

/** Check for updates, and the Automation view: start syncs, list tasks, read one with its jobs. */
@Path("/api/automation/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class AutomationResource {

    static final String ADMIN = "workspace-admin";
    static final String VIEWER = "workspace-viewer";
    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final JsonWebToken jwt;
    private final SyncTasks tasks;

    AutomationResource(JsonWebToken jwt, SyncTasks tasks) {
        this.jwt = jwt;
        this.tasks = tasks;
    }

    /**
     * 202 with a new task; 200 with the task already queued or running for the same target (or,
     * for one partner, for the whole integration): a second click never starts a second sync.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    public Response start(@Valid @NotNull StartSyncRequest request) {
        SyncTrigger trigger = request.trigger() == StartSyncRequest.RequestTrigger.API ? SyncTrigger.API
                : SyncTrigger.WEB_APP;
        SyncTasks.Started started = tasks.requestedBy(workspace(), request.integrationId(), request.partnerId(),
                trigger, actor());
        TaskView view = TaskView.of(started.task(), List.of());
        URI location = URI.create("/api/automation/tasks/" + started.task().id);
        return (started.created() ? Response.accepted(view) : Response.ok(view)).location(location).build();
    }

    @GET
    @RolesAllowed({ADMIN, VIEWER})
    public TaskPage list(
            @QueryParam("integrationId") @Pattern(regexp = UUID_PATTERN,
                    message = "must be a UUID") String integrationId,
            @QueryParam("status") @Pattern(
                    regexp = "QUEUED|RUNNING|RETRYING|COMPLETED|NOT_COMPLETED|FAILED",
                    message = "must be one of QUEUED, RUNNING, RETRYING, COMPLETED, NOT_COMPLETED, FAILED") String status,
            @QueryParam("trigger") @Pattern(
                    regexp = "WEB_APP|API|SCHEDULE|INTEGRATION_CONNECTED|PARTNER_CONNECTED",
                    message = "must be one of WEB_APP, API, SCHEDULE, INTEGRATION_CONNECTED, PARTNER_CONNECTED") String trigger,
            @QueryParam("limit") @DefaultValue("20") @Pattern(regexp = "[1-9][0-9]?|100",
                    message = "must be a whole number from 1 to 100") String limit,
            @QueryParam("cursor") String cursor) {
        int pageSize = Integer.parseInt(limit);
        List<SyncTask> found = SyncTask.newestFirst(workspace(),
                integrationId == null ? null : UUID.fromString(integrationId),
                status == null ? null : TaskStatus.valueOf(status),
                trigger == null ? null : SyncTrigger.valueOf(trigger),
                cursor == null ? null : TaskCursor.parse(cursor), pageSize + 1);
        List<SyncTask> page = found.subList(0, Math.min(pageSize, found.size()));
        String next = found.size() > pageSize ? TaskCursor.of(page.get(page.size() - 1)) : null;
        return new TaskPage(page.stream().map(task -> TaskView.of(task, null)).toList(), next);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ADMIN, VIEWER})
    public TaskView get(@PathParam("id") UUID id) {
        String workspace = workspace();
        SyncTask task = SyncTask.findInWorkspace(id, workspace).orElseThrow(() -> new SyncRefused.TaskNotFound(id));
        return TaskView.of(task, SyncJob.ofTask(task.id, workspace));
    }

    private String workspace() {
        String workspace = jwt.getClaim("workspace_id");
        if (workspace == null || workspace.isBlank()) {
            throw new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                    "Your token names no workspace (claim workspace_id)."));
        }
        return workspace;
    }

    private String actor() {
        return jwt.getName() != null ? jwt.getName() : jwt.getSubject();
    }
}
