package dev.routescope.rpki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Prefix;
import dev.routescope.rpki.internal.PrefixText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

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

    @Provide
    Arbitrary<byte[]> mutatedInputs() {
        Arbitrary<String> base = Arbitraries.of(JSON, CSV);
        return base.flatMap(text -> Arbitraries.integers()
                .between(1, 8)
                .flatMap(edits -> Arbitraries.integers()
                        .between(0, Integer.MAX_VALUE)
                        .list()
                        .ofSize(edits * 2)
                        .map(r -> mutate(text.getBytes(StandardCharsets.UTF_8), r))));
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

    @Property(tries = 3000)
    void read_mutatedInput_dataOrFormatExceptionOnly(@ForAll("mutatedInputs") byte[] input) throws IOException {
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
                            e.vrp().prefix().length(), e.vrp().prefix().family().bits());
        }
    }

    @Property(tries = 2000)
    void read_randomBytes_neverCrashes(@ForAll byte[] input) throws IOException {
        try {
            RpkiReader.builder().build().read(new ByteArrayInputStream(input), "random");
        } catch (RpkiFormatException e) {
            assertThat(e.source()).isEqualTo("random");
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            // a random gzip/bzip2 magic followed by garbage: an I/O error from the decompressor
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotNull();
        }
    }

    @Property(tries = 5000)
    void prefixText_agreesWithModelParser(
            @ForAll boolean ipv4, @ForAll long high, @ForAll long low, @ForAll @IntRange(min = 0, max = 128) int len) {
        Prefix p = ipv4
                ? Prefix.ofMasked(dev.routescope.model.AddressFamily.IPV4, high & 0xFFFF_FFFF_0000_0000L, 0, len % 33)
                : Prefix.ofMasked(dev.routescope.model.AddressFamily.IPV6, high, low, len);
        char[] text = p.toString().toCharArray();
        PrefixText t = new PrefixText();
        assertThat(t.parse(text, 0, text.length)).isNull();
        assertThat(t.ipv4).isEqualTo(p.isIpv4());
        assertThat(t.high).isEqualTo(p.high());
        assertThat(t.low).isEqualTo(p.low());
        assertThat(t.length).isEqualTo(p.length());
    }

    @Property(tries = 3000)
    void prefixText_rejectsWhatModelRejects(@ForAll("prefixLike") String s) {
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

    @Provide
    Arbitrary<String> prefixLike() {
        return Arbitraries.strings()
                .withChars("0123456789abcdef:./")
                .ofMinLength(1)
                .ofMaxLength(45);
    }
}
