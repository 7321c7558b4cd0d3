package dev.routescope.rpki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.AsPath;
import dev.routescope.model.Prefix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the domain reference (§6.2, RFC 6811 with AS0 per RFC 6483/7607), run
 * against every validator implementation.
 */
abstract class RovContractTest {
    static final List<Vrp> EXAMPLE_VRPS = List.of(
            Vrp.of("192.0.2.0/24", 24, 64496), // A
            Vrp.of("198.51.100.0/22", 24, 64497), // B
            Vrp.of("203.0.113.0/24", 24, 0), // C (AS0)
            Vrp.of("2001:db8::/32", 48, 64498), // D
            Vrp.of("2001:db8:1000::/36", 36, 64499), // E
            Vrp.of("100.64.0.0/16", 16, 64500), // F
            Vrp.of("100.64.0.0/16", 16, 64501)); // G

    /** Validates with the implementation under test, built from {@code vrps}. */
    abstract RovState validate(List<Vrp> vrps, Prefix prefix, AsPath path);

    private RovState check(String prefix, String path) {
        return validate(EXAMPLE_VRPS, Prefix.parse(prefix), AsPath.parse(path));
    }

    @Test
    void example1_exactMatch_valid() {
        assertThat(check("192.0.2.0/24", "64511 64496")).isEqualTo(RovState.VALID);
    }

    @Test
    void example2_longerThanMaxLength_invalid() {
        assertThat(check("192.0.2.0/25", "64511 64496")).isEqualTo(RovState.INVALID);
    }

    @Test
    void example3_otherOrigin_invalid() {
        assertThat(check("192.0.2.0/24", "64496 64511")).isEqualTo(RovState.INVALID);
    }

    @Test
    void example4_withinMaxLength_valid() {
        assertThat(check("198.51.101.0/24", "64511 64497")).isEqualTo(RovState.VALID);
    }

    @Test
    void example5_lessSpecificThanVrp_notFound() {
        // domain.md writes 198.51.100.0/21, which has host bits set; the /21 holding it is 198.51.96.0/21
        assertThat(check("198.51.96.0/21", "64511 64497")).isEqualTo(RovState.NOT_FOUND);
    }

    @Test
    void example6_onlyAs0Covers_invalid() {
        assertThat(check("203.0.113.0/24", "64511 64500")).isEqualTo(RovState.INVALID);
    }

    @Test
    void example7_as0PlusMatchingVrp_valid() {
        List<Vrp> vrps = new ArrayList<>(EXAMPLE_VRPS);
        vrps.add(Vrp.of("203.0.113.0/24", 24, 64500));
        assertThat(validate(vrps, Prefix.parse("203.0.113.0/24"), AsPath.parse("64511 64500")))
                .isEqualTo(RovState.VALID);
    }

    @Test
    void example8_ipv6WithinMaxLength_valid() {
        assertThat(check("2001:db8:1234::/48", "64511 64498")).isEqualTo(RovState.VALID);
    }

    @Test
    void example9_ipv6NoMatchingVrp_invalid() {
        assertThat(check("2001:db8:1234::/48", "64511 64499")).isEqualTo(RovState.INVALID);
    }

    @Test
    void example10_ipv6Exact_valid() {
        assertThat(check("2001:db8:1000::/36", "64511 64499")).isEqualTo(RovState.VALID);
    }

    @Test
    void example11_moasSecondVrp_valid() {
        assertThat(check("100.64.0.0/16", "64511 64501")).isEqualTo(RovState.VALID);
    }

    @Test
    void example12_asSetOrigin_invalid() {
        assertThat(check("192.0.2.0/24", "64510 {64496,64511}")).isEqualTo(RovState.INVALID);
    }

    @Test
    void example13_forgedOrigin_valid() {
        assertThat(check("192.0.2.0/24", "666 64496")).isEqualTo(RovState.VALID);
    }

    @Test
    void uncoveredPrefix_notFoundEvenWithAsSet() {
        assertThat(check("192.0.3.0/24", "64510 {64496,64511}")).isEqualTo(RovState.NOT_FOUND);
    }

    @Test
    void originAs0_coveredByAs0Vrp_invalid() {
        assertThat(check("203.0.113.0/24", "64511 0")).isEqualTo(RovState.INVALID);
    }

    @Test
    void emptyVrpSet_everythingNotFound() {
        assertThat(validate(List.of(), Prefix.parse("0.0.0.0/0"), AsPath.parse("1")))
                .isEqualTo(RovState.NOT_FOUND);
        assertThat(validate(List.of(), Prefix.parse("::/0"), AsPath.parse("1"))).isEqualTo(RovState.NOT_FOUND);
    }

    @Test
    void defaultRouteVrp_coversEverythingOfItsFamilyOnly() {
        List<Vrp> vrps = List.of(Vrp.of("0.0.0.0/0", 32, 64496));
        assertThat(validate(vrps, Prefix.parse("203.0.113.7/32"), AsPath.parse("64496")))
                .isEqualTo(RovState.VALID);
        assertThat(validate(vrps, Prefix.parse("203.0.113.0/24"), AsPath.parse("64497")))
                .isEqualTo(RovState.INVALID);
        assertThat(validate(vrps, Prefix.parse("2001:db8::/32"), AsPath.parse("64497")))
                .isEqualTo(RovState.NOT_FOUND);
    }

    @Test
    void hostRoutesAtTopOfAddressSpace_handled() {
        List<Vrp> vrps = List.of(
                Vrp.of("255.255.255.255/32", 32, 1),
                Vrp.of("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", 128, 2),
                Vrp.of("ffff:ffff:ffff:ffff::/64", 128, 3));
        assertThat(validate(vrps, Prefix.parse("255.255.255.255/32"), AsPath.parse("1")))
                .isEqualTo(RovState.VALID);
        assertThat(validate(vrps, Prefix.parse("255.255.255.254/32"), AsPath.parse("1")))
                .isEqualTo(RovState.NOT_FOUND);
        assertThat(validate(vrps, Prefix.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"), AsPath.parse("2")))
                .isEqualTo(RovState.VALID);
        assertThat(validate(vrps, Prefix.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128"), AsPath.parse("2")))
                .isEqualTo(RovState.INVALID);
        assertThat(validate(vrps, Prefix.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/128"), AsPath.parse("3")))
                .isEqualTo(RovState.VALID);
    }
}
