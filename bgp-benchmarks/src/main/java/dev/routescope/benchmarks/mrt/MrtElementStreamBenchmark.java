package dev.routescope.benchmarks.mrt;

import dev.routescope.benchmarks.BenchmarkData;
import dev.routescope.benchmarks.BenchmarkDefaults;
import dev.routescope.model.RouteEvent;
import dev.routescope.mrt.BgpAttributes;
import dev.routescope.mrt.BgpdumpFormatter;
import dev.routescope.mrt.MrtElement;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.MrtReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The MRT parser's record path over one decompressed real RIPE RIS rrc12 update file (2021-01-01 04:55, 17.6 MB,
 * ~104k records, ~225k elements) held in a heap buffer, so decompression is excluded (the whole-file runs in the
 * module README include it). One operation is one record ({@link #frameRecord}) or one element (all others): the
 * difference between two element benchmarks is the cost of the extra step, and {@code -prof gc} gives bytes
 * allocated per record/element. When the buffer is exhausted a new reader wraps it again (amortised: one reader per
 * ~225k operations).
 *
 * <pre>{@code
 * java -jar bgp-benchmarks/target/benchmarks.jar MrtElementStream -prof gc
 * }</pre>
 */
@State(Scope.Thread)
public class MrtElementStreamBenchmark extends BenchmarkDefaults {
    private static final String FILE = "data/mrt/ris-2021-01-01/rrc12/updates.20210101.0455.gz";

    private ByteBuf data = Unpooled.EMPTY_BUFFER;
    private MrtReader records = MrtReader.builder().wrap(Unpooled.EMPTY_BUFFER, "empty");
    private MrtElementReader elements = new MrtElementReader(MrtReader.builder().wrap(Unpooled.EMPTY_BUFFER, "empty"));
    private final BgpdumpFormatter formatter = new BgpdumpFormatter();
    private final StringBuilder line = new StringBuilder(512);
    private final long[] asnSum = new long[1];
    private final BgpAttributes.AsPathVisitor sumAsns = (segmentType, asn) -> {
        asnSum[0] += asn;
        return true;
    };

    /** Decompresses the file into memory. */
    @Setup
    public void setUp() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(shared(FILE)), 1 << 16)) {
            data = Unpooled.wrappedBuffer(in.readAllBytes());
        }
        records = MrtReader.builder().collector("rrc12").wrap(data.duplicate(), "rrc12");
        elements = newElementReader();
    }

    /** Closes the readers. */
    @TearDown
    public void tearDown() throws IOException {
        records.close();
        elements.close();
    }

    private MrtElementReader newElementReader() {
        return new MrtElementReader(MrtReader.builder().collector("rrc12").wrap(data.duplicate(), "rrc12"));
    }

    private MrtElement next() {
        if (!elements.advance()) {
            elements = newElementReader();
            elements.advance();
        }
        return elements.element();
    }

    /** {@return the body length of the next record}: MRT framing only (header checks, no body decoding) */
    @Benchmark
    public int frameRecord() {
        if (!records.advance()) {
            records = MrtReader.builder().collector("rrc12").wrap(data.duplicate(), "rrc12");
            records.advance();
        }
        return records.record().bodyLength();
    }

    /**
     * {@return the prefix length of the next element}: framing, BGP4MP and UPDATE decoding, attribute indexing and
     * RFC 7606 validation, NLRI/MP_REACH prefix decoding
     */
    @Benchmark
    public int element() {
        return next().prefixLength();
    }

    /** {@return a digest of the element's attribute values}: {@link #element} plus every common attribute value */
    @Benchmark
    public long elementAttributes() {
        MrtElement e = next();
        BgpAttributes a = e.attributes();
        long h = e.prefixHigh() + e.prefixLength() + a.origin() + a.med() + a.localPref() + a.nextHopIpv4();
        for (int i = 0; i < a.communityCount(); i++) {
            h += a.community(i);
        }
        for (int i = 0; i < a.largeCommunityCount(); i++) {
            h += a.largeCommunity(i, 0);
        }
        return h;
    }

    /** {@return the element's origin ASN plus the sum of its path}: {@link #element} plus an AS path walk */
    @Benchmark
    public long elementAsPathWalk() {
        BgpAttributes a = next().attributes();
        asnSum[0] = 0;
        a.forEachAsn(sumAsns);
        return asnSum[0] + a.originAsn();
    }

    /** {@return an immutable event}: {@link #element} plus the allocation of a bgp-model event (off the hot path) */
    @Benchmark
    public RouteEvent elementToEvent() {
        return next().toEvent();
    }

    /** {@return the line length}: {@link #element} plus its {@code bgpdump -m} line into a reused builder */
    @Benchmark
    public int elementBgpdumpLine() {
        line.setLength(0);
        formatter.format(next(), line);
        return line.length();
    }

    static Path shared(String relative) {
        return BenchmarkData.shared(relative);
    }
}
