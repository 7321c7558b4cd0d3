package dev.routescope.relationships;

/**
 * The RFC 7908 route-leak types a valley in an AS path reveals. The leaker L received the route from
 * x and sent it to y (propagation order x → L → y):
 *
 * <pre>
 * type  x is L's    y is L's    name
 *   1   provider    provider    hairpin turn (e.g. Telekom Malaysia 2015, Verizon/DQE 2019)
 *   2   peer        peer        lateral ISP-ISP-ISP leak
 *   3   provider    peer        transit-provider prefixes leaked to a peer
 *   4   peer        provider    peer prefixes leaked to a transit provider
 * </pre>
 *
 * <p>Types 5 (re-origination) and 6 (internal more-specifics) leave no valley in the path and are not
 * produced by {@link ValleyFreeChecker}.
 *
 * <pre>{@code
 * LeakType.HAIRPIN.rfc7908Type(); // 1
 * }</pre>
 *
 * @since 0.1
 */
public enum LeakType {
    /** Type 1: from one provider to another provider. */
    HAIRPIN(1),
    /** Type 2: from one peer to another peer. */
    LATERAL(2),
    /** Type 3: from a provider to a peer. */
    PROVIDER_TO_PEER(3),
    /** Type 4: from a peer to a provider. */
    PEER_TO_PROVIDER(4);

    private final int rfc7908Type;

    LeakType(int rfc7908Type) {
        this.rfc7908Type = rfc7908Type;
    }

    /** {@return the type number in RFC 7908 section 3} */
    public int rfc7908Type() {
        return rfc7908Type;
    }
}
