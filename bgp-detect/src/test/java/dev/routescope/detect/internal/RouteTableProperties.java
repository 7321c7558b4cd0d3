package dev.routescope.detect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Prefix;
import dev.routescope.testsupport.PropertyCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact routing state agrees with a naive map of maps on any operation sequence. */
class RouteTableProperties {

    @Test
    void routeTable_equalsNaiveModel() {
        PropertyCheck.forAll(300, g -> checkAgainstModel(g.note("ops", g.list(0, 300, () -> g.intBetween(0, 9999)))));
    }

    private static void checkAgainstModel(List<Integer> ops) {
        RouteTable table = new RouteTable(1_000_000);
        Map<Prefix, Map<Integer, Long>> model = new HashMap<>();
        for (int op : ops) {
            Prefix p = Prefix.ipv4((10 << 24) | ((op % 13) << 8), 24);
            int peer = op / 13 % 7;
            long origin = 64_500L + op / 91 % 3;
            Map<Integer, Long> m = model.computeIfAbsent(p, k -> new HashMap<>());
            Long before = m.get(peer);
            switch (op % 3) {
                case 0, 1 -> {
                    table.announce(p, peer, origin, 1);
                    m.put(peer, origin);
                }
                default -> {
                    table.withdraw(p, peer);
                    m.remove(peer);
                }
            }
            assertThat(table.hadRoute).isEqualTo(before != null);
            assertThat(table.previousOrigin).isEqualTo(before == null ? -1 : before);
            assertThat(table.visibility).isEqualTo(m.size());
            if (op % 17 == 0) {
                List<Prefix> removed = new ArrayList<>();
                int gone = peer;
                table.removePeer(gone, (prefix, o, u, vis) -> removed.add(prefix));
                List<Prefix> expected = new ArrayList<>();
                for (Map.Entry<Prefix, Map<Integer, Long>> e : model.entrySet()) {
                    if (e.getValue().remove(gone) != null) {
                        expected.add(e.getKey());
                    }
                }
                expected.sort(null);
                assertThat(removed).isEqualTo(expected);
            }
            for (int o = 64_500; o < 64_503; o++) {
                long oo = o;
                assertThat(table.originPeers(p, o)).isEqualTo((int)
                        m.values().stream().filter(v -> v == oo).count());
            }
        }
        model.values().removeIf(Map::isEmpty);
        assertThat(table.size()).isEqualTo(model.size());
    }
}
