package dev.routescope.benchmarks.relationships;

import dev.routescope.model.AsPath;
import dev.routescope.relationships.AsGraph;
import dev.routescope.relationships.CaidaAsRel;
import dev.routescope.relationships.PathStatus;
import dev.routescope.relationships.ValleyFreeChecker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whole-run companion to {@link ValleyFreeCheckBenchmark} for a shared machine: passes over 2^20
 * rrc12 paths, alternating ours and the naive reference pass by pass (so both see the same
 * background load), timed in wall-clock and in this thread's CPU time. Checks per CPU-second
 * approximate the per-core rate when other processes steal the core; the ratio is the robust figure.
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp bgp-benchmarks/target/benchmarks.jar \
 *     dev.routescope.benchmarks.relationships.ValleyFreeThroughput [passes]
 * </pre>
 */
public final class ValleyFreeThroughput {
    private ValleyFreeThroughput() {}

    public static void main(String[] args) throws IOException {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        AsGraph.Builder b = AsGraph.builder();
        CaidaAsRel.load(RelationshipData.caida2018(), b);
        ValleyFreeChecker checker = ValleyFreeChecker.builder(b.build()).build();
        NaiveRelationships naive = NaiveRelationships.load(RelationshipData.caida2018());
        List<String> text = RelationshipData.rrc12Paths(1 << 20);
        AsPath[] model = text.stream().map(AsPath::parse).toArray(AsPath[]::new);
        long[][] longs = Arrays.stream(model).map(AsPath::toAsnArray).toArray(long[][]::new);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"routescope long[]", "routescope AsPath", "naive reference"};
        double[][] cpuRate = new double[3][passes];
        double[][] wallRate = new double[3][passes];
        long sink = 0;
        for (int p = 0; p < passes; p++) {
            for (int impl = 0; impl < 3; impl++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                for (int i = 0; i < model.length; i++) {
                    sink += switch (impl) {
                        case 0 -> checker.check(longs[i], 0, longs[i].length) == PathStatus.LEAK ? 1 : 0;
                        case 1 -> checker.check(model[i]) == PathStatus.LEAK ? 1 : 0;
                        default -> naive.check(longs[i]) > 0 ? 1 : 0;
                    };
                }
                long c1 = threads.getCurrentThreadCpuTime();
                long w1 = System.nanoTime();
                cpuRate[impl][p] = model.length / ((c1 - c0) / 1e9);
                wallRate[impl][p] = model.length / ((w1 - w0) / 1e9);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d paths x %d passes (first third discarded as warm-up); leaks seen %d%n",
                model.length,
                passes,
                sink);
        double naiveCpu = median(cpuRate[2], passes);
        for (int impl = 0; impl < 3; impl++) {
            double cpu = median(cpuRate[impl], passes);
            System.out.printf(
                    Locale.ROOT,
                    "%-18s median %,12.0f checks/CPU-s  %,12.0f checks/wall-s  (%.2fx naive per CPU-s)%n",
                    names[impl],
                    cpu,
                    median(wallRate[impl], passes),
                    cpu / naiveCpu);
        }
    }

    private static double median(double[] values, int passes) {
        double[] measured = Arrays.copyOfRange(values, passes / 3, passes);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
