package io.partnersync.userdirectory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemovalSafeguardTest {

    private final RemovalSafeguard safeguard = new RemovalSafeguard(0.20);

    @Test
    void holdsOnlyMoreThanTheShare() {
        assertThat(safeguard.holds(2, 10)).isFalse();
        assertThat(safeguard.holds(3, 10)).isTrue();
        assertThat(safeguard.holds(1, 1)).isTrue();
        assertThat(safeguard.holds(0, 0)).isFalse();
        assertThat(safeguard.holds(0, 10)).isFalse();
    }

    @Test
    void aShareOfOneNeverHoldsAndOfZeroAlwaysHolds() {
        assertThat(new RemovalSafeguard(1.0).holds(10, 10)).isFalse();
        assertThat(new RemovalSafeguard(0.0).holds(1, 1000)).isTrue();
    }
}
