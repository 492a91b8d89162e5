package io.partnersync.userdirectory;

import static io.partnersync.userdirectory.Directory.user;
import static io.partnersync.userdirectory.DirectoryApi.asAdmin;
import static io.partnersync.userdirectory.DirectoryApi.asViewer;
import static io.partnersync.userdirectory.DirectoryApi.history;
import static io.partnersync.userdirectory.DirectoryApi.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnersync.events.GuestUsersApplied;
import io.partnersync.events.ImportedGuestUser;
import io.partnersync.testkit.RealInfrastructure;
import io.partnersync.userdirectory.Directory.Partner;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class SafeguardTest {

    private static final String HELD = "/api/directory/held-removals/{id}";

    @Test
    void removingUpToTheShareIsNotHeld() {
        Partner partner = Partner.fresh();
        List<ImportedGuestUser> ten = people(10);
        partner.sync(ten.toArray(ImportedGuestUser[]::new));

        GuestUsersApplied applied = partner.sync(ten.subList(2, 10).toArray(ImportedGuestUser[]::new));

        assertThat(applied.removed()).isEqualTo(2);
        assertThat(applied.removalsHeld()).isZero();
        assertThat(heldRemovals(partner).getList("")).isEmpty();
    }

    @Test
    void removalsAboveTheShareAreHeldAndAnAdminConfirmsThem() {
        Partner partner = Partner.fresh();
        List<ImportedGuestUser> ten = people(10);
        partner.sync(ten.toArray(ImportedGuestUser[]::new));

        // Seven of ten gone at once (and one new person): more likely a broken read than departures.
        List<ImportedGuestUser> three = new ArrayList<>(ten.subList(7, 10));
        three.add(user("new-1", "Newcomer", "new@agency.test", "EMPLOYEE", "enabled"));
        GuestUsersApplied applied = partner.sync(three.toArray(ImportedGuestUser[]::new));

        assertThat(List.of(applied.added(), applied.updated(), applied.removed(), applied.unchanged(), applied.removalsHeld()))
                .containsExactly(1, 0, 0, 3, 7);
        assertThat(list(partner, "status", "ACTIVE").getList("items")).hasSize(11);
        JsonPath batches = heldRemovals(partner);
        assertThat(batches.getList("")).hasSize(1);
        Map<String, Object> batch = batches.getMap("[0]");
        assertThat(batch).containsEntry("status", "PENDING").containsEntry("people", 7).containsEntry("activePeople", 11)
                .containsEntry("jobId", applied.jobId().toString()).containsEntry("partnerId", partner.partnerId().toString());
        String batchId = (String) batch.get("id");
        assertThat(list(partner, "heldRemoval", batchId).getList("items.metaUserId", String.class))
                .containsExactlyInAnyOrder("p0", "p1", "p2", "p3", "p4", "p5", "p6");

        asViewer(partner).post(HELD + "/confirm", batchId).then().statusCode(403);
        asAdmin(partner).post(HELD + "/confirm", batchId).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("removed", equalTo(7))
                .body("decidedBy", equalTo("admin@" + partner.workspaceId()));

        JsonPath after = list(partner);
        assertThat(after.getList("items.findAll { it.status == 'REMOVED' }.metaUserId", String.class))
                .containsExactlyInAnyOrder("p0", "p1", "p2", "p3", "p4", "p5", "p6");
        assertThat(after.getString("items.find { it.metaUserId == 'p0' }.removalReason")).isEqualTo("held removal confirmed");
        JsonPath history = history(partner, "p0");
        assertThat(history.getList("items.change")).containsExactly("REMOVED", "ADDED");
        assertThat(history.getString("items[0].actor")).isEqualTo("admin@" + partner.workspaceId());
        assertThat(history.getString("items[0].jobId")).isEqualTo(applied.jobId().toString());

        asAdmin(partner).post(HELD + "/discard", batchId).then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409))
                .body("heldRemovalStatus", equalTo("CONFIRMED"));
        asAdmin(partner).post(HELD + "/confirm", batchId).then().statusCode(409);
    }

    @Test
    void anAdminDiscardsHeldRemovalsAndThePeopleStayActive() {
        Partner partner = Partner.fresh();
        List<ImportedGuestUser> five = people(5);
        partner.sync(five.toArray(ImportedGuestUser[]::new));
        GuestUsersApplied applied = partner.sync(five.get(4));
        assertThat(applied.removalsHeld()).isEqualTo(4);
        String batchId = heldRemovals(partner).getString("[0].id");

        asAdmin(partner).post(HELD + "/discard", batchId).then().statusCode(200)
                .body("status", equalTo("DISCARDED")).body("removed", equalTo(null));

        assertThat(list(partner).getList("items.status")).hasSize(5).containsOnly("ACTIVE");
        assertThat(history(partner, "p0").getList("items.change")).containsExactly("ADDED");
        asViewer(partner).get(HELD, batchId).then().statusCode(200).body("status", equalTo("DISCARDED"));
    }

    @Test
    void aNewerRunSupersedesAnOlderHeldBatchAndDecidesAgain() {
        Partner partner = Partner.fresh();
        List<ImportedGuestUser> ten = people(10);
        partner.sync(ten.toArray(ImportedGuestUser[]::new));
        GuestUsersApplied broken = partner.sync(ten.get(9));
        assertThat(broken.removalsHeld()).isEqualTo(9);
        String olderBatch = heldRemovals(partner).getString("[0].id");

        // The next run sees everyone but p0: one removal of ten is within the share.
        GuestUsersApplied healthy = partner.sync(ten.subList(1, 10).toArray(ImportedGuestUser[]::new));

        assertThat(healthy.removed()).isEqualTo(1);
        assertThat(healthy.removalsHeld()).isZero();
        asViewer(partner).get(HELD, olderBatch).then().statusCode(200)
                .body("status", equalTo("SUPERSEDED")).body("supersededByJobId", equalTo(healthy.jobId().toString()));
        asAdmin(partner).post(HELD + "/confirm", olderBatch).then().statusCode(409)
                .body("type", equalTo("https://partnersync.io/problems/held-removal-decided"));
        assertThat(list(partner, "status", "REMOVED").getList("items.metaUserId")).containsExactly("p0");
        assertThat(heldRemovals(partner, "PENDING").getList("")).isEmpty();
    }

    @Test
    void heldRemovalsAreScopedToTheWorkspace() {
        Partner partner = Partner.fresh();
        List<ImportedGuestUser> four = people(4);
        partner.sync(four.toArray(ImportedGuestUser[]::new));
        partner.sync(four.get(0));
        String batchId = heldRemovals(partner).getString("[0].id");
        Partner stranger = Partner.fresh();

        asAdmin(stranger).get(HELD, batchId).then().statusCode(404).contentType("application/problem+json");
        asAdmin(stranger).post(HELD + "/confirm", batchId).then().statusCode(404);
        asAdmin(stranger).get("/api/directory/integrations/{id}/held-removals", partner.integrationId())
                .then().statusCode(404);
        asViewer(partner).get(HELD, batchId).then().statusCode(200).body("status", equalTo("PENDING"));
    }

    private static List<ImportedGuestUser> people(int count) {
        List<ImportedGuestUser> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(user("p" + i, "Person " + i, "p" + i + "@agency.test", "EMPLOYEE", "enabled"));
        }
        return people;
    }

    private static JsonPath heldRemovals(Partner partner, String... status) {
        var request = asViewer(partner);
        if (status.length > 0) {
            request.queryParam("status", status[0]);
        }
        return request.get("/api/directory/integrations/{id}/held-removals", partner.integrationId())
                .then().statusCode(200).extract().jsonPath();
    }
}
