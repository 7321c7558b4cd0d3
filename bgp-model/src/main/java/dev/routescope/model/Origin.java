package dev.routescope.model;

/**
 * The ORIGIN path attribute (RFC 4271 §5.1.1).
 *
 * <pre>{@code
 * Origin.ofCode(0); // IGP
 * }</pre>
 *
 * @since 0.1
 */
public enum Origin {
    /** Code 0: learned by an interior protocol. */
    IGP(0),
    /** Code 1: learned by EGP. */
    EGP(1),
    /** Code 2: learned some other way (e.g. redistribution). */
    INCOMPLETE(2);

    private final int code;

    Origin(int code) {
        this.code = code;
    }

    /** {@return the wire code, 0..2} */
    public int code() {
        return code;
    }

    /**
     * The origin for a wire code.
     *
     * @param code 0..2
     * @return the origin
     * @throws IllegalArgumentException for other codes (RFC 7606: treat-as-withdraw)
     */
    public static Origin ofCode(int code) {
        return switch (code) {
            case 0 -> IGP;
            case 1 -> EGP;
            case 2 -> INCOMPLETE;
            default ->
                throw new IllegalArgumentException("ORIGIN " + code + " (expected: 0 IGP, 1 EGP or 2 INCOMPLETE)");
        };
    }
}
