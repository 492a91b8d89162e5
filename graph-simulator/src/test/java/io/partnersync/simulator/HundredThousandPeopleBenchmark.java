package io.partnersync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnersync.simulator.GraphClient.Answer;
import io.partnersync.simulator.data.DataSet;
import io.partnersync.simulator.data.DataSetGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Serves a generated business of 100,000 people page by page, in a JVM held to a 512 MB heap (the
 * {@code heap-benchmark} surefire execution), and prints the heap and per-request figures the
 * README reports. It asserts the walk and the heap bound, never a time: times only get printed.
 * Run alone: {@code ./mvnw -B -pl graph-simulator surefire:test@heap-benchmark}.
 */
class HundredThousandPeopleBenchmark {

    private static final long HEAP_LIMIT = 512L * 1024 * 1024;
    private static final int PEOPLE = 100_000;
    private static final String BUSINESS = DataSetGenerator.partnerBusinessId(1);
    private static final String TOKEN = DataSetGenerator.partnerToken(1);

    @Test
    void servesHundredThousandPeoplePageByPageWithin512MbOfHeap() {
        assertTrue(Runtime.getRuntime().maxMemory() <= HEAP_LIMIT,
                "run with -Xmx512m, as the heap-benchmark execution does; max heap is "
                        + mb(Runtime.getRuntime().maxMemory()) + " MB");
        resetPeakHeap();

        long started = System.nanoTime();
        DataSet data = DataSetGenerator.generate(1, 1, PEOPLE, 5, 2);
        long generatedMs = millisSince(started);
        started = System.nanoTime();
        try (GraphSimulator simulator = GraphSimulator.start(data)) {
            long loadedMs = millisSince(started);
            long heapLoaded = liveHeap();
            GraphClient graph = new GraphClient(simulator.baseUrl());

            Walk cold = walk(graph, 100);
            Walk warm = walk(graph, 100);
            Walk large = walk(graph, 500);
            long[] small = new long[2_000];
            for (int i = 0; i < small.length; i++) {
                long start = System.nanoTime();
                graph.get("/me", "access_token", TOKEN);
                small[i] = System.nanoTime() - start;
            }
            long heapAfter = liveHeap();
            long peak = peakHeap();

            assertEquals(PEOPLE, warm.people);
            assertTrue(peak <= HEAP_LIMIT);
            System.out.printf("%n=== graph-simulator: %,d-person business, max heap %d MB ===%n", data.peopleCount(),
                    mb(Runtime.getRuntime().maxMemory()));
            System.out.printf("generate %d ms, load and start %d ms%n", generatedMs, loadedMs);
            System.out.printf("live heap after load %d MB, after the walks %d MB, peak heap %d MB%n",
                    mb(heapLoaded), mb(heapAfter), mb(peak));
            cold.print("business_users limit=100, cold JVM");
            warm.print("business_users limit=100, warm");
            large.print("business_users limit=500, warm");
            Walk.printLatencies("GET /me, warm", small);
        }
    }

    private record Walk(int people, int pages, long totalMs, long[] pageNanos) {

        void print(String what) {
            System.out.printf("%s: %,d people in %d pages, %d ms%n", what, people, pages, totalMs);
            printLatencies("  per page", pageNanos);
        }

        static void printLatencies(String what, long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            System.out.printf("%s: mean %.2f ms, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms (%d requests)%n", what,
                    Arrays.stream(sorted).average().orElse(0) / 1e6, sorted[sorted.length / 2] / 1e6,
                    sorted[(int) (sorted.length * 0.9)] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                    sorted.length);
        }
    }

    private static Walk walk(GraphClient graph, int limit) {
        Set<String> seen = new HashSet<>();
        long[] pageNanos = new long[PEOPLE / limit + 1];
        int pages = 0;
        long started = System.nanoTime();
        long start = System.nanoTime();
        Answer page = graph.get("/" + BUSINESS + "/business_users", "access_token", TOKEN,
                "fields", "id,name,email,role,two_fac_status", "limit", String.valueOf(limit));
        while (true) {
            pageNanos[pages++] = System.nanoTime() - start;
            JsonNode json = page.json();
            json.path("data").forEach(user -> assertTrue(seen.add(user.path("id").asText()), "seen twice"));
            JsonNode next = json.path("paging").path("next");
            if (next.isMissingNode()) {
                return new Walk(seen.size(), pages, millisSince(started), Arrays.copyOf(pageNanos, pages));
            }
            start = System.nanoTime();
            page = graph.getUrl(next.asText());
        }
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeakHeap() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of each heap pool's peak: an upper bound of the heap ever in use, garbage included. */
    private static long peakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
