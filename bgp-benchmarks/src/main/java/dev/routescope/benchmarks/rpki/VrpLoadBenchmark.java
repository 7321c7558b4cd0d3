package dev.routescope.benchmarks.rpki;

import dev.routescope.benchmarks.BenchmarkDefaults;
import dev.routescope.rpki.RpkiReader;
import dev.routescope.rpki.VrpSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the full global VRP set (723,521 VRPs) into a {@link VrpSnapshot}, from bytes already in
 * memory (no disk, no bzip2): rpki-client JSON (75 MB), the bench CSV ({@code asn,prefix,maxlen},
 * 21 MB), and {@code REBUILD}: recompiling a snapshot from its own sorted rows (the cost of applying
 * an RTR delta). Time per load, ms.
 *
 * <pre>
 * java -jar bgp-benchmarks/target/benchmarks.jar VrpLoad -prof gc -rf json
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class VrpLoadBenchmark extends BenchmarkDefaults {

    /** Input. */
    @Param({"JSON", "CSV", "REBUILD"})
    public String input;

    private byte[] bytes = new byte[0];
    private VrpSnapshot loaded = VrpSnapshot.empty();

    /** Decompresses the real file once into memory. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        byte[] json;
        try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(RpkiBenchData.vrpFile()))) {
            json = in.readAllBytes();
        }
        loaded = RpkiReader.builder()
                .build()
                .read(new ByteArrayInputStream(json), "json")
                .vrps();
        if (input.equals("CSV")) {
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            csv.writeBytes("asn,prefix,maxlen\n".getBytes(StandardCharsets.US_ASCII));
            loaded.forEach(e -> csv.writeBytes(
                    (e.vrp().asn() + "," + e.vrp().prefix() + "," + e.vrp().maxLength() + "\n")
                            .getBytes(StandardCharsets.US_ASCII)));
            bytes = csv.toByteArray();
        } else {
            bytes = json;
        }
    }

    /**
     * One full load.
     *
     * @return the snapshot
     * @throws IOException never for these inputs
     */
    @Benchmark
    public VrpSnapshot load() throws IOException {
        if (input.equals("REBUILD")) {
            return loaded.withChanges(List.of(), List.of());
        }
        return RpkiReader.builder()
                .build()
                .read(new ByteArrayInputStream(bytes), input)
                .vrps();
    }
}
