package dev.routescope.mrt.archive;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One file of an MRT archive: which collector wrote it, what it holds, the period it covers and
 * where to fetch it.
 *
 * <p>For {@link FileKind#UPDATES} the file covers {@code [start, start + period)}; a {@link
 * FileKind#RIB} is a snapshot taken at {@code start}, and {@code period} is the time to the next
 * one. Files sort by start, RIBs before updates of the same start (a RIB is the state the updates
 * apply to), then by collector.
 *
 * <pre>{@code
 * ArchiveFile f = MrtArchive.ris().list(List.of("rrc12"), from, until, EnumSet.of(FileKind.UPDATES)).get(0);
 * f.path();          // "rrc12/2021.01/updates.20210101.0500.gz"
 * f.uri();           // https://data.ris.ripe.net/rrc12/2021.01/updates.20210101.0500.gz
 * f.withExpectedSha256("283bc0c8…");   // verified by ArchiveDownloader
 * }</pre>
 *
 * @param collector collector name ({@code rrc12}, {@code route-views2})
 * @param kind RIB snapshot or update file
 * @param start start of the period (updates) or snapshot time (RIB)
 * @param period the archive's cadence for this kind
 * @param uri where the file is ({@code https:}, {@code http:} or {@code file:})
 * @param path the file's path relative to the archive root, '/'-separated; also its place in a
 *     download cache
 * @param expectedSize size in bytes if known (from an index or a mirror), else {@link #UNKNOWN_SIZE}
 * @param expectedSha256 lowercase hex SHA-256 if known, else null
 * @since 0.1
 */
public record ArchiveFile(
        String collector,
        FileKind kind,
        Instant start,
        Duration period,
        URI uri,
        String path,
        long expectedSize,
        @Nullable String expectedSha256)
        implements Comparable<ArchiveFile> {

    /** {@link #expectedSize()} when the size is not known. */
    public static final long UNKNOWN_SIZE = -1;

    private static final Comparator<ArchiveFile> ORDER = Comparator.comparing(ArchiveFile::start)
            .thenComparing(ArchiveFile::kind)
            .thenComparing(ArchiveFile::collector)
            .thenComparing(ArchiveFile::uri);

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the collector or path is empty, the period is not
     *     positive, the size is below {@link #UNKNOWN_SIZE} or the SHA-256 is not 64 hex digits
     */
    public ArchiveFile {
        if (collector.isEmpty()) {
            throw new IllegalArgumentException("collector is empty");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period " + period + " (expected: positive)");
        }
        if (path.isEmpty() || path.startsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "' (expected: relative, non-empty)");
        }
        if (expectedSize < UNKNOWN_SIZE) {
            throw new IllegalArgumentException("expected size " + expectedSize + " (expected: >= 0, or -1 if unknown)");
        }
        if (expectedSha256 != null) {
            expectedSha256 = expectedSha256.toLowerCase(Locale.ROOT);
            if (!expectedSha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(
                        "expected SHA-256 '" + expectedSha256 + "' (expected: 64 hexadecimal digits)");
            }
        }
    }

    /** {@return the end of the period ({@code start + period})} */
    public Instant end() {
        return start.plus(period);
    }

    /** {@return whether the file is on the local file system ({@code file:} URI)} */
    public boolean isLocal() {
        return "file".equalsIgnoreCase(uri.getScheme());
    }

    /** {@return whether {@link #expectedSize()} is known} */
    public boolean hasExpectedSize() {
        return expectedSize != UNKNOWN_SIZE;
    }

    /**
     * A copy with a known size; the downloader then checks it.
     *
     * @param size size in bytes, or {@link #UNKNOWN_SIZE}
     * @return the copy
     */
    public ArchiveFile withExpectedSize(long size) {
        return new ArchiveFile(collector, kind, start, period, uri, path, size, expectedSha256);
    }

    /**
     * A copy with a known SHA-256; the downloader then verifies it on download and on cache hits.
     *
     * @param sha256 64 hexadecimal digits, or null to drop the check
     * @return the copy
     */
    public ArchiveFile withExpectedSha256(@Nullable String sha256) {
        return new ArchiveFile(collector, kind, start, period, uri, path, expectedSize, sha256);
    }

    @Override
    public int compareTo(ArchiveFile o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return collector + " " + kind + " " + start + " " + uri;
    }
}
