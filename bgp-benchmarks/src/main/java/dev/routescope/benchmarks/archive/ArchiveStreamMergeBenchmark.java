package dev.routescope.benchmarks.archive;

import dev.routescope.benchmarks.BenchmarkDefaults;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.archive.ArchiveFile;
import dev.routescope.mrt.archive.ArchiveStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of the time-ordered merge: the same real RIS files (rrc04 and rrc12, 05:00–05:10, four
 * files, 484,339 elements) read as one {@link ArchiveStream} ({@code MERGED}) and, as the reference,
 * one after another with plain {@link MrtElementReader}s ({@code SEQUENTIAL}, no ordering). Both
 * touch every element's timestamp and prefix length. The ratio is the merge's overhead: heap
 * operations, the per-file filter call, one reader open per file.
 *
 * <pre>{@code
 * java -jar bgp-benchmarks/target/benchmarks.jar ArchiveStreamMerge -rf json
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ArchiveStreamMergeBenchmark extends BenchmarkDefaults {

    /** How the files are read. */
    public enum Reading {
        /** One ArchiveStream over all files, elements in timestamp order. */
        MERGED,
        /** Each file on its own, one after another (reference). */
        SEQUENTIAL
    }

    /** Implementation under test. */
    @Param({"MERGED", "SEQUENTIAL"})
    public Reading reading;

    private List<ArchiveFile> files = List.of();

    /** Lists the files. */
    @Setup
    public void setUp() {
        files = ArchiveData.files(List.of("rrc04", "rrc12"), Duration.ofMinutes(10));
    }

    /**
     * Reads every element.
     *
     * @param bh sink
     * @return number of elements
     * @throws IOException if a file cannot be read
     */
    @Benchmark
    public long readAll(Blackhole bh) throws IOException {
        long n = 0;
        if (reading == Reading.MERGED) {
            try (ArchiveStream stream = ArchiveStream.builder().files(files).build()) {
                while (stream.advance()) {
                    bh.consume(stream.element().timestamp());
                    bh.consume(stream.element().prefixLength());
                    n++;
                }
            }
            return n;
        }
        for (ArchiveFile f : files) {
            try (MrtElementReader r = MrtElementReader.open(Path.of(f.uri()))) {
                while (r.advance()) {
                    bh.consume(r.element().timestamp());
                    bh.consume(r.element().prefixLength());
                    n++;
                }
            }
        }
        return n;
    }
}
