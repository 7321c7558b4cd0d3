package dev.routescope.rpki.rtr;

import org.jspecify.annotations.Nullable;

/**
 * An Error Report PDU the client sent or received.
 *
 * <pre>{@code
 * RtrListener l = new RtrListener() {
 *     public void errorReport(RtrErrorReport r) {
 *         System.err.println((r.sent() ? "sent " : "received ") + r.code() + " " + r.errorCode() + ": " + r.text());
 *     }
 * };
 * }</pre>
 *
 * @param sent true when the client sent it (it found the cache's PDU erroneous), false when the
 *     cache sent it
 * @param code the 16-bit error code on the wire
 * @param text the diagnostic text (may be empty)
 * @param erroneousPduType the type of the encapsulated PDU, or -1 when none was encapsulated
 * @since 0.1
 */
public record RtrErrorReport(boolean sent, int code, String text, int erroneousPduType) {

    /** {@return the known error code, or null for a code this client does not know} */
    public @Nullable RtrErrorCode errorCode() {
        return RtrErrorCode.of(code);
    }

    /** {@return e.g. {@code sent 7 DUPLICATE_ANNOUNCEMENT: ...}} */
    @Override
    public String toString() {
        RtrErrorCode c = errorCode();
        return (sent ? "sent " : "received ") + code + " " + (c == null ? "UNKNOWN" : c.name()) + ": " + text;
    }
}
