package dev.routescope.model;

/**
 * AS_PATH segment types (RFC 4271 §4.3, RFC 5065) with their wire codes.
 *
 * <pre>{@code
 * SegmentType.ofCode(1); // AS_SET
 * }</pre>
 *
 * @since 0.1
 */
public enum SegmentType {
    /** Unordered set of ASNs from aggregation, code 1, text {@code {a,b}}. */
    AS_SET(1),
    /** Ordered sequence, code 2, text {@code a b}. */
    AS_SEQUENCE(2),
    /** Confederation member sequence, code 3, text {@code (a b)}. */
    AS_CONFED_SEQUENCE(3),
    /** Confederation member set, code 4, text {@code [a,b]}. */
    AS_CONFED_SET(4);

    private final int code;

    SegmentType(int code) {
        this.code = code;
    }

    /** {@return the wire code, 1..4} */
    public int code() {
        return code;
    }

    /** {@return true for AS_SET and AS_CONFED_SET} */
    public boolean isSet() {
        return this == AS_SET || this == AS_CONFED_SET;
    }

    /** {@return true for the confederation segment types} */
    public boolean isConfederation() {
        return this == AS_CONFED_SEQUENCE || this == AS_CONFED_SET;
    }

    /**
     * The type for a wire code.
     *
     * @param code 1..4
     * @return the type
     * @throws IllegalArgumentException for other codes
     */
    public static SegmentType ofCode(int code) {
        return switch (code) {
            case 1 -> AS_SET;
            case 2 -> AS_SEQUENCE;
            case 3 -> AS_CONFED_SEQUENCE;
            case 4 -> AS_CONFED_SET;
            default -> throw new IllegalArgumentException("AS_PATH segment type " + code + " (expected: 1..4)");
        };
    }
}
