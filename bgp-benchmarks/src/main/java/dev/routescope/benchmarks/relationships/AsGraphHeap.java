package dev.routescope.benchmarks.relationships;

import dev.routescope.relationships.AsGraph;
import dev.routescope.relationships.CaidaAsRel;
import java.io.IOException;
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
        AsGraph graph = load();
        long ours = usedAfterGc() - base;
        NaiveRelationships naive = NaiveRelationships.load(RelationshipData.caida2018());
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
