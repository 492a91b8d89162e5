package io.partnersync.e2e;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.partnersync.localsystem.LocalSystem;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The public REST APIs of the running system, as the frontend calls them. */
final class Apis {

    private final LocalSystem system;
    private final String bearer;
    private final ResponseRecorder recorder;
    private final String traceparent;

    Apis(LocalSystem system, String bearer, ResponseRecorder recorder) {
        this(system, bearer, recorder, null);
    }

    private Apis(LocalSystem system, String bearer, ResponseRecorder recorder, String traceparent) {
        this.system = system;
        this.bearer = bearer;
        this.recorder = recorder;
        this.traceparent = traceparent;
    }

    /** The same caller, with calls that continue the W3C trace {@code traceparent}, as a traced frontend's. */
    Apis tracedBy(String traceparent) {
        return new Apis(system, bearer, recorder, traceparent);
    }

    RequestSpecification partners() {
        return call("partner-service");
    }

    RequestSpecification automation() {
        return call("sync-service");
    }

    RequestSpecification directory() {
        return call("user-directory-service");
    }

    private RequestSpecification call(String service) {
        RequestSpecification request = given().baseUri(system.url(service)).filter(recorder)
                .header("Authorization", "Bearer " + bearer)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
        return traceparent == null ? request : request.header("traceparent", traceparent);
    }

    Response createIntegration(String name, String metaBusinessId, String token) {
        return partners().body(Map.of("name", name, "metaBusinessId", metaBusinessId, "token", token))
                .post("/api/integrations");
    }

    Response partnersOf(String integrationId) {
        return partners().get("/api/integrations/{id}/partners?size=100", integrationId);
    }

    Response partner(String integrationId, String partnerId) {
        return partners().get("/api/integrations/{id}/partners/{partner}", integrationId, partnerId);
    }

    Response partnerHistory(String integrationId, String partnerId) {
        return partners().get("/api/integrations/{id}/partners/{partner}/history", integrationId, partnerId);
    }

    Response connect(String integrationId, String partnerId, String token) {
        return partners().body(Map.of("token", token))
                .post("/api/integrations/{id}/partners/{partner}/connection", integrationId, partnerId);
    }

    Response disconnect(String integrationId, String partnerId) {
        return partners().delete("/api/integrations/{id}/partners/{partner}/connection", integrationId, partnerId);
    }

    Response checkForUpdates(String integrationId) {
        return automation().body(Map.of("integrationId", integrationId)).post("/api/automation/tasks");
    }

    Response tasks(String integrationId) {
        return automation().get("/api/automation/tasks?integrationId={id}&limit=100", integrationId);
    }

    Response task(String taskId) {
        return automation().get("/api/automation/tasks/{id}", taskId);
    }

    Response guestUsers(String integrationId) {
        return directory().get("/api/directory/integrations/{id}/guest-users?limit=200", integrationId);
    }

    Response guestUser(String guestUserId) {
        return directory().get("/api/directory/guest-users/{id}", guestUserId);
    }
}
