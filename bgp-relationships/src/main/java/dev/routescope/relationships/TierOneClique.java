package dev.routescope.relationships;

import java.util.Arrays;

/**
 * Detects the Tier-1 clique of a relationship graph: the largest set of provider-free transit ASes
 * that all peer with each other, in the spirit of CAIDA's AS-Rank (Luckie et al., IMC 2013).
 *
 * <p>Method: rank the ASes that have no provider by their number of direct customers; find the
 * maximum clique of peer links among the top 10 by exhaustive search; then walk down the ranking
 * (up to {@code candidates} ASes) and add each AS that peers with every member so far.
 *
 * <pre>{@code
 * long[] tier1 = TierOneClique.detect(graph, 50);
 * }</pre>
 *
 * <p>Thread-safe (stateless). Cost: one pass over all ASes plus {@code O(candidates^2)} lookups.
 *
 * @since 0.1
 */
public final class TierOneClique {
    /** How far down the provider-free ranking {@link AsGraph} looks when no clique is given. */
    public static final int DEFAULT_CANDIDATES = 50;

    private static final int SEED = 10;

    private TierOneClique() {}

    /**
     * Detects the clique.
     *
     * @param graph the graph
     * @param candidates how many provider-free ASes (by customer count) may join, at least 1
     * @return clique members, ascending; empty if no AS has customers
     */
    public static long[] detect(AsGraph graph, int candidates) {
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates " + candidates + " (expected: >= 1)");
        }
        int n = graph.asCount();
        // (customer count << 32 | index), sorted descending, restricted to provider-free transit ASes.
        long[] ranked = new long[n];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (graph.countNeighbours(i, Relationship.PROVIDER) == 0) {
                int customers = graph.countNeighbours(i, Relationship.CUSTOMER);
                if (customers > 0) {
                    ranked[r++] = ((long) customers << 32) | i;
                }
            }
        }
        Arrays.sort(ranked, 0, r);
        int limit = Math.min(candidates, r);
        long[] order = new long[limit];
        for (int k = 0; k < limit; k++) {
            order[k] = graph.asnAt((int) ranked[r - 1 - k]);
        }
        int seed = Math.min(SEED, limit);
        int best = 0;
        int bestSize = 0;
        for (int mask = 1; mask < (1 << seed); mask++) {
            int size = Integer.bitCount(mask);
            if (size <= bestSize || !allPeer(graph, order, mask)) {
                continue;
            }
            best = mask;
            bestSize = size;
        }
        long[] members = new long[limit];
        int m = 0;
        for (int k = 0; k < seed; k++) {
            if ((best & (1 << k)) != 0) {
                members[m++] = order[k];
            }
        }
        for (int k = seed; k < limit; k++) {
            boolean peersWithAll = true;
            for (int j = 0; j < m && peersWithAll; j++) {
                peersWithAll = graph.relationship(order[k], members[j]) == Relationship.PEER;
            }
            if (peersWithAll) {
                members[m++] = order[k];
            }
        }
        long[] out = Arrays.copyOf(members, m);
        Arrays.sort(out);
        return out;
    }

    private static boolean allPeer(AsGraph graph, long[] order, int mask) {
        for (int i = 0; i < 32; i++) {
            if ((mask & (1 << i)) == 0) {
                continue;
            }
            for (int j = i + 1; j < 32; j++) {
                if ((mask & (1 << j)) != 0 && graph.relationship(order[i], order[j]) != Relationship.PEER) {
                    return false;
                }
            }
        }
        return true;
    }
}
