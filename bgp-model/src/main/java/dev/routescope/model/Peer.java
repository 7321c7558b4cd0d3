package dev.routescope.model;

/**
 * A BGP session seen by a collector: the neighbour's address and ASN.
 *
 * <pre>{@code
 * Peer p = Peer.of("2001:7f8:4::3:2be1:1", 13030);
 * }</pre>
 *
 * @param address the peer's IP address
 * @param asn the peer's ASN
 * @since 0.1
 */
public record Peer(IpAddress address, Asn asn) implements Comparable<Peer> {

    /**
     * Convenience factory from text and a number.
     *
     * @param address the IP text
     * @param asn the ASN
     * @return the peer
     */
    public static Peer of(String address, long asn) {
        return new Peer(IpAddress.parse(address), Asn.of(asn));
    }

    @Override
    public int compareTo(Peer o) {
        int c = address.compareTo(o.address);
        return c != 0 ? c : asn.compareTo(o.asn);
    }

    /** {@return {@code address (ASn)}} */
    @Override
    public String toString() {
        return address + " (" + asn + ")";
    }
}
