package dev.routescope.mrt.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** File-system side of the download cache: where a URI is cached, digests, atomic promotion. */
public final class CacheFiles {
    private CacheFiles() {}

    /**
     * The cache location of a remote URI: {@code <cache>/<host>[_<port>]/<path>}. Characters that are
     * not safe in file names become '_'; dot segments are refused so a hostile URI cannot escape.
     *
     * @param cacheDir the cache root (absolute, normalised)
     * @param uri an http(s) URI
     * @return the path of the complete file in the cache
     * @throws IllegalArgumentException if the URI has no host or path, or a '.'/'..' segment
     */
    public static Path location(Path cacheDir, URI uri) {
        String host = uri.getHost();
        String rawPath = uri.getRawPath();
        if (host == null || rawPath == null || rawPath.isEmpty() || rawPath.endsWith("/")) {
            throw new IllegalArgumentException("cannot cache " + uri + " (expected: http(s) URI of a file)");
        }
        StringBuilder rel = new StringBuilder(sanitize(host));
        if (uri.getPort() != -1) {
            rel.append('_').append(uri.getPort());
        }
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("cannot cache " + uri + ": path has a '" + segment + "' segment");
            }
            rel.append('/').append(sanitize(segment));
        }
        Path p = cacheDir.resolve(rel.toString()).normalize();
        if (!p.startsWith(cacheDir)) {
            throw new IllegalArgumentException("cannot cache " + uri + ": path leaves the cache directory");
        }
        return p;
    }

    private static String sanitize(String segment) {
        StringBuilder sb = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            sb.append(PathTemplate.isSafe(c) && c != '/' ? c : '_');
        }
        String s = sb.toString();
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }

    /**
     * A sibling of {@code target} with a suffix ({@code .part}, {@code .part.meta}, {@code .lock}).
     *
     * @param target the complete file
     * @param suffix what to append to its name
     * @return the sibling path
     */
    public static Path sibling(Path target, String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }

    /**
     * SHA-256 of a file.
     *
     * @param file the file
     * @return lowercase hex digest
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Moves a finished temporary file into place so readers see either nothing or the whole file.
     *
     * @param temp the finished file, in the same directory as {@code target}
     * @param target where it belongs
     * @throws IOException if the move fails
     */
    public static void promote(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on exotic file systems; a plain rename is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads the resume validator (ETag or Last-Modified) kept next to a partial file.
     *
     * @param meta the metadata file
     * @return the validator, or null if none was kept
     * @throws IOException if it exists but cannot be read
     */
    public static @Nullable String readValidator(Path meta) throws IOException {
        try {
            String s = Files.readString(meta, StandardCharsets.UTF_8).strip();
            return s.isEmpty() || s.length() > 512 ? null : s;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Keeps the validator of the response a partial file started from, or removes a stale one.
     *
     * @param meta the metadata file
     * @param validator the ETag or Last-Modified value, or null
     * @throws IOException if it cannot be written or removed
     */
    public static void writeValidator(Path meta, @Nullable String validator) throws IOException {
        if (validator == null) {
            Files.deleteIfExists(meta);
        } else {
            Files.writeString(meta, validator + "\n", StandardCharsets.UTF_8);
        }
    }
}
