package io.partnersync.sync.meta;

import java.time.Duration;
import java.util.random.RandomGenerator;

import io.partnersync.sync.config.MetaConfig;

/**
 * The wait before retrying a transient failure: {@code initial} for the first retry, doubling with
 * each retry up to {@code max}, less a random share of up to {@code jitter} of it, so that clients
 * that failed together do not all retry at the same moment.
 *
 * @param initial the wait before the first retry, before jitter
 * @param max     the longest wait, before jitter
 * @param jitter  the largest share, 0 to 1, taken off a wait at random
 */
record Backoff(Duration initial, Duration max, double jitter) {

    /** Past this many doublings every sensible initial wait is above the cap; it keeps the shift from overflowing. */
    private static final int MAX_DOUBLINGS = 20;

    Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("backoff jitter is a share from 0 to 1, got " + jitter);
        }
    }

    static Backoff of(MetaConfig.Retry retry) {
        return new Backoff(retry.initialBackoff(), retry.maxBackoff(), retry.jitter());
    }

    /** The wait before retry number {@code retry} (the first is 1), in whole milliseconds. */
    Duration forRetry(int retry, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries are counted from 1, got " + retry);
        }
        long doubled = initial.toMillis() << Math.min(retry - 1, MAX_DOUBLINGS);
        long capped = Math.min(doubled, max.toMillis());
        double share = jitter * random.nextDouble();
        return Duration.ofMillis(Math.round(capped * (1 - share)));
    }
}
