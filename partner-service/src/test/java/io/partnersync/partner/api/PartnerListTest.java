package io.partnersync.partner.api;

import static io.partnersync.partner.support.TestData.adAccount;
import static io.partnersync.partner.support.TestData.agency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnersync.events.AssetType;
import io.partnersync.events.DiscoveredPartner;
import io.partnersync.events.Relationship;
import io.partnersync.events.SharedAsset;
import io.partnersync.partner.support.TestData;
import io.partnersync.partner.support.TokenVaultStub;
import io.partnersync.partner.support.TokenVaultStubResource;
import io.partnersync.partner.support.Workspace;
import io.partnersync.testkit.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The Meta Business Partners tab: filter, sort, page, and what each partner shows. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@WithTestResource(TokenVaultStubResource.class)
class PartnerListTest {

    private Workspace ws;
    private Workspace.Integration integration;

    @BeforeEach
    void fivePartnersInEveryStatus() {
        TokenVaultStub.shared().reset();
        ws = new Workspace();
        integration = ws.integration();
        String pending = TestData.businessId();
        String onboarded = TestData.businessId();
        String disconnected = TestData.businessId();
        String removed = TestData.businessId();
        String client = TestData.businessId();
        integration.discover(
                agency(pending, "delta Digital", adAccount("Acme EU")),
                agency(onboarded, "Alpha Ads", adAccount("Acme US"), adAccount("Acme APAC")),
                agency(disconnected, "Echo Media", adAccount("Acme UK")),
                agency(removed, "Charlie Creative", adAccount("Acme FR")),
                new DiscoveredPartner(client, "Bravo Brands", Relationship.CLIENT, "not_verified",
                        List.of(new SharedAsset("cat_1", AssetType.CATALOG, "Bravo catalog", List.of("MANAGE")))));
        integration.connect(integration.partnerId(onboarded), TestData.token()).then().statusCode(200);
        integration.disconnect(integration.partnerId(disconnected)).then().statusCode(200);
        integration.discover(
                agency(pending, "delta Digital", adAccount("Acme EU")),
                agency(onboarded, "Alpha Ads", adAccount("Acme US"), adAccount("Acme APAC")),
                agency(disconnected, "Echo Media", adAccount("Acme UK")),
                new DiscoveredPartner(client, "Bravo Brands", Relationship.CLIENT, "not_verified",
                        List.of(new SharedAsset("cat_1", AssetType.CATALOG, "Bravo catalog", List.of("MANAGE")))));
    }

    @Test
    void sortsByNameIgnoringCaseAscendingOrDescending() {
        assertThat(names(page(ws.asViewer().queryParam("sort", "name"))))
                .containsExactly("Alpha Ads", "Bravo Brands", "Charlie Creative", "delta Digital", "Echo Media");
        assertThat(names(page(ws.asViewer().queryParam("sort", "name").queryParam("order", "desc"))))
                .containsExactly("Echo Media", "delta Digital", "Charlie Creative", "Bravo Brands", "Alpha Ads");
        assertThat(names(page(ws.asViewer()))).startsWith("Alpha Ads");
    }

    @Test
    void sortsByStatusInTheOrderOfTheStateMachine() {
        JsonPath result = page(ws.asViewer().queryParam("sort", "status"));
        assertThat(result.getList("items.status", String.class)).containsExactly(
                "PENDING_ONBOARDING", "PENDING_ONBOARDING", "ONBOARDED", "DISCONNECTED", "ACCESS_REMOVED");
        assertThat(names(result)).containsExactly(
                "Bravo Brands", "delta Digital", "Alpha Ads", "Echo Media", "Charlie Creative");
        assertThat(page(ws.asViewer().queryParam("sort", "status").queryParam("order", "desc"))
                .getList("items.status", String.class)).first().isEqualTo("ACCESS_REMOVED");
    }

