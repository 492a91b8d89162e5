package io.partnersync.tokenvault;

import static io.partnersync.tokenvault.Calls.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnersync.events.PartnerDisconnected;
import io.partnersync.events.Topics;
import io.partnersync.simulator.control.SimulatorControl;
import io.partnersync.simulator.data.DemoData;
import io.partnersync.simulator.graph.CallBudget;
import io.partnersync.simulator.graph.Faults;
import io.partnersync.testkit.GraphSimulatorResource;
import io.partnersync.testkit.KafkaBroker;
import io.partnersync.testkit.LogCapture;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.tokenvault.domain.Fingerprint;
import io.partnersync.tokenvault.domain.TokenRevalidation;
import io.partnersync.tokenvault.domain.TokenStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Every way a token passes through the service, then a search for it everywhere it must not
 * be: every log line (io.partnersync at DEBUG), every column of every table, every record of
 * every topic, and every answer except the secret read (401 and 403 refusals included). Each
 * search first proves it can find something (a fingerprint, a reference), so an empty result
 * means absent, not unsearched.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(GraphSimulatorResource.class)
class TokenLeakTest {

    private static final List<String> SECRETS = List.of(DemoData.ACME_TOKEN, DemoData.BRIGHTLINE_TOKEN,
            DemoData.BRIGHTLINE_ROTATED_TOKEN, DemoData.NORTHWIND_TOKEN_WITHOUT_CATALOG, DemoData.COBALT_TOKEN_OF_HARBOR,
            DemoData.REVOKED_TOKEN, DemoData.EXPIRING_TOKEN, DemoData.EXPIRED_TOKEN, DemoData.OTHER_APP_TOKEN,
            DemoData.USER_TOKEN, DemoData.APP_SECRET);

    private final SimulatorControl simulator = GraphSimulatorResource.simulator().control();
    private final List<String> answers = new ArrayList<>();

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    TokenRevalidation revalidation;

    @AfterEach
    void resetSimulator() {
        simulator.reset();
    }

    @Test
    void noTokenAppearsInLogsTablesEventsOrAnswers() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            String disconnectedRef = exerciseEverything();

