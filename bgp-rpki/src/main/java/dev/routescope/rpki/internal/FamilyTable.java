package dev.routescope.rpki.internal;

import java.util.Arrays;

/**
 * The compiled, immutable VRP table of one address family: the structure behind route origin
 * validation.
 *
 * <h2>Layout (primitive arrays only, no object per prefix)</h2>
 *
 * <ul>
 *   <li><b>Prefix nodes</b>: the distinct VRP prefixes in address order ({@code nodeHigh/nodeLow}),
 *       each with one packed info word: length (8 bits), parent + 1 (28 bits; the nearest VRP
 *       prefix that covers it, 0 = none) and the start of its VRP run (28 bits), stored next to a
 *       copy of its first VRP so that the usual single-VRP prefix is checked in one cache line.
 *   <li><b>VRPs</b>: one packed word each, {@code asn << 8 | maxLength}, grouped by node and sorted by
 *       ASN; trust anchor and expiry in parallel columns that the hot path never reads.
 *   <li><b>Boundaries</b>: the address space cut into disjoint ranges, each mapped to the innermost
 *       VRP prefix containing it (-1 = none). For IPv4 the boundary address and the owner share one
 *       {@code long}; IPv6 uses three columns.
 *   <li><b>Index</b>: a radix index over the boundary keys (IPv4: 16 bits at the root, one int per
 *       bucket = 256 KiB, 6 bits per child level; IPv6: 20 + 8 bits), a child only where a bucket
 *       holds more than {@value #LEAF_MAX} boundaries, so a lookup ends in a binary search over a
 *       few cache lines.
 * </ul>
 *
 * <p>A validation finds the innermost VRP prefix containing the route's network address (one index
 * walk plus a short binary search), climbs parents while they are longer than the route, and then
 * scans the VRP runs of that node and its ancestors: exactly the covering VRPs of RFC 6811. The
 * parent chain is short in real data (at most a handful of nested VRP prefixes).
 *
 * <p>Immutable and safe to share between threads once constructed.
 */
public final class FamilyTable {
    /** State codes returned by {@link #validate}. */
    public static final int NOT_FOUND = 0;

    /** RFC 6811 Valid. */
    public static final int VALID = 1;

    /** RFC 6811 Invalid. */
    public static final int INVALID = 2;

    // IPv4: 16-bit root (64k buckets, 25k used by the global set), 6-bit children keep the index
    // small. IPv6: a 20-bit root and 8-bit children, because the used space is concentrated in
    // 2000::/3 and a 16-bit root leaves 30k boundaries in one bucket (2a02::/16).
    static final int LEAF_MAX = 32;
    private static final int ROOT4 = 16;
    private static final int CHILD4 = 6;
    private static final int ROOT6 = 20;
    private static final int CHILD6 = 8;
    private static final long FIELD28 = (1L << 28) - 1;

    private final boolean ipv4;
    private final int nodeCount;
    private final long[] nodeHigh;
    private final long[] nodeLow;
    // stride 2: [2k] = length << 56 | (parent + 1) << 28 | vrpStart, [2k+1] = the node's first VRP,
    // so the common single-VRP check costs one cache line
    private final long[] node;
    private final long[] vrp;
    private final short[] vrpTa;
    private final int[] vrpExpires; // unsigned Unix seconds
    // IPv4: address << 32 | owner; IPv6: separate columns
    private final long[] bound4;
    // IPv6: high and low words interleaved, so one binary-search probe touches one cache line
    private final long[] bound6;
    private final int[] boundOwner;
    private final int[] index;

