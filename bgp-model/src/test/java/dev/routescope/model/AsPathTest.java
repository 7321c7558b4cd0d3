package dev.routescope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.testsupport.Gen;
import dev.routescope.testsupport.PropertyCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsPathTest {

    @Test
    void parse_bgpdumpNotation_givesSegments() {
        AsPath p = AsPath.parse("(65001 65002) [65003,65004] 1853 1239 13659 {13659,701}");
        assertThat(p.segments())
                .extracting(AsPathSegment::type)
                .containsExactly(
                        SegmentType.AS_CONFED_SEQUENCE,
                        SegmentType.AS_CONFED_SET,
                        SegmentType.AS_SEQUENCE,
                        SegmentType.AS_SET);
        assertThat(p.segment(2).asns()).containsExactly(Asn.of(1853), Asn.of(1239), Asn.of(13659));
        assertThat(p).hasToString("(65001 65002) [65003,65004] 1853 1239 13659 {13659,701}");
        assertThat(p.asnCount()).isEqualTo(9);
    }

    @Test
    void length_countsSetAsOneAndConfederationAsZero() {
        assertThat(AsPath.parse("1 2 3").length()).isEqualTo(3);
        assertThat(AsPath.parse("1 2 {3,4,5}").length()).isEqualTo(3);
        assertThat(AsPath.parse("(10 11) 1 2").length()).isEqualTo(2);
        assertThat(AsPath.parse("1 1 1 2").length()).isEqualTo(4);
        assertThat(AsPath.EMPTY.length()).isZero();
    }

    @Test
    void origin_sequenceEnd_isLastAsn() {
        AsPath p = AsPath.parse("3356 1299 4200000000");
        assertThat(p.origin()).contains(Asn.of(4200000000L));
        assertThat(p.originValue()).isEqualTo(4200000000L);
        assertThat(p.originAsns()).containsExactly(Asn.of(4200000000L));
        assertThat(p.firstHop()).contains(Asn.of(3356));
    }

    @Test
    void origin_setEnd_isNoneButCandidatesListed() {
        AsPath p = AsPath.parse("64500 64501 {64502,64503}");
        assertThat(p.origin()).isEmpty();
        assertThat(p.originValue()).isEqualTo(-1);
        assertThat(p.endsWithSet()).isTrue();
        assertThat(p.originAsns()).containsExactly(Asn.of(64502), Asn.of(64503));
    }

    @Test
    void emptyPath_hasNoOriginNorFirstHop() {
        assertThat(AsPath.parse("")).isSameAs(AsPath.EMPTY);
        assertThat(AsPath.EMPTY.origin()).isEmpty();
        assertThat(AsPath.EMPTY.firstHop()).isEmpty();
        assertThat(AsPath.EMPTY.originAsns()).isEmpty();
        assertThat(AsPath.EMPTY).hasToString("");
    }

    @Test
    void withoutPrepending_collapsesRepeatsOnly() {
        assertThat(AsPath.parse("1 1 1 2 2 3 {4,4} 5 5").withoutPrepending()).hasToString("1 2 3 {4,4} 5");
        AsPath clean = AsPath.parse("1 2 3");
        assertThat(clean.withoutPrepending()).isSameAs(clean);
        // repeats across two adjacent sequence segments are prepending too
        AsPath split = AsPath.of(List.of(
                AsPathSegment.of(SegmentType.AS_SEQUENCE, 1, 2), AsPathSegment.of(SegmentType.AS_SEQUENCE, 2, 3)));
        assertThat(split.withoutPrepending().toAsnArray()).containsExactly(1, 2, 3);
    }

    @Test
    void of_adjacentSequences_areJoinedSoWireSplitsCompareEqual() {
        AsPath split = AsPath.of(List.of(
                AsPathSegment.of(SegmentType.AS_SEQUENCE, 1, 2),
                AsPathSegment.of(SegmentType.AS_SEQUENCE, 3),
                AsPathSegment.of(SegmentType.AS_SET, 4, 5),
                AsPathSegment.of(SegmentType.AS_SET, 6)));
        assertThat(split).isEqualTo(AsPath.parse("1 2 3 {4,5} {6}"));
        assertThat(split.segmentCount()).isEqualTo(3);
        assertThat(split.length()).isEqualTo(5);
    }

    @Test
    void hasLoop_detectsNonAdjacentRepeatButNotPrepending() {
        assertThat(AsPath.parse("1 2 2 2 3").hasLoop()).isFalse();
        assertThat(AsPath.parse("1 2 3 2").hasLoop()).isTrue();
        assertThat(AsPath.parse("1 2 {1,3}").hasLoop()).isFalse();
    }

    @Test
    void contains_findsSetMembers() {
        AsPath p = AsPath.parse("1 2 {3,4}");
        assertThat(p.contains(4)).isTrue();
        assertThat(p.contains(5)).isFalse();
        assertThat(p.hasSet()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 {2,3", "1 x 2", "1 {} 2", "4294967296", "1 (2 3", "AS"})
    void parse_malformed_rejectedWithText(String text) {
        assertThatThrownBy(() -> AsPath.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void segment_empty_rejected() {
        assertThatThrownBy(() -> AsPathSegment.of(SegmentType.AS_SET)).hasMessageContaining("at least one ASN");
        assertThatThrownBy(() -> AsPathSegment.of(SegmentType.AS_SEQUENCE, 1, -5))
                .hasMessageContaining("-5");
    }

    @Test
    void equals_valueBased() {
        assertThat(AsPath.parse("1 2 {3,4}"))
                .isEqualTo(AsPath.parse("1  2 {3, 4}"))
                .hasSameHashCodeAs(AsPath.parse("1 2 {3,4}"));
        assertThat(AsPath.parse("1 2")).isNotEqualTo(AsPath.parse("(1 2)"));
    }

    /** Up to 5 segments of any type with 1..6 ASNs each, ASNs 16-bit-ish (0..70000) or anywhere up to 2^32-1. */
    static AsPath path(Gen g) {
        List<AsPathSegment> segments = g.list(0, 5, () -> {
            SegmentType type = g.pick(SegmentType.class);
            long[] asns = new long[g.size(1, 6)];
            for (int i = 0; i < asns.length; i++) {
                // repeats make prepending and sets with duplicates common
                asns[i] = i > 0 && g.chance(0.2) ? asns[i - 1] : g.bool() ? g.longBetween(0, 70000) : g.asn();
            }
            return AsPathSegment.of(type, asns);
        });
        return normalise(segments);
    }

    // Adjacent sequences of the same type print as one; merge them so text round trips exactly.
    private static AsPath normalise(List<AsPathSegment> segments) {
        List<AsPathSegment> out = new ArrayList<>();
        for (AsPathSegment s : segments) {
            if (!out.isEmpty()
                    && s.type() == SegmentType.AS_SEQUENCE
                    && out.get(out.size() - 1).type() == SegmentType.AS_SEQUENCE) {
                AsPathSegment prev = out.remove(out.size() - 1);
                List<Asn> merged = new ArrayList<>(prev.asns());
                merged.addAll(s.asns());
                out.add(AsPathSegment.of(SegmentType.AS_SEQUENCE, merged));
            } else {
                out.add(s);
            }
        }
        return AsPath.of(out);
    }

    @Test
    void formatThenParse_roundTrips() {
        PropertyCheck.forAll(2000, g -> {
            AsPath path = g.note("path", path(g));
            assertThat(AsPath.parse(path.toString())).isEqualTo(path);
        });
    }

    @Test
    void withoutPrepending_isIdempotentAndKeepsLengthOrder() {
        PropertyCheck.forAll(2000, g -> {
            AsPath path = g.note("path", path(g));
            AsPath once = path.withoutPrepending();
            assertThat(once.withoutPrepending()).isEqualTo(once);
            assertThat(once.length()).isLessThanOrEqualTo(path.length());
            assertThat(once.origin()).isEqualTo(path.origin());
            assertThat(once.originAsns()).isEqualTo(path.originAsns());
        });
    }
}
