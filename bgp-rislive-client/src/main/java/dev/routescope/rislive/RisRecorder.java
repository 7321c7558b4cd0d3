package dev.routescope.rislive;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes RIS Live frames as NDJSON, one frame per line, exactly as the consumer received them
 * (including control and malformed frames, excluding frames dropped by {@link
 * OverflowPolicy#DROP_OLDEST}). Replaying the file with {@link RisLiveClient.Builder#replay(Path)}
 * feeds the same frames through the same API, so a monitor can be re-run offline deterministically.
 * A name ending in {@code .gz} is gzip-compressed.
 *
 * <pre>{@code
 * try (RisRecorder recorder = RisRecorder.create(Path.of("rislive-2026-11-23.ndjson.gz"));
 *         RisLiveClient client = RisLiveClient.builder().recorder(recorder).build()) {
 *     client.messages().forEach(monitor::accept);
 * }
 * }</pre>
 *
 * <p>Thread-safe (writes are serialised). Line breaks inside a frame are replaced by spaces, which
 * is lossless for JSON (a raw line break is only legal as whitespace between tokens).
 *
 * @since 0.1
 */
public final class RisRecorder implements AutoCloseable {
    private final Writer out;
    private long frames;

    private RisRecorder(Writer out) {
        this.out = out;
    }

    /**
     * Creates (or truncates) a recording.
     *
     * @param file the file; {@code .gz} for gzip
     * @return the recorder
     * @throws IOException if the file cannot be created
     */
    public static RisRecorder create(Path file) throws IOException {
        OutputStream os = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        return new RisRecorder(new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16));
    }

    /**
     * Records to a writer the caller owns (closed by {@link #close()}).
     *
     * @param writer where lines go
     * @return the recorder
     */
    public static RisRecorder to(Writer writer) {
        return new RisRecorder(writer);
    }

    /**
     * Appends one frame.
     *
     * @param frame the frame text
     * @throws UncheckedIOException if writing fails
     */
    public synchronized void record(String frame) {
        try {
            if (frame.indexOf('\n') >= 0 || frame.indexOf('\r') >= 0) {
                frame = frame.replace('\n', ' ').replace('\r', ' ');
            }
            out.write(frame);
            out.write('\n');
            frames++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record RIS Live frame " + frames, e);
        }
    }

    /** {@return frames recorded so far} */
    public synchronized long frames() {
        return frames;
    }

    /**
     * Flushes buffered lines.
     *
     * @throws IOException if writing fails
     */
    public synchronized void flush() throws IOException {
        out.flush();
    }

    /**
     * Flushes and closes the file.
     *
     * @throws IOException if writing fails
     */
    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
