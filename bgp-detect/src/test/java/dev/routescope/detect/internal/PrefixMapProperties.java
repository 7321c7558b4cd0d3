package dev.routescope.detect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Prefix;
import dev.routescope.testsupport.PropertyCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Most-specific-covering lookup equals a linear scan. */
class PrefixMapProperties {

    @Test
    void covering_equalsLinearScan() {
        int[] found = new int[1];
        PropertyCheck.forAll(300, g -> {
            List<Integer> keys = g.note("keys", g.list(0, 40, () -> g.intBetween(0, Integer.MAX_VALUE)));
            // half the queries fall inside a key's /16 so that hits at every depth are common, not only misses
            int query;
            if (!keys.isEmpty() && g.bool()) {
                int k = g.pick(keys);
                query = ((k << 1) & 0xFF00_0000) | (k & 0x00FF_0000) | g.intBetween(0, 0xFFFF);
            } else {
                query = g.intBetween(0, Integer.MAX_VALUE);
            }
            g.note("query", query);
            int queryLength = g.note("queryLength", g.intBetween(8, 32));
            if (check(keys, query, queryLength)) {
                found[0]++;
            }
        });
        assertThat(found[0]).isGreaterThan(30);
    }

    /** {@return whether some key covered the query} */
    private static boolean check(List<Integer> keys, int query, int queryLength) {
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
        return best != null;
    }
}
