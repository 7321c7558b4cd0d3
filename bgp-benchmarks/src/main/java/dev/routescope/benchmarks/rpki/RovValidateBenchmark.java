package dev.routescope.benchmarks.rpki;

import dev.routescope.benchmarks.BenchmarkDefaults;
import dev.routescope.rpki.RovState;
import dev.routescope.rpki.Vrp;
import dev.routescope.rpki.VrpSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Route origin validations per second, single thread, on the full global VRP set (723,521 VRPs).
 * One benchmark op = one validation ({@link OperationsPerInvocation}); queries are pre-parsed
 * columns walked in order.
 *
 * <p>{@code queries}: {@code RRC12_UNIQUE_IPV4/IPV6} are the distinct (origin, prefix) pairs of
 * the rrc12 2021-01-01 MRT set (mkqueries.sh), {@code RRC12_TOTAL} every announcement in stream
 * order (5.35M, 57 % IPv6), {@code RANDOM_IPV4/IPV6} uniform random routes. {@code impl}: {@code
 * ROUTESCOPE} is {@link VrpSnapshot#validateIpv4}/{@code validateIpv6}; {@code HASH_PROBE} is the
 * straightforward Java reference: a {@code HashMap<Prefix, List<Vrp>>} probed at every VRP prefix
 * length up to the route's (what RFC 6811 "covered" means), measured in the same run.
 *
 * <pre>
 * java -jar bgp-benchmarks/target/benchmarks.jar RovValidate -rf json
 * </pre>
 */
@State(Scope.Benchmark)
public class RovValidateBenchmark extends BenchmarkDefaults {
    private static final int BATCH = 1024;

    /** Query set. */
    @Param({"RRC12_UNIQUE_IPV4", "RRC12_UNIQUE_IPV6", "RRC12_TOTAL", "RANDOM_IPV4", "RANDOM_IPV6"})
    public String queries;

    /** Implementation. */
    @Param({"ROUTESCOPE", "HASH_PROBE"})
    public String impl;

    private VrpSnapshot vrps = VrpSnapshot.empty();
    private RpkiBenchData.Queries q = new RpkiBenchData.Queries(1);
    private HashProbe probe = new HashProbe(List.of());
    private int mask;
    private int next;

    /** Loads VRPs and queries. */
    @Setup(Level.Trial)
    public void setUp() {
        vrps = RpkiBenchData.loadVrps();
        q = switch (queries) {
            case "RRC12_UNIQUE_IPV4" -> RpkiBenchData.fromFile("queries_unique_ipv4.csv");
            case "RRC12_UNIQUE_IPV6" -> RpkiBenchData.fromFile("queries_unique_ipv6.csv");
            case "RRC12_TOTAL" -> RpkiBenchData.fromFile("queries_total.csv");
            case "RANDOM_IPV4" -> RpkiBenchData.random(vrps, true, 1 << 20, 42);
            case "RANDOM_IPV6" -> RpkiBenchData.random(vrps, false, 1 << 20, 43);
            default -> throw new IllegalArgumentException(queries);
        };
        mask = q.size() - 1;
        if (impl.equals("HASH_PROBE")) {
            probe = new HashProbe(vrps.vrps());
        }
    }

    /**
     * Validates the next {@value #BATCH} queries.
     *
     * @return a checksum of the states, so nothing is optimised away
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int validate() {
        int sum = 0;
        int i = next;
        boolean ours = impl.equals("ROUTESCOPE");
        for (int k = 0; k < BATCH; k++, i = (i + 1) & mask) {
            RovState s;
            if (ours) {
                s = q.ipv4[i]
                        ? vrps.validateIpv4((int) (q.high[i] >>> 32), q.length[i], q.asn[i])
                        : vrps.validateIpv6(q.high[i], q.low[i], q.length[i], q.asn[i]);
            } else {
                s = probe.validate(q.ipv4[i], q.high[i], q.low[i], q.length[i], q.asn[i]);
            }
            sum += s.hashCode() & 3;
        }
        next = i;
        return sum;
    }

    /** The reference: probe a hash map at every length a covering VRP could have. */
    static final class HashProbe {
        private final Map<dev.routescope.model.Prefix, long[]> byPrefix = new HashMap<>();
        private final boolean[] v4Lengths = new boolean[33];
        private final boolean[] v6Lengths = new boolean[129];

        HashProbe(List<Vrp> vrps) {
            for (Vrp v : vrps) {
                long e = v.asn() << 8 | v.maxLength();
                byPrefix.merge(v.prefix(), new long[] {e}, (a, b) -> {
                    long[] c = java.util.Arrays.copyOf(a, a.length + 1);
                    c[a.length] = b[0];
                    return c;
                });
                (v.prefix().isIpv4() ? v4Lengths : v6Lengths)[v.prefix().length()] = true;
            }
        }

        RovState validate(boolean ipv4, long high, long low, int length, long origin) {
            boolean covered = false;
            boolean[] lengths = ipv4 ? v4Lengths : v6Lengths;
            dev.routescope.model.AddressFamily f =
                    ipv4 ? dev.routescope.model.AddressFamily.IPV4 : dev.routescope.model.AddressFamily.IPV6;
            for (int l = length; l >= 0; l--) {
                if (!lengths[l]) {
                    continue;
                }
                long[] at = byPrefix.get(dev.routescope.model.Prefix.ofMasked(f, high, low, l));
                if (at == null) {
                    continue;
                }
                covered = true;
                for (long e : at) {
                    if (origin > 0 && (e >>> 8) == origin && (e & 0xFF) >= length) {
                        return RovState.VALID;
                    }
                }
            }
            return covered ? RovState.INVALID : RovState.NOT_FOUND;
        }
    }
}
