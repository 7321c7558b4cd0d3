package dev.routescope.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.testsupport.SharedData;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutation tests over real records: bytes of real MRT records (BGP4MP updates with IPv4/IPv6, ET, TABLE_DUMP v1,
 * TABLE_DUMP_V2 with ADD-PATH, legacy BGP) are flipped, overwritten, truncated and spliced. Whatever happens, no
 * exception escapes, every problem names a source, an offset and a reason, and the counters match the problems seen.
 */
class MrtMutationRobustnessTest {
    private static final String[] SOURCES = {
        "mrt/bgpdump/updates.20160811.1600.gz",
        "mrt/bgpdump/updates.et-header.2015.gz",
        "mrt/bgpdump/bview.20020722.2337.gz",
        "mrt/bgpdump/bview.ipv6_unicast_add_path.gz",
        "mrt/bgpkit/rrc00_1999.12_updates.19991214.1621.gz",
        "mrt/mrtparse/bird6-mrtdump_rib",
        "mrt/mrtparse/openbgpd_rib_table-mp",
    };
    private static final List<byte[]> SAMPLES = new ArrayList<>();

    @BeforeAll
    static void loadSamples() throws IOException {
        for (String s : SOURCES) {
            try (MrtReader r = MrtReader.open(SharedData.file(s))) {
                // Keep a short, contiguous run (with its PEER_INDEX_TABLE) so RIB records stay meaningful.
                int n = 0;
                while (r.advance() && n++ < 200) {
                    MrtRecord rec = r.record();
                    int hdr = rec.hasExtendedTimestamp() ? 16 : 12;
                    byte[] b = new byte[rec.bodyLength() + hdr];
                    rec.buffer().getBytes(rec.bodyIndex() - hdr, b);
                    SAMPLES.add(b);
                }
            }
        }
        assertThat(SAMPLES).hasSizeGreaterThan(800);
    }

    /** Decodes a byte stream completely and checks the invariants; returns the number of elements. */
    static long decodeChecked(byte[] data) throws IOException {
        List<MrtProblem> problems = new ArrayList<>();
        MrtReader reader = MrtReader.builder().problemListener(problems::add).wrap(Unpooled.wrappedBuffer(data), "m");
        BgpdumpFormatter fmt = new BgpdumpFormatter();
        StringBuilder sb = new StringBuilder();
        long elements = 0;
        try (MrtElementReader r = new MrtElementReader(reader)) {
            while (r.advance()) {
                MrtElement e = r.element();
                sb.setLength(0);
                fmt.format(e, sb);
                e.toEvent();
                e.attributes().asPath();
                elements++;
            }
            MrtStats s = r.stats();
            assertThat(s.problems()).isEqualTo(problems.size());
            assertThat(s.elements()).isEqualTo(elements);
            assertThat(s.bytes() + s.skippedBytes()).isLessThanOrEqualTo(data.length);
        }
        for (MrtProblem p : problems) {
            assertThat(p.source()).isEqualTo("m");
            assertThat(p.offset()).isBetween(0L, (long) data.length);
            assertThat(p.detail()).isNotBlank();
            assertThat(p.toString()).contains(p.kind().name());
        }
        return elements;
    }

    private static byte[] mutate(byte[] rec, SplittableRandom rnd) {
        byte[] b = rec.clone();
        switch (rnd.nextInt(5)) {
            case 0 -> {
                int flips = 1 + rnd.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            case 2 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
            case 3 -> {
                // Length-like fields are the interesting ones: overwrite two adjacent bytes with an extreme value.
                int at = rnd.nextInt(Math.max(1, b.length - 1));
                int v = rnd.nextBoolean() ? 0xFFFF : rnd.nextInt(0x10000);
                b[at] = (byte) (v >>> 8);
                if (at + 1 < b.length) {
                    b[at + 1] = (byte) v;
                }
            }
            default -> {
                int at = rnd.nextInt(b.length);
                byte[] junk = new byte[1 + rnd.nextInt(16)];
                for (int i = 0; i < junk.length; i++) {
                    junk[i] = (byte) rnd.nextInt(256);
                }
                b = MrtBytes.concat(
                        java.util.Arrays.copyOf(b, at), junk, java.util.Arrays.copyOfRange(b, at, b.length));
            }
        }
        return b;
    }

    @Test
    void realRecords_200kMutations_noExceptionEveryProblemLocated() throws IOException {
        SplittableRandom rnd = new SplittableRandom(20210101);
        byte[] pit = null;
        int mutated = 0;
        for (int round = 0; round < 200_000; round++) {
            int i = rnd.nextInt(SAMPLES.size());
            byte[] rec = SAMPLES.get(i);
            if (rec.length > 7 && rec[5] == 13 && rec[7] == 1) {
                pit = rec;
            }
            // Prepend an unmutated PEER_INDEX_TABLE when one was seen, so RIB mutations reach the entry decoder.
            byte[] m = mutate(rec, rnd);
            decodeChecked(pit != null && rnd.nextBoolean() ? MrtBytes.concat(pit, m) : m);
            mutated++;
        }
        assertThat(mutated).isEqualTo(200_000);
    }

    @Property(tries = 300)
    void mutatedRunOfRealRecords_decodesWithoutException(
            @ForAll @IntRange(min = 0, max = 10_000) int start, @ForAll long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        int from = start % SAMPLES.size();
        List<byte[]> run = new ArrayList<>();
        for (int k = 0; k < 20 && from + k < SAMPLES.size(); k++) {
            byte[] r = SAMPLES.get(from + k);
            run.add(rnd.nextInt(4) == 0 ? mutate(r, rnd) : r);
        }
        decodeChecked(MrtBytes.concat(run.toArray(new byte[0][])));
    }

    @Test
    void unmutatedSamples_decodeWithoutProblems() throws IOException {
        for (byte[] s : SAMPLES.subList(0, 200)) {
            decodeChecked(s);
        }
    }
}
