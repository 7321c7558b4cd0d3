package dev.routescope.rpki.rtr.internal;

import dev.routescope.rpki.rtr.RtrErrorCode;

/**
 * A PDU that breaks the protocol, with the RTR error code to report back and the offending bytes
 * (the whole PDU when its length could be read, else the header).
 */
public final class RtrDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RtrErrorCode code;
    private final transient byte[] pdu;

    RtrDecodeException(RtrErrorCode code, byte[] pdu, String message) {
        super(message);
        this.code = code;
        this.pdu = pdu;
    }

    /** {@return the error code to send in the Error Report} */
    public RtrErrorCode code() {
        return code;
    }

    /** {@return the erroneous PDU bytes to encapsulate} */
    public byte[] pdu() {
        return pdu.clone();
    }
}
