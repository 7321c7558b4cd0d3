package dev.routescope.rislive;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.Aggregator;
import dev.routescope.model.Asn;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Origin;
import dev.routescope.model.Peer;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.SegmentType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A reusable, allocation-free view of one decoded {@code ris_message}: the envelope, the JSON path
 * attributes and the prefixes as primitives, for consumers on the per-message hot path that do not
 * need model objects. {@link RisMessageDecoder#decodeInto(String, RisMessageView)} overwrites it
 * frame by frame; in steady state (peers, next hops, collectors and aggregators already seen) filling
 * it allocates nothing. {@link #toMessage()} builds the model objects on demand, equal to what {@link
 * RisMessageDecoder#decode(String)} returns for the same frame.
 *
 * <pre>{@code
 * RisMessageDecoder decoder = RisMessageDecoder.builder().build();
 * RisMessageView view = new RisMessageView();
 * for (String frame : frames) {
 *     if (!decoder.decodeInto(frame, view)) {
 *         handleControl(view.nonMessage());           // control frame or RisFrame.Malformed
 *         continue;
 *     }
 *     for (int i = 0; i < view.announcedCount(); i++) {
 *         if (view.announcedFamily(i) == AddressFamily.IPV4 && watched(view.announcedHigh(i), view.announcedLength(i))) {
 *             alert(view.peerAsn(), view.originAsn(), view.toEvents());   // model objects only when needed
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Announced prefixes are listed as on the wire, one entry per prefix per {@code announcements}
 * object; {@link #toEvents()} merges the 2021 encoding that split a dual IPv6 next hop over two
 * objects, as {@link RisMessageDecoder#decode(String)} does. The path attributes are the JSON
 * fields; with {@code raw} present and a {@link RawUpdateDecoder} other than {@link
 * RawUpdateDecoder#JSON_ONLY}, {@link #toEvents()} decodes the BGP message (and counts a fallback
 * in {@link RisMessageDecoder#rawFallbacks()} if it cannot), exactly as {@code decode} does.
 *
 * <p>Not thread-safe; valid until the next {@code decodeInto} with this view. Accessors other than
 * {@link #nonMessage()} and {@link #text()} describe the last frame only when {@code decodeInto}
 * returned true.
 *
 * @since 0.3
 */
public final class RisMessageView {
    private static final int IPV6 = 1 << 8;

    @Nullable
    RisMessageDecoder decoder;

    @Nullable
    RisFrame other;

    @Nullable
    RisMessage message;

    String text = "";
    RisMessageType type = RisMessageType.UNKNOWN;
    long timestampMicros;

    @Nullable
    Peer peer;

    long peerAsn;
    String collector = "";
    // Text fields: a region of the frame (fast path) or a String (jackson path); -1 = absent.
    int idFrom;
    int idTo;

    @Nullable
    String idString;

    int rawFrom;
    int rawTo;

    @Nullable
    String rawString;

    int stateFrom;
    int stateTo;

    @Nullable
    String stateString;

    boolean endOfRib;

    @Nullable
    Origin origin;

    long med;

    // AGGREGATOR: an object (jackson path, unusual text) or ASN + IPv4 bits (fast path); -1 = absent
    @Nullable
    Aggregator aggregator;

    long aggregatorAsn;
    int aggregatorAddress;

    long[] asns = new long[64];
    int asnCount;
    int sequenceStart;
    int[] segmentEnds = new int[8];
    SegmentType[] segmentTypes = new SegmentType[8];
    int segmentCount;

    long[] communities = new long[32];
    int communityCount;

    long[] withdrawnHigh = new long[16];
    long[] withdrawnLow = new long[16];
    int[] withdrawnLength = new int[16];
    int withdrawnCount;

    long[] announcedHigh = new long[16];
    long[] announcedLow = new long[16];
    int[] announcedLength = new int[16];
    int announcedCount;
    int[] groupEnds = new int[4];
    IpAddress[][] groupHops = new IpAddress[4][];
    int groupCount;

    /** An empty view, to be filled by {@link RisMessageDecoder#decodeInto(String, RisMessageView)}. */
    public RisMessageView() {
        reset(null, "");
    }

    void reset(@Nullable RisMessageDecoder owner, String frame) {
        decoder = owner;
        text = frame;
        other = null;
        message = null;
        clearMessage();
    }

    /** Clears the message fields (the fast path may have filled some before giving up). */
    void clearMessage() {
        type = RisMessageType.UNKNOWN;
        timestampMicros = -1;
        peer = null;
        peerAsn = -1;
        collector = "";
        idFrom = -1;
        idString = null;
        rawFrom = -1;
        rawString = null;
        stateFrom = -1;
        stateString = null;
        endOfRib = false;
        origin = null;
        med = -1;
        aggregator = null;
        aggregatorAsn = -1;
        asnCount = 0;
        sequenceStart = 0;
        segmentCount = 0;
        communityCount = 0;
        withdrawnCount = 0;
        announcedCount = 0;
        groupCount = 0;
    }

    // ---- filling (decoder side)

    void addAsn(long asn) {
        if (asnCount == asns.length) {
            asns = Arrays.copyOf(asns, asnCount * 2);
        }
        asns[asnCount++] = asn;
    }

    void flushSequence() {
        if (asnCount > sequenceStart) {
            addSegment(SegmentType.AS_SEQUENCE);
        }
    }

    /** Ends a segment of the ASNs added since the last one. */
    void addSegment(SegmentType segmentType) {
        if (segmentCount == segmentEnds.length) {
            segmentEnds = Arrays.copyOf(segmentEnds, segmentCount * 2);
            segmentTypes = Arrays.copyOf(segmentTypes, segmentCount * 2);
        }
        segmentEnds[segmentCount] = asnCount;
        segmentTypes[segmentCount++] = segmentType;
        sequenceStart = asnCount;
    }

    void addCommunity(long value) {
        if (communityCount == communities.length) {
            communities = Arrays.copyOf(communities, communityCount * 2);
        }
        communities[communityCount++] = value;
    }

    void addWithdrawn(AddressFamily family, long high, long low, int length) {
        if (withdrawnCount == withdrawnHigh.length) {
            int n = withdrawnCount * 2;
            withdrawnHigh = Arrays.copyOf(withdrawnHigh, n);
            withdrawnLow = Arrays.copyOf(withdrawnLow, n);
            withdrawnLength = Arrays.copyOf(withdrawnLength, n);
        }
        withdrawnHigh[withdrawnCount] = high;
        withdrawnLow[withdrawnCount] = low;
        withdrawnLength[withdrawnCount++] = family == AddressFamily.IPV6 ? length | IPV6 : length;
    }

    void addAnnounced(AddressFamily family, long high, long low, int length) {
        if (announcedCount == announcedHigh.length) {
            int n = announcedCount * 2;
            announcedHigh = Arrays.copyOf(announcedHigh, n);
            announcedLow = Arrays.copyOf(announcedLow, n);
            announcedLength = Arrays.copyOf(announcedLength, n);
        }
        announcedHigh[announcedCount] = high;
        announcedLow[announcedCount] = low;
        announcedLength[announcedCount++] = family == AddressFamily.IPV6 ? length | IPV6 : length;
    }

    void addPrefix(boolean announced, Prefix p) {
        if (announced) {
            addAnnounced(p.family(), p.high(), p.low(), p.length());
        } else {
            addWithdrawn(p.family(), p.high(), p.low(), p.length());
        }
    }

    /** Ends an {@code announcements} object: the prefixes added since the last one share this hop. */
    void endGroup(IpAddress[] hop) {
        if (groupCount == groupEnds.length) {
            groupEnds = Arrays.copyOf(groupEnds, groupCount * 2);
            groupHops = Arrays.copyOf(groupHops, groupCount * 2);
        }
        groupEnds[groupCount] = announcedCount;
        groupHops[groupCount++] = hop;
    }

    int groupStart(int group) {
        return group == 0 ? 0 : groupEnds[group - 1];
    }

    // ---- reading

    /**
     * The frame that was not a {@code ris_message}: a control frame or {@link RisFrame.Malformed}.
     *
     * @return the frame, or null if the last frame was a {@code ris_message}
     */
    public @Nullable RisFrame nonMessage() {
        return other;
    }

    /** {@return the text of the last frame decoded into this view; empty for a byte frame over the size limit} */
    public String text() {
        return text;
    }

    /** {@return the message type} */
    public RisMessageType type() {
        return type;
    }

    /** {@return collector receive time in microseconds since the epoch} */
    public long timestampMicros() {
        return timestampMicros;
    }

    /** {@return collector receive time (allocates an {@code Instant})} */
    public Instant timestamp() {
        return Instant.ofEpochSecond(timestampMicros / 1_000_000, timestampMicros % 1_000_000 * 1000);
    }

    /** {@return the collector name without {@code .ripe.net}; empty if absent} */
    public String collector() {
        return collector;
    }

    /** {@return the peer (a cached instance: no allocation for a peer seen before)} */
    public Peer peer() {
        return Objects.requireNonNull(peer, "no ris_message decoded into this view");
    }

    /** {@return the peer's ASN as an unsigned 32-bit value} */
    public long peerAsn() {
        return peerAsn;
    }

    /** {@return the message id; empty if absent (allocates the String)} */
    public String id() {
        String s = idString;
        if (s != null) {
            return s;
        }
        return idFrom < 0 ? "" : text.substring(idFrom, idTo);
    }

    /** {@return true if the frame carried the BGP message as {@code raw} hex} */
    public boolean hasRaw() {
        return rawString != null || rawFrom >= 0;
    }

    /** {@return the {@code raw} hex, or null (allocates the String)} */
    public @Nullable String raw() {
        String s = rawString;
        if (s != null) {
            return s;
        }
        return rawFrom < 0 ? null : text.substring(rawFrom, rawTo);
    }

    /** {@return the peer-state text of a {@link RisMessageType#RIS_PEER_STATE} message, or null} */
    public @Nullable String state() {
        String s = stateString;
        if (s != null) {
            return s;
        }
        return stateFrom < 0 ? null : text.substring(stateFrom, stateTo);
    }

    /** {@return true if the UPDATE carried the End-of-RIB marker} */
    public boolean endOfRib() {
        return endOfRib;
    }

    /** {@return ORIGIN, or null if absent} */
    public @Nullable Origin origin() {
        return origin;
    }

    /** {@return MED as an unsigned 32-bit value, or -1 if absent} */
    public long med() {
        return med;
    }

    /** {@return AGGREGATOR, or null if absent (allocates for the usual {@code <asn>:<ipv4>} form)} */
    public @Nullable Aggregator aggregator() {
        Aggregator a = aggregator;
        if (a == null && aggregatorAsn >= 0) {
            a = new Aggregator(Asn.of(aggregatorAsn), IpAddress.ofIpv4(aggregatorAddress));
            aggregator = a;
        }
        return a;
    }

    /** {@return the AGGREGATOR's ASN as an unsigned 32-bit value, or -1 if absent} */
    public long aggregatorAsn() {
        Aggregator a = aggregator;
        return a != null ? a.asn().value() : aggregatorAsn;
    }

    /** {@return number of ASNs in the AS path, over all segments} */
    public int asnCount() {
        return asnCount;
    }

    /**
     * An ASN of the path, in wire order (peer first).
     *
     * @param index {@code 0..asnCount()-1}
     * @return the ASN as an unsigned 32-bit value
     */
    public long asn(int index) {
        Objects.checkIndex(index, asnCount);
        return asns[index];
    }

    /** {@return number of path segments (a run of sequence ASNs, or one AS_SET)} */
    public int segmentCount() {
        return segmentCount;
    }

    /**
     * The type of a path segment.
     *
     * @param segment {@code 0..segmentCount()-1}
     * @return {@link SegmentType#AS_SEQUENCE} or {@link SegmentType#AS_SET}
     */
    public SegmentType segmentType(int segment) {
        Objects.checkIndex(segment, segmentCount);
        return segmentTypes[segment];
    }

    /**
     * Where a path segment ends; it starts where the previous one ended (the first at 0).
     *
     * @param segment {@code 0..segmentCount()-1}
     * @return the exclusive end index for {@link #asn(int)}
     */
    public int segmentEnd(int segment) {
        Objects.checkIndex(segment, segmentCount);
        return segmentEnds[segment];
    }

    /** {@return the origin AS: the last ASN if the path ends in a sequence, else -1 (empty, or AS_SET)} */
    public long originAsn() {
        if (segmentCount == 0 || segmentTypes[segmentCount - 1] != SegmentType.AS_SEQUENCE) {
            return -1;
        }
        return asns[asnCount - 1];
    }

    /** {@return number of RFC 1997 communities} */
    public int communityCount() {
        return communityCount;
    }

    /**
     * A community as its 32-bit value ({@code high << 16 | low}, as {@link
     * dev.routescope.model.Community#value()}).
     *
     * @param index {@code 0..communityCount()-1}
     * @return the value
     */
    public long community(int index) {
        Objects.checkIndex(index, communityCount);
        return communities[index];
    }

    /** {@return number of withdrawn prefixes} */
    public int withdrawnCount() {
        return withdrawnCount;
    }

    /**
     * @param index {@code 0..withdrawnCount()-1}
     * @return the family of a withdrawn prefix
     */
    public AddressFamily withdrawnFamily(int index) {
        Objects.checkIndex(index, withdrawnCount);
        return (withdrawnLength[index] & IPV6) != 0 ? AddressFamily.IPV6 : AddressFamily.IPV4;
    }

    /**
     * @param index {@code 0..withdrawnCount()-1}
     * @return address bits 0..63 of a withdrawn prefix, left-aligned as in {@link Prefix#high()}
     */
    public long withdrawnHigh(int index) {
        Objects.checkIndex(index, withdrawnCount);
        return withdrawnHigh[index];
    }

    /**
     * @param index {@code 0..withdrawnCount()-1}
     * @return address bits 64..127 of a withdrawn prefix, as in {@link Prefix#low()}
     */
    public long withdrawnLow(int index) {
        Objects.checkIndex(index, withdrawnCount);
        return withdrawnLow[index];
    }

    /**
     * @param index {@code 0..withdrawnCount()-1}
     * @return the length of a withdrawn prefix
     */
    public int withdrawnLength(int index) {
        Objects.checkIndex(index, withdrawnCount);
        return withdrawnLength[index] & 0xFF;
    }

    /**
     * A withdrawn prefix as a model value (allocates).
     *
     * @param index {@code 0..withdrawnCount()-1}
     * @return the prefix
     */
    public Prefix withdrawn(int index) {
        return new Prefix(withdrawnFamily(index), withdrawnHigh[index], withdrawnLow[index], withdrawnLength(index));
    }

    /** {@return number of announced prefixes, one per prefix per {@code announcements} object} */
    public int announcedCount() {
        return announcedCount;
    }

    /**
     * @param index {@code 0..announcedCount()-1}
     * @return the family of an announced prefix
     */
    public AddressFamily announcedFamily(int index) {
        Objects.checkIndex(index, announcedCount);
        return (announcedLength[index] & IPV6) != 0 ? AddressFamily.IPV6 : AddressFamily.IPV4;
    }

    /**
     * @param index {@code 0..announcedCount()-1}
     * @return address bits 0..63 of an announced prefix, left-aligned as in {@link Prefix#high()}
     */
    public long announcedHigh(int index) {
        Objects.checkIndex(index, announcedCount);
        return announcedHigh[index];
    }

    /**
     * @param index {@code 0..announcedCount()-1}
     * @return address bits 64..127 of an announced prefix, as in {@link Prefix#low()}
     */
    public long announcedLow(int index) {
        Objects.checkIndex(index, announcedCount);
        return announcedLow[index];
    }

    /**
     * @param index {@code 0..announcedCount()-1}
     * @return the length of an announced prefix
     */
    public int announcedLength(int index) {
        Objects.checkIndex(index, announcedCount);
        return announcedLength[index] & 0xFF;
    }

    /**
     * An announced prefix as a model value (allocates).
     *
     * @param index {@code 0..announcedCount()-1}
     * @return the prefix
     */
    public Prefix announced(int index) {
        return new Prefix(announcedFamily(index), announcedHigh[index], announcedLow[index], announcedLength(index));
    }

    /**
     * The global next hop of an announced prefix's {@code announcements} object.
     *
     * @param index {@code 0..announcedCount()-1}
     * @return the next hop (cached instance), or null if the object had only a link-local one
     */
    public @Nullable IpAddress announcedNextHop(int index) {
        return groupHops[groupOf(index)][0];
    }

    /**
     * The IPv6 link-local next hop of an announced prefix's {@code announcements} object.
     *
     * @param index {@code 0..announcedCount()-1}
     * @return the next hop (cached instance), or null
     */
    public @Nullable IpAddress announcedLinkLocalNextHop(int index) {
        return groupHops[groupOf(index)][1];
    }

    private int groupOf(int index) {
        Objects.checkIndex(index, announcedCount);
        int g = 0;
        while (groupEnds[g] <= index) {
            g++;
        }
        return g;
    }

    /**
     * The message as model objects, built on first call (then kept until the view is refilled); equal
     * to what {@link RisMessageDecoder#decode(String)} returns for the frame.
     *
     * @return the message
     * @throws IllegalStateException if the last frame was not a {@code ris_message}
     */
    public RisMessage toMessage() {
        RisMessage m = message;
        if (m != null) {
            return m;
        }
        RisMessageDecoder d = decoder;
        if (d == null || other != null || peer == null) {
            throw new IllegalStateException("no ris_message decoded into this view");
        }
        m = d.toMessage(this);
        message = m;
        return m;
    }

    /**
     * The route events of the message, as {@link RisMessage#events()} of {@link #toMessage()}.
     *
     * @return the events
     * @throws IllegalStateException if the last frame was not a {@code ris_message}
     */
    public List<RouteEvent> toEvents() {
        return toMessage().events();
    }

    /** {@return a short description: type, peer, counts} */
    @Override
    public String toString() {
        if (other != null) {
            return "RisMessageView[" + other + "]";
        }
        return "RisMessageView[" + type + " " + peer + " @" + timestampMicros + "us, " + withdrawnCount + " withdrawn, "
                + announcedCount + " announced, path of " + asnCount + "]";
    }
}
