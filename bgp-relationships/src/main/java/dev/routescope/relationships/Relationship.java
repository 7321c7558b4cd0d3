package dev.routescope.relationships;

/**
 * The business relationship of one AS as seen from another.
 *
 * <p>{@link AsGraph#relationship(long, long) relationship(a, b)} returns the role of {@code b} as
 * seen from {@code a}: {@code CUSTOMER} means {@code b} buys transit from {@code a}.
 *
 * <pre>{@code
 * // CAIDA line "3356|64500|-1": 3356 is the provider of 64500
 * graph.relationship(3356, 64500);   // CUSTOMER
 * graph.relationship(64500, 3356);   // PROVIDER
 * graph.relationship(64500, 3356).inverse() == graph.relationship(3356, 64500); // true
 * }</pre>
 *
 * @since 0.1
 */
public enum Relationship {
    /** The other AS sells transit to this one (c2p seen from the customer). */
    PROVIDER(0),
    /** The other AS buys transit from this one (p2c seen from the provider). */
    CUSTOMER(1),
    /** Settlement-free peering (p2p): each exchanges its customer routes only. */
    PEER(2),
    /** Same organisation (from as2org): neutral for valley-free checks. */
    SIBLING(3),
    /** No link between the two ASes is known. */
    UNKNOWN(4);

    private static final Relationship[] BY_CODE = {PROVIDER, CUSTOMER, PEER, SIBLING, UNKNOWN};

    /** Stable small code used in the graph's primitive tables (independent of declaration order). */
    final byte code;

    Relationship(int code) {
        this.code = (byte) code;
    }

    static Relationship ofCode(int code) {
        return BY_CODE[code];
    }

    /**
     * The same link seen from the other end.
     *
     * @return PROVIDER for CUSTOMER and vice versa; the others are symmetric
     */
    public Relationship inverse() {
        return switch (this) {
            case PROVIDER -> CUSTOMER;
            case CUSTOMER -> PROVIDER;
            default -> this;
        };
    }
}
