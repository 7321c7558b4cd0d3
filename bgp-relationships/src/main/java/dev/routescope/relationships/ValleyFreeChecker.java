package dev.routescope.relationships;

import dev.routescope.model.AsPath;
import dev.routescope.model.AsPathSegment;
import dev.routescope.model.SegmentType;
import dev.routescope.relationships.internal.LongIntHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks AS paths for valleys (Gao-Rexford export-rule violations) and classifies each by its RFC
 * 7908 leak type.
 *
 * <p><b>Path direction.</b> Paths are given as received by the collector: index 0 (leftmost) is the
 * collector's peer, the last ASN is the origin. The route propagated right to left; a valid path is,
 * from the origin, uphill (customer to provider) links, at most one lateral (peer) link, then
 * downhill (provider to customer) links. The AS in the middle of a violating triple is the leaker.
 *
 * <p><b>Normalisation.</b> Prepending is collapsed; IXP route-server ASNs (by default {@link
 * AsGraph#routeServers()}) are removed, since a route server is transparent to the business
 * relationship of the two members it connects; consecutive siblings (same organisation) act as one
 * AS; links with no known relationship are {@link Relationship#UNKNOWN}: never a leak by
 * themselves, but they lower the {@link Confidence}; AS_SETs follow the {@link AsSetPolicy};
 * confederation segments are internal to one AS and dropped.
 *
 * <pre>{@code
 * ValleyFreeChecker checker = ValleyFreeChecker.builder(graph).build();
 * // hot path: primitive verdict + flyweight accessors, no allocation when the path is valley-free
 * if (checker.check(asPath) == PathStatus.LEAK) {
 *     alert(checker.leakerAsn(0), checker.leakType(0), checker.confidence());
 * }
 * // convenience: a value you may keep
 * LeakVerdict v = checker.verdict(AsPath.parse("174 64500 3356 15169"));
 * }</pre>
 *
 * <p><b>Threading.</b> Not thread-safe: it holds scratch buffers and the last result. Use one per
 * thread ({@link #copy()} is cheap: it shares the graph).
 *
 * <p><b>Lifetime.</b> The accessors describe the last {@code check} until the next one.
 *
 * <p><b>Performance.</b> O(path length): a bitset test per ASN for route servers (a hash probe only
 * on a bitset hit) and one hash probe per link for the relationship. No allocation, except that buffers grow
 * once when a path is longer than any seen before (up to the limit) and that reporting a leak from
 * {@link #verdict()} builds records.
 *
 * @since 0.1
 */
public final class ValleyFreeChecker {
    /** Default longest path (ASNs, prepends included) the checker accepts. */
    public static final int DEFAULT_MAX_PATH_LENGTH = 4096;

    private static final long GAP = -1;
    private static final int UP = 0;
    private static final int LATERAL = 1;
    private static final int DOWN = 2;
    private static final LeakType[][] TYPES = {
        // in \ out: UP, LATERAL
        {null, null},
        {LeakType.PEER_TO_PROVIDER, LeakType.LATERAL},
        {LeakType.HAIRPIN, LeakType.PROVIDER_TO_PEER},
    };

    private final AsGraph graph;
    private final long[] routeServerList;
    private final LongIntHashMap routeServers;
    // 4096-bit prefilter on the low 12 bits of the ASN: almost every ASN of a path is not a route
    // server, and this rejects it without hashing.
    private final long[] routeServerFilter = new long[64];
    private final AsSetPolicy asSetPolicy;
    private final int maxPathLength;

    private long[] seq = new long[64];
    private int[] position = new int[64];
    private int seqLength;

    private PathStatus status = PathStatus.VALLEY_FREE;
    private Confidence confidence = Confidence.HIGH;
    private int links;
    private int unknownLinks;
    private int leakCount;
    private LeakType[] leakTypes = new LeakType[8];
    private int[] leakerSeq = new int[8];
    private int[] fromSeq = new int[8];
    private boolean[] leakAmbiguous = new boolean[8];

    private ValleyFreeChecker(AsGraph graph, long[] routeServerList, AsSetPolicy asSetPolicy, int maxPathLength) {
        this.graph = graph;
        this.routeServerList = routeServerList;
        this.routeServers = new LongIntHashMap(routeServerList.length);
        for (long asn : routeServerList) {
            routeServers.putIfAbsent(asn, 1);
            routeServerFilter[(int) (asn >>> 6) & 63] |= 1L << asn;
        }
        this.asSetPolicy = asSetPolicy;
        this.maxPathLength = maxPathLength;
    }

    /**
     * A builder for a checker over a graph.
     *
     * @param graph the relationships to check against
     * @return the builder
     */
    public static Builder builder(AsGraph graph) {
        return new Builder(graph);
    }

    /** {@return a new checker with the same graph and settings, for use on another thread} */
    public ValleyFreeChecker copy() {
        return new ValleyFreeChecker(graph, routeServerList, asSetPolicy, maxPathLength);
    }

    /**
     * Checks a path given as a model {@link AsPath} (may contain sets and confederation segments).
     *
     * @param path the path as received, leftmost = collector peer
     * @return the status; details through the accessors until the next check
     */
    public PathStatus check(AsPath path) {
        int total = path.asnCount();
        reset();
        if (total > maxPathLength) {
            return undecidable();
        }
        ensureCapacity(total);
        int index = total;
        for (int s = path.segmentCount() - 1; s >= 0; s--) {
            AsPathSegment segment = path.segment(s);
            int size = segment.size();
            index -= size;
            SegmentType type = segment.type();
            if (type.isConfederation()) {
                continue;
            }
            if (type == SegmentType.AS_SET) {
                if (asSetPolicy == AsSetPolicy.UNDECIDABLE) {
                    return undecidable();
                }
                append(GAP, index);
                continue;
            }
            for (int j = size - 1; j >= 0; j--) {
                append(segment.asn(j), index + j);
            }
        }
        return scan();
    }

    /**
     * Checks a plain AS_SEQUENCE held in an array slice.
     *
     * @param asns ASNs as received, {@code asns[from]} = collector peer, the last = origin
     * @param from first index
     * @param length number of ASNs
     * @return the status; details through the accessors until the next check (leaker indices are
     *     relative to {@code from})
     * @throws IllegalArgumentException if an ASN is outside {@code 0..4294967295}
     */
    public PathStatus check(long[] asns, int from, int length) {
        reset();
        if (length > maxPathLength) {
            return undecidable();
        }
        ensureCapacity(length);
        for (int i = length - 1; i >= 0; i--) {
            long asn = asns[from + i];
            if (asn < 0 || asn > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException(
                        "ASN " + asn + " at index " + (from + i) + " out of range (expected: 0..4294967295)");
            }
            append(asn, i);
        }
        return scan();
    }

    /**
     * Checks a plain AS_SEQUENCE.
     *
     * @param asns ASNs as received, index 0 = collector peer
     * @return the status
     */
    public PathStatus check(long... asns) {
        return check(asns, 0, asns.length);
    }

    /**
     * Checks a path and returns the full result as a value.
     *
     * @param path the path as received
     * @return the verdict
     */
    public LeakVerdict verdict(AsPath path) {
        check(path);
        return verdict();
    }

    /**
     * Checks a plain sequence and returns the full result as a value.
     *
     * @param asns ASNs as received, index 0 = collector peer
     * @return the verdict
     */
    public LeakVerdict verdict(long... asns) {
        check(asns, 0, asns.length);
        return verdict();
    }

    /** {@return the last check's result as a value} */
    public LeakVerdict verdict() {
        List<Leak> leaks = new ArrayList<>(leakCount);
        for (int k = 0; k < leakCount; k++) {
            leaks.add(new Leak(leakType(k), leakerAsn(k), leakerIndex(k), fromAsn(k), toAsn(k), leakConfidence(k)));
        }
        return new LeakVerdict(status, confidence, leaks, links, unknownLinks);
    }

    private void reset() {
        seqLength = 0;
        links = 0;
        unknownLinks = 0;
        leakCount = 0;
        status = PathStatus.VALLEY_FREE;
        confidence = Confidence.HIGH;
    }

    private PathStatus undecidable() {
        status = PathStatus.UNDECIDABLE;
        confidence = Confidence.LOW;
        return status;
    }

    private void ensureCapacity(int n) {
        if (seq.length < n) {
            int size = Math.max(n, seq.length * 2);
            seq = new long[size];
            position = new int[size];
        }
    }

    /** Appends in origin-first order, collapsing prepends and gaps and dropping route servers. */
    private void append(long asn, int index) {
        if (asn != GAP
                && (routeServerFilter[(int) (asn >>> 6) & 63] & (1L << asn)) != 0
                && routeServers.get(asn) != LongIntHashMap.MISSING) {
            return;
        }
        int n = seqLength;
        if (n > 0 && seq[n - 1] == asn) {
            position[n - 1] = index; // keep the leftmost copy: the one the AS itself sent last
            return;
        }
        seq[n] = asn;
        position[n] = index;
        seqLength = n + 1;
    }

    private PathStatus scan() {
        int n = seqLength;
        int phase = UP;
        int previousStep = -1;
        int groupStart = 0;
        boolean unknownSinceStep = false;
        AsGraph g = graph;
        for (int i = 0; i + 1 < n; i++) {
            long a = seq[i];
            long b = seq[i + 1];
            links++;
            Relationship r = a == GAP || b == GAP ? Relationship.UNKNOWN : g.relationship(b, a);
            if (r == Relationship.SIBLING) {
                continue;
            }
            if (r == Relationship.UNKNOWN) {
                unknownLinks++;
                unknownSinceStep = true;
                groupStart = i + 1;
                continue;
            }
            int step = r == Relationship.CUSTOMER ? UP : r == Relationship.PEER ? LATERAL : DOWN;
            if (step != DOWN && phase != UP) {
                recordLeak(TYPES[previousStep][step], i, groupStart - 1, unknownSinceStep);
                phase = UP;
            }
            if (step == LATERAL) {
                phase = LATERAL;
            } else if (step == DOWN) {
                phase = DOWN;
            }
            previousStep = step;
            unknownSinceStep = false;
            groupStart = i + 1;
        }
        if (leakCount > 0) {
            status = PathStatus.LEAK;
            confidence = leakConfidence(0);
        } else {
            status = PathStatus.VALLEY_FREE;
            confidence = unknownLinks == 0
                    ? Confidence.HIGH
                    : unknownLinks * 2 >= links ? Confidence.LOW : Confidence.MEDIUM;
        }
        return status;
    }

    private void recordLeak(LeakType type, int leaker, int from, boolean ambiguous) {
        if (leakCount == leakTypes.length) {
            int size = leakCount * 2;
            leakTypes = Arrays.copyOf(leakTypes, size);
            leakerSeq = Arrays.copyOf(leakerSeq, size);
            fromSeq = Arrays.copyOf(fromSeq, size);
            leakAmbiguous = Arrays.copyOf(leakAmbiguous, size);
        }
        leakTypes[leakCount] = type;
        leakerSeq[leakCount] = leaker;
        fromSeq[leakCount] = from;
        leakAmbiguous[leakCount] = ambiguous;
        leakCount++;
    }

    /** {@return the last check's status} */
    public PathStatus status() {
        return status;
    }

    /** {@return the last check's confidence (for a leak: that of the first leak)} */
    public Confidence confidence() {
        return confidence;
    }

    /** {@return links in the last path after removing prepends and route servers} */
    public int linkCount() {
        return links;
    }

    /** {@return links of the last path with no known relationship} */
    public int unknownLinkCount() {
        return unknownLinks;
    }

    /** {@return the number of valleys found by the last check} */
    public int leakCount() {
        return leakCount;
    }

    private void checkLeak(int k) {
        if (k < 0 || k >= leakCount) {
            throw new IndexOutOfBoundsException("leak " + k + " (the last check found " + leakCount + ")");
        }
    }

    /**
     * The RFC 7908 type of a valley.
     *
     * @param k {@code 0..leakCount()-1}, 0 = closest to the origin
     * @return the type
     */
    public LeakType leakType(int k) {
        checkLeak(k);
        return leakTypes[k];
    }

    /**
     * The leaker's ASN.
     *
     * @param k leak number
     * @return the AS that broke the export rules
     */
    public long leakerAsn(int k) {
        checkLeak(k);
        return seq[leakerSeq[k]];
    }

    /**
     * The leaker's position in the received path.
     *
     * @param k leak number
     * @return index, 0 = collector peer (leftmost copy when prepended)
     */
    public int leakerIndex(int k) {
        checkLeak(k);
        return position[leakerSeq[k]];
    }

    /**
     * The AS the leaker received the route from (first AS of the triple, in propagation order).
     *
     * @param k leak number
     * @return its ASN, or {@code -1} if that neighbour is an AS_SET
     */
    public long fromAsn(int k) {
        checkLeak(k);
        return seq[fromSeq[k]];
    }

    /**
     * The AS the leaker sent the route to (last AS of the triple).
     *
     * @param k leak number
     * @return its ASN
     */
    public long toAsn(int k) {
        checkLeak(k);
        return seq[leakerSeq[k] + 1];
    }

    /**
     * How certain the leaker is.
     *
     * @param k leak number
     * @return LOW if an unknown link lies inside the valley, MEDIUM if unknown links are elsewhere,
     *     HIGH if every link is known
     */
    public Confidence leakConfidence(int k) {
        checkLeak(k);
        if (leakAmbiguous[k]) {
            return Confidence.LOW;
        }
        return unknownLinks == 0 ? Confidence.HIGH : Confidence.MEDIUM;
    }

    /**
     * Configures a {@link ValleyFreeChecker}. Each setting may be given once.
     *
     * <pre>{@code
     * ValleyFreeChecker c = ValleyFreeChecker.builder(graph)
     *         .routeServers(6695, 8714)          // default: graph.routeServers()
     *         .asSetPolicy(AsSetPolicy.UNDECIDABLE)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final AsGraph graph;
        private long[] routeServers;
        private boolean routeServersSet;
        private AsSetPolicy asSetPolicy = AsSetPolicy.UNKNOWN_LINKS;
        private boolean asSetPolicySet;
        private int maxPathLength = DEFAULT_MAX_PATH_LENGTH;
        private boolean maxPathLengthSet;

        private Builder(AsGraph graph) {
            this.graph = graph;
            this.routeServers = graph.routeServers();
        }

        /**
         * The IXP route-server ASNs to remove from paths (replaces the graph's list; none disables).
         *
         * @param asns route-server ASNs
         * @return this builder
         */
        public Builder routeServers(long... asns) {
            if (routeServersSet) {
                throw new IllegalStateException("routeServers was already set to " + Arrays.toString(routeServers));
            }
            for (long asn : asns) {
                if (asn < 0 || asn > 0xFFFF_FFFFL) {
                    throw new IllegalArgumentException(
                            "route-server ASN " + asn + " out of range (expected: 0..4294967295)");
                }
            }
            routeServers = asns.clone();
            routeServersSet = true;
            return this;
        }

        /**
         * How to treat AS_SETs.
         *
         * @param policy the policy, default {@link AsSetPolicy#UNKNOWN_LINKS}
         * @return this builder
         */
        public Builder asSetPolicy(AsSetPolicy policy) {
            if (asSetPolicySet) {
                throw new IllegalStateException("asSetPolicy was already set to " + asSetPolicy);
            }
            asSetPolicy = policy;
            asSetPolicySet = true;
            return this;
        }

        /**
         * Longest path (ASNs, prepends included) to check; longer ones are {@link
         * PathStatus#UNDECIDABLE}. Bounds the scratch memory a hostile path can claim.
         *
         * @param asns limit, {@code 1..1_000_000}, default {@value #DEFAULT_MAX_PATH_LENGTH}
         * @return this builder
         */
        public Builder maxPathLength(int asns) {
            if (maxPathLengthSet) {
                throw new IllegalStateException("maxPathLength was already set to " + maxPathLength);
            }
            if (asns < 1 || asns > 1_000_000) {
                throw new IllegalArgumentException("maxPathLength " + asns + " (expected: 1..1000000)");
            }
            maxPathLength = asns;
            maxPathLengthSet = true;
            return this;
        }

        /** {@return a new checker} */
        public ValleyFreeChecker build() {
            return new ValleyFreeChecker(graph, routeServers, asSetPolicy, maxPathLength);
        }
    }
}
