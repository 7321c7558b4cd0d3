package dev.routescope.rpki.rtr;

import org.jspecify.annotations.Nullable;

/**
 * RTR Error Report codes (RFC 6810 §10, RFC 8210 §12, draft-ietf-sidrops-8210bis).
 *
 * <pre>{@code
 * RtrErrorCode c = RtrErrorCode.of(7);   // DUPLICATE_ANNOUNCEMENT
 * c.isFatal();                           // true: the session is dropped
 * }</pre>
 *
 * @since 0.1
 */
public enum RtrErrorCode {
    /** 0: a PDU could not be parsed or broke a field rule. */
    CORRUPT_DATA(0, true),
    /** 1: the sender failed internally. */
    INTERNAL_ERROR(1, true),
    /** 2: the cache has no data yet; retry later. */
    NO_DATA_AVAILABLE(2, false),
    /** 3: a query the cache cannot answer. */
    INVALID_REQUEST(3, true),
    /** 4: the PDU version is not supported; drives version negotiation. */
    UNSUPPORTED_PROTOCOL_VERSION(4, true),
    /** 5: an unknown PDU type, or one not defined in the session's version. */
    UNSUPPORTED_PDU_TYPE(5, true),
    /** 6: a withdrawal of a record the router does not hold. */
    WITHDRAWAL_OF_UNKNOWN_RECORD(6, true),
    /** 7: an announcement of a record the router already holds. */
    DUPLICATE_ANNOUNCEMENT(7, true),
    /** 8: a PDU of another version after negotiation (v1+). */
    UNEXPECTED_PROTOCOL_VERSION(8, true),
    /** 9: an ASPA PDU with an empty, unsorted, duplicated or AS0-mixed provider list (v2). */
    ASPA_PROVIDER_LIST_ERROR(9, true),
    /** 10: transport failure (v2). */
    TRANSPORT_FAILURE(10, true),
    /** 11: payload PDUs out of the required order (v2). */
    ORDERING_ERROR(11, true),
    /** 12: the cache restarts (v2); reconnect later. */
    CACHE_RESTART(12, false),
    /** 13: the cache shuts down (v2). */
    CACHE_SHUTDOWN(13, true);

    private static final RtrErrorCode[] BY_CODE = values();

    private final int code;
    private final boolean fatal;

    RtrErrorCode(int code, boolean fatal) {
        this.code = code;
        this.fatal = fatal;
    }

    /** {@return the 16-bit wire value} */
    public int code() {
        return code;
    }

    /** {@return whether the session must be dropped when this error is sent or received} */
    public boolean isFatal() {
        return fatal;
    }

    /**
     * The code for a wire value.
     *
     * @param code the 16-bit value
     * @return the code, or null when unknown
     */
    public static @Nullable RtrErrorCode of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
