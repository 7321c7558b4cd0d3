package dev.routescope.mrt;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.Announcement;
import dev.routescope.model.Asn;
import dev.routescope.model.BgpState;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Peer;
import dev.routescope.model.PeerStateChange;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A reusable view of one element: one prefix of an UPDATE (announcement or withdrawal), one RIB entry, or one peer
 * state change, like one {@code bgpdump -m} line. Primitive accessors read the current element without allocating;
 * {@link #toEvent()} builds an immutable {@link RouteEvent} you may keep.
 *
 * <pre>{@code
 * reader.forEachElement(e -> {
 *     if (e.kind() == MrtElement.Kind.ANNOUNCEMENT && e.prefixLength() == 24) {
 *         long origin = e.attributes().originAsn();
 *     }
 *     return true;
 * });
 * }</pre>
 *
 * <p>Lifetime: valid until the element reader advances. Threading: reading thread only.
 *
 * @since 0.1
 */
public final class MrtElement {
    /** What an element is. */
    public enum Kind {
        /** A prefix announced in a BGP UPDATE (classic NLRI or MP_REACH_NLRI). */
        ANNOUNCEMENT,
        /** A prefix withdrawn in a BGP UPDATE (withdrawn routes or MP_UNREACH_NLRI). */
        WITHDRAWAL,
        /** One peer's route to a prefix in a RIB dump (TABLE_DUMP or TABLE_DUMP_V2). */
        RIB_ENTRY,
        /** A BGP FSM state change of a peer. */
        STATE_CHANGE
    }

    /** Where an element's prefix came from, which decides its next hop. */
    public enum NlriSource {
        /** Classic IPv4 withdrawn routes / NLRI fields; next hop from NEXT_HOP. */
        CLASSIC,
        /** MP_REACH_NLRI / MP_UNREACH_NLRI; next hop from MP_REACH_NLRI. */
        MULTIPROTOCOL,
        /** A RIB entry; next hop from MP_REACH_NLRI if present, else NEXT_HOP. */
        RIB,
        /** No prefix (state change). */
        NONE
    }

    private final String collector;
    private Kind kind = Kind.STATE_CHANGE;
    private NlriSource nlriSource = NlriSource.NONE;
    int recordType;
    int recordSubtype;
    private long timestamp;
    private int microseconds;
    boolean peerIpv6;
    long peerHigh;
    long peerLow;
    long peerAsn;
    long localAsn;
    private boolean prefixIpv6;
    private long prefixHigh;
    private long prefixLow;
    private int prefixLength;
    private int safi;
    private long pathId = RouteEvent.NO_PATH_ID;
    private long originatedTime;
    int oldState;
    int newState;
    private final BgpAttributes attributes;
    /** MP slot of an MP element, else -1. */
    private int mpSlot = -1;

    MrtElement(String collector, BgpAttributes attributes) {
        this.collector = collector;
        this.attributes = attributes;
    }

    void setRecord(MrtRecord r) {
        recordType = r.type();
        recordSubtype = r.subtype();
        timestamp = r.timestamp();
        microseconds = r.microseconds();
    }

    void setPrefix(Kind k, NlriSource src, boolean v6, long hi, long lo, int len, int safiCode, long pid, int slot) {
        kind = k;
        nlriSource = src;
        prefixIpv6 = v6;
        prefixHigh = hi;
        prefixLow = lo;
        prefixLength = len;
        safi = safiCode;
        pathId = pid;
        mpSlot = slot;
    }

    void setState(int oldS, int newS) {
        kind = Kind.STATE_CHANGE;
        nlriSource = NlriSource.NONE;
        oldState = oldS;
        newState = newS;
        pathId = RouteEvent.NO_PATH_ID;
        mpSlot = -1;
    }

    void setOriginatedTime(long t) {
        originatedTime = t;
    }

    /** {@return what this element is} */
    public Kind kind() {
        return kind;
    }

    /** {@return where the prefix came from} */
    public NlriSource nlriSource() {
        return nlriSource;
    }

    /** {@return the enclosing record's MRT type} */
    public int recordType() {
        return recordType;
    }

    /** {@return the enclosing record's MRT subtype} */
    public int recordSubtype() {
        return recordSubtype;
    }

    /** {@return record timestamp, unsigned seconds (for RIB entries: the dump time)} */
    public long timestamp() {
        return timestamp;
    }

    /** {@return microseconds of {@code _ET} records, else 0} */
    public int microseconds() {
        return microseconds;
    }

    /** {@return for RIB entries, the originated time (unsigned seconds); else 0} */
    public long originatedTime() {
        return originatedTime;
    }

    /** {@return the collector name (may be empty)} */
    public String collector() {
        return collector;
    }

    /** {@return whether the peer address is IPv6} */
    public boolean peerIpv6() {
        return peerIpv6;
    }

    /** {@return upper 64 bits of the peer address (IPv4 left-aligned)} */
    public long peerAddressHigh() {
        return peerHigh;
    }

    /** {@return lower 64 bits of the peer address} */
    public long peerAddressLow() {
        return peerLow;
    }

    /** {@return the peer (remote) ASN, unsigned} */
    public long peerAsn() {
        return peerAsn;
    }

    /** {@return the collector-side ASN of BGP4MP records, else 0} */
    public long localAsn() {
        return localAsn;
    }

    /** {@return the peer address as a value (allocates)} */
    public IpAddress peerAddress() {
        return peerIpv6 ? IpAddress.ofIpv6(peerHigh, peerLow) : IpAddress.ofIpv4((int) (peerHigh >>> 32));
    }

    /** {@return whether the prefix is IPv6 (meaningless for state changes)} */
    public boolean prefixIpv6() {
        return prefixIpv6;
    }

    /** {@return upper 64 prefix bits, host bits zeroed} */
    public long prefixHigh() {
        return prefixHigh;
    }

    /** {@return lower 64 prefix bits, host bits zeroed} */
    public long prefixLow() {
        return prefixLow;
    }

    /** {@return prefix length in bits} */
    public int prefixLength() {
        return prefixLength;
    }

    /** {@return SAFI of the prefix: 1 unicast, 2 multicast, 3 both (deprecated)} */
    public int safi() {
        return safi;
    }

    /** {@return ADD-PATH path identifier, or {@link RouteEvent#NO_PATH_ID}} */
    public long pathId() {
        return pathId;
    }

    /** {@return the prefix as a value (allocates); state changes have none} */
    public Prefix prefix() {
        if (kind == Kind.STATE_CHANGE) {
            throw new IllegalStateException("a STATE_CHANGE element has no prefix");
        }
        return Prefix.ofMasked(
                prefixIpv6 ? AddressFamily.IPV6 : AddressFamily.IPV4, prefixHigh, prefixLow, prefixLength);
    }

    /** {@return FSM state before a state change (1 Idle .. 6 Established)} */
    public int oldState() {
        return oldState;
    }

    /** {@return FSM state after a state change} */
    public int newState() {
        return newState;
    }

    /**
     * The attributes of the enclosing UPDATE or RIB entry. For withdrawals they are the message's (usually only
     * MP_UNREACH_NLRI); for state changes they are empty.
     *
     * @return the shared attribute view
     */
    public BgpAttributes attributes() {
        return attributes;
    }

    /** {@return whether RFC 7606 requires treating this announcement as a withdrawal} */
    public boolean treatAsWithdraw() {
        return kind == Kind.ANNOUNCEMENT && attributes.treatAsWithdraw();
    }

    int mpSlot() {
        return mpSlot;
    }

    /** Buffer index of this element's MP next hop, or -1. */
    int mpNextHopIndex() {
        if (mpSlot >= 0 && attributes.reachNlri[mpSlot] >= 0) {
            return attributes.reachNh[mpSlot];
        }
        if (nlriSource == NlriSource.RIB) {
            return ribNextHopSlot() >= 0
                    ? attributes.reachNh[ribNextHopSlot()]
                    : attributes.abbreviated ? attributes.abbreviatedNh : -1;
        }
        return -1;
    }

    int mpNextHopLength() {
        if (mpSlot >= 0 && attributes.reachNlri[mpSlot] >= 0) {
            return attributes.reachNhLen[mpSlot];
        }
        if (nlriSource == NlriSource.RIB) {
            return ribNextHopSlot() >= 0
                    ? attributes.reachNhLen[ribNextHopSlot()]
                    : attributes.abbreviated ? attributes.abbreviatedNhLen : 0;
        }
        return 0;
    }

    private int ribNextHopSlot() {
        int s = BgpAttributes.slot(prefixIpv6 ? 2 : 1, safi);
        return s >= 0 && attributes.reachNlri[s] >= 0 ? s : -1;
    }

    /**
     * The next hop of this route: NEXT_HOP for classic IPv4 NLRI; the MP_REACH_NLRI next hop (global address) for MP
     * prefixes and, when present, for RIB entries.
     *
     * @return the next hop, or null if absent (allocates)
     */
    public @Nullable IpAddress nextHop() {
        int idx = mpNextHopIndex();
        if (idx >= 0) {
            return address(attributes.buf(), idx, mpNextHopLength(), false);
        }
        return attributes.hasNextHop() ? IpAddress.ofIpv4(attributes.nextHopIpv4()) : null;
    }

    /** {@return the link-local half of a 32-byte IPv6 MP next hop, or null} */
    public @Nullable IpAddress linkLocalNextHop() {
        int idx = mpNextHopIndex();
        return idx >= 0 && mpNextHopLength() == 32 ? address(attributes.buf(), idx, 32, true) : null;
    }

    private static @Nullable IpAddress address(ByteBuf b, int idx, int len, boolean second) {
        if (len == 4) {
            return IpAddress.ofIpv4(b.getInt(idx));
        }
        if (len == 16 || len == 32 || len == 48 || len == 24) {
            int at = second ? idx + 16 : idx;
            if (len == 24 || len == 48) {
                at += 8; // RFC 4659 VPN next hops carry an 8-byte route distinguisher first
            }
            return IpAddress.ofIpv6(b.getLong(at), b.getLong(at + 8));
        }
        if (len == 12) {
            return IpAddress.ofIpv4(b.getInt(idx + 8));
        }
        return null;
    }

    /**
     * Builds an immutable event. Announcements whose message must be treated as withdrawn (RFC 7606) become {@link
     * Withdrawal}s: this is the router-equivalent view detectors should consume.
     *
     * @return the event (allocates)
     */
    public RouteEvent toEvent() {
        Instant t = Instant.ofEpochSecond(timestamp, (microseconds & 0xFFFF_FFFFL) % 1_000_000L * 1000L);
        Peer peer = new Peer(peerAddress(), Asn.of(peerAsn));
        return switch (kind) {
            case STATE_CHANGE ->
                new PeerStateChange(t, collector, peer, BgpState.ofCode(oldState), BgpState.ofCode(newState));
            case WITHDRAWAL -> new Withdrawal(t, collector, peer, prefix(), pathId);
            case ANNOUNCEMENT, RIB_ENTRY ->
                treatAsWithdraw()
                        ? new Withdrawal(t, collector, peer, prefix(), pathId)
                        : new Announcement(
                                t,
                                collector,
                                peer,
                                prefix(),
                                pathId,
                                attributes.toPathAttributes(nextHop(), linkLocalNextHop()),
                                kind == Kind.RIB_ENTRY);
        };
    }

    @Override
    public String toString() {
        return kind == Kind.STATE_CHANGE
                ? "STATE " + peerAddress() + " AS" + peerAsn + " " + oldState + "->" + newState
                : kind + " " + prefix() + " from " + peerAddress() + " AS" + peerAsn;
    }
}
