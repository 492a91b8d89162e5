package io.partnersync.localsystem;

import java.util.List;

/** One partnersync service as the launcher runs it. */
record ServiceSpec(String name, int port, String database) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("token-vault-service", 8082, "token_vault"),
            new ServiceSpec("partner-service", 8081, "partner"),
            new ServiceSpec("sync-service", 8083, "sync"),
            new ServiceSpec("user-directory-service", 8084, "user_directory"));

    ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, newPort, database);
    }
}
