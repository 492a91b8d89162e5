package io.partnersync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.partnersync.simulator.data.DataSetGenerator;
import io.partnersync.simulator.data.DemoData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GraphSimulatorMainTest {

    @Test
    void printsTheReadyLineWithTheUrlItAnswersOn() {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        GraphSimulator simulator;
        try {
            simulator = GraphSimulatorMain.start("--port", "0", "--demo");
        } finally {
            System.setOut(console);
        }
        try (simulator) {
            assertEquals("Graph simulator listening on " + simulator.baseUrl(),
                    printed.toString(StandardCharsets.UTF_8).trim());
            assertEquals(200, new GraphClient(simulator.baseUrl())
                    .get("/me", "access_token", DemoData.BRIGHTLINE_TOKEN).status());
        }
    }

    @Test
    void generatesTheDataSetItIsAskedFor() {
        try (GraphSimulator simulator = GraphSimulatorMain.start("--generate",
                "seed=3,partners=2,usersPerPartner=30,assetsPerPartner=2,assignmentsPerUser=1",
                "--page-max-limit", "10", "--budget", "100/60", "--throttle-code", "17")) {
            GraphClient graph = new GraphClient(simulator.baseUrl());

            GraphClient.Answer page = graph.get("/" + DataSetGenerator.partnerBusinessId(2) + "/business_users",
                    "access_token", DataSetGenerator.partnerToken(2), "limit", "100");

            assertEquals(10, page.json().path("data").size());
            assertEquals(17, simulator.control().callBudget().throttleCode());
        }
    }

    @Test
    void refusesUnknownOptions() {
        assertThrows(IllegalArgumentException.class, () -> GraphSimulatorMain.start("--colour", "blue"));
        assertThrows(IllegalArgumentException.class, () -> GraphSimulatorMain.start("--generate", "people=5"));
    }
}
