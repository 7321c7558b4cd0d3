package dev.routescope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    @Provide
    Arbitrary<Prefix> prefixes() {
        Arbitrary<Prefix> v4 = Combinators.combine(
                        Arbitraries.integers(), Arbitraries.integers().between(0, 32))
                .as((bits, len) -> Prefix.ofMasked(IpAddress.ofIpv4(bits), len));
        Arbitrary<Prefix> v6 = Combinators.combine(
                        Arbitraries.longs(),
                        Arbitraries.longs(),
                        Arbitraries.integers().between(0, 128))
                .as((h, l, len) -> Prefix.ofMasked(AddressFamily.IPV6, h, l, len));
        return Arbitraries.oneOf(v4, v6);
    }

    @Property(tries = 3000)
    void formatThenParse_roundTrips(@ForAll("prefixes") Prefix p) {
        assertThat(Prefix.parse(p.toString())).isEqualTo(p);
        assertThat(Prefix.parseLenient(p.toString())).isEqualTo(p);
        assertThat(p.covers(p)).isTrue();
        assertThat(p.contains(p.address())).isTrue();
    }

    @Property(tries = 3000)
    void covers_agreesWithBitByBitDefinition(@ForAll("prefixes") Prefix a, @ForAll("prefixes") Prefix b) {
        boolean expected = a.family() == b.family() && a.length() <= b.length();
        for (int i = 0; expected && i < a.length(); i++) {
            expected = a.bit(i) == b.bit(i);
        }
        assertThat(a.covers(b)).isEqualTo(expected);
        if (a.length() <= b.length() && a.family() == b.family()) {
            assertThat(a.covers(b)).isEqualTo(b.supernet(a.length()).equals(a));
        }
    }
}
