package io.partnersync.userdirectory.api;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.partnersync.problem.Problem;
import io.partnersync.problem.ProblemException;

/** The frontend user behind a request: their workspace scopes everything they read and decide. */
@RequestScoped
public class Caller {

    private final JsonWebToken jwt;

    Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public String workspaceId() {
        String workspaceId = jwt.getClaim("workspace_id");
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                    "Your token names no workspace (claim workspace_id)."));
        }
        return workspaceId;
    }

    /** Who decides, for history and audit: the token's upn, else its subject. */
    public String name() {
        String upn = jwt.getClaim("upn");
        return upn != null ? upn : jwt.getSubject();
    }
}
