package dev.routescope.model;

/**
 * IP address family, with its IANA AFI code and address width.
 *
 * <pre>{@code
 * AddressFamily.ofAfi(2); // IPV6
 * }</pre>
 *
 * @since 0.1
 */
public enum AddressFamily {
    /** IPv4, AFI 1, 32 bits. */
    IPV4(1, 32),
    /** IPv6, AFI 2, 128 bits. */
    IPV6(2, 128);

    private final int afi;
    private final int bits;

    AddressFamily(int afi, int bits) {
        this.afi = afi;
        this.bits = bits;
    }

    /** {@return the IANA address family identifier (1 or 2)} */
    public int afi() {
        return afi;
    }

    /** {@return the address width in bits (32 or 128)} */
    public int bits() {
        return bits;
    }

    /** {@return the address width in bytes (4 or 16)} */
    public int bytes() {
        return bits / 8;
    }

    /**
     * Returns the family for an AFI code.
     *
     * @param afi 1 or 2
     * @return the family
     * @throws IllegalArgumentException for other codes
     */
    public static AddressFamily ofAfi(int afi) {
        return switch (afi) {
            case 1 -> IPV4;
            case 2 -> IPV6;
            default -> throw new IllegalArgumentException("unsupported AFI " + afi + " (expected: 1 IPv4 or 2 IPv6)");
        };
    }
}
