package dev.routescope.benchmarks.relationships;

import dev.routescope.benchmarks.BenchmarkDefaults;
import dev.routescope.relationships.AsGraph;
import dev.routescope.relationships.CaidaAsRel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading CAIDA 20180101.as-rel.txt (261,340 links, 60,006 ASes) into a queryable graph: ours
 * ({@link CaidaAsRel} + {@link AsGraph}) against a {@code String.split} + nested {@code HashMap}
 * loader. {@code warm} is the steady state after JIT warm-up; {@code cold} is the first load in a
 * fresh JVM (what an application pays at start-up), one shot per fork.
 *
 * <pre>
 * java -jar bgp-benchmarks/target/benchmarks.jar AsGraphLoadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AsGraphLoadBenchmark extends BenchmarkDefaults {
    /** Which loader. */
    public enum Impl {
        ROUTESCOPE,
        NAIVE_HASHMAP
    }

    @Param
    public Impl impl = Impl.ROUTESCOPE;

    private Path file = Path.of("");

    @Setup
    public void setUp() {
        file = RelationshipData.caida2018();
    }

    private Object load() throws IOException {
        if (impl == Impl.ROUTESCOPE) {
            AsGraph.Builder b = AsGraph.builder();
            CaidaAsRel.load(file, b);
            return b.build();
        }
        return NaiveRelationships.load(file);
    }

    @Benchmark
    public Object warm() throws IOException {
        return load();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(
            value = 10,
            jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public Object cold() throws IOException {
        return load();
    }
}
