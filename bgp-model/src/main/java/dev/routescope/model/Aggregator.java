package dev.routescope.model;

/**
 * The AGGREGATOR attribute (RFC 4271 §5.1.7): the AS and BGP identifier of the speaker that formed
 * the aggregate. After an AS4_AGGREGATOR merge (RFC 6793) {@link #asn()} is the 4-byte ASN.
 *
 * <pre>{@code
 * new Aggregator(Asn.of(64511), IpAddress.parse("192.0.2.1")).toString(); // "64511 192.0.2.1"
 * }</pre>
 *
 * @param asn the aggregating AS
 * @param address its BGP identifier (an IPv4 address)
 * @since 0.1
 */
public record Aggregator(Asn asn, IpAddress address) {
    /** {@return bgpdump's form: {@code <asn> <ipv4>}} */
    @Override
    public String toString() {
        return asn.value() + " " + address;
    }
}
