package dev.routescope.rpki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.Prefix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * "Fast equals naive" on random VRP sets crowded into a small address range, so that prefixes nest
 * deeply, share network addresses with different lengths (/0 up to /32 and /128), end at the same
 * address and carry several ASNs: the cases a compiled range table can get wrong.
 */
class VrpSnapshotProperties {

    @Provide
    Arbitrary<Vrp> vrps() {
        Arbitrary<Boolean> v4 = Arbitraries.of(true, false);
        Arbitrary<Long> bits = Arbitraries.longs();
        Arbitrary<Integer> len = Arbitraries.integers().between(0, 128);
        Arbitrary<Integer> extra = Arbitraries.integers().between(0, 130);
        Arbitrary<Long> asn = Arbitraries.of(0L, 1L, 2L, 3L, 4294967295L);
        return Combinators.combine(v4, bits, len, extra, asn).as(VrpSnapshotProperties::crowded);
    }

    // every address lies in 10.0.0.0/20 or 2001:db8::/116 (the top of the low word), so prefixes collide
    static Vrp crowded(boolean ipv4, long bits, int len, int extra, long asn) {
        if (ipv4) {
            int l = len % 33;
            long high = (0x0A00_0000L | (bits & 0xFFF)) << 32;
            Prefix p = Prefix.ofMasked(AddressFamily.IPV4, high, 0, l);
            return new Vrp(p, Math.min(32, l + extra % 4), asn);
        }
        Prefix p = Prefix.ofMasked(AddressFamily.IPV6, 0x2001_0db8_0000_0000L, bits & 0xFFF, len);
        return new Vrp(p, Math.min(128, len + extra % 4), asn);
    }

    @Provide
    Arbitrary<Prefix> routes() {
        return vrps().map(Vrp::prefix)
                .flatMap(p -> Arbitraries.integers().between(-2, 3).map(d -> {
                    int bits = p.family().bits();
                    return Prefix.ofMasked(p.family(), p.high(), p.low(), Math.max(0, Math.min(bits, p.length() + d)));
                }));
    }

    @Property(tries = 300)
    void validateState_randomCrowdedSet_equalsLinearScan(
            @ForAll @Size(max = 60) List<@From("vrps") Vrp> vrps,
            @ForAll @Size(min = 1, max = 40) List<@From("routes") Prefix> routes) {
        VrpSnapshot s = VrpSnapshot.of(vrps);
        NaiveValidator naive = new NaiveValidator(vrps);
        for (Prefix r : routes) {
            for (long origin : new long[] {-1, 0, 1, 2, 3, 4294967295L}) {
                assertThat(s.validateState(r, origin))
                        .as("%s origin %d over %s", r, origin, vrps)
                        .isEqualTo(naive.validate(r, origin));
            }
        }
        assertThat(s.size()).isEqualTo(new HashSet<>(vrps).size());
        assertThat(s.vrps())
                .containsExactlyInAnyOrderElementsOf(new HashSet<>(vrps))
                .isSorted();
    }

    @Property(tries = 200)
    void withChanges_anyDelta_equalsSnapshotBuiltFromScratch(
            @ForAll @Size(max = 50) List<@From("vrps") Vrp> base,
            @ForAll @Size(max = 20) List<@From("vrps") Vrp> announced,
            @ForAll @Size(max = 20) List<@From("vrps") Vrp> withdrawnExtra) {
        List<Vrp> withdrawn = new ArrayList<>(withdrawnExtra);
        for (int i = 0; i < base.size(); i += 3) {
            withdrawn.add(base.get(i));
        }
        VrpSnapshot patched = VrpSnapshot.of(base).withChanges(announced, withdrawn);

        // RTR order: withdrawals apply to the old set, then announcements are added
        Set<Vrp> expected = new HashSet<>(base);
        expected.removeAll(withdrawn);
        expected.addAll(announced);
        assertThat(patched.vrps()).containsExactlyInAnyOrderElementsOf(expected);
        VrpSnapshot scratch = VrpSnapshot.of(new ArrayList<>(expected));
        for (Vrp v : base) {
            assertThat(patched.validateState(v.prefix(), v.asn()))
                    .isEqualTo(scratch.validateState(v.prefix(), v.asn()));
        }
    }
}
