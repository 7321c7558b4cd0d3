package dev.routescope.mrt;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.IpAddress;
import java.util.Arrays;

/**
 * The last TABLE_DUMP_V2 PEER_INDEX_TABLE read by an {@link MrtReader}: the collector's view and its peers, indexed
 * as in RIB entries.
 *
 * <pre>{@code
 * PeerIndexTable peers = reader.peerIndexTable();
 * for (int i = 0; i < peers.size(); i++) {
 *     System.out.println(peers.address(i) + " AS" + peers.asn(i));
 * }
 * }</pre>
 *
 * <p>Lifetime: replaced in place when the next PEER_INDEX_TABLE is read. Threading: reading thread only.
 *
 * @since 0.1
 */
public final class PeerIndexTable {
    private int size;
    private long collectorBgpId;
    private String viewName = "";
    private boolean[] ipv6 = new boolean[0];
    private long[] high = new long[0];
    private long[] low = new long[0];
    private long[] asn = new long[0];
    private long[] bgpId = new long[0];

    PeerIndexTable() {}

    void reset(int count, long collectorId, String view) {
        if (ipv6.length < count) {
            int cap = Math.max(count, 16);
            ipv6 = Arrays.copyOf(ipv6, cap);
            high = Arrays.copyOf(high, cap);
            low = Arrays.copyOf(low, cap);
            asn = Arrays.copyOf(asn, cap);
            bgpId = Arrays.copyOf(bgpId, cap);
        }
        size = 0;
        collectorBgpId = collectorId;
        viewName = view;
    }

    void add(boolean v6, long hi, long lo, long peerAsn, long peerBgpId) {
        ipv6[size] = v6;
        high[size] = hi;
        low[size] = lo;
        asn[size] = peerAsn;
        bgpId[size] = peerBgpId;
        size++;
    }

    /** {@return number of peers; 0 before the first table} */
    public int size() {
        return size;
    }

    /** {@return the collector's BGP identifier as an unsigned 32-bit value} */
    public long collectorBgpId() {
        return collectorBgpId;
    }

    /** {@return the view name, often empty} */
    public String viewName() {
        return viewName;
    }

    /**
     * Whether a peer's address is IPv6.
     *
     * @param index peer index
     * @return true for IPv6
     */
    public boolean isIpv6(int index) {
        return ipv6[check(index)];
    }

    /**
     * Upper 64 bits of a peer address (IPv4 left-aligned, as in {@link IpAddress}).
     *
     * @param index peer index
     * @return packed bits
     */
    public long addressHigh(int index) {
        return high[check(index)];
    }

    /**
     * Lower 64 bits of a peer address (0 for IPv4).
     *
     * @param index peer index
     * @return packed bits
     */
    public long addressLow(int index) {
        return low[check(index)];
    }

    /**
     * A peer address as a value.
     *
     * @param index peer index
     * @return the address
     */
    public IpAddress address(int index) {
        check(index);
        return ipv6[index] ? IpAddress.ofIpv6(high[index], low[index]) : IpAddress.ofIpv4((int) (high[index] >>> 32));
    }

    /**
     * A peer's address family.
     *
     * @param index peer index
     * @return the family
     */
    public AddressFamily family(int index) {
        return ipv6[check(index)] ? AddressFamily.IPV6 : AddressFamily.IPV4;
    }

    /**
     * A peer's ASN.
     *
     * @param index peer index
     * @return unsigned 32-bit ASN
     */
    public long asn(int index) {
        return asn[check(index)];
    }

    /**
     * A peer's BGP identifier.
     *
     * @param index peer index
     * @return unsigned 32-bit identifier
     */
    public long bgpId(int index) {
        return bgpId[check(index)];
    }

    private int check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("peer index " + index + " (expected: 0.." + (size - 1) + ")");
        }
        return index;
    }
}
