package io.partnersync.sync.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.partnersync.problem.Problem;
import io.partnersync.sync.domain.SyncRefused;

/** sync-service's domain errors as problem+json. */
public class SyncProblems {

    @ServerExceptionMapper
    public Response refused(SyncRefused e) {
        Problem problem;
        if (e instanceof SyncRefused.UnknownIntegration) {
            problem = Problem.of(404, "integration-not-found", "Integration not found", e.getMessage());
        } else if (e instanceof SyncRefused.TaskNotFound) {
            problem = Problem.of(404, "task-not-found", "Automation task not found", e.getMessage());
        } else if (e instanceof SyncRefused.IntegrationCannotSync) {
            problem = Problem.of(409, "integration-cannot-sync", "The integration cannot be synced", e.getMessage());
        } else {
            problem = Problem.of(409, "partner-not-connected", "The partner is not connected", e.getMessage());
        }
        return problem.toResponse();
    }
}