    /**
     * Compiles sorted, merged rows (see {@link VrpRows#sortAndMerge()}).
     *
     * @param rows the rows; not retained
     * @param ipv4 the family of every row
     * @throws IllegalArgumentException if the table would exceed 2^28 - 1 prefixes or VRPs
     */
    public FamilyTable(VrpRows rows, boolean ipv4) {
        this.ipv4 = ipv4;
        int n = rows.size;
        if (n >= FIELD28) {
            throw new IllegalArgumentException("VRP count " + n + " (expected: < " + FIELD28 + " per family)");
        }
        vrp = new long[n];
        vrpTa = Arrays.copyOf(rows.trustAnchor, n);
        vrpExpires = new int[n];
        for (int r = 0; r < n; r++) {
            vrpExpires[r] = (int) Math.min(rows.expires[r], 0xFFFF_FFFFL);
        }
        long[] nh = new long[Math.max(n, 1)];
        long[] nl = ipv4 ? new long[0] : new long[Math.max(n, 1)];
        long[] info = new long[n + 1];
        int nodes = 0;
        for (int r = 0; r < n; r++) {
            vrp[r] = (Integer.toUnsignedLong(rows.asn[r]) << 8) | (rows.maxLength[r] & 0xFF);
            if (r == 0
                    || rows.high[r] != rows.high[r - 1]
                    || rows.low[r] != rows.low[r - 1]
                    || rows.length[r] != rows.length[r - 1]) {
                nh[nodes] = rows.high[r];
                if (!ipv4) {
                    nl[nodes] = rows.low[r];
                }
                info[nodes] = ((long) (rows.length[r] & 0xFF) << 56) | r;
                nodes++;
            }
        }
        info[nodes] = n;
        nodeCount = nodes;
        nodeHigh = Arrays.copyOf(nh, nodes);
        nodeLow = ipv4 ? nl : Arrays.copyOf(nl, nodes);
        node = new long[2 * (nodes + 1)];
        for (int k = 0; k <= nodes; k++) {
            node[2 * k] = info[k];
            node[2 * k + 1] = k < nodes ? vrp[(int) (info[k] & FIELD28)] : 0;
        }

        BoundaryBuilder bb = new BoundaryBuilder(nodes);
        int[] stack = new int[130];
        int depth = 0;
        for (int k = 0; k < nodes; k++) {
            while (depth > 0 && !covers(stack[depth - 1], k)) {
                int popped = stack[--depth];
                emitEnd(bb, popped, depth > 0 ? stack[depth - 1] : -1);
            }
            int parent = depth > 0 ? stack[depth - 1] : -1;
            node[2 * k] |= ((long) (parent + 1)) << 28;
            stack[depth++] = k;
            bb.emit(nodeHigh[k], ipv4 ? 0 : nodeLow[k], k);
        }
        while (depth > 0) {
            int popped = stack[--depth];
            emitEnd(bb, popped, depth > 0 ? stack[depth - 1] : -1);
        }
        if (ipv4) {
            bound4 = new long[bb.count];
            for (int i = 0; i < bb.count; i++) {
                bound4[i] = bb.high[i] | (bb.owner[i] & 0xFFFF_FFFFL);
            }
            bound6 = new long[0];
            boundOwner = new int[0];
            index = RadixIndex.build(bound4, 1, bound4.length, 32, ROOT4, CHILD4);
        } else {
            bound4 = new long[0];
            bound6 = new long[2 * bb.count];
            for (int i = 0; i < bb.count; i++) {
                bound6[2 * i] = bb.high[i];
                bound6[2 * i + 1] = bb.low[i];
            }
            boundOwner = Arrays.copyOf(bb.owner, bb.count);
            index = RadixIndex.build(bound6, 2, bb.count, 64, ROOT6, CHILD6);
        }
    }

    private boolean covers(int outer, int inner) {
        int len = length(outer);
        if (len > length(inner)) {
            return false;
        }
        if (ipv4) {
            return (nodeHigh[inner] & PrefixText.maskHigh(len)) == nodeHigh[outer];
        }
        return (nodeHigh[inner] & PrefixText.maskHigh(len)) == nodeHigh[outer]
                && (nodeLow[inner] & PrefixText.maskLow(len)) == nodeLow[outer];
    }

    private void emitEnd(BoundaryBuilder bb, int node, int newOwner) {
        int len = length(node);
        if (ipv4) {
            long last = nodeHigh[node] | (~PrefixText.maskHigh(len) & 0xFFFF_FFFF_0000_0000L);
            if (last != 0xFFFF_FFFF_0000_0000L) {
                bb.emit(last + (1L << 32), 0, newOwner);
            }
            return;
        }
        long h = nodeHigh[node] | ~PrefixText.maskHigh(len);
        long l = nodeLow[node] | ~PrefixText.maskLow(len);
        if (h == -1L && l == -1L) {
            return;
        }
        l++;
        if (l == 0) {
            h++;
        }
        bb.emit(h, l, newOwner);
    }

