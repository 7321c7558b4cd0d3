package dev.routescope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.testsupport.Gen;
import dev.routescope.testsupport.PropertyCheck;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    /** Examples from RFC 5952 sections 2 and 4, plus the IPv4-mapped form of section 5. */
    @ParameterizedTest
    @CsvSource({
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:0db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8::1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8::0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:0db8::1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:0:1::1, 2001:db8::1:0:0:1",
        "2001:DB8:0:0:1:0000:0000:1, 2001:db8::1:0:0:1",
        "2001:db8:0:0:0::1, 2001:db8::1",
        "2001:db8:0::1, 2001:db8::1",
        "2001:db8:aaaa:bbbb:cccc:dddd:eeee:0001, 2001:db8:aaaa:bbbb:cccc:dddd:eeee:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:0, 2001:db8:0:0:1::",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "1:0:0:0:0:0:0:0, 1::",
        "::ffff:192.0.2.1, ::ffff:192.0.2.1",
        "0:0:0:0:0:ffff:c000:0201, ::ffff:192.0.2.1",
        "::192.0.2.1, ::c000:201",
        "fe80::a8bb:ccff:fedd:eeff, fe80::a8bb:ccff:fedd:eeff",
        "2605:de00:bb:0:0:0:0:0, 2605:de00:bb::",
    })
    void toString_ipv6_isRfc5952Canonical(String input, String canonical) {
        assertThat(IpAddress.parse(input)).hasToString(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "1.2.3",
                "1.2.3.4.5",
                "256.1.1.1",
                "01.2.3.4",
                "1.2.3.4 ",
                "1::2::3",
                ":1::2",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7",
                "12345::",
                "g::",
                "1:2:3:4:5:6:7:8::",
                "fe80::1%eth0",
                "::1.2.3",
                "1:",
                "1:2:3:4:5:6:7:"
            })
    void parse_malformed_rejectedWithText(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void ipv4_layoutIsLeftAligned() {
        IpAddress a = IpAddress.parse("192.0.2.1");
        assertThat(a.high()).isEqualTo(0xC000020100000000L);
        assertThat(a.low()).isZero();
        assertThat(a.ipv4Bits()).isEqualTo(0xC0000201);
        assertThat(a.bit(0)).isEqualTo(1);
        assertThat(a.bit(2)).isEqualTo(0);
        assertThat(a.bit(31)).isEqualTo(1);
        assertThat(a.toBytes()).containsExactly(192, 0, 2, 1);
    }

    @Test
    void constructor_ipv4WithLowBits_rejected() {
        assertThatThrownBy(() -> new IpAddress(AddressFamily.IPV4, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compareTo_ordersFamilyThenUnsignedAddress() {
        assertThat(IpAddress.parse("255.0.0.0").compareTo(IpAddress.parse("1.0.0.0")))
                .isPositive();
        assertThat(IpAddress.parse("255.255.255.255").compareTo(IpAddress.parse("::")))
                .isNegative();
        assertThat(IpAddress.parse("ffff::").compareTo(IpAddress.parse("7fff::")))
                .isPositive();
    }

    /** 4 or 16 random bytes, or 16 bytes mostly zero (many zero groups exercise the "::" selection). */
    static byte[] addressBytes(Gen g) {
        return switch (g.intBetween(0, 2)) {
            case 0 -> g.bytes(4, 4);
            case 1 -> g.bytes(16, 16);
            default -> {
                byte[] b = new byte[16];
                for (int i = 0; i < b.length; i++) {
                    b[i] = g.pick((byte) 0, (byte) 0, (byte) 0, (byte) 1, (byte) 0xff);
                }
                yield b;
            }
        };
    }

    @Test
    void formatThenParse_edgeAddresses_roundTripAndAgreeWithInetAddress() throws UnknownHostException {
        byte[] ffff = new byte[16];
        java.util.Arrays.fill(ffff, (byte) 0xff);
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        byte[] v4ones = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        for (byte[] bytes : new byte[][] {new byte[4], v4ones, new byte[16], ffff, mapped}) {
            checkRoundTrip(bytes);
        }
    }

    @Test
    void formatThenParse_roundTripsAndAgreesWithInetAddress() {
        PropertyCheck.forAll(3000, g -> checkRoundTrip(g.note("bytes", addressBytes(g))));
    }

    private static void checkRoundTrip(byte[] bytes) throws UnknownHostException {
        IpAddress a = IpAddress.ofBytes(bytes);
        String text = a.toString();
        assertThat(IpAddress.parse(text)).as(text).isEqualTo(a);
        assertThat(a.toBytes()).isEqualTo(bytes);
        byte[] jdk = InetAddress.getByName(text).getAddress();
        if (a.isIpv4Mapped()) {
            // the JDK turns ::ffff:a.b.c.d into an Inet4Address
            assertThat(jdk).hasSize(4);
        } else {
            assertThat(jdk).as(text).isEqualTo(bytes);
        }
        assertThat(text).isEqualTo(text.toLowerCase(java.util.Locale.ROOT)).doesNotContain(":::");
        assertThat(text.split("::", -1).length).isLessThanOrEqualTo(2);
    }
}
