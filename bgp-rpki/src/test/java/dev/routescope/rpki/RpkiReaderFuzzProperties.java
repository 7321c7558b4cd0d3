package dev.routescope.rpki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Prefix;
import dev.routescope.rpki.internal.PrefixText;
import dev.routescope.testsupport.Gen;
import dev.routescope.testsupport.PropertyCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input for the decoders: mutated, truncated and random bytes must end in data plus counted
 * problems, or in {@link RpkiFormatException}; never another exception, a hang or invented VRPs.
 */
class RpkiReaderFuzzProperties {
    private static final String JSON = """
            {"metadata":{"buildtime":"2025-01-01T00:00:00Z"},
             "roas":[{"asn":13335,"prefix":"1.1.1.0/24","maxLength":24,"ta":"apnic","expires":1735800000},
                     {"asn":"AS64496","prefix":"2001:db8::/32","maxLength":48,"ta":"ripe"},
                     {"asn":64497,"prefix":"198.51.100.0/22","maxLength":24}],
             "aspas":[{"customer_asid":64496,"providers":[64497,64498]}]}
            """;
    private static final String CSV = """
            ASN,IP Prefix,Max Length,Trust Anchor,Expires
            AS13335,1.1.1.0/24,24,apnic,1735800000
            AS64496,2001:db8::/32,48,ripe,1735800001
            AS64497,198.51.100.0/22,24,arin,1735800002
            """;

    /** JSON or CSV with 1..8 edits: byte overwrites, structural characters, truncation, duplicated neighbours. */
    static byte[] mutatedInput(Gen g) {
        String text = g.pick(JSON, CSV);
        int edits = g.intBetween(1, 8);
        return mutate(
                text.getBytes(StandardCharsets.UTF_8),
                g.list(edits * 2, edits * 2, () -> g.intBetween(0, Integer.MAX_VALUE)));
    }

    private static byte[] mutate(byte[] in, java.util.List<Integer> r) {
        byte[] b = in.clone();
        int len = b.length;
        for (int i = 0; i + 1 < r.size(); i += 2) {
            int pos = r.get(i) % len;
            int op = r.get(i + 1) % 4;
            switch (op) {
                case 0 -> b[pos] = (byte) (r.get(i + 1) >>> 8);
                case 1 -> b[pos] = (byte) "{}[],:\"0123456789/.:-aAsS ".charAt((r.get(i + 1) >>> 8) % 26);
                case 2 -> len = Math.max(1, pos); // truncate
                default -> b[pos] = b[(pos + 1) % len];
            }
        }
        return java.util.Arrays.copyOf(b, len);
    }

    @Test
    void read_mutatedInput_dataOrFormatExceptionOnly() {
        PropertyCheck.forAll(3000, g -> {
            byte[] input = mutatedInput(g);
            g.note("input", new String(input, StandardCharsets.ISO_8859_1));
            RpkiData d;
            try {
                d = RpkiReader.builder().build().read(new ByteArrayInputStream(input), "fuzz");
            } catch (RpkiFormatException e) {
                assertThat(e.getMessage()).startsWith("fuzz: ");
                return;
            }
            // never more VRPs than the entries the input could hold, and every skipped entry is counted
            assertThat(d.vrps().size()).isLessThanOrEqualTo(3);
            assertThat(d.vrpRecords()).isLessThanOrEqualTo(4);
            assertThat(d.problems().size()).isLessThanOrEqualTo((int) d.skipped());
            for (VrpEntry e : d.vrps().entries()) {
                assertThat(e.vrp().maxLength())
                        .isBetween(
                                e.vrp().prefix().length(),
                                e.vrp().prefix().family().bits());
            }
        });
    }

    @Test
    void read_randomBytes_neverCrashes() {
        byte[][] magics = {{0x1f, (byte) 0x8b}, {'B', 'Z', 'h'}, {'{'}, {}};
        PropertyCheck.forAll(2000, g -> {
            // random bytes, sometimes behind a gzip, bzip2 or JSON start so the decompressors and the JSON path see
            // garbage too, not only the format sniffing
            byte[] magic = g.intBetween(0, 3) == 0 ? magics[g.intBetween(0, magics.length - 1)] : magics[3];
            byte[] tail = g.bytes(0, 255);
            byte[] input = java.util.Arrays.copyOf(magic, magic.length + tail.length);
            System.arraycopy(tail, 0, input, magic.length, tail.length);
            g.note("input", java.util.HexFormat.of().formatHex(input));
            try {
                RpkiReader.builder().build().read(new ByteArrayInputStream(input), "random");
            } catch (RpkiFormatException e) {
                assertThat(e.source()).isEqualTo("random");
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                // a random gzip/bzip2 magic followed by garbage: an I/O error from the decompressor
            } catch (IOException e) {
                assertThat(e.getMessage()).isNotNull();
            }
        });
    }

    @Test
    void prefixText_agreesWithModelParser() {
        PropertyCheck.forAll(5000, g -> {
            boolean ipv4 = g.bool();
            // small-biased words give many zero groups ("::" placement), uniform ones dense addresses
            long high = g.bool() ? g.anyLong() : g.ipv6Word();
            long low = g.bool() ? g.anyLong() : g.ipv6Word();
            int len = g.intBetween(0, 128);
            Prefix p = ipv4
                    ? Prefix.ofMasked(
                            dev.routescope.model.AddressFamily.IPV4, high & 0xFFFF_FFFF_0000_0000L, 0, len % 33)
                    : Prefix.ofMasked(dev.routescope.model.AddressFamily.IPV6, high, low, len);
            g.note("prefix", p);
            char[] text = p.toString().toCharArray();
            PrefixText t = new PrefixText();
            assertThat(t.parse(text, 0, text.length)).isNull();
            assertThat(t.ipv4).isEqualTo(p.isIpv4());
            assertThat(t.high).isEqualTo(p.high());
            assertThat(t.low).isEqualTo(p.low());
            assertThat(t.length).isEqualTo(p.length());
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "/",
                ":",
                ".",
                "::",
                "::/0",
                "0.0.0.0/0",
                "0.0.0.0/32",
                "0.0.0.0/33",
                "::/128",
                "::/129",
                "1.2.3.4/",
                "01.2.3.0/24",
                "1.2.3.0/024",
                "fffff::/16",
                "1:2:3:4:5:6:7:8/128",
                "1:2:3:4:5:6:7:8:9/128",
                "a.b.c.d/8"
            })
    void prefixText_edgeCases_rejectWhatModelRejects(String s) {
        checkRejectsWhatModelRejects(s);
    }

    @Test
    void prefixText_rejectsWhatModelRejects() {
        PropertyCheck.forAll(
                3000, g -> checkRejectsWhatModelRejects(g.note("text", g.string(1, 45, "0123456789abcdef:./"))));
    }

    private static void checkRejectsWhatModelRejects(String s) {
        char[] text = s.toCharArray();
        String error = new PrefixText().parse(text, 0, text.length);
        boolean modelAccepts;
        try {
            Prefix.parse(s);
            modelAccepts = true;
        } catch (IllegalArgumentException e) {
            modelAccepts = false;
        }
        // the model is stricter about leading zeros in IPv4 octets; otherwise both agree
        if (error == null) {
            assertThat(modelAccepts || s.matches(".*(^|[.:])0[0-9].*")).as(s).isTrue();
        } else {
            assertThat(modelAccepts).as("%s: %s", s, error).isFalse();
        }
    }
}
