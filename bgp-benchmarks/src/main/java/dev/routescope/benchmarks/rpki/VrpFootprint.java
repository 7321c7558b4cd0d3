package dev.routescope.benchmarks.rpki;

import dev.routescope.rpki.RpkiData;
import dev.routescope.rpki.RpkiReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The load test: wall time of loading the real VRP file (cold and after warm-up) and the heap the
 * resulting snapshot retains (heap used after full GCs, with and without it reachable).
 *
 * <pre>
 * java -cp bgp-benchmarks/target/benchmarks.jar dev.routescope.benchmarks.rpki.VrpFootprint [FILE] [RUNS]
 * </pre>
 */
public final class VrpFootprint {
    private VrpFootprint() {}

    /**
     * Runs the test.
     *
     * @param args optional file (default: the real rpki-client bz2) and run count (default 5)
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : RpkiBenchData.vrpFile();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long before = usedAfterGc();
        RpkiData kept = null;
        for (int r = 1; r <= runs; r++) {
            kept = null;
            long t0 = System.nanoTime();
            kept = RpkiReader.read(file);
            long t1 = System.nanoTime();
            System.out.printf(
                    "run %d: load %.3f s, %d VRPs%n",
                    r, (t1 - t0) / 1e9, kept.vrps().size());
        }
        long after = usedAfterGc();
        System.out.printf(
                "retained_heap_MB=%.1f (estimate from array sizes %.1f MB), VRPs=%d, bytes/VRP=%.1f%n",
                (after - before) / 1e6,
                kept == null ? 0 : kept.vrps().retainedBytes() / 1e6,
                kept == null ? 0 : kept.vrps().size(),
                kept == null ? 0 : (after - before) / (double) kept.vrps().size());
        System.out.println(kept == null ? "" : kept.vrps().toString());
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