    /** Boundary list under construction: keys arrive in non-decreasing order. */
    private static final class BoundaryBuilder {
        long[] high;
        long[] low;
        int[] owner;
        int count;

        BoundaryBuilder(int nodes) {
            int c = Math.max(16, 2 * nodes + 1);
            high = new long[c];
            low = new long[c];
            owner = new int[c];
        }

        void emit(long h, long l, int o) {
            if (count > 0 && high[count - 1] == h && low[count - 1] == l) {
                owner[count - 1] = o;
                if ((count >= 2 && owner[count - 2] == o) || (count == 1 && o == -1)) {
                    count--;
                }
                return;
            }
            if ((count > 0 && owner[count - 1] == o) || (count == 0 && o == -1)) {
                return;
            }
            if (count == high.length) {
                high = Arrays.copyOf(high, count * 2);
                low = Arrays.copyOf(low, count * 2);
                owner = Arrays.copyOf(owner, count * 2);
            }
            high[count] = h;
            low[count] = l;
            owner[count] = o;
            count++;
        }
    }

    /** {@return true for the IPv4 table} */
    public boolean isIpv4() {
        return ipv4;
    }

    /** {@return the number of VRPs} */
    public int vrpCount() {
        return vrp.length;
    }

    /** {@return the number of distinct VRP prefixes} */
    public int nodeCount() {
        return nodeCount;
    }

    /** {@return the number of address-range boundaries} */
    public int boundaryCount() {
        return ipv4 ? bound4.length : boundOwner.length;
    }

    /**
     * The innermost VRP prefix containing an address.
     *
     * @param high address bits 0..63 (IPv4 left-aligned)
     * @param low address bits 64..127
     * @return the node, or -1
     */
    public int innermostContaining(long high, long low) {
        int[] nd = index;
        int o = 0;
        int d = 0;
        int s = ipv4 ? ROOT4 : ROOT6;
        int cs = ipv4 ? CHILD4 : CHILD6;
        int lo;
        int hi;
        while (true) {
            int p = o + (int) ((high << d) >>> (64 - s));
            int e = nd[p];
            if (e < 0) {
                o = ~e;
                d += s;
                s = cs;
                continue;
            }
            lo = e;
            hi = nd[p + 1];
            while (hi < 0) {
                hi = nd[~hi];
            }
            break;
        }
        if (ipv4) {
            long[] b = bound4;
            long probe = (high | 0xFFFF_FFFFL) ^ Long.MIN_VALUE;
            while (lo < hi) {
                int m = (lo + hi) >>> 1;
                if ((b[m] ^ Long.MIN_VALUE) <= probe) {
                    lo = m + 1;
                } else {
                    hi = m;
                }
            }
            return lo == 0 ? -1 : (int) b[lo - 1];
        }
        long[] b = bound6;
        long qh = high ^ Long.MIN_VALUE;
        long ql = low ^ Long.MIN_VALUE;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            long h = b[2 * m] ^ Long.MIN_VALUE;
            if (h < qh || (h == qh && (b[2 * m + 1] ^ Long.MIN_VALUE) <= ql)) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo == 0 ? -1 : boundOwner[lo - 1];
    }

    /**
     * The most specific VRP prefix covering a route (RFC 6811 "covered"), or -1.
     *
     * @param high route address bits 0..63
     * @param low bits 64..127
     * @param length route prefix length
     * @return the node, or -1 when no VRP covers the route
     */
    public int innermostCovering(long high, long low, int length) {
        int k = innermostContaining(high, low);
        while (k >= 0) {
            long info = node[2 * k];
            if ((int) (info >>> 56) <= length) {
                return k;
            }
            k = (int) ((info >>> 28) & FIELD28) - 1;
        }
        return -1;
    }

