package dev.routescope.rpki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.Prefix;
import dev.routescope.testsupport.Gen;
import dev.routescope.testsupport.PropertyCheck;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "Fast equals naive" on random VRP sets crowded into a small address range, so that prefixes nest
 * deeply, share network addresses with different lengths (/0 up to /32 and /128), end at the same
 * address and carry several ASNs: the cases a compiled range table can get wrong.
 */
class VrpSnapshotProperties {

    static Vrp vrp(Gen g) {
        return crowded(
                g.bool(), g.anyLong(), g.intBetween(0, 128), g.intBetween(0, 130), g.pick(0L, 1L, 2L, 3L, 4294967295L));
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

    /** A VRP's prefix, up to 2 bits shorter or 3 bits longer (covering, covered and exact routes). */
    static Prefix route(Gen g) {
        Prefix p = vrp(g).prefix();
        int d = g.intBetween(-2, 3);
        int bits = p.family().bits();
        return Prefix.ofMasked(p.family(), p.high(), p.low(), Math.max(0, Math.min(bits, p.length() + d)));
    }

    @Test
    void validateState_randomCrowdedSet_equalsLinearScan() {
        PropertyCheck.forAll(300, g -> {
            List<Vrp> vrps = g.note("vrps", g.list(0, 60, () -> vrp(g)));
            List<Prefix> routes = g.note("routes", g.list(1, 40, () -> route(g)));
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
        });
    }

    @Test
    void withChanges_anyDelta_equalsSnapshotBuiltFromScratch() {
        PropertyCheck.forAll(200, g -> {
            List<Vrp> base = g.note("base", g.list(0, 50, () -> vrp(g)));
            List<Vrp> announced = g.note("announced", g.list(0, 20, () -> vrp(g)));
            List<Vrp> withdrawn = new ArrayList<>(g.list(0, 20, () -> vrp(g)));
            for (int i = 0; i < base.size(); i += 3) {
                withdrawn.add(base.get(i));
            }
            g.note("withdrawn", withdrawn);
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
        });
    }
}
