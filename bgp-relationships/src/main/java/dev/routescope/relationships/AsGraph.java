package dev.routescope.relationships;

import dev.routescope.relationships.internal.LinkTable;
import dev.routescope.relationships.internal.LongIntHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * An immutable AS relationship graph in compact primitive form: ASNs map to dense indices through an
 * open-addressing table (no boxing), neighbours are stored in CSR arrays sorted by relationship, and
 * every link is also in a hash table keyed by the ASN pair so that {@link #relationship(long, long)}
 * costs one probe.
 *
 * <pre>{@code
 * AsGraph.Builder b = AsGraph.builder();
 * LoadReport report = CaidaAsRel.load(Path.of("20180101.as-rel.txt.bz2"), b);
 * AsGraph g = b.build();
 * g.relationship(3356, 15169);      // role of 15169 as seen from 3356, e.g. PEER
 * g.providers(15169);               // ASNs selling transit to 15169
 * g.customerConeSize(3356);         // AS3356 plus everything below it
 * }</pre>
 *
 * <p><b>Conventions.</b> {@code relationship(a, b)} is the role of {@code b} as seen from {@code a}
 * ({@code CUSTOMER}: {@code b} buys transit from {@code a}). Two ASes of the same organisation (see
 * {@link As2Org}) are {@link Relationship#SIBLING}, which overrides a p2c/p2p label in the link data
 * (CAIDA labels many sibling links p2c). An AS is related to itself as {@link Relationship#UNKNOWN}.
 *
 * <p><b>Threading.</b> Immutable and safe to share between threads; customer cones are computed
 * lazily and cached in a lock-free per-AS slot (two threads may compute the same cone once each).
 *
 * <p><b>Performance.</b> {@code relationship} is one hash probe (two more when the link is unknown
 * and siblings are loaded), allocation-free. Neighbour queries allocate the returned array. A cone
 * is computed by breadth-first search over customer links, O(cone size + its links), then cached as
 * a sorted {@code int[]}: querying every AS of a 60k-AS graph caches the sum of all cone sizes.
 *
 * @since 0.1
 */
public final class AsGraph {
    /** Dense AS indices are packed in 26 bits of the adjacency sort key. */
    static final int INDEX_BITS = 26;

    static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    /** Most distinct ASes a graph can hold (2^26, far above the ~120k ASNs in use). */
    public static final int MAX_ASES = 1 << INDEX_BITS;

    private final LongIntHashMap index;
    private final long[] asnOf;
    private final int[] offsets;
    private final int[] neighbours;
    private final byte[] neighbourRoles;
    private final LinkTable links;
    private final @Nullable LongIntHashMap orgOf;
    private final String[] orgNames;
    private final long[][] orgMembers;
    private final long[] clique;
    private final boolean cliqueDetected;
    private final long[] routeServers;
    private final int linkCount;
    private final int providerCustomerLinks;
    private final int peerLinks;
    private final int siblingLinks;
    private final AtomicReferenceArray<int @Nullable []> cones;

    private AsGraph(Builder b) {
        int n = b.nodeCount;
        index = b.nodeIndex;
        asnOf = Arrays.copyOf(b.nodeAsn, n);
        orgOf = b.orgByAsn;
        orgNames = b.orgNames.toArray(new String[0]);
        long[][] members = new long[orgNames.length][];
        int[] memberCounts = new int[orgNames.length];
        for (int i = 0; i < b.orgAsnCount; i++) {
            memberCounts[b.orgAsnOrg[i]]++;
        }
        for (int o = 0; o < members.length; o++) {
            members[o] = new long[memberCounts[o]];
            memberCounts[o] = 0;
        }
        for (int i = 0; i < b.orgAsnCount; i++) {
            int o = b.orgAsnOrg[i];
            members[o][memberCounts[o]++] = b.orgAsn[i];
        }
        for (long[] m : members) {
            Arrays.sort(m);
        }
        orgMembers = members;

        int m = b.linkCount;
        linkCount = m;
        int[] degree = new int[n + 1];
        int p2c = 0;
        int p2p = 0;
        int s2s = 0;
        byte[] roles = new byte[m];
        for (int e = 0; e < m; e++) {
            Relationship role = Relationship.ofCode(b.linkRole[e]);
            if (role != Relationship.SIBLING && sameOrg(b.linkA[e], b.linkB[e])) {
                role = Relationship.SIBLING;
            }
            roles[e] = role.code;
            switch (role) {
                case PEER -> p2p++;
                case SIBLING -> s2s++;
                default -> p2c++;
            }
            degree[b.linkIa[e]]++;
            degree[b.linkIb[e]]++;
        }
        providerCustomerLinks = p2c;
        peerLinks = p2p;
        siblingLinks = s2s;
        // The builder's pair table maps pair -> link id; turn it in place into pair -> code (role
        // of the larger ASN seen from the smaller) instead of inserting every link a second time.
        long[] linkA = b.linkA;
        long[] linkB = b.linkB;
        links = b.pairs;
        links.remapValues(e -> {
            Relationship role = Relationship.ofCode(roles[e]);
            return (linkA[e] < linkB[e] ? role : role.inverse()).code;
        });
        offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = offsets[i] + degree[i];
        }
        int[] fill = Arrays.copyOf(offsets, n);
        // One sortable long per adjacency entry: role (3 bits) | neighbour ASN (32) | neighbour
        // index (26), so each node's providers, customers, peers and siblings come out as
        // contiguous runs sorted by ASN, with the index at hand without a lookup.
        long[] keys = new long[2 * m];
        for (int e = 0; e < m; e++) {
            int ia = b.linkIa[e];
            int ib = b.linkIb[e];
            Relationship role = Relationship.ofCode(roles[e]);
            keys[fill[ia]++] = ((long) role.code << 58) | (linkB[e] << INDEX_BITS) | ib;
            keys[fill[ib]++] = ((long) role.inverse().code << 58) | (linkA[e] << INDEX_BITS) | ia;
        }
        neighbours = new int[2 * m];
        neighbourRoles = new byte[2 * m];
        for (int i = 0; i < n; i++) {
            Arrays.sort(keys, offsets[i], offsets[i + 1]);
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                neighbours[k] = (int) (keys[k] & INDEX_MASK);
                neighbourRoles[k] = (byte) (keys[k] >>> 58);
            }
        }
        cones = new AtomicReferenceArray<>(n);

        long[] routeServerList = b.routeServersSet ? b.routeServers : b.dataRouteServers;
        routeServers = sortedDistinct(routeServerList);
        long[] given = b.clique;
        if (given == null && b.dataClique.length > 0) {
            given = b.dataClique;
        }
        // Detection needs the finished graph; it runs on the clique-less instance and build() then
        // copies the references into the final one (avoids leaking a half-built `this`).
        clique = given == null ? new long[0] : sortedDistinct(given);
        cliqueDetected = false;
    }

    private AsGraph(AsGraph core, long[] detectedClique) {
        index = core.index;
        asnOf = core.asnOf;
        offsets = core.offsets;
        neighbours = core.neighbours;
        neighbourRoles = core.neighbourRoles;
        links = core.links;
        orgOf = core.orgOf;
        orgNames = core.orgNames;
        orgMembers = core.orgMembers;
        routeServers = core.routeServers;
        linkCount = core.linkCount;
        providerCustomerLinks = core.providerCustomerLinks;
        peerLinks = core.peerLinks;
        siblingLinks = core.siblingLinks;
        cones = core.cones;
        clique = detectedClique;
        cliqueDetected = true;
    }

    /** {@return a new, empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    static long pairKey(long a, long b) {
        return a < b ? (a << 32) | b : (b << 32) | a;
    }

    private boolean sameOrg(long a, long b) {
        LongIntHashMap orgs = orgOf;
        if (orgs == null) {
            return false;
        }
        int oa = orgs.get(a);
        return oa != LongIntHashMap.MISSING && oa == orgs.get(b);
    }

    /**
     * The role of {@code b} as seen from {@code a}.
     *
     * @param a an ASN
     * @param b another ASN
     * @return {@code CUSTOMER} if {@code b} buys transit from {@code a}, {@code PROVIDER} if it sells
     *     transit to {@code a}, {@code PEER}, {@code SIBLING} (same organisation), or {@code UNKNOWN}
     *     when no link is known (also for {@code a == b})
     */
    public Relationship relationship(long a, long b) {
        int code = links.get(pairKey(a, b));
        if (code != LinkTable.MISSING) {
            Relationship r = Relationship.ofCode(code);
            return a < b ? r : r.inverse();
        }
        if (a != b && sameOrg(a, b)) {
            return Relationship.SIBLING;
        }
        return Relationship.UNKNOWN;
    }

    /**
     * Whether the ASN has at least one link or organisation in the graph.
     *
     * @param asn an ASN
     * @return true if it appears in the link data
     */
    public boolean contains(long asn) {
        return index.get(asn) != LongIntHashMap.MISSING;
    }

    /** {@return the number of ASes that have at least one link} */
    public int asCount() {
        return asnOf.length;
    }

    /** {@return the number of distinct links (each AS pair once)} */
    public int linkCount() {
        return linkCount;
    }

    /** {@return the number of provider-customer links (after sibling overrides)} */
    public int providerCustomerLinkCount() {
        return providerCustomerLinks;
    }

    /** {@return the number of peer links} */
    public int peerLinkCount() {
        return peerLinks;
    }

    /** {@return the number of links between ASes of one organisation} */
    public int siblingLinkCount() {
        return siblingLinks;
    }

    /** {@return all ASNs with at least one link, ascending} */
    public long[] asns() {
        long[] out = asnOf.clone();
        Arrays.sort(out);
        return out;
    }

    /**
     * The number of links of an AS.
     *
     * @param asn an ASN
     * @return its degree, 0 if unknown
     */
    public int degree(long asn) {
        int i = index.get(asn);
        return i < 0 ? 0 : offsets[i + 1] - offsets[i];
    }

    /**
     * The providers of an AS.
     *
     * @param asn an ASN
     * @return ASNs that sell transit to it, ascending; empty if none or unknown
     */
    public long[] providers(long asn) {
        return neighbours(asn, Relationship.PROVIDER);
    }

    /**
     * The direct customers of an AS.
     *
     * @param asn an ASN
     * @return ASNs that buy transit from it, ascending
     */
    public long[] customers(long asn) {
        return neighbours(asn, Relationship.CUSTOMER);
    }

    /**
     * The peers of an AS.
     *
     * @param asn an ASN
     * @return its settlement-free peers, ascending
     */
    public long[] peers(long asn) {
        return neighbours(asn, Relationship.PEER);
    }

    /**
     * The siblings of an AS: other ASNs of its organisation (from {@link As2Org}), linked or not.
     *
     * @param asn an ASN
     * @return sibling ASNs, ascending, without {@code asn} itself
     */
    public long[] siblings(long asn) {
        LongIntHashMap orgs = orgOf;
        int org = orgs == null ? LongIntHashMap.MISSING : orgs.get(asn);
        if (org == LongIntHashMap.MISSING) {
            return new long[0];
        }
        long[] members = orgMembers[org];
        long[] out = new long[members.length - 1];
        int k = 0;
        for (long member : members) {
            if (member != asn && k < out.length) {
                out[k++] = member;
            }
        }
        return out;
    }

    /**
     * The organisation id of an AS, as given in the as2org data.
     *
     * @param asn an ASN
     * @return the org id, or {@code null} if no organisation data covers it
     */
    public @Nullable String organization(long asn) {
        LongIntHashMap orgs = orgOf;
        int org = orgs == null ? LongIntHashMap.MISSING : orgs.get(asn);
        return org == LongIntHashMap.MISSING ? null : orgNames[org];
    }

    /**
     * Neighbours of one role.
     *
     * @param asn an ASN
     * @param role the role of the neighbours as seen from {@code asn}
     * @return matching neighbours, ascending
     */
    public long[] neighbours(long asn, Relationship role) {
        int i = index.get(asn);
        if (i < 0) {
            return new long[0];
        }
        int from = offsets[i];
        int to = offsets[i + 1];
        while (from < to && neighbourRoles[from] != role.code) {
            from++;
        }
        int end = from;
        while (end < to && neighbourRoles[end] == role.code) {
            end++;
        }
        long[] out = new long[end - from];
        for (int k = from; k < end; k++) {
            out[k - from] = asnOf[neighbours[k]];
        }
        return out;
    }

    /** Receives one link per call from {@link #forEachLink}. */
    @FunctionalInterface
    public interface LinkVisitor {
        /**
         * One link.
         *
         * @param a the AS with the smaller ASN
         * @param b the AS with the larger ASN
         * @param roleOfB the role of {@code b} as seen from {@code a}
         */
        void link(long a, long b, Relationship roleOfB);
    }

    /**
     * Visits every link once, the smaller ASN first, in no particular order.
     *
     * @param visitor receives each link
     */
    public void forEachLink(LinkVisitor visitor) {
        for (int i = 0; i < asnOf.length; i++) {
            long a = asnOf[i];
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                long b = asnOf[neighbours[k]];
                if (a < b) {
                    visitor.link(a, b, Relationship.ofCode(neighbourRoles[k]));
                }
            }
        }
    }

    int indexOf(long asn) {
        return index.get(asn);
    }

    long asnAt(int idx) {
        return asnOf[idx];
    }

    int countNeighbours(int idx, Relationship role) {
        int c = 0;
        for (int k = offsets[idx]; k < offsets[idx + 1]; k++) {
            if (neighbourRoles[k] == role.code) {
                c++;
            }
        }
        return c;
    }

    /**
     * The size of the customer cone: the AS itself plus every AS reachable from it by following
     * provider-to-customer links only (CAIDA's recursive cone).
     *
     * @param asn an ASN
     * @return the cone size, 0 if the AS is not in the graph
     */
    public int customerConeSize(long asn) {
        int i = index.get(asn);
        return i < 0 ? 0 : cone(i).length;
    }

    /**
     * Whether {@code member} is in the customer cone of {@code provider} (an AS is in its own cone).
     *
     * @param provider the cone's apex
     * @param member the AS to test
     * @return true if {@code member} is reachable from {@code provider} downhill
     */
    public boolean inCustomerCone(long provider, long member) {
        int i = index.get(provider);
        int j = index.get(member);
        if (i < 0 || j < 0) {
            return false;
        }
        return Arrays.binarySearch(cone(i), j) >= 0;
    }

    /**
     * The customer cone's members.
     *
     * @param asn the apex
     * @return the members including {@code asn}, ascending; empty if not in the graph
     */
    public long[] customerCone(long asn) {
        int i = index.get(asn);
        if (i < 0) {
            return new long[0];
        }
        int[] c = cone(i);
        long[] out = new long[c.length];
        for (int k = 0; k < c.length; k++) {
            out[k] = asnOf[c[k]];
        }
        Arrays.sort(out);
        return out;
    }

    private int[] cone(int apex) {
        int[] cached = cones.get(apex);
        if (cached != null) {
            return cached;
        }
        boolean[] seen = new boolean[asnOf.length];
        int[] queue = new int[16];
        int head = 0;
        int tail = 0;
        queue[tail++] = apex;
        seen[apex] = true;
        int customer = Relationship.CUSTOMER.code;
        while (head < tail) {
            int v = queue[head++];
            for (int k = offsets[v]; k < offsets[v + 1]; k++) {
                if (neighbourRoles[k] != customer) {
                    continue;
                }
                int w = neighbours[k];
                if (!seen[w]) {
                    seen[w] = true;
                    if (tail == queue.length) {
                        queue = Arrays.copyOf(queue, queue.length * 2);
                    }
                    queue[tail++] = w;
                }
            }
        }
        int[] result = Arrays.copyOf(queue, tail);
        Arrays.sort(result);
        cones.compareAndSet(apex, null, result);
        return result;
    }

    /**
     * The Tier-1 clique: given to the {@link Builder#clique builder}, else CAIDA's {@code # inferred
     * clique} header, else detected by {@link TierOneClique#detect}.
     *
     * @return clique ASNs, ascending
     */
    public long[] clique() {
        return clique.clone();
    }

    /** {@return true if {@link #clique()} was detected from the graph rather than given} */
    public boolean cliqueDetected() {
        return cliqueDetected;
    }

    /**
     * Whether an AS is in the Tier-1 clique.
     *
     * @param asn an ASN
     * @return true for clique members
     */
    public boolean inClique(long asn) {
        return Arrays.binarySearch(clique, asn) >= 0;
    }

    /**
     * IXP route-server ASNs known to the graph: those given to {@link Builder#routeServers}, else
     * CAIDA's {@code # IXP ASes} header. The {@link ValleyFreeChecker} skips them by default.
     *
     * @return route-server ASNs, ascending
     */
    public long[] routeServers() {
        return routeServers.clone();
    }

    /**
     * Approximate heap used by the graph's arrays and tables, excluding cached cones.
     *
     * @return bytes
     */
    public long footprintBytes() {
        long bytes = index.footprintBytes() + links.footprintBytes();
        bytes += (long) asnOf.length * 8 + (long) offsets.length * 4 + (long) neighbours.length * 4;
        bytes += neighbourRoles.length;
        LongIntHashMap orgs = orgOf;
        if (orgs != null) {
            bytes += orgs.footprintBytes();
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "AsGraph[" + asnOf.length + " ASes, " + linkCount + " links (" + providerCustomerLinks + " p2c, "
                + peerLinks + " p2p, " + siblingLinks + " s2s), clique " + clique.length + "]";
    }

    private static long[] sortedDistinct(long[] values) {
        return Arrays.stream(values).sorted().distinct().toArray();
    }

    /** Outcome of adding a link to a builder. */
    enum AddOutcome {
        ADDED,
        DUPLICATE,
        CONFLICT,
        SELF_LOOP
    }

    /**
     * Collects links, organisations, the clique and route servers, then builds an immutable graph.
     * Not thread-safe. A pair of ASes holds one link: adding the same pair again is ignored; adding
     * it with a different relationship keeps the first and counts a {@link #conflicts() conflict}.
     *
     * <pre>{@code
     * AsGraph g = AsGraph.builder()
     *         .providerCustomer(3356, 64500)
     *         .peers(3356, 1299)
     *         .organization(64500, "ORG-EXAMPLE")
     *         .organization(64501, "ORG-EXAMPLE")
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final LongIntHashMap nodeIndex = new LongIntHashMap(1024);
        private long[] nodeAsn = new long[1024];
        private int nodeCount;
        private LinkTable pairs = new LinkTable(4096);
        private long[] linkA = new long[4096];
        private long[] linkB = new long[4096];
        private int[] linkIa = new int[4096];
        private int[] linkIb = new int[4096];
        private byte[] linkRole = new byte[4096];
        private int linkCount;
        private int conflicts;
        private int duplicates;
        private @Nullable LongIntHashMap orgByAsn;
        private final Map<String, Integer> orgIds = new HashMap<>();
        private final List<String> orgNames = new ArrayList<>();
        private long[] orgAsn = new long[0];
        private int[] orgAsnOrg = new int[0];
        private int orgAsnCount;
        private long @Nullable [] clique;
        private long[] dataClique = new long[0];
        private long[] routeServers = new long[0];
        private long[] dataRouteServers = new long[0];
        private boolean routeServersSet;
        private boolean built;

        private Builder() {}

        /**
         * Adds a provider-to-customer (transit) link.
         *
         * @param provider the AS selling transit
         * @param customer the AS buying it
         * @return this builder
         * @throws IllegalArgumentException for an ASN outside {@code 0..4294967295} or a self-loop
         */
        public Builder providerCustomer(long provider, long customer) {
            requireLink(addLink(provider, customer, Relationship.CUSTOMER), provider, customer);
            return this;
        }

        /**
         * Adds a settlement-free peering link.
         *
         * @param a one peer
         * @param b the other peer
         * @return this builder
         * @throws IllegalArgumentException for an ASN outside {@code 0..4294967295} or a self-loop
         */
        public Builder peers(long a, long b) {
            requireLink(addLink(a, b, Relationship.PEER), a, b);
            return this;
        }

        /**
         * Adds an explicit sibling link (two ASes of one organisation that exchange all routes).
         *
         * @param a one AS
         * @param b the other AS
         * @return this builder
         */
        public Builder siblings(long a, long b) {
            requireLink(addLink(a, b, Relationship.SIBLING), a, b);
            return this;
        }

        /**
         * Adds a link with the role of {@code b} as seen from {@code a}.
         *
         * @param a one AS
         * @param b the other AS
         * @param roleOfB {@code CUSTOMER}, {@code PROVIDER}, {@code PEER} or {@code SIBLING}
         * @return this builder
         */
        public Builder link(long a, long b, Relationship roleOfB) {
            if (roleOfB == Relationship.UNKNOWN) {
                throw new IllegalArgumentException("role UNKNOWN cannot be added as a link between AS" + a + " and AS"
                        + b + " (expected: PROVIDER, CUSTOMER, PEER or SIBLING)");
            }
            requireLink(addLink(a, b, roleOfB), a, b);
            return this;
        }

        private static void requireLink(AddOutcome outcome, long a, long b) {
            if (outcome == AddOutcome.SELF_LOOP) {
                throw new IllegalArgumentException(
                        "link from AS" + a + " to AS" + b + " is a self-loop (expected two different ASes)");
            }
        }

        /**
         * Assigns an AS to an organisation; ASes sharing an org id are siblings.
         *
         * @param asn the ASN
         * @param orgId the organisation id, e.g. CAIDA's {@code org_id}
         * @return this builder
         */
        public Builder organization(long asn, String orgId) {
            checkAsn(asn);
            if (orgId.isEmpty()) {
                throw new IllegalArgumentException("empty org id for AS" + asn);
            }
            LongIntHashMap orgs = orgByAsn;
            if (orgs == null) {
                orgs = new LongIntHashMap(1024);
                orgByAsn = orgs;
            }
            int org = orgIds.computeIfAbsent(orgId, k -> {
                orgNames.add(k);
                return orgNames.size() - 1;
            });
            int existing = orgs.putIfAbsent(asn, org);
            if (existing != org) {
                throw new IllegalArgumentException("AS" + asn + " is already in organisation '" + orgNames.get(existing)
                        + "', not '" + orgId + "'");
            }
            if (orgAsnCount == orgAsn.length) {
                orgAsn = Arrays.copyOf(orgAsn, Math.max(1024, orgAsnCount * 2));
                orgAsnOrg = Arrays.copyOf(orgAsnOrg, orgAsn.length);
            }
            if (orgs.size() > orgAsnCount) {
                orgAsn[orgAsnCount] = asn;
                orgAsnOrg[orgAsnCount] = org;
                orgAsnCount++;
            }
            return this;
        }

        /**
         * Sets the Tier-1 clique explicitly (overrides the CAIDA header and detection).
         *
         * @param asns clique members
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder clique(long... asns) {
            if (clique != null) {
                throw new IllegalStateException("clique was already set to " + Arrays.toString(clique));
            }
            for (long asn : asns) {
                checkAsn(asn);
            }
            clique = asns.clone();
            return this;
        }

        /**
         * Sets the IXP route-server ASNs explicitly (overrides the CAIDA {@code # IXP ASes} header).
         *
         * @param asns route-server ASNs
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder routeServers(long... asns) {
            if (routeServersSet) {
                throw new IllegalStateException("route servers were already set to " + Arrays.toString(routeServers));
            }
            for (long asn : asns) {
                checkAsn(asn);
            }
            routeServers = asns.clone();
            routeServersSet = true;
            return this;
        }

        /** Sizing hint from a loader that knows the input size; only acts on an empty builder. */
        void expectLinks(long links) {
            if (linkCount == 0 && links > 4096 && links < (1 << 28)) {
                // The pair table is not pre-sized: an estimate just above a power of two would
                // double its final size (it is kept by the graph); growing costs only a rehash.
                linkA = new long[(int) links];
                linkB = new long[(int) links];
                linkRole = new byte[(int) links];
                linkIa = new int[(int) links];
                linkIb = new int[(int) links];
            }
        }

        void dataClique(long[] asns) {
            dataClique = asns;
        }

        void dataRouteServers(long[] asns) {
            dataRouteServers = asns;
        }

        /** {@return links added with a different relationship than an earlier link of the same pair} */
        public int conflicts() {
            return conflicts;
        }

        /** {@return links added again with the same relationship (ignored)} */
        public int duplicates() {
            return duplicates;
        }

        AddOutcome addLink(long a, long b, Relationship roleOfB) {
            checkAsn(a);
            checkAsn(b);
            if (a == b) {
                return AddOutcome.SELF_LOOP;
            }
            int existing = pairs.putIfAbsent(pairKey(a, b), linkCount);
            if (existing != LinkTable.MISSING) {
                Relationship old = linkA[existing] == a
                        ? Relationship.ofCode(linkRole[existing])
                        : Relationship.ofCode(linkRole[existing]).inverse();
                if (old == roleOfB) {
                    duplicates++;
                    return AddOutcome.DUPLICATE;
                }
                conflicts++;
                return AddOutcome.CONFLICT;
            }
            if (linkCount == linkA.length) {
                linkA = Arrays.copyOf(linkA, linkCount * 2);
                linkB = Arrays.copyOf(linkB, linkCount * 2);
                linkRole = Arrays.copyOf(linkRole, linkCount * 2);
                linkIa = Arrays.copyOf(linkIa, linkCount * 2);
                linkIb = Arrays.copyOf(linkIb, linkCount * 2);
            }
            linkA[linkCount] = a;
            linkB[linkCount] = b;
            linkRole[linkCount] = roleOfB.code;
            linkIa[linkCount] = node(a);
            linkIb[linkCount] = node(b);
            linkCount++;
            return AddOutcome.ADDED;
        }

        private int node(long asn) {
            int i = nodeIndex.putIfAbsent(asn, nodeCount);
            if (i == nodeCount) {
                if (nodeCount == MAX_ASES) {
                    throw new IllegalStateException("graph holds " + MAX_ASES + " ASes already (limit MAX_ASES)");
                }
                if (nodeCount == nodeAsn.length) {
                    nodeAsn = Arrays.copyOf(nodeAsn, nodeCount * 2);
                }
                nodeAsn[nodeCount++] = asn;
            }
            return i;
        }

        private static void checkAsn(long asn) {
            if (asn < 0 || asn > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("ASN " + asn + " out of range (expected: 0..4294967295)");
            }
        }

        /**
         * Builds the graph. The builder cannot be used afterwards.
         *
         * @return the immutable graph
         * @throws IllegalStateException if called twice
         */
        public AsGraph build() {
            if (built) {
                throw new IllegalStateException("build() was already called on this builder");
            }
            built = true;
            AsGraph core = new AsGraph(this);
            if (clique != null || dataClique.length > 0) {
                return core;
            }
            return new AsGraph(core, TierOneClique.detect(core, TierOneClique.DEFAULT_CANDIDATES));
        }
    }
}
