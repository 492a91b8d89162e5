package io.partnersync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.partnersync.simulator.data.App;
import io.partnersync.simulator.data.Asset;
import io.partnersync.simulator.data.AssetType;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.DemoData;
import io.partnersync.simulator.data.Token;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetTest {

    @Test
    void demoHasTheCustomerPartnersAndTokensTheReadmeDescribes() {
        DataSet demo = DataSet.demo();

        assertEquals(DemoData.APP_ID, demo.app().id());
        assertEquals(5, demo.businesses().size());
        assertEquals(10, demo.tokens().size());
                assertEquals(demo.tokens().size(), demo.tokens().stream().map(token -> Token.fingerprint(token.value()))
                .distinct().count(), "fingerprints tell the demo tokens apart");
    }

    @Test
    void everyDemoDataConstantIsInTheDemoFile() throws Exception {
        String json = DataSet.demo().toJson();

        for (Field constant : DemoData.class.getFields()) {
            if (Modifier.isStatic(constant.getModifiers())) {
                String value = (String) constant.get(null);
                String expected = constant.getName().equals("APP_TOKEN") ? DemoData.APP_SECRET : value;
                assertTrue(json.contains("\"" + expected + "\""), constant.getName() + " is not in demo.json");
            }
        }
    }

    @Test
    void jsonRoundTripGivesTheSameDataSet() {
        DataSet demo = DataSet.demo();

        DataSet again = DataSet.load(new ByteArrayInputStream(demo.toJson().getBytes(StandardCharsets.UTF_8)));

        assertEquals(demo, again);
    }

    @Test
    void loadsFromAFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("data.json");
        Files.writeString(file, DataSet.demo().toJson());

        assertEquals(DataSet.demo(), DataSet.load(file));
    }

    @Test
    void unknownFieldsInTheJsonAreRefused() {
        String typo = "{\"app\":{\"id\":\"1\",\"secret\":\"s\"},\"busineses\":[]}";

        assertThrows(RuntimeException.class,
                () -> DataSet.load(new ByteArrayInputStream(typo.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void adAccountIdsMustStartWithAct() {
        assertThrows(IllegalArgumentException.class,
                () -> new Asset("120211111111111", AssetType.AD_ACCOUNT, "No prefix", "1", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Asset("act_1", AssetType.PAGE, "Page with act_", "1", List.of()));
    }

    @Test
    void simulatorRefusesADataSetWithDanglingReferences() {
        DataSet dangling = new DataSet(new App("1", "app", "secret", false), List.of(),
                List.of(new Asset("act_1", AssetType.AD_ACCOUNT, "Orphan", "404", List.of())),
                null, null, null, null, null);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> GraphSimulator.start(dangling));

        assertTrue(refused.getMessage().contains("404"), refused.getMessage());
    }

    @Test
    void tokensPrintOnlyTheirFingerprint() {
        Token token = DataSet.demo().tokens().get(0);

        assertTrue(token.toString().contains(Token.fingerprint(token.value())));
        assertFalse(token.toString().contains(token.value()));
    }
}
