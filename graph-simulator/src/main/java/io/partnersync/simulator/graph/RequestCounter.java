package io.partnersync.simulator.graph;

import io.partnersync.simulator.data.Token;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Counts Graph calls per endpoint pattern and per token fingerprint. */
public final class RequestCounter {

    private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byToken = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    void count(String endpoint, String token) {
        total.increment();
        byEndpoint.computeIfAbsent(endpoint, key -> new LongAdder()).increment();
        byToken.computeIfAbsent(Token.fingerprint(token), key -> new LongAdder()).increment();
    }

    public RequestCounts snapshot() {
        return new RequestCounts(total.sum(), sums(byEndpoint), sums(byToken));
    }

    public void reset() {
        byEndpoint.clear();
        byToken.clear();
        total.reset();
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        return counters.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().sum()));
    }
}
