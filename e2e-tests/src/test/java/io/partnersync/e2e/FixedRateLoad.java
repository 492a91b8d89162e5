package io.partnersync.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one request every 1/rate seconds for a while, whatever the answers take (an open
 * model), and measures each latency from the moment the request was due, so a slow server
 * is not hidden by requests that queued behind it (coordinated omission).
 */
final class FixedRateLoad {

    record Outcome(int requests, int errors, double p50Millis, double p99Millis, double maxMillis) {
    }

    private FixedRateLoad() {
    }

    static Outcome run(HttpRequest request, int perSecond, Duration duration) throws Exception {
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
                .connectTimeout(Duration.ofSeconds(5)).build();
        long interval = 1_000_000_000L / perSecond;
        int total = (int) (duration.toSeconds() * perSecond);
        List<CompletableFuture<Long>> latencies = new ArrayList<>(total);
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            latencies.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        if (failure != null || response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        return System.nanoTime() - due;
                    }));
        }
        List<Long> sorted = new ArrayList<>();
        for (CompletableFuture<Long> latency : latencies) {
            sorted.add(latency.get());
        }
        return outcome(sorted, errors.get());
    }

    /** The same figures for latencies measured elsewhere (the direct query). */
    static Outcome outcome(List<Long> nanos, int errors) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(Long::compare);
        return new Outcome(sorted.size(), errors, millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)),
                millis(sorted.get(sorted.size() - 1)));
    }

    static HttpRequest get(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static long percentile(List<Long> sorted, double share) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1));
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
