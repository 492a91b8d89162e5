package io.partnersync.sync;

import static io.partnersync.simulator.data.DemoData.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.Token;
import io.partnersync.simulator.graph.CallBudget;
import io.partnersync.simulator.graph.Faults;
import io.partnersync.sync.domain.SyncJob;
import io.partnersync.sync.domain.TaskStatus;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.LogCapture;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.testkit.TestJwt;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** No Meta token reaches a log line, a table, an event or an API answer, on good days or bad. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
@WithTestResource(TokenVaultStub.class)
class NoTokenLeakTest extends SyncTestBase {

    @Inject
    EntityManager entityManager;

    @Test
    void noTokenIsLoggedStoredPublishedOrAnswered() {
        List<String> answers = new ArrayList<>();
        try (LogCapture logs = LogCapture.start()) {
            simulator().control().setAppsecretProofRequired(true);
            simulator().control().addToken(new Token(DemoSyncTest.NORTHWIND_FULL_TOKEN, Token.SYSTEM_USER, APP_ID,
                    NORTHWIND_PERFORMANCE, NORTHWIND_INTEGRATION_SYSTEM_USER, DemoSyncTest.SIX_SCOPES, 0, 0, true));
            simulator().control().revokeToken(BRIGHTLINE_TOKEN);
            simulator().control().setFaults(Faults.none().withErrorRate(0.2));
            simulator().control().setCallBudget(CallBudget.of(4, 1));
            UUID integrationId = fixtures.integration(workspace, ACME_RETAIL, ACME_TOKEN);
            fixtures.partner(workspace, integrationId, BRIGHTLINE_MEDIA, "Brightline Media", BRIGHTLINE_TOKEN);
            fixtures.partner(workspace, integrationId, NORTHWIND_PERFORMANCE, "Northwind Performance",
                    DemoSyncTest.NORTHWIND_FULL_TOKEN);
            UUID cobalt = fixtures.partner(workspace, integrationId, COBALT_CREATIVE, "Cobalt Creative",
                    COBALT_TOKEN_OF_HARBOR);
            TokenVaultStub.failWith(fixtures.tokenRefOfPartner(cobalt), 500);

            answers.add(startSync(integrationId, null).then().statusCode(202).extract().asString());
            UUID taskId = fixtures.tasks(workspace).get(0).id;
            awaitJobsRead(taskId, 3);
            SyncJob northwind = job(taskId, NORTHWIND_PERFORMANCE);
            directoryApplied(northwind);
            awaitTask(taskId, TaskStatus.NOT_COMPLETED);
            answers.add(given().auth().oauth2(TestJwt.viewer(workspace)).get("/api/automation/tasks/" + taskId)
                    .then().statusCode(200).extract().asString());
            answers.add(given().auth().oauth2(TestJwt.viewer(workspace)).get("/api/automation/tasks")
                    .then().statusCode(200).extract().asString());

            List<String> tokens = new ArrayList<>(DataSet.demo().tokens().stream().map(Token::value).toList());
            tokens.add(DemoSyncTest.NORTHWIND_FULL_TOKEN);
            String tables = everyRowOfEveryTable();
            assertThat(tables).contains(NORTHWIND_PERFORMANCE).contains("tok_");
            List<String> published = new ArrayList<>();
            EventLog.all().forEach(record -> {
                published.add(record.value());
                for (Header header : record.headers()) {
                    published.add(header.key() + "=" + new String(header.value()));
                }
            });
            assertThat(published).isNotEmpty();
            assertThat(logs.lines()).isNotEmpty();
            for (String token : tokens) {
                logs.assertNeverLogged(token);
                assertThat(tables).as("tables").doesNotContain(token);
                assertThat(published).as("Kafka records").noneMatch(record -> record.contains(token));
                assertThat(answers).as("API answers").noneMatch(answer -> answer.contains(token));
            }
            logs.assertNeverLogged("access_token=");
        }
    }

    private String everyRowOfEveryTable() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> tables = entityManager.createNativeQuery(
                    "select table_name from information_schema.tables where table_schema = current_schema()")
                    .getResultList();
            StringBuilder rows = new StringBuilder();
            for (String table : tables) {
                Object dump = entityManager.createNativeQuery(
                        "select coalesce(string_agg(t::text, E'\\n'), '') from \"" + table + "\" t").getSingleResult();
                rows.append(table).append(":\n").append(dump).append('\n');
            }
            return rows.toString();
        });
    }
}
