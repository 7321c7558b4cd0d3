package dev.routescope.model;

/**
 * BGP finite-state-machine states (RFC 4271 §8.2.2) with the codes MRT STATE_CHANGE records use.
 * Quagga also writes 7 Clearing and 8 Deleted; any other code maps to {@link #UNKNOWN}.
 *
 * <pre>{@code
 * BgpState.ofCode(6); // ESTABLISHED
 * }</pre>
 *
 * @since 0.1
 */
public enum BgpState {
    /** A code outside 1..8. */
    UNKNOWN(0),
    /** 1. */
    IDLE(1),
    /** 2. */
    CONNECT(2),
    /** 3. */
    ACTIVE(3),
    /** 4. */
    OPEN_SENT(4),
    /** 5. */
    OPEN_CONFIRM(5),
    /** 6. */
    ESTABLISHED(6),
    /** 7 (Quagga). */
    CLEARING(7),
    /** 8 (Quagga). */
    DELETED(8);

    private static final BgpState[] BY_CODE = {
        UNKNOWN, IDLE, CONNECT, ACTIVE, OPEN_SENT, OPEN_CONFIRM, ESTABLISHED, CLEARING, DELETED
    };

    private final int code;

    BgpState(int code) {
        this.code = code;
    }

    /** {@return the MRT code, 0 for UNKNOWN} */
    public int code() {
        return code;
    }

    /**
     * The state for an MRT code.
     *
     * @param code the code
     * @return the state, {@link #UNKNOWN} for codes outside 1..8
     */
    public static BgpState ofCode(int code) {
        return code >= 1 && code <= 8 ? BY_CODE[code] : UNKNOWN;
    }
}
