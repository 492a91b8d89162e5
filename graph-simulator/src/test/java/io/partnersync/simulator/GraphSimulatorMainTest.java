package io.partnersync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.partnersync.simulator.data.DataSetGenerator;
import io.partnersync.simulator.data.DemoData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void servesTheDataSetFileItIsGiven(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("small.json");
        Files.writeString(file, """
                {
                  "app": {"id": "1111111111111111", "name": "file app", "secret": "filesecret"},
                  "businesses": [{"id": "7000000000000001", "name": "File Business", "verificationStatus": "verified"}],
                  "businessUsers": [{"id": "7100000000000001", "businessId": "7000000000000001", "name": "Ada File",
                                     "email": "ada@file.example", "role": "ADMIN", "twoFactorEnabled": true}],
                  "systemUsers": [{"id": "7200000000000001", "businessId": "7000000000000001",
                                   "name": "file integration", "role": "ADMIN"}],
                  "tokens": [{"value": "EAAFileTokenZD0001", "type": "SYSTEM_USER", "appId": "1111111111111111",
                              "businessId": "7000000000000001", "userId": "7200000000000001",
                              "scopes": ["business_management"], "valid": true}]
                }
                """);

        try (GraphSimulator simulator = GraphSimulatorMain.start("--data", file.toString())) {
            GraphClient graph = new GraphClient(simulator.baseUrl());

            GraphClient.Answer people = graph.get("/7000000000000001/business_users",
                    "access_token", "EAAFileTokenZD0001", "fields", "id,name,email");
            GraphClient.Answer demoToken = graph.get("/me", "access_token", DemoData.BRIGHTLINE_TOKEN);

            assertEquals(200, people.status(), people.body());
            assertEquals(1, people.json().path("data").size());
            assertEquals("Ada File", people.json().path("data").get(0).path("name").asText());
            assertEquals("ada@file.example", people.json().path("data").get(0).path("email").asText());
            assertEquals(190, demoToken.errorCode(), "the demo data set is not served as well");
        }
    }

    @Test
    void refusesUnknownOptions() {
        assertThrows(IllegalArgumentException.class, () -> GraphSimulatorMain.start("--colour", "blue"));
        assertThrows(IllegalArgumentException.class, () -> GraphSimulatorMain.start("--generate", "people=5"));
    }
}
