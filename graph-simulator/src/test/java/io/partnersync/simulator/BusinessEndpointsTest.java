package io.partnersync.simulator;

import static io.partnersync.simulator.data.DemoData.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnersync.simulator.GraphClient.Answer;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shapes of the business and asset endpoints, read with the demo data set. */
class BusinessEndpointsTest {

    /** The demo has no token of Cobalt's own (Cobalt hands over Harbor's), so these tests add one. */
    private static final String COBALT_OWN_TOKEN = "EAADemoCobaltOwnTokenZDyy88";

    private static GraphSimulator simulator;
    private static GraphClient graph;

    @BeforeAll
    static void start() {
        simulator = GraphSimulator.start(DataSet.demo());
        simulator.control().addToken(new Token(COBALT_OWN_TOKEN, Token.SYSTEM_USER, APP_ID, COBALT_CREATIVE,
                COBALT_INTEGRATION_SYSTEM_USER, List.of("business_management", "ads_management"), 0, 0, true));
        graph = new GraphClient(simulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static JsonNode data(Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("data");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void businessUsersHaveGraphFields() {
        JsonNode users = data(graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,name,email,first_name,last_name,role,title,two_fac_status,pending_email,tasks,business"));

        assertEquals(List.of(DANA_WHITFIELD, MARCUS_OYELARAN, PRIYA_RAMAN, TOM_BECKER), ids(users));
        JsonNode dana = users.get(0);
        assertEquals("dana.whitfield@brightline.example", dana.path("email").asText());
        assertEquals("Dana", dana.path("first_name").asText());
        assertEquals("Whitfield", dana.path("last_name").asText());
        assertEquals("ADMIN", dana.path("role").asText());
        assertEquals("Managing Director", dana.path("title").asText());
        assertEquals("enabled", dana.path("two_fac_status").asText());
        assertEquals(BRIGHTLINE_MEDIA, dana.path("business").path("id").asText());
        assertEquals("Brightline Media", dana.path("business").path("name").asText());
        assertTrue(dana.path("pending_email").isMissingNode(), "absent values are left out");
        assertEquals("not_enabled", users.get(1).path("two_fac_status").asText());
        assertEquals("tom@becker-consulting.example", users.get(3).path("pending_email").asText());
    }

    @Test
    void withoutFieldsOnlyIdAndNameAreAnswered() {
        JsonNode users = data(graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", BRIGHTLINE_TOKEN));

        assertEquals(Set.of("id", "name"), fieldNames(users.get(0)));
    }

    @Test
    void fieldsSelectWhatIsAnswered() {
        JsonNode users = data(graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", BRIGHTLINE_TOKEN,
                "fields", "email,role"));

        assertEquals(Set.of("email", "role"), fieldNames(users.get(0)));
    }

    @Test
    void unknownFieldAnswersError100() {
        Answer answer = graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,shoe_size");

        assertEquals(100, answer.errorCode());
        assertEquals("(#100) Tried accessing nonexisting field (shoe_size) on node type (BusinessUser)",
                answer.error().path("message").asText());
    }

    @Test
    void unknownEdgeAnswersError100() {
        Answer answer = graph.get("/" + BRIGHTLINE_MEDIA + "/friends", "access_token", BRIGHTLINE_TOKEN);

        assertEquals(100, answer.errorCode());
    }

    @Test
    void systemUsersHaveGraphFields() {
        JsonNode users = data(graph.get("/" + BRIGHTLINE_MEDIA + "/system_users", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,name,role,created_by,created_time,finance_permission"));

        assertEquals(List.of(BRIGHTLINE_INTEGRATION_SYSTEM_USER, BRIGHTLINE_REPORTING_SYSTEM_USER), ids(users));
        JsonNode bot = users.get(1);
        assertEquals("Reporting bot", bot.path("name").asText());
        assertEquals("EMPLOYEE", bot.path("role").asText());
        assertEquals(MARCUS_OYELARAN, bot.path("created_by").path("id").asText());
        assertEquals("2025-03-14T13:40:00+0000", bot.path("created_time").asText());
        assertEquals("ANALYST", bot.path("finance_permission").asText());
    }

    @Test
    void pendingUsersHaveGraphFields() {
        JsonNode invites = data(graph.get("/" + BRIGHTLINE_MEDIA + "/pending_users", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,email,role,status,tasks,created_time,expiration_time,invited_user_type"));

        assertEquals(List.of(BRIGHTLINE_INVITE_LENA, BRIGHTLINE_INVITE_SAM), ids(invites));
        JsonNode lena = invites.get(0);
        assertEquals("lena.fischer@brightline.example", lena.path("email").asText());
        assertEquals("PENDING", lena.path("status").asText());
        assertEquals("FB", lena.path("invited_user_type").asText());
        assertEquals("2026-12-28T10:00:00+0000", lena.path("expiration_time").asText());
        assertTrue(lena.path("tasks").isArray());
        assertEquals("MWA", invites.get(1).path("invited_user_type").asText());
    }

    @Test
    void agenciesListTheBusinessesAssetsAreSharedWithAndWhatTheyMayDo() {
        Answer answer = graph.get("/" + ACME_RETAIL + "/agencies", "access_token", ACME_TOKEN, "fields",
                "id,name,verification_status,created_time,adaccount_permissions,page_permissions,productcatalog_permissions",
                "summary", "total_count");
        JsonNode agencies = data(answer);

        assertEquals(List.of(BRIGHTLINE_MEDIA, NORTHWIND_PERFORMANCE, COBALT_CREATIVE), ids(agencies));
        assertEquals(3, answer.json().path("summary").path("total_count").asInt());
        JsonNode northwind = agencies.get(1);
        assertEquals("verified", northwind.path("verification_status").asText());
        assertEquals(List.of(ACME_BRAND_AD_ACCOUNT, ACME_PERFORMANCE_AD_ACCOUNT), ids(northwind.path("adaccount_permissions")));
        assertEquals("ADVERTISE", northwind.path("adaccount_permissions").get(0).path("permitted_tasks").get(0).asText());
        assertEquals(List.of(ACME_CATALOG), ids(northwind.path("productcatalog_permissions")));
        assertEquals(0, agencies.get(2).path("page_permissions").size(), "a pending share grants nothing yet");
    }

    @Test
    void clientsListTheBusinessesThatShareWithThisOne() {
        JsonNode clients = data(graph.get("/" + BRIGHTLINE_MEDIA + "/clients", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,name,adaccount_permissions"));

        assertEquals(List.of(ACME_RETAIL), ids(clients));
        assertEquals(List.of(ACME_BRAND_AD_ACCOUNT), ids(clients.get(0).path("adaccount_permissions")));
    }

    @Test
    void ownedAssetEdgesListTheBusinessesOwnAssets() {
        JsonNode adAccounts = data(graph.get("/" + ACME_RETAIL + "/owned_ad_accounts", "access_token", ACME_TOKEN,
                "fields", "id,name,account_id"));
        assertEquals(List.of(ACME_BRAND_AD_ACCOUNT, ACME_PERFORMANCE_AD_ACCOUNT, ACME_INTERNAL_AD_ACCOUNT), ids(adAccounts));
        assertEquals("120211111111111", adAccounts.get(0).path("account_id").asText());
        assertEquals("Acme Retail - Brand", adAccounts.get(0).path("name").asText());

        assertEquals(List.of(ACME_PAGE), ids(data(graph.get("/" + ACME_RETAIL + "/owned_pages", "access_token", ACME_TOKEN))));
        assertEquals(List.of(ACME_CATALOG),
                ids(data(graph.get("/" + ACME_RETAIL + "/owned_product_catalogs", "access_token", ACME_TOKEN))));
        assertEquals(List.of(ACME_PIXEL), ids(data(graph.get("/" + ACME_RETAIL + "/owned_pixels", "access_token", ACME_TOKEN))));
    }

    @Test
    void clientAssetEdgesCarryPermittedTasks() {
        JsonNode adAccounts = data(graph.get("/" + NORTHWIND_PERFORMANCE + "/client_ad_accounts", "access_token",
                NORTHWIND_TOKEN_WITHOUT_CATALOG, "fields", "id,name,account_id,permitted_tasks"));

        assertEquals(List.of(ACME_BRAND_AD_ACCOUNT, ACME_PERFORMANCE_AD_ACCOUNT), ids(adAccounts));
        assertEquals("[\"ADVERTISE\",\"ANALYZE\"]", adAccounts.get(0).path("permitted_tasks").toString());

        JsonNode pages = data(graph.get("/" + BRIGHTLINE_MEDIA + "/client_pages", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,name,permitted_tasks"));
        assertEquals(List.of(ACME_PAGE), ids(pages));
        assertEquals(4, pages.get(0).path("permitted_tasks").size());
        assertEquals(0, data(graph.get("/" + COBALT_CREATIVE + "/client_pages", "access_token", COBALT_OWN_TOKEN)).size(),
                "a pending share is not a client asset yet");
    }

    @Test
    void clientAssetsNameTheirOwningBusiness() {
        JsonNode adAccounts = data(graph.get("/" + BRIGHTLINE_MEDIA + "/client_ad_accounts", "access_token",
                BRIGHTLINE_TOKEN, "fields", "id,business"));
        assertEquals(ACME_RETAIL, adAccounts.get(0).path("business").path("id").asText());
        assertEquals("Acme Retail", adAccounts.get(0).path("business").path("name").asText());

        JsonNode pixels = data(graph.get("/" + BRIGHTLINE_MEDIA + "/client_pixels", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,owner_business"));
        assertEquals(ACME_RETAIL, pixels.get(0).path("owner_business").path("id").asText());
        assertEquals(100, graph.get("/" + BRIGHTLINE_MEDIA + "/client_pixels", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,business").json().path("error").path("code").asInt(), "a pixel's owner is owner_business");
    }

    @Test
    void assetNodeAnswersItsFields() {
        JsonNode adAccount = graph.get("/" + ACME_BRAND_AD_ACCOUNT, "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,name,account_id,permitted_tasks").json();

        assertEquals("Acme Retail - Brand", adAccount.path("name").asText());
        assertEquals(3, adAccount.path("permitted_tasks").size());
    }

    @Test
    void assetAgenciesListEveryShareWithItsStatus() {
        JsonNode agencies = data(graph.get("/" + ACME_PAGE + "/agencies", "access_token", ACME_TOKEN, "fields",
                "id,name,access_status,access_requested_time,access_updated_time,permitted_tasks"));

        assertEquals(List.of(BRIGHTLINE_MEDIA, COBALT_CREATIVE), ids(agencies));
        assertEquals("CONFIRMED", agencies.get(0).path("access_status").asText());
        assertEquals("PENDING", agencies.get(1).path("access_status").asText());
        assertEquals("2026-11-25T10:00:00+0000", agencies.get(1).path("access_requested_time").asText());
        assertEquals("[\"ANALYZE\"]", agencies.get(1).path("permitted_tasks").toString());
    }

    @Test
    void assignedUsersListThePeopleOfTheBusinessWithTheirTasks() {
        JsonNode assigned = data(graph.get("/" + ACME_BRAND_AD_ACCOUNT + "/assigned_users", "access_token",
                BRIGHTLINE_TOKEN, "business", BRIGHTLINE_MEDIA,
                "fields", "id,name,user_type,tasks,permitted_tasks,business"));

        assertEquals(List.of(DANA_WHITFIELD, MARCUS_OYELARAN, TOM_BECKER, BRIGHTLINE_INTEGRATION_SYSTEM_USER,
                BRIGHTLINE_REPORTING_SYSTEM_USER), ids(assigned));
        JsonNode marcus = assigned.get(1);
        assertEquals("Marcus Oyelaran", marcus.path("name").asText());
        assertEquals("business_user", marcus.path("user_type").asText());
        assertEquals("[\"ADVERTISE\",\"ANALYZE\"]", marcus.path("tasks").toString());
        assertEquals("[\"MANAGE\",\"ADVERTISE\",\"ANALYZE\"]", marcus.path("permitted_tasks").toString());
        assertEquals(BRIGHTLINE_MEDIA, marcus.path("business").path("id").asText());
        assertEquals("system_user", assigned.get(3).path("user_type").asText());
        assertFalse(fieldNames(marcus).contains("email"), "assigned users carry no email");
    }

    @Test
    void assignedUsersHaveNoEmailOrRoleField() {
        Answer answer = graph.get("/" + ACME_BRAND_AD_ACCOUNT + "/assigned_users", "access_token", BRIGHTLINE_TOKEN,
                "business", BRIGHTLINE_MEDIA, "fields", "id,email");

        assertEquals(100, answer.errorCode());
    }

    @Test
    void businessNodeExpandsEdgesWithNestedLimitAndPaging() {
        JsonNode business = graph.get("/" + BRIGHTLINE_MEDIA, "access_token", BRIGHTLINE_TOKEN, "fields",
                "id,name,business_users.limit(2){id,name,role},system_users{id,name},pending_users.limit(1){id,email}")
                .json();

        assertEquals("Brightline Media", business.path("name").asText());
        JsonNode users = business.path("business_users");
        assertEquals(List.of(DANA_WHITFIELD, MARCUS_OYELARAN), ids(users.path("data")));
        assertEquals(Set.of("id", "name", "role"), fieldNames(users.path("data").get(0)));
        assertEquals(2, business.path("system_users").path("data").size());
        assertEquals(1, business.path("pending_users").path("data").size());

        String next = users.path("paging").path("next").asText();
        assertTrue(next.startsWith(simulator.baseUrl() + "/v25.0/" + BRIGHTLINE_MEDIA + "/business_users?"), next);
        JsonNode secondPage = graph.getUrl(next).json();
        assertEquals(List.of(PRIYA_RAMAN, TOM_BECKER), ids(secondPage.path("data")));
        assertEquals(Set.of("id", "name", "role"), fieldNames(secondPage.path("data").get(0)));
        assertTrue(secondPage.path("paging").path("next").isMissingNode(), "the last page has no next");
    }

    @Test
    void businessNodeWithoutFieldsAnswersIdAndName() {
        JsonNode business = graph.get("/" + ACME_RETAIL, "access_token", ACME_TOKEN).json();

        assertEquals(Set.of("id", "name"), fieldNames(business));
        assertEquals("Acme Retail", business.path("name").asText());
    }

    @Test
    void unversionedPathsAreAnsweredToo() {
        Answer answer = graph.getUrl(simulator.baseUrl() + "/me?access_token=" + BRIGHTLINE_TOKEN);

        assertEquals(BRIGHTLINE_INTEGRATION_SYSTEM_USER, answer.json().path("id").asText());
    }

    @Test
    void anyVersionIsAcceptedAndKeptInPagingLinks() {
        Answer answer = graph.getUrl(simulator.baseUrl() + "/v27.0/" + BRIGHTLINE_MEDIA
                + "/business_users?limit=1&access_token=" + BRIGHTLINE_TOKEN);

        assertTrue(answer.json().path("paging").path("next").asText().contains("/v27.0/" + BRIGHTLINE_MEDIA));
    }
}
