package io.partnersync.simulator.data;

import static java.util.Objects.requireNonNull;

/** A business's system user: the identity behind a system user token. {@code createdBy} is a user id. */
public record SystemUser(
        String id,
        String businessId,
        String name,
        String role,
        String createdBy,
        String createdTime,
        String financePermission) implements Person {

    public SystemUser {
        requireNonNull(id, "systemUser.id");
        requireNonNull(businessId, "systemUser.businessId");
    }

    @Override
    public String userType() {
        return "system_user";
    }
}
