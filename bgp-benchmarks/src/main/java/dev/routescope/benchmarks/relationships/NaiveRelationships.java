package dev.routescope.benchmarks.relationships;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference a straightforward Java user would write: {@code String.split} loader into
 * {@code HashMap<Long, HashMap<Long, Integer>>}, and the domain.md pseudo-code over boxed lists.
 * Used only as the same-run baseline.
 */
final class NaiveRelationships {
    static final int CUSTOMER = 1;
    static final int PROVIDER = 2;
    static final int PEER = 3;

    final Map<Long, Map<Long, Integer>> rel = new HashMap<>();
    final Set<Long> routeServers = new HashSet<>();

    static NaiveRelationships load(Path file) throws IOException {
        NaiveRelationships n = new NaiveRelationships();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    if (line.startsWith("# IXP ASes:")) {
                        for (String s : line.substring(11).trim().split(" ")) {
                            n.routeServers.add(Long.parseLong(s));
                        }
                    }
                    continue;
                }
                String[] f = line.split("\\|");
                long a = Long.parseLong(f[0]);
                long b = Long.parseLong(f[1]);
                int code = Integer.parseInt(f[2]);
                n.rel.computeIfAbsent(a, k -> new HashMap<>()).put(b, code == -1 ? CUSTOMER : PEER);
                n.rel.computeIfAbsent(b, k -> new HashMap<>()).put(a, code == -1 ? PROVIDER : PEER);
            }
        }
        return n;
    }

    /** Role of a as seen from b, 0 if unknown. */
    int rel(long b, long a) {
        Map<Long, Integer> m = rel.get(b);
        Integer r = m == null ? null : m.get(a);
        return r == null ? 0 : r;
    }

    /** Returns the number of leaks found (0 = valley-free). */
    int check(long[] path) {
        List<Long> seq = new ArrayList<>();
        for (int i = path.length - 1; i >= 0; i--) {
            long x = path[i];
            if (routeServers.contains(x)) {
                continue;
            }
            if (seq.isEmpty() || seq.get(seq.size() - 1) != x) {
                seq.add(x);
            }
        }
        int phase = 0;
        List<long[]> leaks = new ArrayList<>();
        for (int i = 0; i + 1 < seq.size(); i++) {
            long a = seq.get(i);
            long b = seq.get(i + 1);
            int r = rel(b, a);
            if (r == 0) {
                continue;
            }
            int step = r == CUSTOMER ? 0 : r == PEER ? 1 : 2;
            if (step != 2 && phase != 0) {
                leaks.add(new long[] {a, step});
                phase = 0;
            }
            if (step != 0) {
                phase = step;
            }
        }
        return leaks.size();
    }
}
