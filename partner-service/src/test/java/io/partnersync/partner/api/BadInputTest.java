package io.partnersync.partner.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnersync.partner.support.Db;
import io.partnersync.partner.support.TestData;
import io.partnersync.partner.support.TokenVaultStub;
import io.partnersync.partner.support.TokenVaultStubResource;
import io.partnersync.partner.support.Workspace;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every kind of bad input answers a 4xx problem+json that names what is wrong, never echoes
 * the token, and changes nothing: no row, no event, no call to token-vault-service.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(TokenVaultStubResource.class)
class BadInputTest {

    private static final String TOKEN = TestData.token();

    @Inject
    DataSource dataSource;

    // Made once for the class: every case runs against the same state, which none may change.
    private static Workspace ws;
    private static Workspace.Integration integration;
    private static UUID partnerId;
    private static long rowsBefore;

    /** A bad request, what it must answer, and a word the answer must contain. */
    record Case(String name, Function<BadInputTest, Response> call, int status, String type, String mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void aWorkspaceWithAPartner() {
        if (ws != null) {
            return;
        }
        TokenVaultStub.shared().reset();
        ws = new Workspace();
        integration = ws.integration();
        String business = TestData.businessId();
        integration.discover(TestData.agency(business, "Brightline", TestData.adAccount("Acme EU")));
        partnerId = integration.partnerId(business);
        rowsBefore = rowCount();
        TokenVaultStub.shared().reset();
    }

    static Stream<Arguments> badRequests() {
        String name = "Acme";
        String business = "100200300";
        return Stream.of(
                bad("no body", t -> t.createRaw(null), 400, "invalid-request", "must not be null"),
                bad("empty object", t -> t.createRaw("{}"), 400, "invalid-request", "metaBusinessId"),
                bad("blank name", t -> t.create("   ", business, TOKEN), 400, "invalid-request", "name"),
                bad("name of 101 characters", t -> t.create("n".repeat(101), business, TOKEN), 400, "invalid-request", "name"),
                bad("letters in the business id", t -> t.create(name, "12ab34", TOKEN), 400, "invalid-request", "1 to 20 digits"),
                bad("business id of 21 digits", t -> t.create(name, "1".repeat(21), TOKEN), 400, "invalid-request", "1 to 20 digits"),
                bad("empty business id", t -> t.create(name, "", TOKEN), 400, "invalid-request", "metaBusinessId"),
                bad("missing token", t -> t.createRaw("{\"name\":\"Acme\",\"metaBusinessId\":\"100200300\"}"), 400, "invalid-request", "token"),
                bad("token of 19 characters", t -> t.create(name, business, TOKEN.substring(0, 19)), 400, "invalid-request", "between 20 and 1000"),
                bad("token of 1001 characters", t -> t.create(name, business, TOKEN + "x".repeat(1001 - TOKEN.length())), 400, "invalid-request", "between 20 and 1000"),
                bad("token with a space inside", t -> t.create(name, business, TOKEN.substring(0, 30) + " " + TOKEN.substring(30)), 400, "invalid-request", "no spaces"),
                bad("unknown field carrying the token", t -> t.createRaw("{\"name\":\"Acme\",\"metaBusinessId\":\"100200300\",\"token\":\"" + TOKEN + "\",\"tokn\":\"" + TOKEN + "\"}"), 400, "invalid-json", "tokn"),
                bad("token of the wrong type", t -> t.createRaw("{\"name\":\"Acme\",\"metaBusinessId\":\"100200300\",\"token\":{\"value\":\"" + TOKEN + "\"}}"), 400, "invalid-json", "token"),
                bad("malformed JSON", t -> t.createRaw("{\"name\":\"Acme\",\"token\":\"" + TOKEN + "\""), 400, "malformed-json", "line"),
                bad("a list instead of an object", t -> t.createRaw("[\"" + TOKEN + "\"]"), 400, "invalid-json", "shape"),
                bad("text instead of JSON", t -> t.admin().contentType(ContentType.TEXT).body(TOKEN).post("/api/integrations"), 415, "unsupported-media-type", "media"),
                bad("connect without body", t -> t.connectRaw(null), 400, "invalid-request", "must not be null"),
                bad("connect with a short token", t -> t.connectRaw("{\"token\":\"EAAshort\"}"), 400, "invalid-request", "between 20 and 1000"),
                bad("connect with an unknown field", t -> t.connectRaw("{\"token\":\"" + TOKEN + "\",\"force\":true}"), 400, "invalid-json", "force"),
                bad("connect with malformed JSON", t -> t.connectRaw("{\"token\": " + TOKEN + "}"), 400, "malformed-json", "line"),
                bad("connect with a cut-off body", t -> t.connectRaw("{\"token\":\"" + TOKEN), 400, "invalid-json", "shape"),
                bad("unknown status filter", t -> t.list("status", "CONNECTED"), 400, "invalid-request", "must be one of"),
                bad("unknown sort", t -> t.list("sort", "createdAt"), 400, "invalid-request", "name or status"),
                bad("unknown order", t -> t.list("order", "up"), 400, "invalid-request", "asc or desc"),
                bad("negative page", t -> t.list("page", "-1"), 400, "invalid-request", "whole number"),
                bad("page beyond the bound", t -> t.list("page", "100001"), 400, "invalid-request", "page"),
                bad("page size 0", t -> t.list("size", "0"), 400, "invalid-request", "size"),
                bad("page size 101", t -> t.list("size", "101"), 400, "invalid-request", "size"),
                bad("page that is not a number", t -> t.list("page", "two"), 400, "invalid-request", "page"),
                bad("integration id that is not a UUID", t -> t.admin().get("/api/integrations/not-a-uuid"), 404, "not-found", ""),
                bad("partner id that is not a UUID", t -> t.admin().body("{\"token\":\"" + TOKEN + "\"}")
                        .post("/api/integrations/{i}/partners/xyz/connection", t.integration.id()), 404, "not-found", ""),
                bad("unknown path", t -> t.admin().get("/api/integrations/{i}/partner", t.integration.id()), 404, "not-found", ""),
                bad("unsupported method", t -> t.admin().put("/api/integrations"), 405, "method-not-allowed", ""));
    }

    private static Arguments bad(String name, Function<BadInputTest, Response> call, int status, String type, String mentions) {
        return Arguments.of(new Case(name, call, status, type, mentions));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersAProblemThatSaysWhatIsWrongAndNeverEchoesTheToken(Case bad) {
        Response response = bad.call().apply(this);
        String body = response.asString();

        assertThat(response.statusCode()).as(body).isEqualTo(bad.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://partnersync.io/problems/" + bad.type());
        assertThat(response.jsonPath().getInt("status")).isEqualTo(bad.status());
        assertThat(body).containsIgnoringCase(bad.mentions());
        assertThat(body).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 19));
        assertNothingChanged();
    }

    @Test
    void everyViolationOfABodyIsListed() {
        given().auth().oauth2(ws.admin).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"metaBusinessId\":\"x\",\"token\":\"short\"}")
                .post("/api/integrations").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("name", "metaBusinessId", "token"));
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        assertThat(rowCount()).isEqualTo(rowsBefore);
        assertThat(TokenVaultStub.shared().requests()).isEmpty();
        assertThat(integration.partner(partnerId).getString("status")).isEqualTo("PENDING_ONBOARDING");
    }

    private long rowCount() {
        Db db = new Db(dataSource);
        return db.count("select (select count(*) from integration where workspace_id = ?)"
                + " + (select count(*) from partner where workspace_id = ?)"
                + " + (select count(*) from partner_status_change where workspace_id = ?)"
                + " + (select count(*) from outbox_event where workspace_id = ?)", ws.id, ws.id, ws.id, ws.id);
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(ws.admin).contentType(ContentType.JSON);
    }

    private Response create(String name, String businessId, String token) {
        return admin().body(Map.of("name", name, "metaBusinessId", businessId, "token", token))
                .post("/api/integrations");
    }

    private Response createRaw(String body) {
        RequestSpecification request = admin();
        return (body == null ? request : request.body(body)).post("/api/integrations");
    }

    private Response connectRaw(String body) {
        RequestSpecification request = admin();
        return (body == null ? request : request.body(body))
                .post("/api/integrations/{i}/partners/{p}/connection", integration.id(), partnerId);
    }

    private Response list(String parameter, String value) {
        return admin().queryParam(parameter, value).get("/api/integrations/{i}/partners", integration.id());
    }
}
