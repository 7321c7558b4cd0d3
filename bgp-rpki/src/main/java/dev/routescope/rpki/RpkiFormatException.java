package dev.routescope.rpki;

import java.io.IOException;

/**
 * The input cannot be read as a whole: malformed or truncated JSON, an unknown CSV layout, an
 * invalid SLURM file. Bad single entries are not exceptions but {@link RpkiProblem}s.
 *
 * <pre>{@code
 * try {
 *     RpkiReader.read(path);
 * } catch (RpkiFormatException e) {
 *     log.error("{} at byte {}: {}", e.source(), e.byteOffset(), e.getMessage());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class RpkiFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long byteOffset;

    /**
     * Creates the exception.
     *
     * @param source the input name
     * @param byteOffset the byte offset of the failure in the decompressed text, or -1
     * @param message what is wrong, including the position
     * @param cause the underlying parser error, or null
     */
    public RpkiFormatException(
            String source, long byteOffset, String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
        this.byteOffset = byteOffset;
    }

    /** {@return the input name} */
    public String source() {
        return source;
    }

    /** {@return the byte offset of the failure, or -1} */
    public long byteOffset() {
        return byteOffset;
    }
}
