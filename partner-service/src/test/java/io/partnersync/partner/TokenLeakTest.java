package io.partnersync.partner;

import static io.partnersync.partner.support.TestData.adAccount;
import static io.partnersync.partner.support.TestData.agency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import io.partnersync.partner.support.Db;
import io.partnersync.partner.support.TestData;
import io.partnersync.partner.support.TokenVaultStub;
import io.partnersync.partner.support.TokenVaultStub.Failure;
import io.partnersync.partner.support.TokenVaultStubResource;
import io.partnersync.partner.support.Workspace;
import io.partnersync.testkit.KafkaBroker;
import io.partnersync.testkit.LogCapture;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.response.Response;

/**
 * Every token that passes through partner-service, on every path (accepted, refused,
 * unavailable, malformed, stored then compensated), never reaches a log line (with
 * io.partnersync at DEBUG), a text column of any table, a record of any topic (key, value,
 * headers) or a response body. Each scan first proves it sees data by finding the tokenRef
 * or the fingerprint where they belong.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(TokenVaultStubResource.class)
class TokenLeakTest {

    @Inject
    DataSource dataSource;

    private final TokenVaultStub tokenVault = TokenVaultStub.shared();
    private final List<String> tokens = new ArrayList<>();
    private final List<String> responses = new CopyOnWriteArrayList<>();

    @Test
    void noTokenReachesALogATableAnEventOrAResponse() throws Exception {
        tokenVault.reset();
        Db db = new Db(dataSource);
        Workspace ws = new Workspace();
        Filter recordResponses = (request, response, context) -> {
            Response answer = context.next(request, response);
            responses.add(answer.asString());
            return answer;
        };
        List<Filter> filtersBefore = new ArrayList<>(RestAssured.filters());
        RestAssured.filters(recordResponses);
        Workspace.Integration integration;
        UUID partnerId;
        try (LogCapture logs = LogCapture.start()) {
            String integrationToken = token();
            String business = TestData.businessId();
            ws.create("Acme", business, integrationToken).then().statusCode(201);
            integration = new Workspace.Integration(ws, UUID.fromString(ws.asAdmin().get("/api/integrations")
                    .then().extract().path("items[0].id")), business, integrationToken);

            String refused = token();
            tokenVault.refuse(refused, new Failure("TOKEN_INVALID", "Meta does not know this token."));
            ws.create("Refused", TestData.businessId(), refused).then().statusCode(422);
            ws.create("Duplicate", business, token()).then().statusCode(409);
            tokenVault.metaUnavailable(5);
            ws.create("Unavailable", TestData.businessId(), token()).then().statusCode(503);
            tokenVault.reset();
            tokenVault.down();
            try {
                ws.create("Down", TestData.businessId(), token()).then().statusCode(503);
            } finally {
                tokenVault.up();
            }
            String compensated = token();
            String raced = TestData.businessId();
            tokenVault.beforeStoreAnswers(() -> db.update("""
                    insert into integration (id, workspace_id, name, meta_business_id, status, token_ref, token_last4,
                                             token_sha256_prefix, created_at, created_by)
                    values (?, ?, 'Raced', ?, 'ACTIVE', 'tok_raced', 'abcd', '0123456789ab', now(), 'someone')""",
                    UUID.randomUUID(), ws.id, raced));
            ws.create("Compensated", raced, compensated).then().statusCode(409);
            tokenVault.reset();
            badInputCarrying(ws, token());

            String partnerBusiness = TestData.businessId();
            String otherBusiness = TestData.businessId();
            integration.discover(agency(partnerBusiness, "Brightline", adAccount("Acme EU")),
                    agency(otherBusiness, "Northwind", adAccount("Acme US")));
            partnerId = integration.partnerId(partnerBusiness);
            UUID otherId = integration.partnerId(otherBusiness);
            integration.connect(partnerId, token()).then().statusCode(200);
            integration.connect(partnerId, token()).then().statusCode(409);
            integration.disconnect(partnerId).then().statusCode(200);
            integration.connect(partnerId, token()).then().statusCode(200);
            String rejected = token();
            tokenVault.refuse(rejected, new Failure("MISSING_SCOPES", "The token lacks catalog_management."));
            integration.connect(otherId, rejected).then().statusCode(422);
            tokenVault.metaUnavailable(5);
            integration.connect(otherId, token()).then().statusCode(503);
            tokenVault.reset();
            ws.asAdmin().body("{\"token\": " + token() + "}")
                    .post("/api/integrations/{i}/partners/{p}/connection", integration.id(), otherId).then().statusCode(400);

            awaitOutboxPublished(db, ws);

            assertThat(logs.linesContaining(ws.id)).as("the log capture sees partner-service's lines").isNotEmpty();
            tokens.forEach(logs::assertNeverLogged);
        } finally {
            RestAssured.replaceFiltersWith(filtersBefore);
        }

        String tokenRef = (String) db.single("select token_ref from partner where id = ?", partnerId);
        assertNoTokenInAnyTable(db, tokenRef);
        assertNoTokenInAnyTopic(tokenRef);
        assertThat(String.join("\n", responses)).as("responses are recorded").contains(integration.id().toString());
        for (String response : responses) {
            for (String token : tokens) {
                assertThat(response).doesNotContain(token);
            }
        }
    }

    private String token() {
        String token = TestData.token();
        tokens.add(token);
        return token;
    }

    private static void badInputCarrying(Workspace ws, String token) {
        ws.asAdmin().body(Map.of("name", "Acme", "metaBusinessId", "12ab", "token", token))
                .post("/api/integrations").then().statusCode(400);
        ws.asAdmin().body(Map.of("name", "Acme", "metaBusinessId", "100", "token", token, "secret", token))
                .post("/api/integrations").then().statusCode(400);
        ws.asAdmin().body(Map.of("name", "Acme", "metaBusinessId", "100", "token", token + "x".repeat(1000)))
                .post("/api/integrations").then().statusCode(400);
        ws.asAdmin().body("{\"name\": \"Acme\", \"metaBusinessId\": \"100\", \"token\": " + token + "}")
                .post("/api/integrations").then().statusCode(400);
        ws.asAdmin().body(Map.of("name", token, "metaBusinessId", token, "token", token.substring(0, 10) + " " + token))
                .post("/api/integrations").then().statusCode(400);
    }

    private static void awaitOutboxPublished(Db db, Workspace ws) {
        await().atMost(Duration.ofSeconds(60)).until(() -> db.count(
                "select count(*) from outbox_event where workspace_id = ? and sent_at is null", ws.id) == 0);
        assertThat(db.count("select count(*) from outbox_event where workspace_id = ?", ws.id)).isGreaterThanOrEqualTo(4);
    }

    private void assertNoTokenInAnyTable(Db db, String tokenRef) {
        List<Object> columns = db.column("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')""");
        assertThat(columns).contains("partner.token_ref", "outbox_event.payload", "partner_status_change.reason");
        boolean tokenRefSeen = false;
        for (Object column : columns) {
            String[] parts = column.toString().split("\\.");
            List<Object> values = db.column("select \"" + parts[1] + "\"::text from \"" + parts[0] + "\" where \""
                    + parts[1] + "\" is not null");
            for (Object value : values) {
                tokenRefSeen |= value.toString().contains(tokenRef);
                for (String token : tokens) {
                    assertThat(value.toString()).as(column.toString()).doesNotContain(token);
                }
            }
        }
        assertThat(tokenRefSeen).as("the table scan sees the tokenRef").isTrue();
    }

    private void assertNoTokenInAnyTopic(String tokenRef) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(config)) {
            var topics = admin.listTopics().names().get();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "leak-scan-" + UUID.randomUUID());
        boolean tokenRefSeen = false;
        int records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.currentTimeMillis()).as("read every topic to its end").isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    String text = text(record.key()) + "\n" + text(record.value());
                    for (Header header : record.headers()) {
                        text += "\n" + header.key() + "=" + text(header.value());
                    }
                    tokenRefSeen |= text.contains(tokenRef);
                    for (String token : tokens) {
                        assertThat(text).as(record.topic()).doesNotContain(token);
                    }
                }
            }
        }
        assertThat(records).isPositive();
        assertThat(tokenRefSeen).as("the topic scan sees the tokenRef").isTrue();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
