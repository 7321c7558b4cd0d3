package dev.routescope.rpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;

class RpkiReaderTest {

    private static RpkiData read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RpkiData read(byte[] bytes) throws IOException {
        return RpkiReader.builder().build().read(new ByteArrayInputStream(bytes), "test");
    }

    @Test
    void read_rpkiClientJson_vrpsWithMetadataAndAspas() throws IOException {
        RpkiData d = read("""
                {"metadata":{"buildtime":"2025-01-01T00:00:00Z","vrps":2},
                 "roas":[{"asn":13335,"prefix":"1.1.1.0/24","maxLength":24,"ta":"apnic","expires":1735800000},
                         {"asn":64496,"prefix":"2001:db8::/32","maxLength":48,"ta":"ripe","expires":1735800001}],
                 "bgpsec_keys":[{"asn":64496,"ski":"AB","pubkey":"x","ta":"ripe","expires":1735800000}],
                 "aspas":[{"customer_asid":64496,"expires":1735800000,"providers":[64498,64497]}]}
                """);
        assertThat(d.vrps().entries())
                .containsExactly(
                        new VrpEntry(Vrp.of("1.1.1.0/24", 24, 13335), "apnic", 1735800000L),
                        new VrpEntry(Vrp.of("2001:db8::/32", 48, 64496), "ripe", 1735800001L));
        assertThat(d.aspas().aspas()).containsExactly(Aspa.of(64496, 64497, 64498));
        assertThat(d.skipped()).isZero();
    }

    @Test
    void read_routinatorJsonAndJsonext_asPrefixedStrings() throws IOException {
        RpkiData d = read("""
                {"metadata":{"generated":1626853335,"generatedTime":"2021-07-21T07:42:15Z"},
                 "roas":[{"asn":"AS196615","prefix":"93.175.147.0/24","maxLength":24,"ta":"ripe"},
                         {"asn":"AS13335","prefix":"1.0.0.0/24","maxLength":24,
                          "source":[{"type":"roa","uri":"rsync://x/y.roa","tal":"apnic","validity":{"notBefore":"a"}}]}],
                 "routerKeys":[],
                 "aspas":[{"customer":"AS64496","afi":"ipv6","providers":["AS64499"],"ta":"ripe"}]}
                """);
        assertThat(d.vrps().entries())
                .containsExactly(
                        new VrpEntry(Vrp.of("1.0.0.0/24", 24, 13335), "apnic", 0),
                        new VrpEntry(Vrp.of("93.175.147.0/24", 24, 196615), "ripe", 0));
        assertThat(d.aspas().aspas()).containsExactly(Aspa.of(64496, 64499));
    }

    @Test
    void read_olderRpkiClientAspaWithAfiLists_unionOfProviders() throws IOException {
        RpkiData d = read("{\"roas\":[],\"aspas\":[{\"customer_asid\":1,\"provider_authorizations\":"
                + "{\"ipv4\":[3,2],\"ipv6\":[2,4]}}]}");
        assertThat(d.aspas().aspas()).containsExactly(Aspa.of(1, 2, 3, 4));
    }

    @Test
    void read_missingMaxLength_defaultsToPrefixLength() throws IOException {
        RpkiData d = read("[{\"asn\":1,\"prefix\":\"192.0.2.0/24\"}]");
        assertThat(d.vrps().vrps()).containsExactly(Vrp.of("192.0.2.0/24", 24, 1));
    }

