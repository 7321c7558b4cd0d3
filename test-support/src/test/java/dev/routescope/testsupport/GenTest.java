package dev.routescope.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenTest {
    private static final int DRAWS = 20_000;

    private enum Colour {
        RED,
        GREEN,
        BLUE
    }

    @Test
    void seeded_sameSeed_sameValuesForTheSameCalls() {
        Gen a = Gen.seeded(99);
        Gen b = Gen.seeded(99);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.anyLong()).isEqualTo(b.anyLong());
            assertThat(a.string(30)).isEqualTo(b.string(30));
            assertThat(a.bytes(0, 20)).isEqualTo(b.bytes(0, 20));
            assertThat(a.asn()).isEqualTo(b.asn());
        }
    }

    @Test
    void intBetween_staysInRangeAndHitsBothEndsAndZero() {
        long seed = PropertyCheck.baseSeed();
        Gen g = Gen.seeded(seed);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            int v = g.intBetween(-3, 1000);
            assertThat(v).as("seed %d", seed).isBetween(-3, 1000);
            seen.add(v);
        }
        assertThat(seen).as("seed %d", seed).contains(-3, -2, 0, 1, 999, 1000);
        assertThat(seen.size()).as("seed %d", seed).isGreaterThan(900);
    }

    @Test
    void longBetween_fullAndExtremeRanges_neverOverflow() {
        long seed = PropertyCheck.baseSeed();
        Gen g = Gen.seeded(seed);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            seen.add(g.anyLong());
            assertThat(g.longBetween(Long.MAX_VALUE - 2, Long.MAX_VALUE)).isGreaterThanOrEqualTo(Long.MAX_VALUE - 2);
            assertThat(g.longBetween(Long.MIN_VALUE, Long.MIN_VALUE + 2)).isLessThanOrEqualTo(Long.MIN_VALUE + 2);
            assertThat(g.longBetween(5, 5)).isEqualTo(5);
            assertThat(g.intBetween(-10, -5)).isBetween(-10, -5);
        }
        assertThat(seen).as("seed %d", seed).contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L, 1L, -1L);
        // small values are common, but so are full-width ones
        assertThat(seen.stream().filter(v -> Math.abs(v) < 1 << 16).count()).isGreaterThan(DRAWS / 40);
        assertThat(seen.stream().filter(v -> Math.abs(v) > 1L << 60).count()).isGreaterThan(DRAWS / 4);
        assertThatThrownBy(() -> g.intBetween(2, 1)).hasMessage("range 2..1 is empty (expected: min <= max)");
    }

    @Test
    void string_isWellFormedUtf16WithinLengthAndCoversEveryCharacterClass() {
        long seed = PropertyCheck.baseSeed();
        Gen g = Gen.seeded(seed);
        Set<Integer> lengths = new HashSet<>();
        boolean supplementary = false;
        boolean nonAscii = false;
        boolean newline = false;
        for (int i = 0; i < DRAWS / 10; i++) {
            String s = g.string(2, 40);
            lengths.add(s.length());
            assertThat(s.length()).as("seed %d", seed).isBetween(2, 40);
            assertThat(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .as("seed %d: UTF-8 round trip", seed)
                    .isEqualTo(s);
            supplementary |= s.codePoints().anyMatch(Character::isSupplementaryCodePoint);
            nonAscii |= s.chars().anyMatch(c -> c > 0x7F && !Character.isSurrogate((char) c));
            newline |= s.indexOf('\n') >= 0;
        }
        assertThat(lengths).contains(2, 40);
        assertThat(supplementary && nonAscii && newline).as("seed %d", seed).isTrue();
        assertThat(g.string(0, 0)).isEmpty();
        assertThat(g.string(3, 3, "ab")).matches("[ab]{3}");
    }

    @Test
    void pickListSubsetAndOrNull_respectBounds() {
        long seed = PropertyCheck.baseSeed();
        Gen g = Gen.seeded(seed);
        Set<Colour> colours = new HashSet<>();
        Set<Integer> sizes = new HashSet<>();
        int nulls = 0;
        for (int i = 0; i < 2000; i++) {
            colours.add(g.pick(Colour.class));
            List<Integer> l = g.list(1, 6, () -> g.intBetween(0, 3));
            assertThat(l).hasSizeBetween(1, 6).allMatch(v -> v >= 0 && v <= 3);
            sizes.add(l.size());
            List<String> sub = g.subset(List.of("a", "b", "c", "d"), 1);
            assertThat(sub).hasSizeBetween(1, 4).isSubsetOf("a", "b", "c", "d").isSorted();
            if (g.orNull(0.3, () -> "x") == null) {
                nulls++;
            }
            assertThat(g.pick("p", "q")).isIn("p", "q");
        }
        assertThat(colours).containsExactlyInAnyOrder(Colour.values());
        assertThat(sizes).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        assertThat(nulls).as("seed %d", seed).isBetween(450, 750);
        assertThatThrownBy(() -> g.pick(new ArrayList<String>())).hasMessageContaining("nothing to pick");
    }

    @Test
    void bgpValues_coverTheirRangesAndSpecialValues() {
        long seed = PropertyCheck.baseSeed();
        Gen g = Gen.seeded(seed);
        Set<Long> asns = new HashSet<>();
        Set<Integer> lengths = new HashSet<>();
        Set<Integer> v4 = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            long asn = g.asn();
            assertThat(asn).isBetween(0L, 4_294_967_295L);
            asns.add(asn);
            int len = g.prefixLength(32);
            assertThat(len).isBetween(0, 32);
            lengths.add(len);
            v4.add(g.ipv4Bits());
        }
        assertThat(asns).as("seed %d", seed).contains(0L, 23_456L, 65_535L, 65_536L, 4_294_967_295L);
        assertThat(asns.stream().filter(a -> a > 65_535).count()).isGreaterThan(DRAWS / 4);
        assertThat(lengths).hasSize(33);
        assertThat(v4).contains(0, 0xFFFF_FFFF);
    }
}
