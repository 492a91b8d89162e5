package io.partnersync.simulator;

import static io.partnersync.simulator.data.DemoData.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnersync.simulator.GraphClient.Answer;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.Token;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenEndpointsTest {

    private static GraphSimulator simulator;
    private static GraphClient graph;

    @BeforeAll
    static void start() {
        simulator = GraphSimulator.start(DataSet.demo());
        graph = new GraphClient(simulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.control().reset();
    }

    private static Answer debug(String inputToken) {
        return graph.get("/debug_token", "input_token", inputToken, "access_token", APP_TOKEN);
    }

    @Test
    void debugTokenDescribesAGoodSystemUserToken() {
        Answer answer = debug(BRIGHTLINE_TOKEN);

        assertEquals(200, answer.status());
        JsonNode data = answer.json().path("data");
        assertEquals(APP_ID, data.path("app_id").asText());
        assertEquals("SYSTEM_USER", data.path("type").asText());
        assertEquals("partnersync", data.path("application").asText());
        assertEquals(0, data.path("expires_at").asLong());
        assertEquals(0, data.path("data_access_expires_at").asLong());
        assertTrue(data.path("is_valid").asBoolean());
        assertTrue(data.path("issued_at").asLong() > 0);
        assertEquals(6, data.path("scopes").size());
        assertEquals(BRIGHTLINE_INTEGRATION_SYSTEM_USER, data.path("user_id").asText());
        assertTrue(data.path("error").isMissingNode());
        JsonNode businessManagement = granularScope(data, "business_management");
        assertEquals(List.of(BRIGHTLINE_MEDIA), List.of(businessManagement.path("target_ids").get(0).asText()));
        assertTrue(granularScope(data, "ads_management").path("target_ids").isMissingNode());
    }

    private static JsonNode granularScope(JsonNode data, String scope) {
        for (JsonNode granular : data.path("granular_scopes")) {
            if (granular.path("scope").asText().equals(scope)) {
                return granular;
            }
        }
        throw new AssertionError("no granular scope " + scope);
    }

    @Test
    void debugTokenOfUnknownTokenAnswers200WithIsValidFalse() {
        Answer answer = debug("EAAnotatokenatall");

        assertEquals(200, answer.status());
        JsonNode data = answer.json().path("data");
        assertFalse(data.path("is_valid").asBoolean());
        assertEquals(190, data.path("error").path("code").asInt());
        assertEquals("Invalid OAuth access token - Cannot parse access token", data.path("error").path("message").asText());
    }

    @Test
    void debugTokenOfRevokedTokenReportsSubcode460() {
        JsonNode data = debug(REVOKED_TOKEN).json().path("data");

        assertFalse(data.path("is_valid").asBoolean());
        assertEquals(190, data.path("error").path("code").asInt());
        assertEquals(460, data.path("error").path("subcode").asInt());
        assertEquals(BRIGHTLINE_INTEGRATION_SYSTEM_USER, data.path("user_id").asText());
    }

    @Test
    void debugTokenOfExpiredTokenReportsSubcode463() {
        JsonNode data = debug(EXPIRED_TOKEN).json().path("data");

        assertFalse(data.path("is_valid").asBoolean());
        assertEquals(463, data.path("error").path("subcode").asInt());
        assertEquals(1764547200L, data.path("expires_at").asLong());
    }

    @Test
    void debugTokenShowsTheExpiryOfAnExpiringToken() {
        JsonNode data = debug(EXPIRING_TOKEN).json().path("data");

        assertTrue(data.path("is_valid").asBoolean());
        assertEquals(1924992000L, data.path("expires_at").asLong());
    }

    @Test
    void debugTokenShowsTheAppAndTypeOfOtherTokens() {
        assertEquals(OTHER_APP_ID, debug(OTHER_APP_TOKEN).json().path("data").path("app_id").asText());
        assertEquals("USER", debug(USER_TOKEN).json().path("data").path("type").asText());
        assertEquals(5, debug(NORTHWIND_TOKEN_WITHOUT_CATALOG).json().path("data").path("scopes").size());
        assertEquals(HARBOR_DIGITAL, granularScope(debug(COBALT_TOKEN_OF_HARBOR).json().path("data"),
                "business_management").path("target_ids").get(0).asText());
    }

    @Test
    void debugTokenWithoutAccessTokenAnswers400() {
        Answer answer = graph.get("/debug_token", "input_token", BRIGHTLINE_TOKEN);

        assertEquals(400, answer.status());
        assertEquals(104, answer.errorCode());
    }

    @Test
    void debugTokenWithWrongAppSecretAnswers190() {
        Answer answer = graph.get("/debug_token", "input_token", BRIGHTLINE_TOKEN, "access_token", APP_ID + "|wrong");

        assertEquals(400, answer.status());
        assertEquals(190, answer.errorCode());
    }

    @Test
    void debugTokenWithoutInputTokenAnswers100() {
        Answer answer = graph.get("/debug_token", "access_token", APP_TOKEN);

        assertEquals(100, answer.errorCode());
    }

    @Test
    void debugTokenReportsTokenRevokedThroughControl() {
        simulator.control().revokeToken(BRIGHTLINE_TOKEN);

        JsonNode data = debug(BRIGHTLINE_TOKEN).json().path("data");

        assertFalse(data.path("is_valid").asBoolean());
        assertEquals(460, data.path("error").path("subcode").asInt());
    }

    @Test
    void meAnswersTheSystemUserOfTheToken() {
        JsonNode me = graph.get("/me", "access_token", BRIGHTLINE_TOKEN, "fields", "id,name").json();

        assertEquals(BRIGHTLINE_INTEGRATION_SYSTEM_USER, me.path("id").asText());
        assertEquals("partnersync integration", me.path("name").asText());
    }

    @Test
    void meOfUserTokenAnswersThePerson() {
        JsonNode me = graph.get("/me", "access_token", USER_TOKEN).json();

        assertEquals(DANA_WHITFIELD, me.path("id").asText());
        assertEquals("Dana Whitfield", me.path("name").asText());
    }

    @Test
    void meBusinessesListsTheOwningBusiness() {
        JsonNode businesses = graph.get("/me/businesses", "access_token", COBALT_TOKEN_OF_HARBOR, "fields", "id,name")
                .json().path("data");

        assertEquals(1, businesses.size());
        assertEquals(HARBOR_DIGITAL, businesses.get(0).path("id").asText());
        assertEquals("Harbor Digital", businesses.get(0).path("name").asText());
    }

    @Test
    void meBusinessesWithoutBusinessManagementAnswers200() {
        String token = "EAADemoNoBusinessManagementZDzz99";
        simulator.control().addToken(new Token(token, Token.SYSTEM_USER, APP_ID, BRIGHTLINE_MEDIA,
                BRIGHTLINE_INTEGRATION_SYSTEM_USER, List.of("ads_management"), 0, 0, true));

        Answer answer = graph.get("/me/businesses", "access_token", token);

        assertEquals(403, answer.status());
        assertEquals(200, answer.errorCode());
        assertEquals("(#200) Requires business_management permission to manage the object",
                answer.error().path("message").asText());
    }
}
