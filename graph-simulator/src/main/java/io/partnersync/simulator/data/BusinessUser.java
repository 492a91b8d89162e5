package io.partnersync.simulator.data;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A person with a role in a business. {@code tasks} are business-level tasks Graph returns with the user. */
public record BusinessUser(
        String id,
        String businessId,
        String name,
        String email,
        String firstName,
        String lastName,
        String role,
        String title,
        boolean twoFactorEnabled,
        String pendingEmail,
        List<String> tasks,
        String financePermission,
        boolean markedForRemoval) implements Person {

    public BusinessUser {
        requireNonNull(id, "businessUser.id");
        requireNonNull(businessId, "businessUser.businessId");
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** A user with the common fields; first and last name are split from {@code name}. */
    public static BusinessUser of(
            String id, String businessId, String name, String email, String role, boolean twoFactorEnabled) {
        int space = name.indexOf(' ');
        String firstName = space < 0 ? name : name.substring(0, space);
        String lastName = space < 0 ? null : name.substring(space + 1);
        return new BusinessUser(id, businessId, name, email, firstName, lastName, role, null,
                twoFactorEnabled, null, List.of(), null, false);
    }

    @Override
    public String userType() {
        return "business_user";
    }

    public BusinessUser withRole(String newRole) {
        return new BusinessUser(id, businessId, name, email, firstName, lastName, newRole, title,
                twoFactorEnabled, pendingEmail, tasks, financePermission, markedForRemoval);
    }

    public BusinessUser withTwoFactorEnabled(boolean enabled) {
        return new BusinessUser(id, businessId, name, email, firstName, lastName, role, title,
                enabled, pendingEmail, tasks, financePermission, markedForRemoval);
    }
}
