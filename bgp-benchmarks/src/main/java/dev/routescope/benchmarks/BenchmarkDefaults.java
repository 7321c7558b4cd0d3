package dev.routescope.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shared fork, warm-up and measurement defaults for every Routescope benchmark: extend it and
 * override on the subclass only with a reason.
 *
 * <pre>{@code
 * java -jar bgp-benchmarks/target/benchmarks.jar PrefixText -prof gc -rf json
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class BenchmarkDefaults {
    /** Size of pre-generated input arrays; indexes wrap with {@link #MASK}. */
    protected static final int INPUTS = 1 << 14;

    /** Mask for cheap wrap-around indexing into input arrays. */
    protected static final int MASK = INPUTS - 1;
}
