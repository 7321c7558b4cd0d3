package dev.routescope.benchmarks;

import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A fixed workload that stands for "how fast is this machine right now": the regression gate divides
 * every score by this one, measured in the same JVM, so a slower or busier machine does not look
 * like a regression. The mix (dependent loads over a 64 KB table plus integer arithmetic and
 * branches) is close to what parsers and tries do on hot data: latency and ALU bound, not
 * vectorisable. The table is cache-resident on purpose: a DRAM-bound calibration swings with other
 * processes' cache pressure far more than the (mostly cache-resident) subjects do, and would then
 * mis-normalise them.
 */
@State(Scope.Thread)
public class CalibrationBenchmark extends BenchmarkDefaults {
    private int[] next = new int[0];
    private int cursor;

    /** Builds a random cyclic permutation (Sattolo) so every load depends on the previous one. */
    @Setup
    public void setUp() {
        int n = 1 << 14;
        next = new int[n];
        for (int i = 0; i < n; i++) {
            next[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i);
            int t = next[i];
            next[i] = next[j];
            next[j] = t;
        }
    }

    /** {@return a value depending on 256 chained loads and hashes} */
    @Benchmark
    public int chase() {
        int c = cursor;
        int h = 0;
        for (int k = 0; k < 256; k++) {
            c = next[c];
            h = h * 31 + ((c & 1) == 0 ? c >>> 3 : c ^ 0x5bd1e995);
        }
        cursor = c;
        return h;
    }
}
