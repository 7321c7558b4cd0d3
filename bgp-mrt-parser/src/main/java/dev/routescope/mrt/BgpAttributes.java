package dev.routescope.mrt;

import dev.routescope.model.Aggregator;
import dev.routescope.model.AsPath;
import dev.routescope.model.AsPathSegment;
import dev.routescope.model.Asn;
import dev.routescope.model.Community;
import dev.routescope.model.ExtendedCommunity;
import dev.routescope.model.IpAddress;
import dev.routescope.model.LargeCommunity;
import dev.routescope.model.Origin;
import dev.routescope.model.PathAttributes;
import dev.routescope.model.RawAttribute;
import dev.routescope.model.SegmentType;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reusable, lazily decoded view of the path attributes of one BGP UPDATE or RIB entry. One indexing pass records
 * where each attribute is; values are decoded only when an accessor is called, straight from the {@code ByteBuf}.
 *
 * <pre>{@code
 * BgpAttributes a = element.attributes();
 * long origin = a.originAsn();                 // -1 if the path does not end in an AS_SEQUENCE
 * a.forEachAsn((segmentType, asn) -> { seen.add(asn); return true; });
 * for (int i = 0; i < a.communityCount(); i++) {
 *     long c = a.community(i);                 // high16:low16 packed, unsigned
 * }
 * PathAttributes kept = a.toPathAttributes(null, null);   // an immutable copy, off the hot path
 * }</pre>
 *
 * <p>The AS path accessors return the effective path: for 2-byte AS_PATH encodings (BGP4MP non-AS4 subtypes,
 * TABLE_DUMP v1) AS4_PATH and AS4_AGGREGATOR are merged per RFC 6793 §4.2.3; in 4-byte contexts AS4_PATH is ignored.
 *
 * <p>RFC 7606: malformed attributes are reported once per message; {@link #treatAsWithdraw()} tells whether the
 * message's announcements must be treated as withdrawals, and discarded attributes read as absent.
 *
 * <p>Lifetime: valid until the owning reader advances to the next message. Threading: reading thread only.
 * Allocation: none, except in the {@code to*} conversion methods and when merging a 2-byte path with AS4_PATH.
 *
 * @since 0.1
 */
public final class BgpAttributes {
    static final int ORIGIN = 1;
    static final int AS_PATH = 2;
    static final int NEXT_HOP = 3;
    static final int MED = 4;
    static final int LOCAL_PREF = 5;
    static final int ATOMIC_AGGREGATE = 6;
    static final int AGGREGATOR = 7;
    static final int COMMUNITIES = 8;
    static final int ORIGINATOR_ID = 9;
    static final int CLUSTER_LIST = 10;
    static final int MP_REACH_NLRI = 14;
    static final int MP_UNREACH_NLRI = 15;
    static final int EXTENDED_COMMUNITIES = 16;
    static final int AS4_PATH = 17;
    static final int AS4_AGGREGATOR = 18;
    static final int LARGE_COMMUNITIES = 32;
    static final int ONLY_TO_CUSTOMER = 35;
    static final int AS_TRANS = 23456;

    /** MP slots: (AFI 1..2 - 1) * 3 + (SAFI 1..3 - 1), bgpdump's output order. */
    static final int MP_SLOTS = 6;

    /** Receives the ASNs of an AS path in wire order; return false to stop early. */
    @FunctionalInterface
    public interface AsPathVisitor {
        /**
         * Called once per ASN.
         *
         * @param segmentType 1 AS_SET, 2 AS_SEQUENCE, 3 AS_CONFED_SEQUENCE, 4 AS_CONFED_SET
         * @param asn unsigned 32-bit ASN
         * @return true to continue
         */
        boolean visit(int segmentType, long asn);
    }

    /** Receives problems found while indexing. */
    interface Reporter {
        void report(MrtProblem.Kind kind, MrtProblem.Action action, int index, String detail);
    }

    private ByteBuf buf = io.netty.buffer.Unpooled.EMPTY_BUFFER;
    private int start;
    private int length;
    private int asnWidth = 4;
    private final int[] index = new int[256];
    private final int[] len = new int[256];
    private final int[] flags = new int[256];
    private final boolean[] discarded = new boolean[256];
    private final int[] order = new int[256];
    private int count;
    private boolean treatAsWithdraw;

    final int[] reachNlri = new int[MP_SLOTS];
    final int[] reachEnd = new int[MP_SLOTS];
    final int[] reachNh = new int[MP_SLOTS];
    final int[] reachNhLen = new int[MP_SLOTS];
    final int[] unreachNlri = new int[MP_SLOTS];
    final int[] unreachEnd = new int[MP_SLOTS];
    boolean abbreviated;
    int abbreviatedNh;
    int abbreviatedNhLen;

    private boolean pathDone;
    private int segCount;
    private int[] segType = new int[8];
    private int[] segLen = new int[8];
    private int asnCount;
    private int[] asns = new int[32];
    private long aggregatorAsn;
    private int aggregatorAddress;
    private boolean hasAggregator;

    BgpAttributes() {
        Arrays.fill(index, -1);
        Arrays.fill(reachNlri, -1);
        Arrays.fill(unreachNlri, -1);
    }

    void clear() {
        for (int i = 0; i < count; i++) {
            int t = order[i];
            index[t] = -1;
            discarded[t] = false;
        }
        count = 0;
        length = 0;
        treatAsWithdraw = false;
        Arrays.fill(reachNlri, -1);
        Arrays.fill(unreachNlri, -1);
        abbreviated = false;
        pathDone = false;
        hasAggregator = false;
    }

    /**
     * Indexes an attribute block.
     *
     * @param b buffer
     * @param from first byte of the attributes
     * @param n block length
     * @param width AS_PATH/AGGREGATOR ASN width, 2 or 4
     * @param r problem sink
     */
    void parse(ByteBuf b, int from, int n, int width, Reporter r) {
        clear();
        buf = b;
        start = from;
        length = n;
        asnWidth = width;
        int p = from;
        int end = from + n;
        while (p < end) {
            if (end - p < 3) {
                treatAsWithdraw(r, p, "attribute header truncated: " + (end - p) + " bytes left in the block");
                break;
            }
            int fl = b.getUnsignedByte(p);
            int type = b.getUnsignedByte(p + 1);
            int hl = (fl & 0x10) != 0 ? 4 : 3;
            if (end - p < hl) {
                treatAsWithdraw(r, p, "extended-length attribute header truncated: " + (end - p) + " bytes left");
                break;
            }
            int alen = hl == 4 ? b.getUnsignedShort(p + 2) : b.getUnsignedByte(p + 2);
            int v = p + hl;
            if (alen > end - v) {
                treatAsWithdraw(
                        r,
                        p,
                        "attribute type " + type + " length " + alen + " overruns the block (" + (end - v)
                                + " bytes left)");
                break;
            }
            p = v + alen;
            if (index[type] >= 0) {
                r.report(
                        MrtProblem.Kind.DUPLICATE_ATTRIBUTE,
                        MrtProblem.Action.NOTED,
                        v - hl,
                        "attribute type " + type + " repeated; the first occurrence is kept"
                                + (type == MP_REACH_NLRI || type == MP_UNREACH_NLRI
                                        ? " (RFC 7606: session reset)"
                                        : ""));
                continue;
            }
            index[type] = v;
            len[type] = alen;
            flags[type] = fl;
            order[count++] = type;
            if (type == MP_REACH_NLRI) {
                indexMpReach(v, alen, r);
            } else if (type == MP_UNREACH_NLRI) {
                indexMpUnreach(v, alen, r);
            }
        }
        validate(r);
    }

    void forceTreatAsWithdraw() {
        treatAsWithdraw = true;
    }

    private void treatAsWithdraw(Reporter r, int at, String detail) {
        treatAsWithdraw = true;
        r.report(MrtProblem.Kind.MALFORMED_ATTRIBUTE, MrtProblem.Action.TREAT_AS_WITHDRAW, at, detail);
    }

    private void discard(Reporter r, int type, String detail) {
        discarded[type] = true;
        r.report(MrtProblem.Kind.MALFORMED_ATTRIBUTE, MrtProblem.Action.ATTRIBUTE_DISCARDED, index[type], detail);
    }

    private void indexMpReach(int v, int alen, Reporter r) {
        if (alen >= 1 && buf.getUnsignedByte(v) != 0) {
            // MRT abbreviated form (RFC 6396 §4.3.4): next-hop length and next hop only; bgpdump's test.
            abbreviated = true;
            abbreviatedNh = v + 1;
            abbreviatedNhLen = Math.min(buf.getUnsignedByte(v), alen - 1);
            return;
        }
        if (alen < 5) {
            treatAsWithdraw(r, v, "MP_REACH_NLRI of " + alen + " bytes (expected at least 5)");
            return;
        }
        int afi = buf.getUnsignedShort(v);
        int safi = buf.getUnsignedByte(v + 2);
        int nhLen = buf.getUnsignedByte(v + 3);
        if (4 + nhLen + 1 > alen) {
            treatAsWithdraw(
                    r, v, "MP_REACH_NLRI next hop length " + nhLen + " overruns the attribute (" + alen + " bytes)");
            return;
        }
        int slot = slot(afi, safi);
        if (slot < 0) {
            r.report(
                    MrtProblem.Kind.UNSUPPORTED_ADDRESS_FAMILY,
                    MrtProblem.Action.ELEMENT_DROPPED,
                    v,
                    "MP_REACH_NLRI AFI " + afi + " SAFI " + safi + " (supported: AFI 1/2, SAFI 1/2/3)");
            return;
        }
        reachNh[slot] = v + 4;
        reachNhLen[slot] = nhLen;
        reachNlri[slot] = v + 4 + nhLen + 1;
        reachEnd[slot] = v + alen;
    }

    private void indexMpUnreach(int v, int alen, Reporter r) {
        if (alen < 3) {
            treatAsWithdraw(r, v, "MP_UNREACH_NLRI of " + alen + " bytes (expected at least 3)");
            return;
        }
        int afi = buf.getUnsignedShort(v);
        int safi = buf.getUnsignedByte(v + 2);
        int slot = slot(afi, safi);
        if (slot < 0) {
            r.report(
                    MrtProblem.Kind.UNSUPPORTED_ADDRESS_FAMILY,
                    MrtProblem.Action.ELEMENT_DROPPED,
                    v,
                    "MP_UNREACH_NLRI AFI " + afi + " SAFI " + safi + " (supported: AFI 1/2, SAFI 1/2/3)");
            return;
        }
        unreachNlri[slot] = v + 3;
        unreachEnd[slot] = v + alen;
    }

    static int slot(int afi, int safi) {
        return afi >= 1 && afi <= 2 && safi >= 1 && safi <= 3 ? (afi - 1) * 3 + safi - 1 : -1;
    }

    /**
     * The Optional (0x80) and Transitive (0x40) bits each known attribute must carry: RFC 4271 §5 and the attribute's
     * RFC. -1 for types without a fixed category (unknown, deprecated).
     */
    private static int expectedCategory(int type) {
        return switch (type) {
            case ORIGIN, AS_PATH, NEXT_HOP, LOCAL_PREF, ATOMIC_AGGREGATE -> 0x40;
            case MED, ORIGINATOR_ID, CLUSTER_LIST, MP_REACH_NLRI, MP_UNREACH_NLRI -> 0x80;
            case AGGREGATOR,
                    COMMUNITIES,
                    EXTENDED_COMMUNITIES,
                    AS4_PATH,
                    AS4_AGGREGATOR,
                    LARGE_COMMUNITIES,
                    ONLY_TO_CUSTOMER -> 0xC0;
            default -> -1;
        };
    }

    /**
     * RFC 7606 §3 (c): Optional/Transitive bits in conflict with the type make the attribute malformed, handled like
     * any other malformation of that attribute (treat-as-withdraw, or discard where its RFC says so).
     *
     * @return false if the attribute was rejected (its value checks are then skipped)
     */
    private boolean checkFlags(Reporter r, int t) {
        int expected = expectedCategory(t);
        int actual = flags[t] & 0xC0;
        if (expected < 0 || actual == expected) {
            return true;
        }
        String detail = name(t) + " flags 0x" + Integer.toHexString(flags[t]) + ": optional/transitive bits "
                + bits(actual) + " (expected: " + bits(expected) + ", RFC 7606 §3)";
        switch (t) {
            case ATOMIC_AGGREGATE, AGGREGATOR, AS4_PATH, AS4_AGGREGATOR, ORIGINATOR_ID, CLUSTER_LIST ->
                discard(r, t, detail);
            case MP_REACH_NLRI, MP_UNREACH_NLRI -> {
                // A router would reset the session; a passive reader keeps the prefixes and says so.
                r.report(
                        MrtProblem.Kind.MALFORMED_ATTRIBUTE,
                        MrtProblem.Action.NOTED,
                        index[t],
                        detail + "; a router would reset the session, the NLRI is kept");
                return true;
            }
            default -> {
                discarded[t] = true;
                treatAsWithdraw(r, index[t], detail);
            }
        }
        return false;
    }

    private static String bits(int category) {
        return ((category & 0x80) != 0 ? "optional" : "well-known")
                + ((category & 0x40) != 0 ? " transitive" : " non-transitive");
    }

    private void validate(Reporter r) {
        for (int i = 0; i < count; i++) {
            int t = order[i];
            int l = len[t];
            int v = index[t];
            if (!checkFlags(r, t)) {
                continue;
            }
            switch (t) {
                case ORIGIN -> {
                    if (l != 1 || buf.getUnsignedByte(v) > 2) {
                        discarded[t] = true;
                        treatAsWithdraw(
                                r,
                                v,
                                "ORIGIN length " + l + (l == 1 ? " value " + buf.getUnsignedByte(v) : "")
                                        + " (expected: length 1, value 0..2)");
                    }
                }
                case AS_PATH -> {
                    String why = checkPath(v, l, asnWidth, true);
                    if (why != null) {
                        discarded[t] = true;
                        treatAsWithdraw(r, v, "AS_PATH " + why);
                    }
                }
                case NEXT_HOP, MED, LOCAL_PREF -> {
                    if (l != 4) {
                        discarded[t] = true;
                        treatAsWithdraw(r, v, name(t) + " length " + l + " (expected: 4)");
                    }
                }
                case ATOMIC_AGGREGATE -> {
                    if (l != 0) {
                        discard(r, t, "ATOMIC_AGGREGATE length " + l + " (expected: 0)");
                    }
                }
                case AGGREGATOR -> {
                    if (l != asnWidth + 4) {
                        discard(r, t, "AGGREGATOR length " + l + " (expected: " + (asnWidth + 4) + ")");
                    }
                }
                case AS4_AGGREGATOR -> {
                    if (l != 8) {
                        discard(r, t, "AS4_AGGREGATOR length " + l + " (expected: 8)");
                    }
                }
                case AS4_PATH -> {
                    String why = checkPath(v, l, 4, false);
                    if (why != null) {
                        discard(r, t, "AS4_PATH " + why);
                    }
                }
                case COMMUNITIES -> checkMultiple(r, t, 4);
                case EXTENDED_COMMUNITIES -> checkMultiple(r, t, 8);
                case LARGE_COMMUNITIES -> checkMultiple(r, t, 12);
                case ONLY_TO_CUSTOMER -> {
                    if (l != 4) {
                        discarded[t] = true;
                        treatAsWithdraw(r, v, "OTC length " + l + " (expected: 4, RFC 9234)");
                    }
                }
                case ORIGINATOR_ID -> {
                    if (l != 4) {
                        discard(r, t, "ORIGINATOR_ID length " + l + " (expected: 4)");
                    }
                }
                case CLUSTER_LIST -> {
                    if (l % 4 != 0) {
                        discard(r, t, "CLUSTER_LIST length " + l + " (expected: a multiple of 4)");
                    }
                }
                default -> {}
            }
        }
        if (index[AGGREGATOR] >= 0 && !discarded[AGGREGATOR]) {
            hasAggregator = true;
            int v = index[AGGREGATOR];
            aggregatorAsn = asnWidth == 4 ? buf.getUnsignedInt(v) : buf.getUnsignedShort(v);
            aggregatorAddress = buf.getInt(v + asnWidth);
            if (asnWidth == 2 && aggregatorAsn == AS_TRANS && has(AS4_AGGREGATOR)) {
                int w = index[AS4_AGGREGATOR];
                aggregatorAsn = buf.getUnsignedInt(w);
                aggregatorAddress = buf.getInt(w + 4);
            }
        }
    }

    private void checkMultiple(Reporter r, int t, int unit) {
        int l = len[t];
        if (l == 0 || l % unit != 0) {
            discarded[t] = true;
            treatAsWithdraw(r, index[t], name(t) + " length " + l + " (expected: a positive multiple of " + unit + ")");
        }
    }

    private static String name(int t) {
        return switch (t) {
            case NEXT_HOP -> "NEXT_HOP";
            case MED -> "MULTI_EXIT_DISC";
            case LOCAL_PREF -> "LOCAL_PREF";
            case COMMUNITIES -> "COMMUNITIES";
            case EXTENDED_COMMUNITIES -> "EXTENDED_COMMUNITIES";
            case LARGE_COMMUNITIES -> "LARGE_COMMUNITY";
            case ORIGIN -> "ORIGIN";
            case AS_PATH -> "AS_PATH";
            case ATOMIC_AGGREGATE -> "ATOMIC_AGGREGATE";
            case AGGREGATOR -> "AGGREGATOR";
            case ORIGINATOR_ID -> "ORIGINATOR_ID";
            case CLUSTER_LIST -> "CLUSTER_LIST";
            case MP_REACH_NLRI -> "MP_REACH_NLRI";
            case MP_UNREACH_NLRI -> "MP_UNREACH_NLRI";
            case AS4_PATH -> "AS4_PATH";
            case AS4_AGGREGATOR -> "AS4_AGGREGATOR";
            case ONLY_TO_CUSTOMER -> "OTC";
            default -> "attribute " + t;
        };
    }

    /** Checks an AS path encoding; null if well-formed. */
    private @Nullable String checkPath(int v, int l, int width, boolean checkAs0) {
        int p = v;
        int end = v + l;
        while (p < end) {
            if (end - p < 2) {
                return "segment header truncated at byte " + (p - v);
            }
            int st = buf.getUnsignedByte(p);
            int n = buf.getUnsignedByte(p + 1);
            if (st < 1 || st > 4) {
                return "segment type " + st + " at byte " + (p - v) + " (expected: 1..4)";
            }
            if (n == 0) {
                return "zero-length segment at byte " + (p - v);
            }
            if (p + 2 + n * width > end) {
                return "segment of " + n + " ASNs overruns the attribute (" + (end - p - 2) + " bytes left)";
            }
            if (checkAs0) {
                for (int i = 0; i < n; i++) {
                    int a = p + 2 + i * width;
                    if ((width == 4 ? buf.getInt(a) : buf.getUnsignedShort(a)) == 0) {
                        return "contains AS 0 (RFC 7607)";
                    }
                }
            }
            p += 2 + n * width;
        }
        return null;
    }

    // ---- raw access for the bgpdump formatter (bgpdump reads malformed values as they are)

    int rawIndex(int type) {
        return index[type];
    }

    int rawLength(int type) {
        return len[type];
    }

    ByteBuf buf() {
        return buf;
    }

    int asnWidth() {
        return asnWidth;
    }

    // ---- public accessors

    /** {@return index of the attribute block in the record buffer} */
    int blockIndex() {
        return start;
    }

    /** {@return length in bytes of the encoded attribute block} */
    public int encodedLength() {
        return length;
    }

    /**
     * Whether an attribute is present and not discarded as malformed.
     *
     * @param type attribute type code
     * @return true if usable
     */
    public boolean has(int type) {
        return index[type & 0xFF] >= 0 && !discarded[type & 0xFF];
    }

    /** {@return number of distinct attribute types present, malformed ones included} */
    public int attributeCount() {
        return count;
    }

    /** {@return whether RFC 7606 requires the message's announcements to be treated as withdrawals} */
    public boolean treatAsWithdraw() {
        return treatAsWithdraw;
    }

    /** {@return ASN width of AS_PATH/AGGREGATOR in this context: 2 or 4} */
    public int asPathAsnWidth() {
        return asnWidth;
    }

    /** {@return ORIGIN code 0..2, or -1 if absent or malformed} */
    public int origin() {
        return has(ORIGIN) ? buf.getUnsignedByte(index[ORIGIN]) : -1;
    }

    /** {@return MULTI_EXIT_DISC as unsigned 32-bit, or -1 if absent} */
    public long med() {
        return has(MED) ? buf.getUnsignedInt(index[MED]) : -1;
    }

    /** {@return LOCAL_PREF as unsigned 32-bit, or -1 if absent} */
    public long localPref() {
        return has(LOCAL_PREF) ? buf.getUnsignedInt(index[LOCAL_PREF]) : -1;
    }

    /** {@return whether NEXT_HOP (type 3) is present} */
    public boolean hasNextHop() {
        return has(NEXT_HOP);
    }

    /** {@return NEXT_HOP as IPv4 bits; meaningful only if {@link #hasNextHop()}} */
    public int nextHopIpv4() {
        return has(NEXT_HOP) ? buf.getInt(index[NEXT_HOP]) : 0;
    }

    /** {@return whether ATOMIC_AGGREGATE is present} */
    public boolean atomicAggregate() {
        return has(ATOMIC_AGGREGATE);
    }

    /** {@return the aggregator ASN after the AS4_AGGREGATOR merge, or -1 if absent} */
    public long aggregatorAsn() {
        return hasAggregator ? aggregatorAsn : -1;
    }

    /** {@return the aggregator address as IPv4 bits; meaningful only if {@link #aggregatorAsn()} is not -1} */
    public int aggregatorAddress() {
        return aggregatorAddress;
    }

    /** {@return OTC (RFC 9234) ASN, or -1 if absent} */
    public long onlyToCustomer() {
        return has(ONLY_TO_CUSTOMER) ? buf.getUnsignedInt(index[ONLY_TO_CUSTOMER]) : -1;
    }

    /** {@return number of RFC 1997 communities} */
    public int communityCount() {
        return has(COMMUNITIES) ? len[COMMUNITIES] / 4 : 0;
    }

    /**
     * A community in wire order.
     *
     * @param i index below {@link #communityCount()}
     * @return the unsigned 32-bit value ({@code high << 16 | low})
     */
    public long community(int i) {
        return buf.getUnsignedInt(index[COMMUNITIES] + 4 * check(i, communityCount()));
    }

    /** {@return number of RFC 4360 extended communities} */
    public int extendedCommunityCount() {
        return has(EXTENDED_COMMUNITIES) ? len[EXTENDED_COMMUNITIES] / 8 : 0;
    }

    /**
     * An extended community in wire order.
     *
     * @param i index below {@link #extendedCommunityCount()}
     * @return the 64-bit value
     */
    public long extendedCommunity(int i) {
        return buf.getLong(index[EXTENDED_COMMUNITIES] + 8 * check(i, extendedCommunityCount()));
    }

    /** {@return number of RFC 8092 large communities} */
    public int largeCommunityCount() {
        return has(LARGE_COMMUNITIES) ? len[LARGE_COMMUNITIES] / 12 : 0;
    }

    /**
     * One of the three unsigned 32-bit parts of a large community.
     *
     * @param i index below {@link #largeCommunityCount()}
     * @param part 0 global administrator, 1 local data 1, 2 local data 2
     * @return the unsigned value
     */
    public long largeCommunity(int i, int part) {
        if (part < 0 || part > 2) {
            throw new IllegalArgumentException("part " + part + " (expected: 0..2)");
        }
        return buf.getUnsignedInt(index[LARGE_COMMUNITIES] + 12 * check(i, largeCommunityCount()) + 4 * part);
    }

    private static int check(int i, int n) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("index " + i + " (expected: 0.." + (n - 1) + ")");
        }
        return i;
    }

    // ---- AS path (effective, after any AS4_PATH merge)

    /**
     * Walks the effective AS path.
     *
     * @param visitor receives each ASN; return false to stop
     * @return false if the visitor stopped early
     */
    public boolean forEachAsn(AsPathVisitor visitor) {
        path();
        int k = 0;
        for (int s = 0; s < segCount; s++) {
            for (int i = 0; i < segLen[s]; i++) {
                if (!visitor.visit(segType[s], asns[k++] & 0xFFFF_FFFFL)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@return segments in the effective AS path (0 if absent or malformed)} */
    public int asPathSegmentCount() {
        path();
        return segCount;
    }

    /** {@return ASNs in the effective AS path} */
    public int asPathAsnCount() {
        path();
        return asnCount;
    }

    /** {@return RFC 4271 path length: sequence ASNs count 1 each, a set counts 1, confederation segments 0} */
    public int asPathLength() {
        path();
        int n = 0;
        for (int s = 0; s < segCount; s++) {
            n += segType[s] == 2 ? segLen[s] : segType[s] == 1 ? 1 : 0;
        }
        return n;
    }

    /** {@return the origin ASN (last ASN of a final AS_SEQUENCE), or -1 if absent or the path ends in a set} */
    public long originAsn() {
        path();
        if (segCount == 0 || segType[segCount - 1] != 2) {
            return -1;
        }
        return asns[asnCount - 1] & 0xFFFF_FFFFL;
    }

    /** {@return the first ASN of the path (the peer's), or -1 if the path is empty} */
    public long firstAsn() {
        path();
        return asnCount == 0 ? -1 : asns[0] & 0xFFFF_FFFFL;
    }

    private void path() {
        if (pathDone) {
            return;
        }
        pathDone = true;
        segCount = 0;
        asnCount = 0;
        if (!has(AS_PATH)) {
            return;
        }
        appendSegments(index[AS_PATH], len[AS_PATH], asnWidth, false);
        if (asnWidth != 2 || !has(AS4_PATH)) {
            return;
        }
        // RFC 6793 §4.2.3: an AGGREGATOR from a NEW speaker (not AS_TRANS) means AS4_PATH is stale.
        if (index[AGGREGATOR] >= 0 && has(AS4_AGGREGATOR) && buf.getUnsignedShort(index[AGGREGATOR]) != AS_TRANS) {
            return;
        }
        int n2 = asPathLength();
        int[] t2 = Arrays.copyOf(segType, segCount);
        int[] l2 = Arrays.copyOf(segLen, segCount);
        int[] a2 = Arrays.copyOf(asns, asnCount);
        int s2 = segCount;
        segCount = 0;
        asnCount = 0;
        appendSegments(index[AS4_PATH], len[AS4_PATH], 4, true);
        int n4 = asPathLength();
        int[] t4 = Arrays.copyOf(segType, segCount);
        int[] l4 = Arrays.copyOf(segLen, segCount);
        int[] a4 = Arrays.copyOf(asns, asnCount);
        int s4 = segCount;
        segCount = 0;
        asnCount = 0;
        if (n2 < n4) {
            copySegments(t2, l2, a2, s2, Integer.MAX_VALUE);
            return;
        }
        copySegments(t2, l2, a2, s2, n2 - n4);
        copySegments(t4, l4, a4, s4, Integer.MAX_VALUE);
    }

    /** Copies leading segments holding {@code keep} path-length units, splitting a straddling AS_SEQUENCE. */
    private void copySegments(int[] t, int[] l, int[] a, int n, int keep) {
        int k = 0;
        int counted = 0;
        for (int s = 0; s < n; s++) {
            int units = t[s] == 2 ? l[s] : t[s] == 1 ? 1 : 0;
            if (counted >= keep && units > 0) {
                break;
            }
            int take = l[s];
            if (t[s] == 2 && counted + units > keep) {
                take = keep - counted;
            }
            if (t[s] == 1 && counted + 1 > keep) {
                break;
            }
            addSegment(t[s], a, k, take);
            counted += t[s] == 2 ? take : units;
            k += l[s];
        }
    }

    private void addSegment(int type, int[] src, int from, int n) {
        if (n <= 0) {
            return;
        }
        ensure(segCount + 1, asnCount + n);
        if (type == 2 && segCount > 0 && segType[segCount - 1] == 2) {
            // The kept AS_PATH head and the AS4_PATH are one sequence on the wire of a 4-byte speaker.
            segLen[segCount - 1] += n;
        } else {
            segType[segCount] = type;
            segLen[segCount] = n;
            segCount++;
        }
        System.arraycopy(src, from, asns, asnCount, n);
        asnCount += n;
    }

    private void appendSegments(int v, int l, int width, boolean dropConfed) {
        int p = v;
        int end = v + l;
        while (end - p >= 2) {
            int st = buf.getUnsignedByte(p);
            int n = buf.getUnsignedByte(p + 1);
            if (p + 2 + n * width > end) {
                return;
            }
            if (!(dropConfed && (st == 3 || st == 4)) && n > 0) {
                ensure(segCount + 1, asnCount + n);
                segType[segCount] = st;
                segLen[segCount] = n;
                segCount++;
                for (int i = 0; i < n; i++) {
                    int a = p + 2 + i * width;
                    asns[asnCount++] = width == 4 ? buf.getInt(a) : buf.getUnsignedShort(a);
                }
            }
            p += 2 + n * width;
        }
    }

    private void ensure(int segs, int n) {
        if (segs > segType.length) {
            segType = Arrays.copyOf(segType, Math.max(segs, segType.length * 2));
            segLen = Arrays.copyOf(segLen, segType.length);
        }
        if (n > asns.length) {
            asns = Arrays.copyOf(asns, Math.max(n, asns.length * 2));
        }
    }

    // ---- conversion to model values (allocates)

    /** {@return the effective AS path as a value ({@link AsPath#EMPTY} if absent or malformed)} */
    public AsPath asPath() {
        path();
        if (segCount == 0) {
            return AsPath.EMPTY;
        }
        List<AsPathSegment> segs = new ArrayList<>(segCount);
        int k = 0;
        for (int s = 0; s < segCount; s++) {
            segs.add(AsPathSegment.ofUnsigned(
                    SegmentType.ofCode(segType[s]), Arrays.copyOfRange(asns, k, k + segLen[s])));
            k += segLen[s];
        }
        return AsPath.of(segs);
    }

    /**
     * Builds an immutable copy of the attributes.
     *
     * @param nextHop the route's next hop (NEXT_HOP or the MP_REACH next hop of its family), or null
     * @param linkLocalNextHop the link-local half of a 32-byte IPv6 next hop, or null
     * @return the attributes
     */
    public PathAttributes toPathAttributes(@Nullable IpAddress nextHop, @Nullable IpAddress linkLocalNextHop) {
        PathAttributes.Builder b = PathAttributes.builder().asPath(asPath());
        int o = origin();
        if (o >= 0) {
            b.origin(Origin.ofCode(o));
        }
        b.nextHop(nextHop).linkLocalNextHop(linkLocalNextHop);
        if (med() >= 0) {
            b.med(med());
        }
        if (localPref() >= 0) {
            b.localPref(localPref());
        }
        b.atomicAggregate(atomicAggregate());
        if (hasAggregator) {
            b.aggregator(new Aggregator(Asn.of(aggregatorAsn), IpAddress.ofIpv4(aggregatorAddress)));
        }
        int n = communityCount();
        if (n > 0) {
            List<Community> cs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                cs.add(new Community(community(i)));
            }
            b.communities(cs);
        }
        n = extendedCommunityCount();
        if (n > 0) {
            List<ExtendedCommunity> cs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                cs.add(new ExtendedCommunity(extendedCommunity(i)));
            }
            b.extendedCommunities(cs);
        }
        n = largeCommunityCount();
        if (n > 0) {
            List<LargeCommunity> cs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                cs.add(new LargeCommunity(largeCommunity(i, 0), largeCommunity(i, 1), largeCommunity(i, 2)));
            }
            b.largeCommunities(cs);
        }
        if (onlyToCustomer() >= 0) {
            b.onlyToCustomer(Asn.of(onlyToCustomer()));
        }
        if (has(ORIGINATOR_ID)) {
            b.originatorId(IpAddress.ofIpv4(buf.getInt(index[ORIGINATOR_ID])));
        }
        if (has(CLUSTER_LIST)) {
            List<IpAddress> ids = new ArrayList<>();
            for (int i = 0; i < len[CLUSTER_LIST] / 4; i++) {
                ids.add(IpAddress.ofIpv4(buf.getInt(index[CLUSTER_LIST] + 4 * i)));
            }
            b.clusterList(ids);
        }
        for (int i = 0; i < count; i++) {
            int t = order[i];
            if (!isModelled(t)) {
                byte[] value = new byte[len[t]];
                buf.getBytes(index[t], value);
                b.addUnknown(RawAttribute.of(flags[t], t, value));
            }
        }
        return b.build();
    }

    private static boolean isModelled(int t) {
        return (t >= ORIGIN && t <= CLUSTER_LIST)
                || t == MP_REACH_NLRI
                || t == MP_UNREACH_NLRI
                || t == EXTENDED_COMMUNITIES
                || t == AS4_PATH
                || t == AS4_AGGREGATOR
                || t == LARGE_COMMUNITIES
                || t == ONLY_TO_CUSTOMER;
    }
}
