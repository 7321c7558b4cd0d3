package dev.routescope.relationships.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an ASCII line-oriented stream into a reusable byte buffer, so that loaders can parse
 * numbers straight from bytes instead of creating a {@code String} per line. Accepts LF and CRLF
 * line ends. Lines longer than {@code maxLineLength} are reported as truncated rather than growing
 * the buffer without bound (hostile input must not cause an OOM).
 */
public final class LineReader {
    private final InputStream in;
    private final int maxLineLength;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLimit;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean lineTooLong;
    private long lineNumber;
    private long lineStartOffset;
    private long offset;

    /**
     * A reader over a stream; the caller keeps ownership of {@code in} and closes it.
     *
     * @param in the decompressed stream
     * @param maxLineLength longest line kept in full; longer lines are cut and flagged
     */
    public LineReader(InputStream in, int maxLineLength) {
        this.in = in;
        this.maxLineLength = maxLineLength;
    }

    /**
     * Advances to the next line.
     *
     * @return false at end of stream
     * @throws IOException from the stream
     */
    public boolean next() throws IOException {
        lineLength = 0;
        lineTooLong = false;
        lineStartOffset = offset;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkLimit) {
                int n = in.read(chunk, 0, chunk.length);
                if (n <= 0) {
                    if (any) {
                        lineNumber++;
                        return true;
                    }
                    return false;
                }
                chunkPos = 0;
                chunkLimit = n;
            }
            any = true;
            byte b = chunk[chunkPos++];
            offset++;
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                lineNumber++;
                return true;
            }
            if (lineLength == maxLineLength) {
                lineTooLong = true;
                continue;
            }
            if (lineLength == line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineLength, line.length * 2));
            }
            line[lineLength++] = b;
        }
    }

    /** {@return the bytes of the current line (valid up to {@link #length()}) until the next call} */
    public byte[] bytes() {
        return line;
    }

    /** {@return the length of the current line, without the line end} */
    public int length() {
        return lineLength;
    }

    /** {@return true if the current line was longer than the limit and was cut} */
    public boolean tooLong() {
        return lineTooLong;
    }

    /** {@return the 1-based number of the current line} */
    public long lineNumber() {
        return lineNumber;
    }

    /** {@return the byte offset of the current line's start in the decompressed stream} */
    public long lineOffset() {
        return lineStartOffset;
    }

    /**
     * The current line as text, cut to {@code max} characters, for error messages.
     *
     * @param max longest excerpt
     * @return the excerpt
     */
    public String excerpt(int max) {
        int n = Math.min(lineLength, max);
        String s = new String(line, 0, n, StandardCharsets.ISO_8859_1);
        return n < lineLength ? s + "…" : s;
    }

    /**
     * The current line as text.
     *
     * @return the line decoded as UTF-8
     */
    public String text() {
        return new String(line, 0, lineLength, StandardCharsets.UTF_8);
    }
}
