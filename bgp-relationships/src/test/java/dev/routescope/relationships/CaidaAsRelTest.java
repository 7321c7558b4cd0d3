package dev.routescope.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaidaAsRelTest {
    private static final String SERIAL1 = """
            # source:topology|BGP|20180101|ripe|rrc00
            # inferred clique: 174 3356
            # IXP ASes: 6695 8714
            174|3356|0
            3356|64500|-1
            174|64500|-1
            64500|64501|-1
            """;

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void load_serial1_linksHeaderCliqueAndRouteServers() throws IOException {
        AsGraph.Builder b = AsGraph.builder();
        LoadReport r = CaidaAsRel.load(text(SERIAL1), "test", b);
        AsGraph g = b.build();
        assertThat(r.records()).isEqualTo(4);
        assertThat(r.skipped()).isZero();
        assertThat(r.lines()).isEqualTo(7);
        assertThat(r.headerClique()).containsExactly(174, 3356);
        assertThat(r.headerIxpAsns()).containsExactly(6695, 8714);
        assertThat(g.relationship(3356, 64500)).isEqualTo(Relationship.CUSTOMER);
        assertThat(g.relationship(64500, 3356)).isEqualTo(Relationship.PROVIDER);
        assertThat(g.relationship(174, 3356)).isEqualTo(Relationship.PEER);
        assertThat(g.relationship(3356, 64501)).isEqualTo(Relationship.UNKNOWN);
        assertThat(g.clique()).containsExactly(174, 3356);
        assertThat(g.cliqueDetected()).isFalse();
        assertThat(g.routeServers()).containsExactly(6695, 8714);
    }

    @Test
    void load_serial2WithSourceField_accepted() throws IOException {
        AsGraph.Builder b = AsGraph.builder();
        LoadReport r = CaidaAsRel.load(text("1|2|-1|bgp\n3|4|0|mlp\n5|6|0|bgp,mlp\r\n"), "serial2", b);
        AsGraph g = b.build();
        assertThat(r.records()).isEqualTo(3);
        assertThat(r.skipped()).isZero();
        assertThat(g.relationship(1, 2)).isEqualTo(Relationship.CUSTOMER);
        assertThat(g.relationship(4, 3)).isEqualTo(Relationship.PEER);
        assertThat(g.relationship(6, 5)).isEqualTo(Relationship.PEER);
    }

    @Test
    void load_badLines_skippedWithLineNumberOffsetAndReason() throws IOException {
        String input = "1|2|-1\n" // line 1 ok, offset 0
                + "x|2|-1\n" // 2: not a number, offset 7
                + "1|2\n" // 3: too few fields
                + "1|2|1\n" // 4: bad code (serial-1 knows only -1 and 0)
                + "7|7|0\n" // 5: self-loop
                + "2|1|-1\n" // 6: conflicting label for 1-2
                + "1|2|-1\n" // 7: duplicate, ignored but not an error
                + "4294967296|1|0\n" // 8: ASN out of range
                + "1|2|0|bgp|extra\n" // 9: five fields
                + "\n" // 10: blank
                + "8|9|0"; // 11: last line without newline, ok
        AsGraph.Builder b = AsGraph.builder();
        LoadReport r = CaidaAsRel.load(text(input), "bad.txt", b);
        assertThat(r.records()).isEqualTo(2);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(7);
        assertThat(r.problems()).extracting(LoadProblem::line).containsExactly(2L, 3L, 4L, 5L, 6L, 8L, 9L);
        LoadProblem first = r.problems().get(0);
        assertThat(first.byteOffset()).isEqualTo(7);
        assertThat(first.source()).isEqualTo("bad.txt");
        assertThat(first.reason()).contains("field 1").contains("'x'");
        assertThat(r.problems().get(2).reason()).contains("relationship code '1'");
        assertThat(r.problems().get(4).reason()).contains("first label kept");
        assertThat(r.problems().get(5).reason()).contains("4294967296");
        assertThat(first.toString()).startsWith("bad.txt:2 (byte 7): ");
        assertThat(b.build().relationship(1, 2)).isEqualTo(Relationship.CUSTOMER);
    }

    @Test
    void load_hugeLine_cutAndReportedWithoutGrowingUnbounded() throws IOException {
        String huge = "1".repeat(200_000) + "|2|0\n3|4|0\n";
        AsGraph.Builder b = AsGraph.builder();
        LoadReport r = CaidaAsRel.load(text(huge), "huge", b);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.problems().get(0).reason()).contains("longer than");
        assertThat(r.records()).isEqualTo(1);
    }

    @Test
    void load_manyBadLines_keepsFirstHundredCountsAll() throws IOException {
        String input = "bad\n".repeat(250);
        LoadReport r = CaidaAsRel.load(text(input), "bad", AsGraph.builder());
        assertThat(r.skipped()).isEqualTo(250);
        assertThat(r.problems()).hasSize(LoadReport.MAX_KEPT_PROBLEMS);
    }

    @Test
    void load_gzipAndBzip2Files_sameGraphAsPlain(@TempDir Path dir) throws IOException {
        byte[] plain = SERIAL1.getBytes(StandardCharsets.US_ASCII);
        Path gz = dir.resolve("x.as-rel.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(plain);
        }
        Path bz2 = dir.resolve("x.as-rel.txt.bz2");
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(bz2))) {
            out.write(plain);
        }
        // Compression is detected by magic bytes, not by name.
        Path misnamed = dir.resolve("really-gzip.txt");
        Files.copy(gz, misnamed);
        for (Path p : new Path[] {gz, bz2, misnamed}) {
            AsGraph.Builder b = AsGraph.builder();
            LoadReport r = CaidaAsRel.load(p, b);
            assertThat(r.records()).as(p.toString()).isEqualTo(4);
            assertThat(r.source()).isEqualTo(p.getFileName().toString());
            assertThat(b.build().relationship(64500, 64501)).isEqualTo(Relationship.CUSTOMER);
        }
    }

    @Test
    void load_truncatedGzip_failsWithIoExceptionNotHang(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(SERIAL1.repeat(100).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] all = bytes.toByteArray();
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CaidaAsRel.load(cut, AsGraph.builder()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void load_randomlyMutatedInput_neverThrowsAndAccountsForEveryLine() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        byte[] base = (SERIAL1 + "1|2|-1|bgp\n65536|4200000000|0\n").getBytes(StandardCharsets.US_ASCII);
        byte[] alphabet = "0123456789|-#\n\r xa".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 5_000; round++) {
            byte[] input = base.clone();
            int mutations = 1 + random.nextInt(6);
            for (int m = 0; m < mutations; m++) {
                int pos = random.nextInt(input.length);
                input[pos] =
                        random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            AsGraph.Builder b = AsGraph.builder();
            LoadReport r = CaidaAsRel.load(new ByteArrayInputStream(input), "fuzz", b);
            AsGraph g = b.build();
            assertThat(r.records()).isEqualTo(g.linkCount());
            assertThat(r.records() + r.duplicates() + r.skipped()).isLessThanOrEqualTo(r.lines());
        }
    }
}
