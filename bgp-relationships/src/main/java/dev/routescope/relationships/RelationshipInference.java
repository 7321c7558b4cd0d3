package dev.routescope.relationships;

import dev.routescope.model.AsPath;
import dev.routescope.model.AsPathSegment;
import dev.routescope.model.Asn;
import dev.routescope.model.SegmentType;
import dev.routescope.relationships.internal.LongIntHashMap;
import java.util.Arrays;

/**
 * Infers AS relationships from observed AS paths with Gao's degree-based heuristic (L. Gao, "On
 * inferring autonomous system relationships in the Internet", IEEE/ACM ToN 2001), for users without
 * CAIDA data.
 *
 * <p>Method. Every distinct, cleaned path (prepends collapsed, route servers removed; paths with
 * AS_SETs, loops or non-public ASNs dropped) is assumed valley-free with its top at the AS of highest
 * degree (distinct neighbours over all paths). Links between the origin and the top vote "the
 * collector-side AS provides transit to the origin-side AS"; links between the top and the collector
 * peer vote the other way. A link becomes p2c in the direction with more votes (ties stay
 * undecided). A link is relabelled p2p when, in every path that contains it, it joins the top to its
 * higher-degree neighbour, and the two degrees differ by less than {@code peerDegreeRatio}
 * (Gao's R). Links between two members of a given {@linkplain Builder#clique clique} are p2p.
 *
 * <pre>{@code
 * RelationshipInference inference = RelationshipInference.builder().build();
 * for (AsPath path : paths) {          // e.g. every announcement of a RIB dump
 *     inference.addPath(path);
 * }
 * AsGraph graph = inference.infer();   // then ValleyFreeChecker.builder(graph) ...
 * }</pre>
 *
 * <p><b>Accuracy.</b> Gao's heuristic is known to mislabel many peer links as p2c and to depend on
 * vantage points; the module README gives its measured agreement with CAIDA on shared data. Prefer
 * CAIDA's files when you have them.
 *
 * <p><b>Threading and memory.</b> Not thread-safe. Stores each distinct path once as 32-bit ASNs (a
 * 64-bit hash deduplicates them; a collision would drop one path, probability ~n²/2⁶⁵).
 *
 * @since 0.1
 */
public final class RelationshipInference {
    private final long[] routeServers;
    private final double peerDegreeRatio;
    private final long[] clique;

    private final LongIntHashMap pathByHash = new LongIntHashMap(1 << 16);
    private int[] pathAsns = new int[1 << 16];
    private int pathAsnCount;
    private int[] pathStart = new int[1 << 12];
    private int pathCount;

    private long pathsOffered;
    private long pathsRejected;
    private long[] scratch = new long[64];

    private RelationshipInference(Builder b) {
        routeServers = b.routeServers.clone();
        Arrays.sort(routeServers);
        peerDegreeRatio = b.peerDegreeRatio;
        clique = b.clique.clone();
        Arrays.sort(clique);
    }

    /** {@return a builder with Gao's defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds one observed path.
     *
     * @param path the path as received (leftmost = collector peer)
     * @return true if kept (new or already seen), false if rejected (AS_SET, confederation, loop,
     *     non-public ASN)
     */
    public boolean addPath(AsPath path) {
        pathsOffered++;
        int total = path.asnCount();
        if (scratch.length < total) {
            scratch = new long[Math.max(total, scratch.length * 2)];
        }
        int n = 0;
        for (int s = 0; s < path.segmentCount(); s++) {
            AsPathSegment segment = path.segment(s);
            if (segment.type() != SegmentType.AS_SEQUENCE) {
                pathsRejected++;
                return false;
            }
            for (int j = 0; j < segment.size(); j++) {
                scratch[n++] = segment.asn(j);
            }
        }
        return addSequence(scratch, 0, n);
    }

    /**
     * Adds one observed AS_SEQUENCE.
     *
     * @param asns ASNs as received, {@code asns[from]} = collector peer
     * @param from first index
     * @param length number of ASNs
     * @return true if kept, false if rejected (loop or non-public ASN)
     */
    public boolean addPath(long[] asns, int from, int length) {
        pathsOffered++;
        return addSequence(asns, from, length);
    }