    @Test
    void filtersByOneOrSeveralStatuses() {
        assertThat(names(page(ws.asViewer().queryParam("status", "ONBOARDED")))).containsExactly("Alpha Ads");
        JsonPath several = page(ws.asViewer().queryParam("status", "ACCESS_REMOVED", "DISCONNECTED"));
        assertThat(names(several)).containsExactly("Charlie Creative", "Echo Media");
        assertThat(several.getLong("totalItems")).isEqualTo(2);
        assertThat(page(ws.asViewer().queryParam("status", "RECONNECT_REQUIRED")).getList("items")).isEmpty();
    }

    @Test
    void pagesCarryTheTotalAndNeverOverlap() {
        JsonPath first = page(ws.asViewer().queryParam("size", 2).queryParam("page", 0));
        JsonPath second = page(ws.asViewer().queryParam("size", 2).queryParam("page", 1));
        JsonPath third = page(ws.asViewer().queryParam("size", 2).queryParam("page", 2));
        JsonPath beyond = page(ws.asViewer().queryParam("size", 2).queryParam("page", 3));

        assertThat(names(first)).containsExactly("Alpha Ads", "Bravo Brands");
        assertThat(names(second)).containsExactly("Charlie Creative", "delta Digital");
        assertThat(names(third)).containsExactly("Echo Media");
        assertThat(beyond.getList("items")).isEmpty();
        assertThat(first.getLong("totalItems")).isEqualTo(5);
        assertThat(first.getInt("totalPages")).isEqualTo(3);
        assertThat(second.getInt("page")).isEqualTo(1);
        assertThat(second.getInt("size")).isEqualTo(2);
    }

    @Test
    void eachPartnerShowsWhatTheTabNeeds() {
        JsonPath result = page(ws.asViewer().queryParam("status", "ONBOARDED"));
        assertThat(result.getString("items[0].relationship")).isEqualTo("AGENCY");
        assertThat(result.getString("items[0].verificationStatus")).isEqualTo("verified");
        assertThat(result.getInt("items[0].sharedAssetCount")).isEqualTo(2);
        assertThat(result.getList("items[0].sharedAssets.name", String.class)).containsExactly("Acme US", "Acme APAC");
        assertThat(result.getList("items[0].sharedAssets[0].permittedTasks", String.class))
                .containsExactly("MANAGE", "ADVERTISE", "ANALYZE");
        assertThat(result.getString("items[0].sharedAssets[0].assetType")).isEqualTo("AD_ACCOUNT");
        assertThat(result.getString("items[0].statusLabel")).isEqualTo("Onboarded");
        assertThat(result.getString("items[0].tokenFingerprint.last4")).hasSize(4);
        assertThat(result.getString("items[0].connectedBy")).isEqualTo("admin@" + ws.id);
        assertThat(result.getString("items[0].integrationId")).isEqualTo(integration.id().toString());

        JsonPath labels = page(ws.asViewer().queryParam("sort", "status"));
        assertThat(labels.getList("items.statusLabel", String.class)).containsExactly(
                "Pending onboarding", "Pending onboarding", "Onboarded", "Disconnected", "Access removed");
        assertThat(page(ws.asViewer().queryParam("status", "ACCESS_REMOVED")).getInt("items[0].sharedAssetCount"))
                .isZero();
        assertThat(page(ws.asViewer().queryParam("status", "PENDING_ONBOARDING"))
                .getList("items.tokenFingerprint")).containsOnlyNulls();
    }

    @Test
    void anotherWorkspaceSeesNoneOfThem() {
        Workspace other = new Workspace();
        other.asAdmin().get("/api/integrations/{id}/partners", integration.id()).then().statusCode(404);
        other.integration();
        other.asAdmin().get("/api/integrations").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", org.hamcrest.Matchers.not(equalTo(integration.id().toString())));
    }

    private JsonPath page(io.restassured.specification.RequestSpecification request) {
        return request.get("/api/integrations/{id}/partners", integration.id()).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<String> names(JsonPath page) {
        return page.getList("items.name", String.class);
    }
}
