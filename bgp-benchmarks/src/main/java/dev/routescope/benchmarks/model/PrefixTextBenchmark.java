package dev.routescope.benchmarks.model;

import dev.routescope.benchmarks.BenchmarkDefaults;
import dev.routescope.model.AddressFamily;
import dev.routescope.model.AsPath;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Prefix;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Text parsing and formatting of prefixes and AS paths, the cost RIS Live decoding and VRP loading
 * pay per entry. Inputs are generated once per trial with a fixed seed (realistic length mix:
 * IPv4 /8../24, IPv6 /19../48).
 */
@State(Scope.Thread)
public class PrefixTextBenchmark extends BenchmarkDefaults {

    /** Address family of the generated prefixes. */
    @Param({"IPV4", "IPV6"})
    public AddressFamily family;

    private String[] prefixTexts = new String[0];
    private Prefix[] prefixes = new Prefix[0];
    private String[] pathTexts = new String[0];
    private int i;

    /** Builds the inputs. */
    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        prefixTexts = new String[INPUTS];
        prefixes = new Prefix[INPUTS];
        pathTexts = new String[INPUTS];
        for (int k = 0; k < INPUTS; k++) {
            Prefix p = family == AddressFamily.IPV4
                    ? Prefix.ofMasked(IpAddress.ofIpv4(rnd.nextInt()), 8 + rnd.nextInt(17))
                    : Prefix.ofMasked(
                            AddressFamily.IPV6,
                            0x2000_0000_0000_0000L | (rnd.nextLong() >>> 3),
                            0,
                            19 + rnd.nextInt(30));
            prefixes[k] = p;
            prefixTexts[k] = p.toString();
            StringBuilder path = new StringBuilder();
            int hops = 2 + rnd.nextInt(6);
            for (int h = 0; h < hops; h++) {
                path.append(h == 0 ? "" : " ").append(rnd.nextInt(400_000));
            }
            pathTexts[k] = path.toString();
        }
    }

    /** {@return a parsed prefix} */
    @Benchmark
    public Prefix parsePrefix() {
        return Prefix.parse(prefixTexts[i++ & MASK]);
    }

    /** {@return a formatted prefix} */
    @Benchmark
    public String formatPrefix() {
        return prefixes[i++ & MASK].toString();
    }

    /** {@return whether one prefix covers the next} */
    @Benchmark
    public boolean covers() {
        int k = i++;
        return prefixes[k & MASK].covers(prefixes[(k + 1) & MASK]);
    }

    /** {@return a parsed AS path} */
    @Benchmark
    public AsPath parseAsPath() {
        return AsPath.parse(pathTexts[i++ & MASK]);
    }
}