    private boolean addSequence(long[] asns, int from, int length) {
        int start = pathAsnCount;
        if (pathAsns.length < start + length) {
            pathAsns = Arrays.copyOf(pathAsns, Math.max(start + length, pathAsns.length * 2));
        }
        int n = 0;
        long hash = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < length; i++) {
            long asn = asns[from + i];
            if (asn < 0 || asn > Asn.MAX_VALUE || !Asn.of(asn).isPublic()) {
                pathsRejected++;
                return false;
            }
            if (Arrays.binarySearch(routeServers, asn) >= 0 || (n > 0 && pathAsns[start + n - 1] == (int) asn)) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                if (pathAsns[start + k] == (int) asn) {
                    pathsRejected++;
                    return false;
                }
            }
            pathAsns[start + n++] = (int) asn;
            hash = LongIntHashMap.mix(hash ^ asn) + n;
        }
        if (n < 2) {
            return true;
        }
        if (hash == -1) {
            hash = 0;
        }
        if (pathByHash.putIfAbsent(hash, pathCount) != pathCount) {
            return true;
        }
        if (pathCount + 1 >= pathStart.length) {
            pathStart = Arrays.copyOf(pathStart, pathStart.length * 2);
        }
        pathStart[pathCount] = start;
        pathCount++;
        pathAsnCount = start + n;
        pathStart[pathCount] = pathAsnCount;
        return true;
    }

    /** {@return paths offered to {@link #addPath}} */
    public long pathsOffered() {
        return pathsOffered;
    }

    /** {@return paths rejected (AS_SET, confederation, loop, non-public ASN)} */
    public long pathsRejected() {
        return pathsRejected;
    }

    /** {@return distinct cleaned paths stored} */
    public int distinctPaths() {
        return pathCount;
    }

    /**
     * Runs the inference over the paths added so far.
     *
     * @return the inferred graph (its clique is the configured one, or detected)
     */
    public AsGraph infer() {
        LongIntHashMap node = new LongIntHashMap(1 << 14);
        int nodes = 0;
        for (int i = 0; i < pathAsnCount; i++) {
            long asn = Integer.toUnsignedLong(pathAsns[i]);
            if (node.putIfAbsent(asn, nodes) == nodes) {
                nodes++;
            }
        }
        long[] asnOf = new long[nodes];
        LongIntHashMap linkOf = new LongIntHashMap(nodes * 4);
        long[] linkEnds = new long[1024];
        int links = 0;
        int[] degree = new int[nodes];
        for (int p = 0; p < pathCount; p++) {
            for (int i = pathStart[p]; i + 1 < pathStart[p + 1]; i++) {
                int a = node.get(Integer.toUnsignedLong(pathAsns[i]));
                int b = node.get(Integer.toUnsignedLong(pathAsns[i + 1]));
                asnOf[a] = Integer.toUnsignedLong(pathAsns[i]);
                asnOf[b] = Integer.toUnsignedLong(pathAsns[i + 1]);
                long key = pairKey(a, b);
                if (linkOf.putIfAbsent(key, links) == links) {
                    if (links == linkEnds.length) {
                        linkEnds = Arrays.copyOf(linkEnds, links * 2);
                    }
                    linkEnds[links++] = key;
                    degree[a]++;
                    degree[b]++;
                }
            }
        }
        // votes[2l]: lower-index end provides transit to the higher one; votes[2l+1]: the reverse.
        int[] votes = new int[links * 2];
        boolean[] notPeer = new boolean[links];
        boolean[] topLink = new boolean[links];
        for (int p = 0; p < pathCount; p++) {
            int from = pathStart[p];
            int to = pathStart[p + 1];
            int top = from;
            for (int i = from + 1; i < to; i++) {
                if (degree[node.get(Integer.toUnsignedLong(pathAsns[i]))]
                        > degree[node.get(Integer.toUnsignedLong(pathAsns[top]))]) {
                    top = i;
                }
            }
            // The top's higher-degree neighbour may be its peer; every other link of the path is not.
            int peerSide = -1;
            int dl = top > from ? degree[index(node, top - 1)] : -1;
            int dr = top + 1 < to ? degree[index(node, top + 1)] : -1;
            if (dl >= 0 || dr >= 0) {
                peerSide = dl >= dr ? top - 1 : top;
            }
            for (int i = from; i + 1 < to; i++) {
                int a = index(node, i);
                int b = index(node, i + 1);
                int l = linkOf.get(pairKey(a, b));
                // Collector side (i < top): the route went downhill, pathAsns[i+1] is the provider.
                int provider = i < top ? b : a;
                votes[2 * l + (provider == Math.min(a, b) ? 0 : 1)]++;
                if (i == peerSide) {
                    topLink[l] = true;
                } else {
                    notPeer[l] = true;
                }
            }
        }
        AsGraph.Builder out = AsGraph.builder();
        if (clique.length > 0) {
            out.clique(clique);
        }
        for (int l = 0; l < links; l++) {
            int a = (int) (linkEnds[l] >>> 32);
            int b = (int) linkEnds[l];
            long asnA = asnOf[a];
            long asnB = asnOf[b];
            boolean bothClique = Arrays.binarySearch(clique, asnA) >= 0 && Arrays.binarySearch(clique, asnB) >= 0;
            double ratio = (double) Math.max(degree[a], degree[b]) / Math.max(1, Math.min(degree[a], degree[b]));
            if (bothClique || (topLink[l] && !notPeer[l] && ratio < peerDegreeRatio)) {
                out.peers(asnA, asnB);
            } else if (votes[2 * l] > votes[2 * l + 1]) {
                out.providerCustomer(asnA, asnB);
            } else if (votes[2 * l + 1] > votes[2 * l]) {
                out.providerCustomer(asnB, asnA);
            } else {
                out.peers(asnA, asnB);
            }
        }
        return out.build();
    }

    private int index(LongIntHashMap node, int position) {
        return node.get(Integer.toUnsignedLong(pathAsns[position]));
    }

    private static long pairKey(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    /** Settings for {@link RelationshipInference}; each may be set once. */
    public static final class Builder {
        private long[] routeServers = new long[0];
        private boolean routeServersSet;
        private double peerDegreeRatio = 60;
        private boolean ratioSet;
        private long[] clique = new long[0];
        private boolean cliqueSet;

        private Builder() {}

        /**
         * Route-server ASNs to remove from paths before inference.
         *
         * @param asns ASNs
         * @return this builder
         */
        public Builder routeServers(long... asns) {
            if (routeServersSet) {
                throw new IllegalStateException("routeServers was already set to " + Arrays.toString(routeServers));
            }
            routeServers = asns.clone();
            routeServersSet = true;
            return this;
        }

        /**
         * Gao's R: the top and its neighbour may be peers only if their degrees differ by less than
         * this factor.
         *
         * @param ratio {@code > 1}, default 60
         * @return this builder
         */
        public Builder peerDegreeRatio(double ratio) {
            if (ratioSet) {
                throw new IllegalStateException("peerDegreeRatio was already set to " + peerDegreeRatio);
            }
            if (!(ratio > 1) || Double.isInfinite(ratio)) {
                throw new IllegalArgumentException("peerDegreeRatio " + ratio + " (expected: a finite value > 1)");
            }
            peerDegreeRatio = ratio;
            ratioSet = true;
            return this;
        }

        /**
         * A known Tier-1 clique: links among its members are labelled p2p.
         *
         * @param asns clique ASNs
         * @return this builder
         */
        public Builder clique(long... asns) {
            if (cliqueSet) {
                throw new IllegalStateException("clique was already set to " + Arrays.toString(clique));
            }
            clique = asns.clone();
            cliqueSet = true;
            return this;
        }

        /** {@return a new, empty inference} */
        public RelationshipInference build() {
            return new RelationshipInference(this);
        }
    }
}
