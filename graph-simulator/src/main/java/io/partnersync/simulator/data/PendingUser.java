package io.partnersync.simulator.data;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An invitation to a business not yet accepted. Its id differs from the id the person gets on
 * accepting, so clients reconcile invites by email.
 */
public record PendingUser(
        String id,
        String businessId,
        String email,
        String role,
        List<String> tasks,
        String createdBy,
        String createdTime,
        String expirationTime,
        String invitedUserType) {

    public PendingUser {
        requireNonNull(id, "pendingUser.id");
        requireNonNull(businessId, "pendingUser.businessId");
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