    @Test
    void read_badEntries_reportedWithPositionAndSkipped() throws IOException {
        RpkiData d = read("""
                {"roas":[
                  {"asn":1,"prefix":"192.0.2.0/24","maxLength":24},
                  {"asn":2,"prefix":"192.0.2.1/24","maxLength":24},
                  {"asn":3,"prefix":"192.0.2.0/24","maxLength":23},
                  {"asn":4,"prefix":"192.0.2.0/24","maxLength":33},
                  {"asn":5,"prefix":"2001:db8::/32","maxLength":129},
                  {"asn":4294967296,"prefix":"192.0.2.0/24","maxLength":24},
                  {"asn":-1,"prefix":"192.0.2.0/24","maxLength":24},
                  {"asn":"ASX","prefix":"192.0.2.0/24","maxLength":24},
                  {"asn":9,"prefix":"300.0.2.0/24","maxLength":24},
                  {"asn":10,"maxLength":24},
                  {"prefix":"192.0.2.0/24"},
                  "not an object",
                  {"asn":12,"prefix":"198.51.100.0/24","maxLength":24}
                ]}
                """);
        assertThat(d.vrps().vrps()).containsExactly(Vrp.of("192.0.2.0/24", 24, 1), Vrp.of("198.51.100.0/24", 24, 12));
        assertThat(d.skipped()).isEqualTo(11);
        assertThat(d.problems()).hasSize(11);
        assertThat(d.problems().get(0).entry()).isEqualTo("roas[1]");
        assertThat(d.problems().get(0).line()).isEqualTo(3);
        assertThat(d.problems().get(0).byteOffset()).isPositive();
        assertThat(d.problems().get(0).reason()).contains("192.0.2.1/24").contains("host bits");
        assertThat(d.problems().get(1).reason()).contains("maxLength 23");
        assertThat(d.problems().get(2).reason()).contains("maxLength 33").contains("24..32");
        assertThat(d.problems().get(3).reason()).contains("maxLength 129").contains("32..128");
        assertThat(d.problems().get(4).reason()).contains("4294967296");
        assertThat(d.problems().get(5).reason()).contains("-1");
        assertThat(d.problems().get(6).reason()).contains("ASX");
        assertThat(d.problems().get(7).reason()).contains("300.0.2.0/24");
        assertThat(d.problems().get(8).reason()).contains("missing \"prefix\"");
        assertThat(d.problems().get(9).reason()).contains("missing \"asn\"");
        assertThat(d.problems().get(10).reason()).contains("expected an object");
        assertThat(d.problems().get(2).toString()).startsWith("test: line 5, column 3 (byte ");
    }

