package dev.routescope.relationships.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/** Opens plain, gzip or bzip2 input, chosen by magic bytes rather than the file name. */
public final class Inputs {
    private Inputs() {}

    /**
     * Opens a file, decompressing gzip ({@code 1f 8b}) or bzip2 ({@code BZh}) transparently.
     *
     * @param file the file
     * @return a stream the caller must close
     * @throws IOException if the file cannot be read or its compressed header is corrupt
     */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return decompress(raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Wraps a stream with the decompressor its first bytes call for; takes ownership of {@code raw}.
     *
     * @param raw the raw stream
     * @return the (possibly) decompressing stream
     * @throws IOException if a compressed header is corrupt
     */
    public static InputStream decompress(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(3);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            // Multi-member gzip (concatenated files) is read to the end by GZIPInputStream.
            return new GZIPInputStream(in, 1 << 16);
        }
        if (b0 == 'B' && b1 == 'Z' && b2 == 'h') {
            return new BZip2CompressorInputStream(in, true);
        }
        return in;
    }
}
