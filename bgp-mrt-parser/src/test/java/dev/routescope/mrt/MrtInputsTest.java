package dev.routescope.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.testsupport.SharedData;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain (memory-mapped), gzip (multi-member), bzip2, stream and ByteBuf sources all yield the same records. */
class MrtInputsTest {
    private static final String FILE = "mrt/bgpdump/updates.20100722.2015.gz";

    private static byte[] plain() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SharedData.file(FILE)))) {
            return in.readAllBytes();
        }
    }

    private static long elements(MrtReader r) throws IOException {
        try (MrtElementReader e = new MrtElementReader(r)) {
            long n = 0;
            while (e.advance()) {
                n++;
            }
            assertThat(e.stats().problems()).isZero();
            return n;
        }
    }

    @Test
    void allSourceKinds_sameElementCount(@TempDir Path tmp) throws IOException {
        byte[] plain = plain();
        int half = plain.length / 2;
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        // Two gzip members, split mid-record: RIS archives can be multi-member.
        for (int[] range : new int[][] {{0, half}, {half, plain.length}}) {
            try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
                z.write(plain, range[0], range[1] - range[0]);
            }
        }
        ByteArrayOutputStream bz = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream z = new BZip2CompressorOutputStream(bz)) {
            z.write(plain);
        }
        Path plainFile = Files.write(tmp.resolve("updates.plain"), plain);
        Path bzFile = Files.write(tmp.resolve("updates.no-extension"), bz.toByteArray());

        long expected = elements(MrtReader.open(SharedData.file(FILE)));
        assertThat(expected).isEqualTo(5654);
        assertThat(elements(MrtReader.open(plainFile))).isEqualTo(expected);
        assertThat(elements(MrtReader.open(bzFile))).isEqualTo(expected);
        assertThat(elements(MrtReader.builder().open(new ByteArrayInputStream(gz.toByteArray()), "multi.gz")))
                .isEqualTo(expected);
        assertThat(elements(MrtReader.builder().open(new ByteArrayInputStream(plain), "plain")))
                .isEqualTo(expected);
        assertThat(elements(MrtReader.builder().wrap(Unpooled.wrappedBuffer(plain), "buf")))
                .isEqualTo(expected);
    }

    @Test
    void corruptGzip_stopsWithInputError() throws IOException {
        byte[] gz = Files.readAllBytes(SharedData.file(FILE));
        for (int i = gz.length / 2; i < gz.length / 2 + 64; i++) {
            gz[i] ^= 0x5A;
        }
        MrtReader r = MrtReader.builder().open(new ByteArrayInputStream(gz), "corrupt.gz");
        long n = elements0(r);
        assertThat(n).isPositive();
        assertThat(r.stats().problems(MrtProblem.Kind.INPUT_ERROR)).isEqualTo(1);
        assertThat(r.stoppedOnProblem()).isTrue();
    }

    private static long elements0(MrtReader r) throws IOException {
        try (MrtElementReader e = new MrtElementReader(r)) {
            long n = 0;
            while (e.advance()) {
                n++;
            }
            return n;
        }
    }

    @Test
    void parallel_manyFiles_perFileCountsInInputOrder() throws Exception {
        Path a = SharedData.file(FILE);
        Path b = SharedData.file("mrt/bgpdump/updates.20020722.2238.gz");
        var stats = MrtElementReader.parallel(java.util.List.of(a, b, a), 2, f -> e -> true);
        assertThat(stats).extracting(MrtStats::elements).containsExactly(5654L, 3337L, 5654L);
    }

    @Test
    void recordView_bodySliceMatchesHeaderLength() throws IOException {
        try (MrtReader r = MrtReader.open(SharedData.file(FILE))) {
            assertThat(r.advance()).isTrue();
            MrtRecord rec = r.record();
            assertThat(rec.offset()).isZero();
            assertThat(rec.body().readableBytes()).isEqualTo(rec.bodyLength());
            assertThat(r.collector()).isEmpty();
        }
    }
}
