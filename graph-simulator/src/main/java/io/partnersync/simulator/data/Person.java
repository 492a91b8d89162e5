package io.partnersync.simulator.data;

/** Someone who can be assigned to an asset and act through a token: a business user or a system user. */
public sealed interface Person permits BusinessUser, SystemUser {

    String id();

    String businessId();

    String name();

    /** Graph's {@code user_type} on assigned users. */
    String userType();
}
