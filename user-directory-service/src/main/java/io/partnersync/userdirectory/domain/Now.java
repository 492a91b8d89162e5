package io.partnersync.userdirectory.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time at PostgreSQL's precision, so what is written reads back equal (cursors, responses). */
final class Now {

    private Now() {
    }

    static Instant micros() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
