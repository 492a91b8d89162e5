package io.partnersync.localsystem;

import static io.partnersync.simulator.data.DemoData.ACME_RETAIL;
import static io.partnersync.simulator.data.DemoData.ACME_TOKEN;
import static io.partnersync.simulator.data.DemoData.BRIGHTLINE_MEDIA;
import static io.partnersync.simulator.data.DemoData.BRIGHTLINE_TOKEN;
import static io.partnersync.simulator.data.DemoData.NORTHWIND_TOKEN_WITHOUT_CATALOG;
import static io.partnersync.simulator.data.DemoData.PRIYA_RAMAN;

/**
 * What the launcher prints once everything is up: where things are, and the customer journey
 * as curl commands against the demo data (its ids and tokens are the graph simulator's demo
 * data set, see graph-simulator/README.md).
 */
public final class Walkthrough {

    private Walkthrough() {
    }

    public static String text(LocalSystem system, String workspace) {
        StringBuilder out = new StringBuilder("\npartnersync is running.\n\n");
        for (String service : system.serviceNames()) {
            out.append(String.format("  %-24s %s   (OpenAPI UI: %s/q/swagger-ui)%n", service, system.url(service), system.url(service)));
        }
        out.append(String.format("  %-24s %s   (control API: /_sim)%n", "graph-simulator", system.simulatorUrl()));
        out.append(String.format("  %-24s %s%n", "kafka", system.kafkaBootstrapServers()));
        out.append(String.format("  %-24s %s%n", "logs", system.logs().toAbsolutePath()));
        out.append("\nBearer token (workspace '").append(workspace).append("', workspace-admin, 12 h):\n\n  export TOKEN=")
                .append(system.adminToken(workspace)).append("\n");
        out.append(journey(system));
        out.append("\nPress Ctrl-C to stop everything.\n");
        return out.toString();
    }

    /** The journey's numbered steps, each a few shell lines that expect {@code TOKEN} to be set. */
    public static String journey(LocalSystem system) {
        String partners = system.url("partner-service");
        String automation = system.url("sync-service");
        String directory = system.url("user-directory-service");
        String simulator = system.simulatorUrl();
        String auth = "-H \"Authorization: Bearer $TOKEN\"";
        String json = "-H 'Content-Type: application/json'";
        String firstId = " | grep -o '\"id\":\"[^\"]*\"' | head -1 | cut -d'\"' -f4)";
        return """

                The journey (paste in order; on a reused data directory the integration exists
                already: run with --clean to walk it again):

                  # 1. Connect Acme Retail's Meta business; discovery finds its partners within seconds.
                  INTEGRATION=$(curl -s -X POST %1$s/api/integrations %5$s %6$s \\
                    -d '{"name":"Acme Retail","metaBusinessId":"%8$s","token":"%9$s"}'%7$s
                  curl -s -w '\\n' "%1$s/api/integrations/$INTEGRATION/partners?sort=name" %5$s

                  # 2. Brightline Media (first by name) is handed Northwind's token: 422 names every problem.
                  PARTNER=$(curl -s "%1$s/api/integrations/$INTEGRATION/partners?sort=name&size=1" %5$s%7$s
                  curl -s -w '\\n' -X POST %1$s/api/integrations/$INTEGRATION/partners/$PARTNER/connection %5$s %6$s \\
                    -d '{"token":"%11$s"}'

                  # 3. Its own token onboards it, and a sync of its people starts by itself.
                  curl -s -w '\\n' -X POST %1$s/api/integrations/$INTEGRATION/partners/$PARTNER/connection %5$s %6$s \\
                    -d '{"token":"%10$s"}'

                  # 4. Check for updates, then read the task and the directory.
                  TASK=$(curl -s -X POST %2$s/api/automation/tasks %5$s %6$s \\
                    -d "{\\"integrationId\\":\\"$INTEGRATION\\"}"%7$s
                  curl -s -w '\\n' %2$s/api/automation/tasks/$TASK %5$s
                  curl -s -w '\\n' "%3$s/api/directory/integrations/$INTEGRATION/guest-users?sort=name" %5$s

                  # 5. Meta changes (Priya Raman becomes an admin), and we check again.
                  curl -s -w '\\n' -X PATCH %4$s/_sim/businesses/%12$s/business_users/%13$s %6$s -d '{"role":"ADMIN"}'
                  curl -s -w '\\n' -X POST %2$s/api/automation/tasks %5$s %6$s -d "{\\"integrationId\\":\\"$INTEGRATION\\"}"

                  # 6. A second later the change feed shows her new role, before and after.
                  curl -s -w '\\n' "%3$s/api/directory/integrations/$INTEGRATION/changes?since=2020-01-01T00:00:00Z" %5$s

                  # 7. Disconnect: the token is destroyed and Brightline's people are marked removed.
                  curl -s -w '\\n' -X DELETE %1$s/api/integrations/$INTEGRATION/partners/$PARTNER/connection %5$s
                """.formatted(partners, automation, directory, simulator, auth, json, firstId, ACME_RETAIL, ACME_TOKEN,
                BRIGHTLINE_TOKEN, NORTHWIND_TOKEN_WITHOUT_CATALOG, BRIGHTLINE_MEDIA, PRIYA_RAMAN);
    }
}
