package dev.routescope.relationships;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately plain transcription of domain.md §9.2's pseudo-code over boxed maps: the oracle for
 * the property tests and the same-run reference in the throughput harness.
 */
final class NaiveValleyFree {
    record NaiveLeak(long leaker, int rfcType) {}

    record NaiveResult(boolean leak, List<NaiveLeak> leaks, int unknownLinks) {}

    private final Map<Long, Map<Long, Relationship>> rel = new HashMap<>();
    private final Map<Long, String> org = new HashMap<>();
    private final Set<Long> routeServers = new HashSet<>();

    void providerCustomer(long p, long c) {
        put(p, c, Relationship.CUSTOMER);
    }

    void peers(long a, long b) {
        put(a, b, Relationship.PEER);
    }

    void organization(long asn, String o) {
        org.put(asn, o);
    }

    void routeServer(long asn) {
        routeServers.add(asn);
    }

    private void put(long a, long b, Relationship roleOfB) {
        rel.computeIfAbsent(a, k -> new HashMap<>()).putIfAbsent(b, roleOfB);
        rel.computeIfAbsent(b, k -> new HashMap<>()).putIfAbsent(a, roleOfB.inverse());
    }

    /** rel(b, a): role of a as seen from b. */
    Relationship rel(long b, long a) {
        String ob = org.get(b);
        if (ob != null && a != b && ob.equals(org.get(a))) {
            return Relationship.SIBLING;
        }
        Map<Long, Relationship> m = rel.get(b);
        Relationship r = m == null ? null : m.get(a);
        return r == null ? Relationship.UNKNOWN : r;
    }

    NaiveResult check(long[] receivedPath) {
        List<Long> seq = new ArrayList<>();
        for (int i = receivedPath.length - 1; i >= 0; i--) {
            long x = receivedPath[i];
            if (routeServers.contains(x)) {
                continue;
            }
            if (seq.isEmpty() || seq.get(seq.size() - 1) != x) {
                seq.add(x);
            }
        }
        String phase = "UP";
        String prev = "NONE";
        List<NaiveLeak> leaks = new ArrayList<>();
        int unknown = 0;
        for (int i = 0; i + 1 < seq.size(); i++) {
            long a = seq.get(i);
            long b = seq.get(i + 1);
            Relationship r = rel(b, a);
            if (r == Relationship.SIBLING) {
                continue;
            }
            if (r == Relationship.UNKNOWN) {
                unknown++;
                continue;
            }
            String step = r == Relationship.CUSTOMER ? "UPHILL" : r == Relationship.PEER ? "LATERAL" : "DOWNHILL";
            if (!step.equals("DOWNHILL") && !phase.equals("UP")) {
                leaks.add(new NaiveLeak(a, typeOf(prev, step)));
                phase = "UP";
            }
            if (step.equals("LATERAL")) {
                phase = "TOP";
            }
            if (step.equals("DOWNHILL")) {
                phase = "DOWN";
            }
            prev = step;
        }
        return new NaiveResult(!leaks.isEmpty(), leaks, unknown);
    }

    private static int typeOf(String in, String out) {
        if (in.equals("DOWNHILL") && out.equals("UPHILL")) {
            return 1;
        }
        if (in.equals("LATERAL") && out.equals("LATERAL")) {
            return 2;
        }
        if (in.equals("DOWNHILL") && out.equals("LATERAL")) {
            return 3;
        }
        if (in.equals("LATERAL") && out.equals("UPHILL")) {
            return 4;
        }
        throw new IllegalStateException(in + " -> " + out);
    }
}
