package io.partnersync.partner.api;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;

/** The frontend user behind a request: their workspace scopes every read and write. */
@RequestScoped
public class Caller {

    static final String ADMIN = "workspace-admin";
    static final String VIEWER = "workspace-viewer";

    private final JsonWebToken jwt;

    Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    /** The {@code workspace_id} claim; a token without one may do nothing here. */
    public String workspaceId() {
        String workspaceId = jwt.getClaim("workspace_id");
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new ForbiddenException("The bearer token names no workspace");
        }
        return workspaceId;
    }

    /** The actor recorded with changes: the token's upn, else its subject. */
    public String name() {
        return jwt.getName();
    }
}
