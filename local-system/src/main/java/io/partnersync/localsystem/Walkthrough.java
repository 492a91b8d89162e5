package io.partnersync.localsystem;

/** What the launcher prints once everything is up: where things are and how to try them. */
final class Walkthrough {

    private Walkthrough() {
    }

    static String text(LocalSystem system, String workspace) {
        StringBuilder out = new StringBuilder("\npartnersync is running.\n\n");
        for (String service : system.serviceNames()) {
            out.append(String.format("  %-24s %s   (OpenAPI UI: %s/q/swagger-ui)%n", service, system.url(service), system.url(service)));
        }
        out.append(String.format("  %-24s %s   (control API: /_sim)%n", "graph-simulator", system.simulatorUrl()));
        out.append(String.format("  %-24s %s%n", "kafka", system.kafkaBootstrapServers()));
        out.append(String.format("  %-24s %s%n", "logs", system.logs().toAbsolutePath()));
        out.append("\nBearer token (workspace '").append(workspace).append("', workspace-admin, 12 h):\n\n  export TOKEN=")
                .append(system.adminToken(workspace)).append("\n");
        out.append("\nPress Ctrl-C to stop everything.\n");
        return out.toString();
    }
}
