package dev.routescope.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.routescope.model.AsPath;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Randomised "fast equals naive" checks with fixed seeds (reproducible), plus the allocation
 * contract of the hot path.
 */
class ValleyFreeCheckerRandomizedTest {
    private static final int GRAPHS = 200;
    private static final int PATHS_PER_GRAPH = 500;

    @Test
    void check_randomGraphsAndPaths_matchesNaivePseudoCode() {
        SplittableRandom random = new SplittableRandom(20180101);
        int leaks = 0;
        int unknown = 0;
        for (int g = 0; g < GRAPHS; g++) {
            int n = 3 + random.nextInt(25);
            AsGraph.Builder builder = AsGraph.builder();
            NaiveValleyFree naive = new NaiveValleyFree();
            for (int e = 0; e < n * 2; e++) {
                long a = 1L + random.nextInt(n);
                long b = 1L + random.nextInt(n);
                if (a == b) {
                    continue;
                }
                // A repeated pair keeps its first label in both implementations.
                if (random.nextInt(3) == 0) {
                    builder.peers(a, b);
                    naive.peers(a, b);
                } else {
                    builder.providerCustomer(a, b);
                    naive.providerCustomer(a, b);
                }
            }
            for (long asn = 1; asn <= n; asn++) {
                if (random.nextInt(6) == 0) {
                    String org = "ORG" + random.nextInt(3);
                    builder.organization(asn, org);
                    naive.organization(asn, org);
                }
            }
            long routeServer = n + 1L;
            naive.routeServer(routeServer);
            builder.clique(1);
            ValleyFreeChecker checker = ValleyFreeChecker.builder(builder.build())
                    .routeServers(routeServer)
                    .build();
            for (int p = 0; p < PATHS_PER_GRAPH; p++) {
                long[] path = randomPath(random, n + 1);
                NaiveValleyFree.NaiveResult expected = naive.check(path);
                LeakVerdict actual = checker.verdict(path);
                String context = "path " + Arrays.toString(path) + " graph " + g;
                assertThat(actual.isLeak()).as(context).isEqualTo(expected.leak());
                assertThat(actual.unknownLinkCount()).as(context).isEqualTo(expected.unknownLinks());
                List<NaiveValleyFree.NaiveLeak> fast = actual.leaks().stream()
                        .map(l -> new NaiveValleyFree.NaiveLeak(l.leakerAsn(), l.rfc7908Type()))
                        .toList();
                assertThat(fast).as(context).isEqualTo(expected.leaks());
                // The same path through the AsPath entry point must agree with the array one.
                assertThat(checker.verdict(AsPath.ofSequence(path))).as(context).isEqualTo(actual);
                leaks += expected.leak() ? 1 : 0;
                unknown += expected.unknownLinks() > 0 ? 1 : 0;
            }
        }
        // The generator must exercise both outcomes, or the comparison proves little.
        assertThat(leaks).isGreaterThan(GRAPHS * PATHS_PER_GRAPH / 10);
        assertThat(unknown).isGreaterThan(GRAPHS * PATHS_PER_GRAPH / 10);
    }

    private static long[] randomPath(SplittableRandom random, int maxAsn) {
        int length = 1 + random.nextInt(9);
        long[] path = new long[length];
        for (int i = 0; i < length; i++) {
            // Prepending (repeat of the previous ASN) about one time in five.
            path[i] = i > 0 && random.nextInt(5) == 0 ? path[i - 1] : 1L + random.nextInt(maxAsn);
        }
        return path;
    }

    @Test
    void check_valleyFreeAndLeakingPaths_allocateNothing() {
        AsGraph graph = ValleyFreeCheckerTest.graph();
        ValleyFreeChecker checker =
                ValleyFreeChecker.builder(graph).routeServers(6695).build();
        // Four valley-free paths (one with a route server and prepending) and one hairpin leak
        // (20 1 10 2): reporting a leak through the accessors must not allocate either.
        long[][] paths = {
            {100, 10, 2}, {20, 200, 100, 10, 2}, {20, 6695, 10, 2, 2}, {100, 10, 41, 40, 42}, {20, 1, 10, 2}
        };
        AsPath[] modelPaths = Arrays.stream(paths).map(AsPath::ofSequence).toArray(AsPath[]::new);
        int sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += checker.check(paths[i % paths.length]) == PathStatus.VALLEY_FREE ? 0 : 1;
            sink += checker.check(modelPaths[i % paths.length]) == PathStatus.VALLEY_FREE ? 0 : 1;
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 1_000_000; i++) {
            sink += checker.check(paths[i % paths.length]) == PathStatus.VALLEY_FREE ? 0 : 1;
            sink += checker.check(modelPaths[i % paths.length]) == PathStatus.VALLEY_FREE ? 0 : 1;
            // The leaker (AS1) read through the flyweight; adds 0 when right.
            sink += checker.leakCount() == 0
                    ? 0
                    : (int) (checker.leakerAsn(0) - 1 + checker.leakType(0).rfc7908Type() - 1);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(sink).isEqualTo(2 * 1_200_000 / paths.length); // one leaking path in five
        // getThreadAllocatedBytes itself may allocate a little; 2M checks must not.
        assertThat(allocated).isLessThan(1024);
    }
}
