package dev.routescope.benchmarks.archive;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Whole-run companion to {@link ArchiveStreamMergeBenchmark} and {@link ElementFilterBenchmark}
 * for a shared machine: runs each variant and its reference alternately, {@code rounds} times after
 * two warm-up rounds, and reports the median <em>thread CPU time</em> (robust to other processes
 * taking the cores; it excludes GC threads, so it flatters allocation-heavy variants) and the
 * median wall time, with the ratio to the reference.
 *
 * <pre>{@code
 * java -cp bgp-benchmarks/target/benchmarks.jar dev.routescope.benchmarks.archive.ArchiveCpuComparison 9
 * }</pre>
 */
public final class ArchiveCpuComparison {
    private ArchiveCpuComparison() {}

    private interface Op {
        long run() throws Exception;
    }

    /**
     * Runs the comparison.
     *
     * @param args optional number of measured rounds (default 7)
     * @throws Exception if an input cannot be read
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        ArchiveStreamMergeBenchmark merged = new ArchiveStreamMergeBenchmark();
        merged.reading = ArchiveStreamMergeBenchmark.Reading.MERGED;
        merged.setUp();
        ArchiveStreamMergeBenchmark sequential = new ArchiveStreamMergeBenchmark();
        sequential.reading = ArchiveStreamMergeBenchmark.Reading.SEQUENTIAL;
        sequential.setUp();
        compare(
                "merge 4 files (rrc04+rrc12 05:00-05:10)",
                rounds,
                () -> merged.readAll(bh),
                () -> sequential.readAll(bh));
        for (ElementFilterBenchmark.Condition c : ElementFilterBenchmark.Condition.values()) {
            ElementFilterBenchmark pushed = filter(c, ElementFilterBenchmark.Where.PUSHED_DOWN);
            ElementFilterBenchmark events = filter(c, ElementFilterBenchmark.Where.EVENTS_THEN_FILTER);
            compare("filter " + c + " (rrc12 05:00)", rounds, pushed::count, events::count);
        }
        bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    private static ElementFilterBenchmark filter(ElementFilterBenchmark.Condition c, ElementFilterBenchmark.Where w) {
        ElementFilterBenchmark b = new ElementFilterBenchmark();
        b.condition = c;
        b.where = w;
        b.setUp();
        return b;
    }

    private static void compare(String name, int rounds, Op subject, Op reference) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] cpuS = new long[rounds];
        long[] cpuR = new long[rounds];
        long[] wallS = new long[rounds];
        long[] wallR = new long[rounds];
        long resultS = 0;
        long resultR = 0;
        for (int i = -2; i < rounds; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            resultS = subject.run();
            long c1 = mx.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            resultR = reference.run();
            long c2 = mx.getCurrentThreadCpuTime();
            long w2 = System.nanoTime();
            if (i >= 0) {
                cpuS[i] = c1 - c0;
                wallS[i] = w1 - w0;
                cpuR[i] = c2 - c1;
                wallR[i] = w2 - w1;
            }
        }
        double ms = 1e6;
        System.out.printf(
                Locale.ROOT,
                "%-42s subject cpu %8.1f ms wall %8.1f ms | reference cpu %8.1f ms wall %8.1f ms | cpu ratio %.2f wall"
                        + " ratio %.2f | results %d/%d | load %s%n",
                name,
                median(cpuS) / ms,
                median(wallS) / ms,
                median(cpuR) / ms,
                median(wallR) / ms,
                (double) median(cpuS) / median(cpuR),
                (double) median(wallS) / median(wallR),
                resultS,
                resultR,
                loadAverage());
    }

    private static long median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    private static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
