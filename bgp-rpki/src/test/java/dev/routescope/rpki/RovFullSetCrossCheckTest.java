package dev.routescope.rpki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.Prefix;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Cross-checks the compiled table against two independent references on the full global VRP set
 * (723,521 VRPs): a hash map probed at every possible covering length (RFC 6811 "covered" by
 * definition) for millions of random queries, and a true linear scan over every VRP for a sample.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RovFullSetCrossCheckTest {
    private VrpSnapshot snapshot = VrpSnapshot.empty();
    private List<Vrp> vrps = List.of();
    private final Map<Prefix, List<Vrp>> byPrefix = new HashMap<>();
    private final Set<Integer> v4Lengths = new HashSet<>();
    private final Set<Integer> v6Lengths = new HashSet<>();

    @BeforeAll
    void load() throws IOException {
        snapshot = RpkiReader.read(SharedData.file("rpki/rpkiclient_summary_20250720T093135Z.json.bz2"))
                .vrps();
        vrps = snapshot.vrps();
        for (Vrp v : vrps) {
            byPrefix.computeIfAbsent(v.prefix(), k -> new ArrayList<>(1)).add(v);
            (v.prefix().isIpv4() ? v4Lengths : v6Lengths).add(v.prefix().length());
        }
    }

    /** RFC 6811 by definition: the covering VRPs sit at the route's prefix masked to their length. */
    private List<Vrp> referenceCovering(Prefix route) {
        List<Vrp> out = new ArrayList<>();
        Set<Integer> lengths = route.isIpv4() ? v4Lengths : v6Lengths;
        for (int l = route.length(); l >= 0; l--) {
            if (lengths.contains(l)) {
                List<Vrp> at = byPrefix.get(route.supernet(l));
                if (at != null) {
                    out.addAll(at);
                }
            }
        }
        return out;
    }

    private static RovState referenceState(List<Vrp> covering, Prefix route, long origin) {
        if (covering.isEmpty()) {
            return RovState.NOT_FOUND;
        }
        for (Vrp v : covering) {
            if (origin > 0 && v.asn() == origin && route.length() <= v.maxLength()) {
                return RovState.VALID;
            }
        }
        return RovState.INVALID;
    }

    private Prefix randomRoute(Random rnd, boolean ipv4) {
        int bits = ipv4 ? 32 : 128;
        if (rnd.nextBoolean()) {
            // near a real VRP: inside it, from a little shorter to a little longer than its maxLength
            Vrp v = vrps.get(rnd.nextInt(vrps.size()));
            while (v.prefix().isIpv4() != ipv4) {
                v = vrps.get(rnd.nextInt(vrps.size()));
            }
            int len = v.prefix().length()
                    - 3
                    + rnd.nextInt(v.maxLength() - v.prefix().length() + 7);
            len = Math.max(0, Math.min(bits, len));
            long high = v.prefix().high() | (rnd.nextLong() & ~mask(v.prefix().length()));
            long low = v.prefix().low() | (rnd.nextLong() & ~mask(v.prefix().length() - 64));
            if (ipv4) {
                high &= 0xFFFF_FFFF_0000_0000L;
                low = 0;
            }
            return Prefix.ofMasked(ipv4 ? AddressFamily.IPV4 : AddressFamily.IPV6, high, low, len);
        }
        if (ipv4) {
            return Prefix.ofMasked(AddressFamily.IPV4, (rnd.nextLong() & 0xFFFF_FFFFL) << 32, 0, 8 + rnd.nextInt(25));
        }
        // global unicast 2000::/3, lengths up to /64 plus a few host routes
        long high = 0x2000_0000_0000_0000L | (rnd.nextLong() >>> 3);
        int len = rnd.nextInt(10) == 0 ? 65 + rnd.nextInt(64) : 16 + rnd.nextInt(49);
        return Prefix.ofMasked(AddressFamily.IPV6, high, rnd.nextLong(), len);
    }

    private static int slot(RovState s) {
        return switch (s) {
            case VALID -> 0;
            case INVALID -> 1;
            case NOT_FOUND -> 2;
        };
    }

    private static long mask(int length) {
        return length <= 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    private long randomOrigin(Random rnd, List<Vrp> covering) {
        int pick = rnd.nextInt(10);
        if (pick < 4 && !covering.isEmpty()) {
            return covering.get(rnd.nextInt(covering.size())).asn();
        }
        if (pick < 6) {
            return vrps.get(rnd.nextInt(vrps.size())).asn();
        }
        if (pick == 6) {
            return rnd.nextBoolean() ? 0 : -1;
        }
        return rnd.nextLong() & 0xFFFF_FFFFL;
    }

    @Test
    void validateState_twoMillionRandomIpv4Queries_equalsHashReference() {
        int[] counts = crossCheck(new Random(20250720L), true, 2_000_000);
        // the generator must exercise all three outcomes substantially
        assertThat(java.util.Arrays.stream(counts).min().orElseThrow()).isGreaterThan(100_000);
    }

    @Test
    void validateState_oneMillionRandomIpv6Queries_equalsHashReference() {
        int[] counts = crossCheck(new Random(9319L), false, 1_000_000);
        assertThat(java.util.Arrays.stream(counts).min().orElseThrow()).isGreaterThan(50_000);
    }

    /** Random queries of one family against the reference; returns the count of each outcome. */
    private int[] crossCheck(Random rnd, boolean ipv4, int queries) {
        int[] counts = new int[3];
        for (int q = 0; q < queries; q++) {
            Prefix route = randomRoute(rnd, ipv4);
            List<Vrp> covering = referenceCovering(route);
            long origin = randomOrigin(rnd, covering);
            RovState expected = referenceState(covering, route, origin);
            RovState actual = snapshot.validateState(route, origin);
            if (actual != expected) {
                assertThat(actual)
                        .as("%s origin %d, covering %s", route, origin, covering)
                        .isEqualTo(expected);
            }
            counts[slot(actual)]++;
        }
        return counts;
    }

    @Test
    void validate_richResult_listsExactlyTheReferenceCoveringAndMatchingVrps() {
        Random rnd = new Random(6811L);
        for (int q = 0; q < 200_000; q++) {
            Prefix route = randomRoute(rnd, rnd.nextBoolean());
            List<Vrp> covering = referenceCovering(route);
            long origin = randomOrigin(rnd, covering);
            RovResult r = snapshot.validate(route, origin);
            assertThat(r.state()).isEqualTo(referenceState(covering, route, origin));
            assertThat(r.covering()).containsExactlyInAnyOrderElementsOf(covering);
            assertThat(r.matching())
                    .containsExactlyInAnyOrderElementsOf(covering.stream()
                            .filter(v -> origin > 0 && v.asn() == origin && route.length() <= v.maxLength())
                            .toList());
            assertThat(r.reason() != null).isEqualTo(r.state() == RovState.INVALID);
        }
    }

    @Test
    void validateState_sampleAgainstLinearScanOverAllVrps_equal() {
        NaiveValidator naive = new NaiveValidator(vrps);
        Random rnd = new Random(7607L);
        for (int q = 0; q < 600; q++) {
            Prefix route = randomRoute(rnd, q % 2 == 0);
            long origin = randomOrigin(rnd, referenceCovering(route));
            assertThat(snapshot.validateState(route, origin))
                    .as("%s origin %d", route, origin)
                    .isEqualTo(naive.validate(route, origin));
        }
    }

    @Test
    void contains_everyLoadedVrp_true() {
        for (Vrp v : vrps) {
            if (!snapshot.contains(v)) {
                assertThat(snapshot.contains(v)).as("%s", v).isTrue();
            }
        }
        assertThat(snapshot.contains(Vrp.of("1.1.1.0/24", 25, 13335))).isFalse();
    }
}