    /**
     * RFC 6811 validation on primitives.
     *
     * @param high route address bits 0..63 (IPv4: address {@code << 32})
     * @param low bits 64..127 (0 for IPv4)
     * @param length route prefix length
     * @param origin origin ASN 0..2^32-1, or a negative value for NONE (AS_SET origin)
     * @return {@link #VALID}, {@link #INVALID} or {@link #NOT_FOUND}
     */
    public int validate(long high, long low, int length, long origin) {
        int k = innermostCovering(high, low, length);
        if (k < 0) {
            return NOT_FOUND;
        }
        if (origin <= 0) {
            // NONE (AS_SET) and AS0 (RFC 7607) never match, whatever covers them
            return INVALID;
        }
        long[] nd = node;
        long[] v = vrp;
        while (true) {
            long ni = nd[2 * k];
            long first = nd[2 * k + 1];
            if ((first >>> 8) == origin && (int) (first & 0xFF) >= length) {
                return VALID;
            }
            int to = (int) (nd[2 * k + 2] & FIELD28);
            for (int i = (int) (ni & FIELD28) + 1; i < to; i++) {
                long e = v[i];
                if ((e >>> 8) == origin && (int) (e & 0xFF) >= length) {
                    return VALID;
                }
            }
            k = (int) ((ni >>> 28) & FIELD28) - 1;
            if (k < 0) {
                return INVALID;
            }
        }
    }

    /**
     * Parent of a node.
     *
     * @param node a node
     * @return the nearest covering node, or -1
     */
    public int parent(int node) {
        return (int) ((this.node[2 * node] >>> 28) & FIELD28) - 1;
    }

    /**
     * Prefix length of a node.
     *
     * @param node a node
     * @return the length
     */
    public int length(int node) {
        return (int) (this.node[2 * node] >>> 56);
    }

    /**
     * High address word of a node.
     *
     * @param node a node
     * @return bits 0..63
     */
    public long nodeHigh(int node) {
        return nodeHigh[node];
    }

    /**
     * Low address word of a node.
     *
     * @param node a node
     * @return bits 64..127 (0 for IPv4)
     */
    public long nodeLow(int node) {
        return ipv4 ? 0 : nodeLow[node];
    }

    /**
     * First VRP of a node.
     *
     * @param node a node
     * @return VRP index
     */
    public int vrpStart(int node) {
        return (int) (this.node[2 * node] & FIELD28);
    }

    /**
     * End (exclusive) of a node's VRPs.
     *
     * @param node a node
     * @return VRP index
     */
    public int vrpEnd(int node) {
        return (int) (this.node[2 * node + 2] & FIELD28);
    }

    /**
     * ASN of a VRP.
     *
     * @param i VRP index
     * @return the ASN
     */
    public long asn(int i) {
        return vrp[i] >>> 8;
    }

    /**
     * Max length of a VRP.
     *
     * @param i VRP index
     * @return the max length
     */
    public int maxLength(int i) {
        return (int) (vrp[i] & 0xFF);
    }

    /**
     * Trust-anchor index of a VRP.
     *
     * @param i VRP index
     * @return the index, 0 = unknown
     */
    public short trustAnchor(int i) {
        return vrpTa[i];
    }

    /**
     * Expiry of a VRP.
     *
     * @param i VRP index
     * @return Unix seconds, 0 = unknown
     */
    public long expires(int i) {
        return Integer.toUnsignedLong(vrpExpires[i]);
    }

    /**
     * The exact node of a prefix, if it is a VRP prefix.
     *
     * @param high address bits 0..63
     * @param low bits 64..127
     * @param length prefix length
     * @return the node, or -1
     */
    public int findNode(long high, long low, int length) {
        int node = innermostCovering(high, low, length);
        if (node >= 0 && length(node) == length) {
            return node;
        }
        return -1;
    }

    /**
     * Appends every VRP, in table order, to {@code out}.
     *
     * @param out destination rows
     */
    public void appendTo(VrpRows out) {
        for (int k = 0; k < nodeCount; k++) {
            long h = nodeHigh[k];
            long l = nodeLow(k);
            int len = length(k);
            for (int i = vrpStart(k), e = vrpEnd(k); i < e; i++) {
                out.add(h, l, len, maxLength(i), (int) asn(i), vrpTa[i], expires(i));
            }
        }
    }

    /** {@return the bytes held by this table's arrays} */
    public long retainedBytes() {
        return 8L * (nodeHigh.length + nodeLow.length + node.length + vrp.length)
                + 4L * vrpExpires.length
                + 2L * vrpTa.length
                + 8L * (bound4.length + bound6.length)
                + 4L * (boundOwner.length + index.length)
                + 16L * 13;
    }
}
