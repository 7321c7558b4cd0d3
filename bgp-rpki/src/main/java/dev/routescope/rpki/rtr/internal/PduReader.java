package dev.routescope.rpki.rtr.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Reads whole PDUs from a socket stream whose read timeout is used as a timer tick: a timeout
 * returns {@code null} and keeps the bytes of a half-read PDU, so the next call resumes where this
 * one stopped.
 *
 * <p>Not thread-safe; one reader per connection.
 */
public final class PduReader {
    private final InputStream in;
    private final byte[] header = new byte[RtrCodec.HEADER_LENGTH];
    private byte @Nullable [] pdu;
    private int have;
    private long offset;
    private long partialSinceNanos;

    /**
     * A reader.
     *
     * @param in the stream, preferably buffered; not closed by this reader
     */
    public PduReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next PDU.
     *
     * @return the complete PDU bytes, or null when the read timed out before it was complete
     * @throws EOFException when the stream ends (the message says whether inside a PDU)
     * @throws RtrDecodeException when the header announces an impossible length
     * @throws IOException on other I/O failures
     */
    public byte @Nullable [] next() throws IOException, RtrDecodeException {
        try {
            byte[] target = pdu;
            if (target == null) {
                while (have < header.length) {
                    int n = in.read(header, have, header.length - have);
                    if (n < 0) {
                        throw eof(header.length);
                    }
                    progressed(n);
                }
                int length = RtrCodec.pduLength(header);
                target = new byte[length];
                System.arraycopy(header, 0, target, 0, header.length);
                pdu = target;
            }
            while (have < target.length) {
                int n = in.read(target, have, target.length - have);
                if (n < 0) {
                    throw eof(target.length);
                }
                progressed(n);
            }
            pdu = null;
            have = 0;
            offset += target.length;
            return target;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    private void progressed(int n) {
        if (have == 0 && n > 0) {
            partialSinceNanos = System.nanoTime();
        }
        have += n;
    }

    private EOFException eof(int expected) {
        return new EOFException(
                have == 0
                        ? "connection closed by the cache"
                        : "connection closed inside a PDU at stream offset " + offset + " (" + have + " of " + expected
                                + " bytes)");
    }

    /** {@return true while a PDU is half read} */
    public boolean hasPartial() {
        return have > 0;
    }

    /** {@return {@link System#nanoTime()} when the half-read PDU started; meaningful if {@link #hasPartial()}} */
    public long partialSinceNanos() {
        return partialSinceNanos;
    }

    /** {@return the stream offset of the next PDU (bytes of complete PDUs read so far)} */
    public long offset() {
        return offset;
    }
}
