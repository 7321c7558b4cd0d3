package dev.routescope.benchmarks.relationships;

import dev.routescope.relationships.AsGraph;
import dev.routescope.relationships.CaidaAsRel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Retained heap of the CAIDA 2018 graph, ours vs the nested-HashMap reference: used heap after full
 * GCs, before and after loading, in one JVM. Serial GC compacts fully, so its used-heap figure is exact; G1's counts partly filled
 * regions.
 *
 * <pre>
 * java -XX:+UseSerialGC -Xms1g -Xmx1g -cp bgp-benchmarks/target/benchmarks.jar dev.routescope.benchmarks.relationships.AsGraphHeap
 * </pre>
 */
public final class AsGraphHeap {
    private AsGraphHeap() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        long base = usedAfterGc();
        // The first load in this JVM is the cold start an application pays; timed in wall-clock and
        // in this thread's CPU time (robust to other processes on a shared machine, but it excludes
        // the JIT compiler threads' work).
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        AsGraph graph = load();
        long c1 = threads.getCurrentThreadCpuTime();
        long w1 = System.nanoTime();
        long ours = usedAfterGc() - base;
        long c2 = threads.getCurrentThreadCpuTime();
        long w2 = System.nanoTime();
        NaiveRelationships naive = NaiveRelationships.load(RelationshipData.caida2018());
        long c3 = threads.getCurrentThreadCpuTime();
        long w3 = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "cold first load: routescope %.0f ms wall / %.0f ms CPU; naive (second, classes warm) %.0f ms wall / %.0f ms CPU%n",
                (w1 - w0) / 1e6,
                (c1 - c0) / 1e6,
                (w3 - w2) / 1e6,
                (c3 - c2) / 1e6);
        long naiveBytes = usedAfterGc() - base - ours;
        System.out.printf(
                Locale.ROOT,
                "routescope AsGraph: %.1f MB retained (footprintBytes() estimate %.1f MB), %s%n",
                ours / 1e6,
                graph.footprintBytes() / 1e6,
                graph);
        System.out.printf(
                Locale.ROOT,
                "naive HashMap<Long, HashMap<Long, Integer>>: %.1f MB retained (%d ASes); ratio %.1fx%n",
                naiveBytes / 1e6,
                naive.rel.size(),
                (double) naiveBytes / ours);
        // Keep both reachable until measured.
        if (graph.asCount() + naive.rel.size() == 0) {
            System.out.println();
        }
        double[] oursWarm = new double[2];
        double[] naiveWarm = new double[2];
        for (int i = 0; i < 10; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            load();
            long t1 = threads.getCurrentThreadCpuTime();
            NaiveRelationships.load(RelationshipData.caida2018());
            long t2 = threads.getCurrentThreadCpuTime();
            if (i >= 5) {
                oursWarm[0] += (t1 - t0) / 5e6;
                naiveWarm[0] += (t2 - t1) / 5e6;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "warm load (mean of loads 6-10): routescope %.0f ms CPU, naive %.0f ms CPU (%.1fx)%n",
                oursWarm[0],
                naiveWarm[0],
                naiveWarm[0] / oursWarm[0]);
    }

    // A separate frame, so that the builder (and its pair index) is unreachable when measuring.
    private static AsGraph load() throws IOException {
        AsGraph.Builder b = AsGraph.builder();
        CaidaAsRel.load(RelationshipData.caida2018(), b);
        return b.build();
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
