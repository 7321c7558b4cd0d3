package dev.routescope.benchmarks.rpki;

import dev.routescope.rpki.RpkiReader;
import dev.routescope.rpki.Vrp;
import dev.routescope.rpki.VrpSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Inputs shared by the RPKI benchmarks: the real global VRP set and query columns (realistic from
 * the rrc12 query set that {@code shared/bench/mkqueries.sh} writes to its {@code BENCH_TMP}, or random).
 *
 * <p>Paths: system properties {@code routescope.vrps} (default {@code
 * ../shared/data/rpki/rpkiclient_summary_20250720T093135Z.json.bz2} from the repository root) and
 * {@code routescope.queries.dir} (default {@code $BENCH_TMP/rov}, where {@code BENCH_TMP} defaults to
 * {@code routescope-bench} in {@code java.io.tmpdir}, as in the shared harness).
 */
final class RpkiBenchData {
    private RpkiBenchData() {}

    static Path vrpFile() {
        return Path.of(System.getProperty(
                "routescope.vrps", "../shared/data/rpki/rpkiclient_summary_20250720T093135Z.json.bz2"));
    }

    static Path queryFile(String name) {
        String benchTmp = System.getenv("BENCH_TMP");
        Path defaultDir = (benchTmp != null
                        ? Path.of(benchTmp)
                        : Path.of(System.getProperty("java.io.tmpdir"), "routescope-bench"))
                .resolve("rov");
        String dir = System.getProperty("routescope.queries.dir");
        Path p = (dir != null ? Path.of(dir) : defaultDir).resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing: run ../shared/bench/mkqueries.sh first");
        }
        return p;
    }

    static VrpSnapshot loadVrps() {
        try {
            return RpkiReader.read(vrpFile()).vrps();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Query columns; {@code size} is a power of two (the input repeats to fill it). */
    static final class Queries {
        final boolean[] ipv4;
        final long[] high;
        final long[] low;
        final int[] length;
        final long[] asn;

        Queries(int size) {
            ipv4 = new boolean[size];
            high = new long[size];
            low = new long[size];
            length = new int[size];
            asn = new long[size];
        }

        int size() {
            return asn.length;
        }
    }

    static Queries fromFile(String name) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(queryFile(name), StandardCharsets.US_ASCII)) {
            String l;
            while ((l = r.readLine()) != null) {
                lines.add(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int size = Integer.highestOneBit(Math.max(1, lines.size() - 1)) << 1;
        Queries q = new Queries(size);
        for (int i = 0; i < size; i++) {
            String l = lines.get(i % lines.size());
            int comma = l.indexOf(',');
            var p = dev.routescope.model.Prefix.parse(l.substring(comma + 1));
            q.ipv4[i] = p.isIpv4();
            q.high[i] = p.high();
            q.low[i] = p.low();
            q.length[i] = p.length();
            q.asn[i] = Long.parseLong(l.substring(0, comma));
        }
        return q;
    }

    /**
     * Random queries: uniform over the family's routed space (IPv4 /8../24 everywhere, IPv6 /19../48 in
     * 2000::/3), origin drawn from the VRP ASNs half of the time so that VALID outcomes occur.
     */
    static Queries random(VrpSnapshot vrps, boolean ipv4, int size, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Vrp> all = vrps.vrps();
        Queries q = new Queries(size);
        for (int i = 0; i < size; i++) {
            q.ipv4[i] = ipv4;
            int len;
            if (ipv4) {
                len = 8 + rnd.nextInt(17);
                q.high[i] = ((rnd.nextLong() & 0xFFFF_FFFFL) << 32) & (-1L << (64 - len));
            } else {
                len = 19 + rnd.nextInt(30);
                q.high[i] = (0x2000_0000_0000_0000L | (rnd.nextLong() >>> 3)) & (-1L << (64 - len));
            }
            q.length[i] = len;
            q.asn[i] = rnd.nextBoolean() ? all.get(rnd.nextInt(all.size())).asn() : rnd.nextLong(1, 400_000);
        }
        return q;
    }
}
