package io.partnersync.userdirectory;

import static io.restassured.RestAssured.given;

import io.partnersync.testkit.TestJwt;
import io.partnersync.userdirectory.Directory.Partner;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The directory's REST API as a viewer of the partner's workspace sees it. */
final class DirectoryApi {

    private DirectoryApi() {
    }

    static RequestSpecification asViewer(Partner partner) {
        return given().auth().oauth2(TestJwt.viewer(partner.workspaceId()));
    }

    static RequestSpecification asAdmin(Partner partner) {
        return given().auth().oauth2(TestJwt.admin(partner.workspaceId()));
    }

    /** The partner's people (all statuses), from the list API, with extra query parameters as name/value pairs. */
    static JsonPath list(Partner partner, String... query) {
        RequestSpecification request = asViewer(partner).queryParam("partner", partner.partnerId()).queryParam("limit", 200);
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/api/directory/integrations/{id}/guest-users", partner.integrationId())
                .then().statusCode(200).extract().jsonPath();
    }

    static String personId(Partner partner, String metaUserId) {
        return list(partner).getString("items.find { it.metaUserId == '" + metaUserId + "' }.id");
    }

    static JsonPath history(Partner partner, String metaUserId) {
        return asViewer(partner).get("/api/directory/guest-users/{id}/history", personId(partner, metaUserId))
                .then().statusCode(200).extract().jsonPath();
    }
}
