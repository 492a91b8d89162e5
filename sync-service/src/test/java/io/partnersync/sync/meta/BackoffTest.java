package io.partnersync.sync.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(50);
    private static final Duration MAX = Duration.ofMillis(500);
    private static final double JITTER = 0.5;

    @Test
    void theWaitDoublesWithEachRetryUntilItReachesTheCap() {
        Backoff backoff = new Backoff(INITIAL, MAX, 0);
        Random random = new Random(7);

        List<Long> waits = IntStream.rangeClosed(1, 7).mapToObj(retry -> backoff.forRetry(retry, random).toMillis())
                .toList();

        assertThat(waits).containsExactly(50L, 100L, 200L, 400L, 500L, 500L, 500L);
    }

    @Test
    void theWaitNeverExceedsTheCapHoweverManyRetries() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.5);
        Random random = new Random(11);

        for (int retry : List.of(1, 6, 7, 21, 22, 63, 64, 1_000, Integer.MAX_VALUE)) {
            assertThat(backoff.forRetry(retry, random)).as("retry %d", retry)
                    .isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        }
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0).forRetry(Integer.MAX_VALUE, random))
                .as("no overflow past the cap").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void jitterTakesARandomShareOfUpToJitterOffEachWait() {
        Backoff backoff = new Backoff(INITIAL, MAX, JITTER);
        Random random = new Random(42);
        long[] unjittered = {50, 100, 200, 400, 500, 500};

        for (int retry = 1; retry <= unjittered.length; retry++) {
            long full = unjittered[retry - 1];
            Set<Long> seen = new HashSet<>();
            for (int draw = 0; draw < 200; draw++) {
                long wait = backoff.forRetry(retry, random).toMillis();
                assertThat(wait).as("retry %d", retry).isBetween(Math.round(full * (1 - JITTER)), full);
                seen.add(wait);
            }
            assertThat(seen).as("retry %d draws different waits", retry).hasSizeGreaterThan(10);
        }
    }

    @Test
    void theSameSeedGivesTheSameWaits() {
        Backoff backoff = new Backoff(INITIAL, MAX, 0.5);
        Random first = new Random(99);
        Random second = new Random(99);

        for (int retry = 1; retry <= 6; retry++) {
            assertThat(backoff.forRetry(retry, first)).isEqualTo(backoff.forRetry(retry, second));
        }
    }

    @Test
    void nonsensicalSettingsAndRetryNumbersAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, MAX, 0.5));
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(MAX, INITIAL, 0.5));
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(INITIAL, MAX, 1.5));
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(INITIAL, MAX, -0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(INITIAL, MAX, 0.5).forRetry(0, new Random(1)));
    }
}
