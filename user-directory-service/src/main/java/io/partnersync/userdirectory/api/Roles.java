package io.partnersync.userdirectory.api;

/** The frontend groups: viewers read, admins also decide on held removals. */
final class Roles {

    static final String ADMIN = "workspace-admin";
    static final String VIEWER = "workspace-viewer";

    private Roles() {
    }
}
