package dev.routescope.mrt.internal;

import io.netty.buffer.Unpooled;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/** Opens MRT sources: compression is detected by magic bytes, never by file name. */
public final class Inputs {
    private static final int STREAM_WINDOW = 256 * 1024;
    private static final int INFLATE_BUFFER = 128 * 1024;

    private Inputs() {}

    /** The compression formats recognised by magic bytes. */
    public enum Compression {
        /** No compression. */
        NONE,
        /** gzip ({@code 1f 8b}), possibly multi-member. */
        GZIP,
        /** bzip2 ({@code BZh}), possibly concatenated. */
        BZIP2
    }

    /**
     * Detects compression from the first bytes.
     *
     * @param b0 first byte or -1
     * @param b1 second byte or -1
     * @param b2 third byte or -1
     * @return the compression
     */
    public static Compression detect(int b0, int b1, int b2) {
        if (b0 == 0x1f && b1 == 0x8b) {
            return Compression.GZIP;
        }
        if (b0 == 'B' && b1 == 'Z' && b2 == 'h') {
            return Compression.BZIP2;
        }
        return Compression.NONE;
    }

    /**
     * Opens a file: plain files are memory-mapped (up to 2 GiB), compressed ones streamed through a bounded window.
     *
     * @param path the file
     * @param maxWindow largest window (largest record plus header)
     * @return the window
     * @throws IOException if the file cannot be read
     */
    public static ByteWindow open(Path path, int maxWindow) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer magic = ByteBuffer.allocate(3);
            while (magic.hasRemaining() && ch.read(magic, magic.position()) > 0) {
                // FileChannel.read(ByteBuffer, long) does not advance; loop until 3 bytes or EOF.
            }
            int n = magic.position();
            Compression c = detect(
                    n > 0 ? magic.get(0) & 0xFF : -1,
                    n > 1 ? magic.get(1) & 0xFF : -1,
                    n > 2 ? magic.get(2) & 0xFF : -1);
            if (c == Compression.NONE && size <= Integer.MAX_VALUE) {
                MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
                return ByteWindow.of(Unpooled.wrappedBuffer(mapped));
            }
        }
        InputStream raw = Channels.newInputStream(FileChannel.open(path, StandardOpenOption.READ));
        return ByteWindow.of(decompress(raw), STREAM_WINDOW, maxWindow);
    }

    /**
     * Wraps a stream, detecting compression; the returned stream owns {@code in}.
     *
     * @param in raw input
     * @return decompressed input
     * @throws IOException if the compressed header is corrupt
     */
    public static InputStream decompress(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, INFLATE_BUFFER);
        b.mark(3);
        int b0 = b.read();
        int b1 = b.read();
        int b2 = b.read();
        b.reset();
        return switch (detect(b0, b1, b2)) {
            case GZIP -> new GZIPInputStream(b, INFLATE_BUFFER);
            case BZIP2 -> new BufferedInputStream(new BZip2CompressorInputStream(b, true), INFLATE_BUFFER);
            case NONE -> b;
        };
    }

    /**
     * A streaming window over a caller's stream.
     *
     * @param in raw input, possibly compressed; closed with the window
     * @param maxWindow largest window
     * @return the window
     * @throws IOException if the compressed header is corrupt
     */
    public static ByteWindow open(InputStream in, int maxWindow) throws IOException {
        return ByteWindow.of(decompress(in), STREAM_WINDOW, maxWindow);
    }
}
