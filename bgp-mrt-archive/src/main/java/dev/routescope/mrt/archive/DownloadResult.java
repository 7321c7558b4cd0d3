package dev.routescope.mrt.archive;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of fetching one {@link ArchiveFile}: it is {@linkplain Stored stored} (in the cache,
 * or in place for a local file), {@linkplain Missing missing} from the archive, or the fetch
 * {@linkplain Failed failed} after its retries.
 *
 * <pre>{@code
 * DownloadResult r = downloader.download(file);
 * if (r instanceof DownloadResult.Stored s) {
 *     parse(s.path());
 * } else if (r instanceof DownloadResult.Missing m) {
 *     log.info("not in the archive (collector outage?): {}", m.file().uri());
 * } else if (r instanceof DownloadResult.Failed f) {
 *     log.warn("gave up on {}: {}", f.file().uri(), f.reason());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface DownloadResult permits DownloadResult.Stored, DownloadResult.Missing, DownloadResult.Failed {

    /** {@return the file this result is for} */
    ArchiveFile file();

    /** Where a stored file's bytes came from. */
    enum Source {
        /** Already in the cache; the server was not contacted. */
        CACHE,
        /** Downloaded from the start. */
        NETWORK,
        /** Downloaded by continuing a partial file left by an earlier, interrupted attempt. */
        RESUMED,
        /** A {@code file:} URI, used in place. */
        LOCAL
    }

    /**
     * The file is complete on disk: its size matched the server's Content-Length (and the expected
     * size and SHA-256 when known) before it was moved into place.
     *
     * @param file the archive file
     * @param path the complete file
     * @param size its size in bytes
     * @param source where the bytes came from
     * @param attempts HTTP requests made (0 for cache hits and local files)
     * @param bytesTransferred body bytes received over the network by this call
     */
    record Stored(ArchiveFile file, Path path, long size, Source source, int attempts, long bytesTransferred)
            implements DownloadResult {}

    /**
     * The archive does not have the file (HTTP 404 or 410, or no such local file); collectors have
     * outages, so this is expected and not an error.
     *
     * @param file the archive file
     * @param status the HTTP status, or 0 for a local file
     */
    record Missing(ArchiveFile file, int status) implements DownloadResult {}

    /**
     * The file could not be fetched. A partial download stays in the cache as {@code <name>.part}
     * and is resumed by the next attempt; it is never taken for a complete file.
     *
     * @param file the archive file
     * @param reason what went wrong, with the URI and byte offset where relevant
     * @param attempts HTTP requests made
     * @param cause the last exception, if one was thrown
     */
    record Failed(
            ArchiveFile file,
            String reason,
            int attempts,
            @Nullable Exception cause) implements DownloadResult {}
}
