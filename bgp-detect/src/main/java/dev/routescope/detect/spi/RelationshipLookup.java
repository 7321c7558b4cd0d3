package dev.routescope.detect.spi;

/**
 * AS relationships: the seam where {@code bgp-relationships}' graph plugs in. Thread-safe,
 * non-blocking.
 *
 * <pre>{@code
 * RelationshipLookup rel = (from, to) -> from == 174 && to == 64500 ? Relationship.CUSTOMER : Relationship.UNKNOWN;
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RelationshipLookup {

    /** No data: everything is {@link Relationship#UNKNOWN}. */
    RelationshipLookup NONE = (from, to) -> Relationship.UNKNOWN;

    /**
     * The role of {@code to} as seen from {@code from}.
     *
     * @param from the AS whose view is asked
     * @param to its neighbour
     * @return the role of {@code to}
     */
    Relationship relationship(long from, long to);

    /**
     * Whether two ASes belong to one organisation.
     *
     * @param a an ASN
     * @param b another ASN
     * @return true for siblings
     */
    default boolean isSibling(long a, long b) {
        return relationship(a, b) == Relationship.SIBLING;
    }

    /**
     * Whether an AS is an IXP route server: it relays routes between its members without being a
     * transit hop, so valley-free checks skip it (default: none is).
     *
     * @param asn an ASN
     * @return true for a route server
     */
    default boolean isRouteServer(long asn) {
        return false;
    }
}
