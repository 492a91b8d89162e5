package io.partnersync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.partnersync.simulator.data.Assignment;
import io.partnersync.simulator.data.BusinessUser;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.DataSetGenerator;
import io.partnersync.simulator.state.GraphStore;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataSetGeneratorTest {

    @Test
    void sameSeedGivesTheSameDataSet() {
        assertEquals(DataSetGenerator.generate(42, 3, 200, 5, 2), DataSetGenerator.generate(42, 3, 200, 5, 2));
    }

    @Test
    void otherSeedGivesOtherPeopleWithTheSameIds() {
        DataSet one = DataSetGenerator.generate(1, 2, 50, 3, 1);
        DataSet two = DataSetGenerator.generate(2, 2, 50, 3, 1);

        assertNotEquals(one.businessUsers(), two.businessUsers());
        assertEquals(one.businessUsers().stream().map(BusinessUser::id).toList(),
                two.businessUsers().stream().map(BusinessUser::id).toList());
    }

    @Test
    void countsFollowTheArguments() {
        DataSet data = DataSetGenerator.generate(5, 3, 1000, 5, 2);

        assertEquals(1 + 3, data.businesses().size());
        assertEquals(3 * 5, data.assets().size());
        assertEquals(1 + 3 * 1000, data.businessUsers().size());
        assertEquals(1 + 3 * 2, data.systemUsers().size());
        assertEquals(3 * 10, data.pendingUsers().size());
        assertEquals(3 * 1000 * 2 + 3 * 5, data.assignments().size());
        assertEquals(1 + 3, data.tokens().size());
    }

    @Test
    void everyUserIsAssignedToDistinctAssetsOfTheirPartner() {
        DataSet data = DataSetGenerator.generate(9, 2, 100, 4, 3);
        Set<String> pairs = new HashSet<>();

        for (Assignment assignment : data.assignments()) {
            assertTrue(pairs.add(assignment.assetId() + "/" + assignment.userId()));
            assertFalse(assignment.tasks().isEmpty());
        }
    }

    @Test
    void generatesAndLoadsHundredThousandPeople() {
        DataSet data = DataSetGenerator.generate(1, 1, 100_000, 5, 2);

        assertTrue(data.peopleCount() >= 100_000, "people: " + data.peopleCount());
        new GraphStore(data);
    }
}
