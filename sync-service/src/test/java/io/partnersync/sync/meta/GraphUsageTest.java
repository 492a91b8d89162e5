package io.partnersync.sync.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class GraphUsageTest {

    @Test
    void theHighestShareOfAppAndBusinessLimitsTheBusiness() {
        GraphUsage usage = GraphUsage.parse("{\"call_count\":12,\"total_cputime\":30,\"total_time\":5}",
                "{\"111\":[{\"type\":\"ads_management\",\"call_count\":85,\"total_cputime\":20,\"total_time\":20,"
                        + "\"estimated_time_to_regain_access\":0},{\"type\":\"pages\",\"call_count\":10}],"
                        + "\"222\":[{\"type\":\"ads_management\",\"call_count\":100,\"estimated_time_to_regain_access\":19}]}");

        assertThat(usage.appPercent()).isEqualTo(30);
        assertThat(usage.percentFor("111")).isEqualTo(85);
        assertThat(usage.percentFor("222")).isEqualTo(100);
        assertThat(usage.percentFor("333")).as("only the app's").isEqualTo(30);
        assertThat(usage.regainAccess()).as("Graph gives minutes").isEqualTo(Duration.ofMinutes(19));
    }

    @Test
    void missingOrMalformedHeadersMeanNoUsage() {
        assertThat(GraphUsage.parse(null, null).percentFor("111")).isZero();
        assertThat(GraphUsage.parse("not json", "[1,2]").percentFor("111")).isZero();
        assertThat(GraphUsage.parse("", "{\"111\":\"odd\"}").regainAccessMinutes()).isZero();
    }

    @Test
    void callsArePacedOnlyAboveTheThresholdAndMoreTheCloserTheBudgetIsToSpent() {
        Duration max = Duration.ofSeconds(5);

        assertThat(GraphUsage.paceDelay(50, 80, max)).isZero();
        assertThat(GraphUsage.paceDelay(80, 80, max)).isZero();
        assertThat(GraphUsage.paceDelay(90, 80, max)).isEqualTo(Duration.ofMillis(2500));
        assertThat(GraphUsage.paceDelay(100, 80, max)).isEqualTo(max);
        assertThat(GraphUsage.paceDelay(150, 80, max)).as("never more than the maximum").isEqualTo(max);
    }
}