            for (String secret : SECRETS) {
                logs.assertNeverLogged(secret);
            }
            assertThat(logs.linesContaining(disconnectedRef)).as("the capture saw the service's own log lines").isNotEmpty();
            assertThat(logs.linesContaining(Fingerprint.of(DemoData.REVOKED_TOKEN).toString()))
                    .as("refusals are logged, by fingerprint").isNotEmpty();
        }
        assertNoTableHoldsAToken();
        assertNoRecordHoldsAToken();
        assertNoAnswerHoldsAToken();
    }

    /** Answers the reference of a token destroyed by PartnerDisconnected. */
    private String exerciseEverything() throws Exception {
        String workspace = Calls.workspace();
        UUID partner = UUID.randomUUID();
        keep(Calls.store(body("INTEGRATION", UUID.randomUUID(), workspace, DemoData.ACME_RETAIL, DemoData.ACME_TOKEN)));
        String first = keep(Calls.store(body("PARTNER", partner, workspace, DemoData.BRIGHTLINE_MEDIA,
                DemoData.BRIGHTLINE_TOKEN))).path("tokenRef");
        String second = keep(Calls.store(body("PARTNER", partner, workspace, DemoData.BRIGHTLINE_MEDIA,
                DemoData.BRIGHTLINE_ROTATED_TOKEN))).path("tokenRef");
        keep(Calls.validate(body("PARTNER", partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN)));
        for (String refused : List.of(DemoData.REVOKED_TOKEN, DemoData.EXPIRING_TOKEN, DemoData.EXPIRED_TOKEN,
                DemoData.OTHER_APP_TOKEN, DemoData.USER_TOKEN)) {
            keep(Calls.store(body("PARTNER", UUID.randomUUID(), workspace, DemoData.BRIGHTLINE_MEDIA, refused)));
        }
        keep(Calls.store(body("PARTNER", UUID.randomUUID(), workspace, DemoData.NORTHWIND_PERFORMANCE,
                DemoData.NORTHWIND_TOKEN_WITHOUT_CATALOG)));
        keep(Calls.store(body("PARTNER", UUID.randomUUID(), workspace, DemoData.COBALT_CREATIVE,
                DemoData.COBALT_TOKEN_OF_HARBOR)));

        // Tokens in the wrong place of a bad request.
        Map<String, Object> misplaced = body("PARTNER", partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN);
        misplaced.put("ownerKind", DemoData.BRIGHTLINE_TOKEN);
        keep(Calls.store(misplaced));
        misplaced = body("PARTNER", partner, workspace, DemoData.BRIGHTLINE_TOKEN, DemoData.BRIGHTLINE_TOKEN);
        keep(Calls.store(misplaced));
        keep(Calls.as(Calls.PARTNER_SERVICE).contentType(ContentType.JSON)
                .body("{\"token\":\"" + DemoData.BRIGHTLINE_TOKEN + "\",").post("/internal/tokens"));

        // Meta failing, slow and throttling.
        simulator.setFaults(Faults.none().withErrorRate(1.0));
        keep(Calls.store(body("PARTNER", partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN)));
        simulator.setFaults(Faults.none().withLatencyMs(4500));
        keep(Calls.validate(body("PARTNER", partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN)));
        simulator.clearFaults();
        simulator.setCallBudget(CallBudget.of(1, 60));
        keep(Calls.validate(body("PARTNER", partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN)));
        simulator.reset();

        // Callers refused (401, 403), a token in their request or behind the reference they ask for.
        Map<String, Object> good = body("PARTNER", partner, workspace, DemoData.BRIGHTLINE_MEDIA, DemoData.BRIGHTLINE_TOKEN);
        keep(given().contentType(ContentType.JSON).body(good).post("/internal/tokens"));
        keep(Calls.as(Calls.SYNC_SERVICE).contentType(ContentType.JSON).body(good).post("/internal/tokens"));
        keep(given().get("/internal/tokens/{ref}/secret", second));
        keep(Calls.as(Calls.PARTNER_SERVICE).get("/internal/tokens/{ref}/secret", second));

        // Reading, re-validating, deleting, disconnecting.
        String read = Calls.secret(second).then().statusCode(200).extract().asString();
        assertThat(read).as("the one answer that carries a token").contains(DemoData.BRIGHTLINE_ROTATED_TOKEN);
        keep(Calls.details(first));
        keep(Calls.details(second));
        revalidation.revalidateValidatedBefore(Instant.now().plusSeconds(1));
        keep(Calls.delete(second));
        String disconnected = keep(Calls.store(body("PARTNER", partner, workspace, DemoData.BRIGHTLINE_MEDIA,
                DemoData.BRIGHTLINE_TOKEN))).path("tokenRef");
        try (KafkaCompanion kafka = new KafkaCompanion(KafkaBroker.shared().bootstrapServers())) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.PARTNER_DISCONNECTED, partner.toString(),
                    json.writeValueAsString(new PartnerDisconnected(UUID.randomUUID(), Instant.now(), workspace,
                            UUID.randomUUID(), partner, DemoData.BRIGHTLINE_MEDIA, disconnected, "admin", "leak test"))))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        PartnerDisconnectedTest.awaitStatus(disconnected, TokenStatus.DESTROYED);
        PartnerDisconnectedTest.awaitOneTokenRevoked(disconnected);
        keep(Calls.details(disconnected));
        return disconnected;
    }

    private void assertNoTableHoldsAToken() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Tables.Column> columns = Tables.columns(connection);
            String sha256Prefix = Fingerprint.of(DemoData.BRIGHTLINE_TOKEN).sha256Prefix();
            assertThat(Tables.rowsHolding(connection, new Tables.Column("token", "fingerprint_sha256_prefix",
                    "character varying"), sha256Prefix)).as("the scan finds what is there").isPositive();
            for (Tables.Column column : columns) {
                for (String secret : SECRETS) {
                    assertThat(Tables.rowsHolding(connection, column, secret))
                            .as("rows of %s.%s holding a token or the app secret", column.table(), column.name()).isZero();
                }
            }
            assertThat(columns).as("columns scanned").hasSizeGreaterThan(40);
        }
    }

    private void assertNoRecordHoldsAToken() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = KafkaRecords.all(KafkaRecords.topics());
        assertThat(records).as("the scan reads the revocations").anySatisfy(
                record -> assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"tokenRef\":\"tok_"));
        for (ConsumerRecord<byte[], byte[]> record : records) {
            StringBuilder everything = new StringBuilder();
            everything.append(record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
            everything.append(record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
            for (Header header : record.headers()) {
                everything.append(header.key()).append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
            }
            for (String secret : SECRETS) {
                assertThat(everything.toString()).as("record %s-%d@%d", record.topic(), record.partition(), record.offset())
                        .doesNotContain(secret);
            }
        }
    }

    private void assertNoAnswerHoldsAToken() {
        assertThat(answers).hasSizeGreaterThan(15);
        assertThat(answers).anySatisfy(answer -> assertThat(answer).contains("\"status\":422"));
        assertThat(answers).anySatisfy(answer -> assertThat(answer).contains("\"status\":503"));
        assertThat(answers).anySatisfy(answer -> assertThat(answer).contains("\"status\":401"));
        assertThat(answers).anySatisfy(answer -> assertThat(answer).contains("\"status\":403"));
        for (String answer : answers) {
            for (String secret : SECRETS) {
                assertThat(answer).doesNotContain(secret);
            }
        }
    }

    private Response keep(Response response) {
        answers.add(response.getHeaders() + "\n" + response.asString());
        return response;
    }
}
