package dev.routescope.benchmarks.gate;

import java.util.Locale;
import java.util.Map;

/**
 * The regression gate's verdict: normalised scores of this run against the baseline, as a printable
 * table and a failure count. A benchmark fails when it is slower than the baseline by more than the
 * tolerance, or when it is in the baseline but did not run (a silently dropped benchmark would
 * otherwise pass forever). New benchmarks are listed, not judged.
 *
 * <pre>{@code
 * GateComparison c = GateComparison.compare(Map.of("a", 10.0), Map.of("a", 6.0), 0.30);
 * c.failures();   // 1: 40 % slower than the baseline, tolerance 30 %
 * System.out.print(c.table());
 * }</pre>
 *
 * @param table human-readable table (benchmark, baseline, now, change)
 * @param failures number of regressions and missing benchmarks
 */
public record GateComparison(String table, int failures) {
    /**
     * Compares.
     *
     * @param baseline normalised scores from the baseline file (higher is better)
     * @param now normalised scores of this run
     * @param tolerance allowed slowdown as a fraction (0.30 = 30 %)
     * @return the verdict
     */
    public static GateComparison compare(Map<String, Double> baseline, Map<String, Double> now, double tolerance) {
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance " + tolerance + " (expected: 0 <= t < 1)");
        }
        StringBuilder sb = new StringBuilder();
        int failures = 0;
        sb.append(
                String.format(Locale.ROOT, "%-78s %12s %12s %9s%n", "benchmark [params]", "baseline", "now", "change"));
        for (Map.Entry<String, Double> e : now.entrySet()) {
            Double before = baseline.get(e.getKey());
            if (before == null) {
                sb.append(String.format(Locale.ROOT, "%-78s %12s %12.5f %9s%n", e.getKey(), "-", e.getValue(), "new"));
                continue;
            }
            double change = (e.getValue() - before) / before;
            boolean slow = change < -tolerance;
            failures += slow ? 1 : 0;
            sb.append(String.format(
                    Locale.ROOT,
                    "%-78s %12.5f %12.5f %+8.1f%%%s%n",
                    e.getKey(),
                    before,
                    e.getValue(),
                    100 * change,
                    slow ? "  SLOWER" : ""));
        }
        for (Map.Entry<String, Double> e : baseline.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                sb.append(String.format(
                        Locale.ROOT, "%-78s %12.5f %12s %9s%n", e.getKey(), e.getValue(), "-", "MISSING"));
                failures++;
            }
        }
        sb.append(String.format(
                Locale.ROOT,
                "tolerance: %.0f%% slower than baseline; %d regression(s) or missing benchmark(s)%n",
                100 * tolerance,
                failures));
        return new GateComparison(sb.toString(), failures);
    }
}
