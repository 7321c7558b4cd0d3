package dev.routescope.mrt;

import static dev.routescope.mrt.MrtBytes.bgp4mpIpv4;
import static dev.routescope.mrt.MrtBytes.bgpMessage;
import static dev.routescope.mrt.MrtBytes.bytes;
import static dev.routescope.mrt.MrtBytes.record;
import static dev.routescope.mrt.MrtBytes.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Prefix;
import dev.routescope.testsupport.SharedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Undeclared (and wrongly declared) ADD-PATH NLRI, domain.md §3.6: parse both ways, keep the one that fits. */
class AddPathDetectionTest {
    private static final long T = 1_609_476_900L;
    private static final int[] PEER = {192, 0, 2, 1};
    private final List<MrtProblem> problems = new ArrayList<>();

    private record Seen(Prefix prefix, long pathId) {}

    private static byte[] attrs() {
        return bytes().attr(0x40, 1, new byte[] {0})
                .attr(0x40, 2, bytes().u8(2, 1).u32(64500).toArray())
                .attr(0x40, 3, new byte[] {(byte) 192, 0, 2, 1})
                .toArray();
    }

    private List<Seen> decode(int subtype, byte[] nlri) throws Exception {
        byte[] msg = bgpMessage(2, update(new byte[0], attrs(), nlri));
        List<Seen> out = new ArrayList<>();
        try (MrtElementReader r = new MrtElementReader(MrtReader.builder()
                .problemListener(problems::add)
                .wrap(MrtBytes.buf(record(T, 16, subtype, bgp4mpIpv4(true, 64500, 1, PEER, msg))), "ap"))) {
            while (r.advance()) {
                out.add(new Seen(r.element().prefix(), r.element().pathId()));
            }
        }
        return out;
    }

    @Test
    void plainSubtypeWithAddPathNlri_detectedDecodedWithPathIdsAndNoted() throws Exception {
        byte[] nlri = bytes().u32(1).u8(8, 10).u32(2).u8(16, 192, 168).toArray();
        assertThat(decode(4, nlri))
                .containsExactly(new Seen(Prefix.parse("10.0.0.0/8"), 1), new Seen(Prefix.parse("192.168.0.0/16"), 2));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MrtProblem.Kind.MALFORMED_NLRI);
            assertThat(p.action()).isEqualTo(MrtProblem.Action.NOTED);
            assertThat(p.detail()).contains("NLRI parses only with ADD-PATH path identifiers");
        });
    }

    @Test
    void plainNlriThatAlsoParsesAsAddPath_declaredPlainWinsWithoutProblem() throws Exception {
        // 24 10.0.0 | 8 10 also reads as path id 0x180a0000 + 8 10: the declared encoding is kept.
        byte[] nlri = bytes().u8(24, 10, 0, 0).u8(8, 10).toArray();
        assertThat(decode(4, nlri))
                .extracting(Seen::prefix)
                .containsExactly(Prefix.parse("10.0.0.0/24"), Prefix.parse("10.0.0.0/8"));
        assertThat(problems).isEmpty();
    }

    @Test
    void addPathSubtypeWithPlainNlri_decodedPlainAndNoted() throws Exception {
        byte[] nlri = bytes().u8(24, 10, 1, 2).toArray();
        assertThat(decode(9, nlri)).containsExactly(new Seen(Prefix.parse("10.1.2.0/24"), -1));
        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p.detail())
                        .contains("declared ADD-PATH by the subtype parses only without path identifiers"));
    }

    @Test
    void neitherEncodingFits_declaredDecodedAndErrorsReported() throws Exception {
        byte[] nlri = bytes().u8(8, 10).u8(200).toArray();
        assertThat(decode(4, nlri)).extracting(Seen::prefix).containsExactly(Prefix.parse("10.0.0.0/8"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.action()).isEqualTo(MrtProblem.Action.ELEMENT_DROPPED);
            assertThat(p.detail()).contains("prefix length 200");
        });
    }

    @Test
    void birdSamplesWithUndeclaredAddPath_everyPrefixDecodedNoneDropped() throws Exception {
        for (String f : new String[] {"mrt/mrtparse/bird_bgp", "mrt/mrtparse/bird6_bgp"}) {
            problems.clear();
            List<Long> pathIds = new ArrayList<>();
            try (MrtElementReader r = new MrtElementReader(
                    MrtReader.builder().problemListener(problems::add).open(SharedData.file(f)))) {
                while (r.advance()) {
                    if (r.element().kind() != MrtElement.Kind.STATE_CHANGE) {
                        pathIds.add(r.element().pathId());
                    }
                }
            }
            assertThat(problems).as(f).isNotEmpty().allSatisfy(p -> {
                assertThat(p.action()).isEqualTo(MrtProblem.Action.NOTED);
                assertThat(p.detail()).contains("undeclared");
            });
            assertThat(pathIds)
                    .as(f)
                    .isNotEmpty()
                    .allSatisfy(id -> assertThat(id).isNotNegative());
        }
    }
}