    @Test
    void read_problemLimit_countsAllKeepsFirst() throws IOException {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"asn\":1,\"prefix\":\"bad\"}");
        }
        RpkiData d = RpkiReader.builder()
                .maxReportedProblems(3)
                .build()
                .read(new ByteArrayInputStream(sb.append("]").toString().getBytes(StandardCharsets.UTF_8)), "x");
        assertThat(d.skipped()).isEqualTo(50);
        assertThat(d.problems()).hasSize(3);
    }

    @Test
    void read_truncatedJson_throwsWithByteOffset() {
        String json = "{\"roas\":[{\"asn\":1,\"prefix\":\"192.0.2.0/24\",\"maxLength\":24},{\"asn\":2,\"pre";
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(RpkiFormatException.class)
                .hasMessageContaining("test")
                .hasMessageContaining("byte")
                .satisfies(
                        e -> assertThat(((RpkiFormatException) e).byteOffset()).isGreaterThan(50));
    }

    @Test
    void read_nonObjectArrayElements_skippedAsProblems() throws IOException {
        RpkiData d = read("[1,2]");
        assertThat(d.skipped()).isEqualTo(2);
        assertThat(d.problems().get(1).entry()).isEqualTo("[1]");
    }

    @Test
    void read_scalarTruncatedOrTrailingDocument_throws() {
        RpkiReader json = RpkiReader.builder().format(RpkiFormat.JSON).build();
        assertThatThrownBy(() -> json.read(new ByteArrayInputStream("42".getBytes(StandardCharsets.UTF_8)), "t"))
                .isInstanceOf(RpkiFormatException.class)
                .hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> read("{\"roas\":[] ")).isInstanceOf(RpkiFormatException.class);
        assertThatThrownBy(() -> read("{\"roas\":[]} {\"roas\":[]}"))
                .isInstanceOf(RpkiFormatException.class)
                .hasMessageContaining("after the JSON document");
    }

    @Test
    void read_rpkiClientCsv() throws IOException {
        RpkiData d = read("ASN,IP Prefix,Max Length,Trust Anchor,Expires\nAS13335,1.1.1.0/24,24,apnic,1735800000\n");
        assertThat(d.format()).isEqualTo(RpkiFormat.CSV);
        assertThat(d.vrps().entries())
                .containsExactly(new VrpEntry(Vrp.of("1.1.1.0/24", 24, 13335), "apnic", 1735800000L));
    }

    @Test
    void read_routinatorCsvAndCsvcompat() throws IOException {
        assertThat(read("ASN,IP Prefix,Max Length,Trust Anchor\r\nAS196615,93.175.147.0/24,24,ripe\r\n")
                        .vrps()
                        .entries())
                .containsExactly(new VrpEntry(Vrp.of("93.175.147.0/24", 24, 196615), "ripe", 0));
        assertThat(
                        read("\"ASN\",\"IP Prefix\",\"Max Length\",\"Trust Anchor\"\n\"196615\",\"93.175.147.0/24\",\"24\",\"ripe\"\n")
                                .vrps()
                                .vrps())
                .containsExactly(Vrp.of("93.175.147.0/24", 24, 196615));
    }

    @Test
    void read_csvextRipeArchive_notAfterBecomesExpiry() throws IOException {
        RpkiData d = read("""
                URI,ASN,IP Prefix,Max Length,Not Before,Not After
                rsync://r/x.roa,AS196615,93.175.147.0/24,24,2021-05-03 14:51:30,2022-07-01 00:00:00
                """);
        assertThat(d.vrps().entries())
                .containsExactly(new VrpEntry(Vrp.of("93.175.147.0/24", 24, 196615), "", 1656633600L));
    }

    @Test
    void read_plainAndHeaderlessCsv() throws IOException {
        assertThat(read("asn,prefix,maxlen\n13335,1.1.1.0/24,24\n64496,2001:db8::/32,48\n")
                        .vrps()
                        .size())
                .isEqualTo(2);
        assertThat(read("# comment\n13335,1.1.1.0/24,24\n\n13335,1.0.0.0/24\n")
                        .vrps()
                        .vrps())
                .containsExactly(Vrp.of("1.0.0.0/24", 24, 13335), Vrp.of("1.1.1.0/24", 24, 13335));
    }

    @Test
    void read_csvBadLines_reportedByLineAndSkipped() throws IOException {
        RpkiData d = read("asn,prefix,maxlen\n1,192.0.2.0/24,24\n2,192.0.2.0/24,40\nx,192.0.2.0/24,24\n3,nope,24\n4\n");
        assertThat(d.vrps().size()).isEqualTo(1);
        assertThat(d.skipped()).isEqualTo(4);
        assertThat(d.problems()).extracting(RpkiProblem::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(d.problems().get(0).reason()).contains("maxLength '40'");
        // line 3 starts at byte 36; the maxLength field at column 16
        assertThat(d.problems().get(0).byteOffset()).isEqualTo(51);
        assertThat(d.problems().get(0).column()).isEqualTo(16);
    }

    @Test
    void read_csvUnknownHeader_throws() {
        assertThatThrownBy(() -> read("foo,bar\n1,2\n"))
                .isInstanceOf(RpkiFormatException.class)
                .hasMessageContaining("no ASN and prefix columns");
    }

    @Test
    void read_gzipAndBzip2_detectedByMagic() throws IOException {
        byte[] text = "[{\"asn\":1,\"prefix\":\"192.0.2.0/24\",\"maxLength\":24}]".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text);
        }
        ByteArrayOutputStream bz = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bz)) {
            out.write(text);
        }
        assertThat(read(gz.toByteArray()).vrps().vrps()).containsExactly(Vrp.of("192.0.2.0/24", 24, 1));
        assertThat(read(bz.toByteArray()).vrps().vrps()).containsExactly(Vrp.of("192.0.2.0/24", 24, 1));
    }

    @Test
    void read_truncatedGzip_throwsIoException() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write('[');
            for (int i = 0; i < 2000; i++) {
                out.write(("{\"asn\":" + i + ",\"prefix\":\"10.0.0.0/8\"},").getBytes(StandardCharsets.UTF_8));
            }
            out.write("{}]".getBytes(StandardCharsets.UTF_8));
        }
        byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        assertThatThrownBy(() -> read(cut)).isInstanceOf(IOException.class);
    }

    @Test
    void read_xz_refusedWithHint() {
        byte[] xz = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0, 0};
        assertThatThrownBy(() -> read(xz))
                .isInstanceOf(RpkiFormatException.class)
                .hasMessageContaining("xz -d");
    }

    @Test
    void read_duplicateVrps_merged_latestExpiryKept() throws IOException {
        RpkiData d = read("[{\"asn\":1,\"prefix\":\"192.0.2.0/24\",\"ta\":\"ripe\",\"expires\":5},"
                + "{\"asn\":1,\"prefix\":\"192.0.2.0/24\",\"ta\":\"ripe\",\"expires\":9}]");
        assertThat(d.vrpRecords()).isEqualTo(2);
        assertThat(d.vrps().entries()).containsExactly(new VrpEntry(Vrp.of("192.0.2.0/24", 24, 1), "ripe", 9));
    }

    @Test
    void builder_settingTwice_refused() {
        assertThatThrownBy(() -> RpkiReader.builder().format(RpkiFormat.CSV).format(RpkiFormat.JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already set to CSV");
    }
}
