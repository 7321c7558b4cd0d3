package dev.routescope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.testsupport.Gen;
import dev.routescope.testsupport.PropertyCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrefixTest {

    @Test
    void parse_strict_rejectsHostBitsAndNamesCanonicalForm() {
        assertThatThrownBy(() -> Prefix.parse("192.0.2.1/24"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'192.0.2.1/24'")
                .hasMessageContaining("host bits")
                .hasMessageContaining("192.0.2.0/24");
    }

    @Test
    void parseLenient_masksHostBits() {
        assertThat(Prefix.parseLenient("192.0.2.77/24")).isEqualTo(Prefix.parse("192.0.2.0/24"));
        assertThat(Prefix.parseLenient("2001:db8:ffff::1/32")).hasToString("2001:db8::/32");
        assertThat(Prefix.parseLenient("255.255.255.255/0")).hasToString("0.0.0.0/0");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "192.0.2.0",
                "192.0.2.0/33",
                "2001:db8::/129",
                "192.0.2.0/",
                "192.0.2.0/-1",
                "192.0.2.0/2a",
                "/24",
                "192.0.2.0/0024",
                "300.0.0.0/8",
                "2001:db8::/32/1"
            })
    void parse_malformed_rejectedWithText(String text) {
        assertThatThrownBy(() -> Prefix.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void lengthOutOfRange_namesRange() {
        assertThatThrownBy(() -> Prefix.ipv4(0, 33)).hasMessage("prefix length 33 (expected: 0..32)");
        assertThatThrownBy(() -> Prefix.ipv6(0, 0, 129)).hasMessage("prefix length 129 (expected: 0..128)");
    }

    @Test
    void covers_containsAndOverlaps_followRfc6811Semantics() {
        Prefix p16 = Prefix.parse("10.0.0.0/16");
        Prefix p24 = Prefix.parse("10.0.1.0/24");
        Prefix other = Prefix.parse("10.1.0.0/24");
        assertThat(p16.covers(p24)).isTrue();
        assertThat(p16.covers(p16)).isTrue();
        assertThat(p24.covers(p16)).isFalse();
        assertThat(p16.covers(other)).isFalse();
        assertThat(p24.isMoreSpecificOf(p16)).isTrue();
        assertThat(p16.isMoreSpecificOf(p16)).isFalse();
        assertThat(p24.overlaps(p16)).isTrue();
        assertThat(p16.overlaps(p24)).isTrue();
        assertThat(other.overlaps(p24)).isFalse();
        assertThat(p16.contains(IpAddress.parse("10.0.255.255"))).isTrue();
        assertThat(p16.contains(IpAddress.parse("10.1.0.0"))).isFalse();
        assertThat(Prefix.parse("0.0.0.0/0").covers(p24)).isTrue();
        assertThat(Prefix.parse("::/0").covers(p24)).isFalse();
        assertThat(Prefix.parse("::/0").contains(IpAddress.parse("10.0.0.1"))).isFalse();
    }

    @Test
    void covers_ipv6AcrossWordBoundary() {
        Prefix p64 = Prefix.parse("2001:db8:1:2::/64");
        Prefix p65 = Prefix.parse("2001:db8:1:2:8000::/65");
        Prefix p128 = Prefix.parse("2001:db8:1:2:8000::1/128");
        assertThat(p64.covers(p65)).isTrue();
        assertThat(p65.covers(p128)).isTrue();
        assertThat(Prefix.parse("2001:db8:1:2::/65").covers(p128)).isFalse();
        assertThat(p128.supernet(64)).isEqualTo(p64);
    }

    @Test
    void compareTo_coveringSortsFirstAndIpv4BeforeIpv6() {
        List<Prefix> list = new ArrayList<>(List.of(
                Prefix.parse("2001:db8::/32"),
                Prefix.parse("10.0.1.0/24"),
                Prefix.parse("10.0.0.0/16"),
                Prefix.parse("10.0.0.0/8"),
                Prefix.parse("9.0.0.0/8"),
                Prefix.parse("200.0.0.0/8")));
        Collections.sort(list);
        assertThat(list)
                .map(Prefix::toString)
                .containsExactly(
                        "9.0.0.0/8", "10.0.0.0/8", "10.0.0.0/16", "10.0.1.0/24", "200.0.0.0/8", "2001:db8::/32");
    }

    /** Any IPv4 or IPv6 prefix, host bits masked; edge addresses and lengths come up often. */
    static Prefix prefix(Gen g) {
        if (g.bool()) {
            return Prefix.ofMasked(IpAddress.ofIpv4(g.ipv4Bits()), g.prefixLength(32));
        }
        return Prefix.ofMasked(AddressFamily.IPV6, g.ipv6Word(), g.ipv6Word(), g.prefixLength(128));
    }

    /**
     * A prefix near {@code a}: its address with one bit flipped at a random position and a random length, so that
     * covering, covered and sibling pairs are common (two independent prefixes almost never nest).
     */
    static Prefix near(Gen g, Prefix a) {
        int bits = a.family().bits();
        int flip = g.intBetween(0, bits - 1);
        long high = a.high();
        long low = a.low();
        if (flip < 64) {
            high ^= Long.MIN_VALUE >>> flip;
        } else {
            low ^= Long.MIN_VALUE >>> (flip - 64);
        }
        return Prefix.ofMasked(a.family(), high, low, g.prefixLength(bits));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0/0",
                "128.0.0.0/1",
                "255.255.255.254/31",
                "255.255.255.255/32",
                "0.0.0.0/32",
                "::/0",
                "8000::/1",
                "ffff:ffff:ffff:ffff::/64",
                "ffff:ffff:ffff:ffff:8000::/65",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128",
                "::/128"
            })
    void formatThenParse_edgePrefixes_roundTrip(String text) {
        Prefix p = Prefix.parse(text);
        assertThat(p).hasToString(text);
        assertThat(Prefix.parseLenient(text)).isEqualTo(p);
        assertThat(p.covers(p)).isTrue();
        assertThat(p.contains(p.address())).isTrue();
    }

    @Test
    void formatThenParse_roundTrips() {
        PropertyCheck.forAll(3000, g -> {
            Prefix p = g.note("prefix", prefix(g));
            assertThat(Prefix.parse(p.toString())).isEqualTo(p);
            assertThat(Prefix.parseLenient(p.toString())).isEqualTo(p);
            assertThat(p.covers(p)).isTrue();
            assertThat(p.contains(p.address())).isTrue();
        });
    }

    @Test
    void covers_agreesWithBitByBitDefinition() {
        int[] outcomes = new int[2];
        PropertyCheck.forAll(3000, g -> {
            Prefix a = g.note("a", prefix(g));
            Prefix b = g.note("b", g.bool() ? prefix(g) : near(g, a));
            boolean expected = a.family() == b.family() && a.length() <= b.length();
            for (int i = 0; expected && i < a.length(); i++) {
                expected = a.bit(i) == b.bit(i);
            }
            assertThat(a.covers(b)).isEqualTo(expected);
            if (a.length() <= b.length() && a.family() == b.family()) {
                assertThat(a.covers(b)).isEqualTo(b.supernet(a.length()).equals(a));
            }
            outcomes[expected ? 1 : 0]++;
        });
        // both answers must be exercised for the comparison to mean anything
        assertThat(outcomes[1]).isGreaterThan(300);
        assertThat(outcomes[0]).isGreaterThan(300);
    }

    @Test
    void hashCode_alignedPrefixes_spreadOverLowBits() {
        // Open-addressing tables index by the low bits: every /24 of 10/8 and every /48 of 2001:db8::/32
        // must land on (nearly) as many distinct 16-bit slots as random hashes would (~63 % of 65,536).
        java.util.BitSet v4 = new java.util.BitSet(1 << 16);
        java.util.BitSet v6 = new java.util.BitSet(1 << 16);
        for (int i = 0; i < 1 << 16; i++) {
            Prefix p4 = Prefix.parse("10." + (i >>> 8) + "." + (i & 0xff) + ".0/24");
            Prefix p6 = Prefix.parse("2001:db8:" + Integer.toHexString(i) + "::/48");
            assertThat(p4.hashCode()).isEqualTo(Prefix.parse(p4.toString()).hashCode());
            v4.set(p4.hashCode() & 0xffff);
            v6.set(p6.hashCode() & 0xffff);
        }
        assertThat(v4.cardinality()).isGreaterThan(38_000);
        assertThat(v6.cardinality()).isGreaterThan(38_000);
    }
}
