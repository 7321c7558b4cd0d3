package dev.routescope.rpki.internal;

import dev.routescope.rpki.RovState;
import dev.routescope.rpki.RpkiData;
import dev.routescope.rpki.RpkiReader;
import dev.routescope.rpki.VrpSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code EXTRA_ROV} command of {@code shared/bench/rov_bench.sh}: same CLI and key=value output
 * as its {@code rtrlib_rov.c}, so Routescope and RTRlib are timed in the same run on the same
 * queries.
 *
 * <pre>
 * java -cp ... dev.routescope.rpki.internal.RovBenchMain VRPS.csv QUERIES.csv INNER_REPS
 * </pre>
 *
 * Queries ({@code asn,prefix} lines) are pre-parsed into primitive arrays as the C harness does;
 * after a JIT warm-up of about 3M validations (reported as {@code warmup_passes}), each pass calls {@link VrpSnapshot#validateIpv4}/{@link VrpSnapshot#validateIpv6} once per query
 * on one thread. Not API.
 */
public final class RovBenchMain {
    private RovBenchMain() {}

    /**
     * Runs the benchmark.
     *
     * @param args VRPS.csv QUERIES.csv [INNER_REPS]
     * @throws IOException on read failure
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RovBenchMain VRPS.csv QUERIES.csv [REPS]");
            System.exit(2);
        }
        int reps = args.length > 2 ? Math.max(1, Integer.parseInt(args[2])) : 5;
        Runtime rt = Runtime.getRuntime();
        long heap0 = usedHeapAfterGc(rt);
        long t0 = System.nanoTime();
        RpkiData data = RpkiReader.read(Path.of(args[0]));
        VrpSnapshot vrps = data.vrps();
        long t1 = System.nanoTime();
        long heap1 = usedHeapAfterGc(rt);
        // the compile step alone: what an RTR delta pays (rows are already sorted)
        long t2s = System.nanoTime();
        VrpSnapshot rebuilt = vrps.withChanges(List.of(), List.of());
        long t2 = System.nanoTime();
        StringBuilder out = new StringBuilder();
        kv(out, "vrps_file", args[0]);
        kv(out, "vrps_parsed", data.vrpRecords() + data.skipped());
        kv(out, "vrps_bad_lines", data.skipped());
        kv(out, "vrps_added", vrps.size());
        kv(out, "vrps_duplicate", data.vrpRecords() - vrps.size());
        kv(out, "vrps_add_error", 0);
        kv(out, "load_parse_s", fmt3((t1 - t0) / 1e9));
        kv(out, "load_add_s", fmt3((t2 - t2s) / 1e9));
        kv(out, "load_total_s", fmt3((t1 - t0) / 1e9));
        kv(out, "table_rss_delta_MB", fmt1((heap1 - heap0) / 1048576.0));
        kv(out, "table_malloc_inuse_MB", fmt1((heap1 - heap0) / 1e6));
        kv(out, "table_arrays_MB", fmt1(vrps.retainedBytes() / 1e6));

        long q0 = System.nanoTime();
        Queries q = Queries.read(Path.of(args[1]));
        long q1 = System.nanoTime();
        kv(out, "queries_file", args[1]);
        kv(out, "queries", q.n);
        kv(out, "queries_bad_lines", q.bad);
        kv(out, "queries_parse_s", fmt3((q1 - q0) / 1e9));

        // A monitor validates for hours; warm the JIT (about 3M calls) before timing, as JMH would.
        // The C harness has nothing to warm. Reported so the runs stay comparable.
        int warmup = (int) Math.min(1000, Math.max(1, 3_000_000L / Math.max(1, q.n)));
        long wv0 = System.nanoTime();
        for (int w = 0; w < warmup; w++) {
            validateAll(rebuilt, q, new long[3]);
        }
        kv(out, "warmup_passes", warmup);
        kv(out, "warmup_s", fmt3((System.nanoTime() - wv0) / 1e9));
        double[] secs = new double[reps];
        long[] counts = new long[3];
        for (int r = 0; r < reps; r++) {
            long[] c = new long[3];
            long v0 = System.nanoTime();
            validateAll(rebuilt, q, c);
            secs[r] = (System.nanoTime() - v0) / 1e9;
            out.append("rep")
                    .append(r + 1)
                    .append("_s=")
                    .append(fmt3(secs[r]))
                    .append(" rep")
                    .append(r + 1)
                    .append("_per_s=")
                    .append(Math.round(q.n / secs[r]))
                    .append('\n');
            counts = c;
        }
        double best = Arrays.stream(secs).min().orElse(0);
        Arrays.sort(secs);
        double med = reps % 2 == 1 ? secs[reps / 2] : (secs[reps / 2 - 1] + secs[reps / 2]) / 2;
        kv(out, "validate_median_s", fmt3(med));
        kv(out, "validations_per_s_median", Math.round(q.n / med));
        kv(out, "ns_per_validation_median", fmt1(med * 1e9 / q.n));
        kv(out, "validations_per_s_best", Math.round(q.n / best));
        kv(out, "valid", counts[0]);
        kv(out, "invalid", counts[1]);
        kv(out, "notfound", counts[2]);
        kv(out, "valid_pct", pct(counts[0], q.n));
        kv(out, "invalid_pct", pct(counts[1], q.n));
        kv(out, "notfound_pct", pct(counts[2], q.n));
        kv(out, "process_rss_MB", fmt1(rssKb() / 1024.0));
        kv(out, "jvm", System.getProperty("java.vm.name") + " " + Runtime.version());
        System.out.print(out);
    }

    private static void validateAll(VrpSnapshot s, Queries q, long[] c) {
        for (int i = 0; i < q.n; i++) {
            RovState st = q.ipv4[i]
                    ? s.validateIpv4((int) (q.high[i] >>> 32), q.length[i], q.asn[i])
                    : s.validateIpv6(q.high[i], q.low[i], q.length[i], q.asn[i]);
            switch (st) {
                case VALID -> c[0]++;
                case INVALID -> c[1]++;
                case NOT_FOUND -> c[2]++;
            }
        }
    }

    /** Pre-parsed query columns. */
    private static final class Queries {
        boolean[] ipv4 = new boolean[1 << 16];
        long[] high = new long[1 << 16];
        long[] low = new long[1 << 16];
        int[] length = new int[1 << 16];
        long[] asn = new long[1 << 16];
        int n;
        long bad;

        static Queries read(Path file) throws IOException {
            Queries q = new Queries();
            PrefixText pt = new PrefixText();
            char[] buf = new char[128];
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                String line;
                while ((line = r.readLine()) != null) {
                    int comma = line.indexOf(',');
                    if (comma <= 0 || line.charAt(0) < '0' || line.charAt(0) > '9' || line.length() > buf.length) {
                        q.bad++;
                        continue;
                    }
                    line.getChars(0, line.length(), buf, 0);
                    long asn = 0;
                    for (int i = 0; i < comma; i++) {
                        asn = asn * 10 + (buf[i] - '0');
                    }
                    if (pt.parse(buf, comma + 1, line.length()) != null) {
                        q.bad++;
                        continue;
                    }
                    q.add(pt.ipv4, pt.high, pt.low, pt.length, asn);
                }
            }
            return q;
        }

        void add(boolean v4, long h, long l, int len, long a) {
            if (n == high.length) {
                int c = n * 2;
                ipv4 = Arrays.copyOf(ipv4, c);
                high = Arrays.copyOf(high, c);
                low = Arrays.copyOf(low, c);
                length = Arrays.copyOf(length, c);
                asn = Arrays.copyOf(asn, c);
            }
            ipv4[n] = v4;
            high[n] = h;
            low[n] = l;
            length[n] = len;
            asn[n] = a;
            n++;
        }
    }

    private static long usedHeapAfterGc(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long rssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static void kv(StringBuilder out, String k, Object v) {
        out.append(k).append('=').append(v).append('\n');
    }

    private static String fmt3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fmt1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(long a, long n) {
        return String.format(Locale.ROOT, "%.2f", n == 0 ? 0.0 : 100.0 * a / n);
    }
}
