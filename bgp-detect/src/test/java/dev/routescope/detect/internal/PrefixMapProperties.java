package dev.routescope.detect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Prefix;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Most-specific-covering lookup equals a linear scan. */
class PrefixMapProperties {

    @Property(tries = 300)
    void covering_equalsLinearScan(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> keys,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int query,
            @ForAll @IntRange(min = 8, max = 32) int queryLength) {
        PrefixMap<String> map = new PrefixMap<>();
        List<Prefix> all = new ArrayList<>();
        for (int k : keys) {
            Prefix p = Prefix.ofMasked(
                    dev.routescope.model.IpAddress.ofIpv4(((k << 1) & 0xFF00_0000) | (k & 0x00FF_0000)), 8 + k % 17);
            map.put(p, p.toString());
            all.add(p);
        }
        Prefix q = Prefix.ofMasked(dev.routescope.model.IpAddress.ofIpv4(query), queryLength);
        Prefix best = null;
        for (Prefix p : all) {
            if (p.covers(q) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        assertThat(map.coveringKey(q, true)).isEqualTo(best);
    }
}
