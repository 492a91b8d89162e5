package io.partnersync.simulator;

import static io.partnersync.simulator.data.DemoData.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnersync.simulator.data.AssetShare;
import io.partnersync.simulator.data.BusinessUser;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.graph.Faults;
import io.partnersync.simulator.graph.RequestCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java side of the control API, as other modules' tests use it. */
class SimulatorControlTest {

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

    @Test
    void baseUrlHasNoVersionAndNamesThePort() {
        assertEquals("http://127.0.0.1:" + simulator.port(), simulator.baseUrl());
    }

    @Test
    void updatedUserIsVisibleToTheNextRead() {
        simulator.control().updateBusinessUser(BRIGHTLINE_MEDIA, TOM_BECKER, user -> user.withRole("ADMIN").withTwoFactorEnabled(true));

        JsonNode tom = graph.get("/" + BRIGHTLINE_MEDIA + "/business_users", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,role,two_fac_status").json().path("data").get(3);

        assertEquals("ADMIN", tom.path("role").asText());
        assertEquals("enabled", tom.path("two_fac_status").asText());
    }

    @Test
    void changedShareTasksShowInPermittedTasks() {
        simulator.control().shareAsset(ACME_BRAND_AD_ACCOUNT, AssetShare.confirmed(BRIGHTLINE_MEDIA, List.of("ANALYZE")));

        JsonNode account = graph.get("/" + BRIGHTLINE_MEDIA + "/client_ad_accounts", "access_token", BRIGHTLINE_TOKEN,
                "fields", "id,permitted_tasks").json().path("data").get(0);

        assertEquals("[\"ANALYZE\"]", account.path("permitted_tasks").toString());
    }

    @Test
    void narrowingAShareKeepsAssignmentsButRefusesWiderTasks() {
        simulator.control().shareAsset(ACME_BRAND_AD_ACCOUNT, AssetShare.confirmed(BRIGHTLINE_MEDIA, List.of("ANALYZE")));

        assertThrows(IllegalArgumentException.class,
                () -> simulator.control().assign(ACME_BRAND_AD_ACCOUNT, DANA_WHITFIELD, List.of("MANAGE")));
    }

    @Test
    void unknownIdsThrowNoSuchElement() {
        assertThrows(NoSuchElementException.class, () -> simulator.control().removeBusinessUser(BRIGHTLINE_MEDIA, "1"));
        assertThrows(NoSuchElementException.class,
                () -> simulator.control().addBusinessUser(BusinessUser.of("1", "999", "Nobody", "n@x.example", "ADMIN", false)));
    }

    @Test
    void requestCountsAreReadableFromJava() {
        graph.get("/me", "access_token", BRIGHTLINE_TOKEN);
        graph.get("/debug_token", "input_token", ACME_TOKEN, "access_token", APP_TOKEN);

        RequestCounts counts = simulator.control().requestCounts();

        assertEquals(2, counts.total());
        assertEquals(1, counts.forEndpoint("GET /me"));
        assertEquals(1, counts.forEndpoint("GET /debug_token"));
        assertEquals(1, counts.forToken(BRIGHTLINE_TOKEN));
        assertEquals(1, counts.forToken(APP_TOKEN));
    }

    @Test
    void faultsSetFromJavaApplyToTheNextCall() {
        simulator.control().setFaults(Faults.none().withLatencyMs(50).withErrorRate(1.0));

        GraphClient.Answer answer = graph.get("/me", "access_token", BRIGHTLINE_TOKEN);

        assertEquals(500, answer.status());
        simulator.control().clearFaults();
        assertEquals(200, graph.get("/me", "access_token", BRIGHTLINE_TOKEN).status());
    }

    @Test
    void faultsPrintTokensOnlyByFingerprint() {
        Faults faults = Faults.none().withTokenError(BRIGHTLINE_TOKEN, 190);

        assertTrue(faults.toString().contains("****b2d4"));
        assertFalse(faults.toString().contains(BRIGHTLINE_TOKEN));
    }

    @Test
    void changesWhileReadsRunAreSafe() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                reads.add(readers.submit(() -> graph.get("/" + BRIGHTLINE_MEDIA, "access_token", BRIGHTLINE_TOKEN,
                        "fields", "business_users{id,role},system_users{id}").status()));
            }
            for (int i = 0; i < 20; i++) {
                String id = String.valueOf(10150000000001000L + i);
                simulator.control().addBusinessUser(BusinessUser.of(id, BRIGHTLINE_MEDIA, "Temp " + i,
                        "temp" + i + "@brightline.example", "EMPLOYEE", false));
                simulator.control().removeBusinessUser(BRIGHTLINE_MEDIA, id);
            }
            for (Future<Integer> read : reads) {
                assertEquals(200, read.get(30, TimeUnit.SECONDS));
            }
        } finally {
            readers.shutdownNow();
        }
    }
}
