package dev.routescope.rislive.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into NDJSON lines (LF or CRLF, empty lines skipped), without a per-line
 * limit other than {@code maxLineBytes}: longer lines are discarded and reported as oversized.
 * Not thread-safe.
 */
public final class LineSplitter {
    /** Receives lines. */
    public interface LineHandler {
        /**
         * One line.
         *
         * @param line the line without its terminator
         * @return false to stop feeding the current buffer (the rest stays buffered)
         */
        boolean line(String line);

        /**
         * A discarded line.
         *
         * @param head its first bytes as text
         * @param length its length in bytes
         */
        void oversized(String head, long length);
    }

    private final int maxLineBytes;
    private byte[] buf = new byte[8192];
    private int len;
    private long skipping = -1;
    private String skippedHead = "";

    /**
     * A splitter.
     *
     * @param maxLineBytes longest line kept
     */
    public LineSplitter(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Feeds bytes; calls the handler for every complete line.
     *
     * @param data the bytes (consumed entirely)
     * @param handler the handler
     */
    public void feed(ByteBuffer data, LineHandler handler) {
        while (data.hasRemaining()) {
            byte b = data.get();
            if (b == '\n') {
                endLine(handler);
                continue;
            }
            if (skipping >= 0) {
                skipping++;
                continue;
            }
            if (len == maxLineBytes) {
                skippedHead = new String(buf, 0, Math.min(len, 256), StandardCharsets.UTF_8);
                skipping = len + 1L;
                len = 0;
                continue;
            }
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min((long) maxLineBytes, buf.length * 2L));
            }
            buf[len++] = b;
        }
    }

    /**
     * Flushes a last line without terminator.
     *
     * @param handler the handler
     */
    public void finish(LineHandler handler) {
        endLine(handler);
    }

    private void endLine(LineHandler handler) {
        if (skipping >= 0) {
            handler.oversized(skippedHead, skipping);
            skipping = -1;
            return;
        }
        int n = len;
        if (n > 0 && buf[n - 1] == '\r') {
            n--;
        }
        len = 0;
        if (n > 0) {
            handler.line(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        if (buf.length > 1 << 20) {
            buf = new byte[8192]; // do not keep a huge buffer after one long line
        }
    }
}
