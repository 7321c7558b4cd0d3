package dev.routescope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.testsupport.PropertyCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AsnTest {

    @ParameterizedTest
    @CsvSource({
        "0,0",
        "64500,64500",
        "AS64500,64500",
        "as64500,64500",
        "As4200000000,4200000000",
        "4294967295,4294967295",
        "1.10,65546",
        "AS1.0,65536",
        "0.65535,65535",
        "65535.65535,4294967295"
    })
    void parse_acceptedForms_giveValue(String text, long expected) {
        assertThat(Asn.parse(text).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "AS",
                "-1",
                "4294967296",
                "12345678901",
                "1.65536",
                "65536.0",
                "1..2",
                "1.2.3",
                "AS 1",
                " 1",
                "1x",
                "0x10",
                "1.",
                ".1"
            })
    void parse_badText_rejectedWithTextInMessage(String text) {
        assertThatThrownBy(() -> Asn.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void of_outOfRange_namesValueAndRange() {
        assertThatThrownBy(() -> Asn.of(-1)).hasMessage("ASN -1 out of range (expected: 0..4294967295)");
        assertThatThrownBy(() -> Asn.of(1L << 32)).hasMessageContaining("4294967296");
    }

    @Test
    void ofUnsigned_highBitSet_isPositive() {
        assertThat(Asn.ofUnsigned(0xFA56EA00).value()).isEqualTo(4200000000L);
    }

    @Test
    void specialRanges_followIanaRegistry() {
        assertThat(Asn.of(23456).isAsTrans()).isTrue();
        assertThat(Asn.AS_TRANS.isPublic()).isFalse();
        // RFC 5398 documentation
        assertThat(Asn.of(64495).isDocumentation()).isFalse();
        assertThat(Asn.of(64496).isDocumentation()).isTrue();
        assertThat(Asn.of(64511).isDocumentation()).isTrue();
        assertThat(Asn.of(65536).isDocumentation()).isTrue();
        assertThat(Asn.of(65551).isDocumentation()).isTrue();
        assertThat(Asn.of(65552).isDocumentation()).isFalse();
        // RFC 6996 private use
        assertThat(Asn.of(64511).isPrivate()).isFalse();
        assertThat(Asn.of(64512).isPrivate()).isTrue();
        assertThat(Asn.of(65534).isPrivate()).isTrue();
        assertThat(Asn.of(65535).isPrivate()).isFalse();
        assertThat(Asn.of(4199999999L).isPrivate()).isFalse();
        assertThat(Asn.of(4200000000L).isPrivate()).isTrue();
        assertThat(Asn.of(4294967294L).isPrivate()).isTrue();
        // RFC 7607 / 7300 / IANA reserved
        assertThat(Asn.AS0.isReserved()).isTrue();
        assertThat(Asn.of(65535).isReserved()).isTrue();
        assertThat(Asn.of(4294967295L).isReserved()).isTrue();
        assertThat(Asn.of(65552).isReserved()).isTrue();
        assertThat(Asn.of(131071).isReserved()).isTrue();
        assertThat(Asn.of(131072).isReserved()).isFalse();
        assertThat(Asn.of(3356).isPublic()).isTrue();
        assertThat(Asn.of(131072).isPublic()).isTrue();
    }

    @Test
    void toString_usesAsPrefix_andAsdotSplitsHighLow() {
        assertThat(Asn.of(64500)).hasToString("AS64500");
        assertThat(Asn.of(65546).toAsdot()).isEqualTo("1.10");
        assertThat(Asn.of(65535).toAsdot()).isEqualTo("65535");
        assertThat(Asn.of(7).toPlainString()).isEqualTo("7");
    }

    @Test
    void of_equalValues_areEqualAndOrdered() {
        assertThat(Asn.of(70000)).isEqualTo(Asn.parse("1.4464"));
        assertThat(Asn.of(1).compareTo(Asn.of(4294967295L))).isNegative();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 23456, 65535, 65536, 65537, 131071, 4294901760L, 4294967294L, 4294967295L})
    void plainAndAsdot_edgeValues_roundTrip(long value) {
        checkRoundTrip(value);
    }

    @Test
    void plainAndAsdot_roundTrip() {
        PropertyCheck.forAll(
                1000, g -> checkRoundTrip(g.note("asn", g.bool() ? g.asn() : g.longBetween(0, 4294967295L))));
    }

    private static void checkRoundTrip(long value) {
        Asn asn = Asn.of(value);
        assertThat(Asn.parse(asn.toString())).isEqualTo(asn);
        assertThat(Asn.parse(asn.toPlainString())).isEqualTo(asn);
        assertThat(Asn.parse(asn.toAsdot())).isEqualTo(asn);
    }
}
