package dev.routescope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.testsupport.PropertyCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommunityTest {

    @Test
    void wellKnown_valuesAndNamesMatchIana() {
        assertThat(Community.BLACKHOLE).hasToString("65535:666");
        assertThat(Community.parse("65535:666")).isEqualTo(Community.BLACKHOLE);
        assertThat(Community.BLACKHOLE.wellKnownName()).contains("BLACKHOLE");
        assertThat(Community.NO_EXPORT).hasToString("65535:65281");
        assertThat(Community.NO_ADVERTISE).hasToString("65535:65282");
        assertThat(Community.NO_EXPORT_SUBCONFED).hasToString("65535:65283");
        assertThat(Community.NO_PEER).hasToString("65535:65284");
        assertThat(Community.GRACEFUL_SHUTDOWN).hasToString("65535:0");
        assertThat(Community.parse("no-export")).isEqualTo(Community.NO_EXPORT);
        assertThat(Community.parse("local-AS")).isEqualTo(Community.NO_EXPORT_SUBCONFED);
        assertThat(Community.parse("blackhole")).isEqualTo(Community.BLACKHOLE);
        assertThat(Community.of(3356, 100).wellKnownName()).isEmpty();
        assertThat(Community.of(0, 1).isReserved()).isTrue();
        assertThat(Community.of(3356, 1).isReserved()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1:", ":1", "65536:1", "1:65536", "1:2:3", "a:b", "-1:2"})
    void parse_malformed_rejectedWithText(String text) {
        assertThatThrownBy(() -> Community.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void ofUnsigned_highBitSet_keepsUnsignedHalves() {
        Community c = Community.ofUnsigned(0xFFFF029A);
        assertThat(c.high()).isEqualTo(65535);
        assertThat(c.low()).isEqualTo(666);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0:0", "0:65535", "65535:0", "65535:65535", "1:1", "65534:65534"})
    void standard_edgeValues_roundTrip(String text) {
        Community c = Community.parse(text);
        assertThat(c).isEqualTo(Community.of(c.high(), c.low()));
        assertThat(Community.parse(c.toString())).isEqualTo(c);
    }

    @Test
    void standard_roundTrips() {
        PropertyCheck.forAll(1000, g -> {
            Community c = g.note("community", Community.of(g.intBetween(0, 65535), g.intBetween(0, 65535)));
            assertThat(Community.parse(c.toString())).isEqualTo(c);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0:0:0", "4294967295:4294967295:4294967295", "4294967295:0:1", "1:4294967294:0"})
    void large_edgeValues_roundTrip(String text) {
        LargeCommunity c = LargeCommunity.parse(text);
        assertThat(c).hasToString(text);
        assertThat(LargeCommunity.parse(c.toString())).isEqualTo(c);
    }

    @Test
    void large_roundTrips() {
        PropertyCheck.forAll(1000, g -> {
            LargeCommunity c = g.note(
                    "community",
                    new LargeCommunity(
                            g.longBetween(0, 4294967295L),
                            g.longBetween(0, 4294967295L),
                            g.longBetween(0, 4294967295L)));
            assertThat(LargeCommunity.parse(c.toString())).isEqualTo(c);
        });
    }

    @Test
    void large_malformed_rejected() {
        assertThatThrownBy(() -> LargeCommunity.parse("1:2")).hasMessageContaining("'1:2'");
        assertThatThrownBy(() -> LargeCommunity.parse("4294967296:1:2")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> new LargeCommunity(-1, 0, 0)).hasMessageContaining("global administrator -1");
    }

    @Test
    void extended_routeTargetAndTransitivity() {
        ExtendedCommunity rt = ExtendedCommunity.routeTarget(64500, 100);
        assertThat(rt).hasToString("rt:64500:100");
        assertThat(rt.type()).isZero();
        assertThat(rt.subtype()).isEqualTo(2);
        assertThat(rt.isTransitive()).isTrue();
        ExtendedCommunity nonTransitive = new ExtendedCommunity(0x4300_0000_0000_0001L);
        assertThat(nonTransitive.isTransitive()).isFalse();
        assertThat(nonTransitive).hasToString("0x4300000000000001");
        assertThat(new ExtendedCommunity(0x0103_C000_0201_0064L)).hasToString("soo:192.0.2.1:100");
        assertThat(new ExtendedCommunity(0x0202_FA56_EA00_0007L)).hasToString("rt:4200000000:7");
    }
}
