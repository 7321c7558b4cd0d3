package dev.routescope.benchmarks.relationships;

import dev.routescope.benchmarks.BenchmarkDefaults;
import dev.routescope.model.AsPath;
import dev.routescope.relationships.AsGraph;
import dev.routescope.relationships.CaidaAsRel;
import dev.routescope.relationships.PathStatus;
import dev.routescope.relationships.ValleyFreeChecker;
import java.io.IOException;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Valley-free checks per second against CAIDA 2018, one op = one path, on the first {@code 2^20}
 * announcements of the rrc12 set (2021-01-01 04:55-…) in stream order, produced by {@code
 * bgp-relationships/scripts/rrc12-paths.sh}.
 *
 * <ul>
 *   <li>{@code ROUTESCOPE_LONGS}: {@link ValleyFreeChecker#check(long[], int, int)} on pre-split
 *       {@code long[]} paths (what a caller holding ASNs in an array pays);
 *   <li>{@code ROUTESCOPE_ASPATH}: {@link ValleyFreeChecker#check(AsPath)} on model paths (what the
 *       MRT parser will hand over);
 *   <li>{@code NAIVE_REFERENCE}: the pseudo-code over {@code HashMap<Long, HashMap<Long, Integer>>}
 *       and boxed lists, the same-run baseline.
 * </ul>
 *
 * <pre>
 * bgp-relationships/scripts/rrc12-paths.sh
 * java -jar bgp-benchmarks/target/benchmarks.jar ValleyFreeCheckBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
public class ValleyFreeCheckBenchmark extends BenchmarkDefaults {
    private static final int PATHS = 1 << 20;
    private static final int PATH_MASK = PATHS - 1;

    /** Which implementation and input form. */
    public enum Impl {
        ROUTESCOPE_LONGS,
        ROUTESCOPE_ASPATH,
        NAIVE_REFERENCE
    }

    @Param
    public Impl impl = Impl.ROUTESCOPE_LONGS;

    private long[][] longPaths = new long[0][];
    private AsPath[] modelPaths = new AsPath[0];
    private ValleyFreeChecker checker = null;
    private NaiveRelationships naive = null;
    private int next;

    @Setup
    public void setUp() throws IOException {
        AsGraph.Builder b = AsGraph.builder();
        CaidaAsRel.load(RelationshipData.caida2018(), b);
        checker = ValleyFreeChecker.builder(b.build()).build();
        naive = NaiveRelationships.load(RelationshipData.caida2018());
        List<String> text = RelationshipData.rrc12Paths(PATHS);
        if (text.size() < PATHS) {
            throw new IllegalStateException("need " + PATHS + " paths, found " + text.size());
        }
        modelPaths = new AsPath[PATHS];
        longPaths = new long[PATHS][];
        for (int i = 0; i < PATHS; i++) {
            modelPaths[i] = AsPath.parse(text.get(i));
            // The array form carries sequences only; a set member list is kept in order, as a
            // caller without set support would pass it.
            longPaths[i] = modelPaths[i].toAsnArray();
        }
    }

    @Benchmark
    public int check() {
        int i = next++ & PATH_MASK;
        return switch (impl) {
            case ROUTESCOPE_LONGS -> {
                long[] p = longPaths[i];
                yield checker.check(p, 0, p.length) == PathStatus.LEAK ? 1 : 0;
            }
            case ROUTESCOPE_ASPATH -> checker.check(modelPaths[i]) == PathStatus.LEAK ? 1 : 0;
            case NAIVE_REFERENCE -> naive.check(longPaths[i]);
        };
    }
}
