package io.partnersync.simulator.graph;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Holds the current {@link Faults} and decides, deterministically, which calls fail with a 5xx. */
public final class FaultInjector {

    private final AtomicReference<Faults> current = new AtomicReference<>(Faults.none());
    private final AtomicLong callsSinceChange = new AtomicLong();

    public Faults current() {
        return current.get();
    }

    public void set(Faults faults) {
        current.set(faults);
        callsSinceChange.set(0);
    }

    /** With rate r, call n fails when floor(n*r) steps up: exactly the share asked for, in a fixed pattern. */
    boolean nextCallFails() {
        double rate = current.get().errorRate();
        if (rate == 0) {
            return false;
        }
        long call = callsSinceChange.incrementAndGet();
        return Math.floor(call * rate) > Math.floor((call - 1) * rate);
    }
}
