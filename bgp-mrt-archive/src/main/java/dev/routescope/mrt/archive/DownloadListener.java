package dev.routescope.mrt.archive;

import java.time.Duration;

/**
 * Progress of an {@link ArchiveDownloader}. All methods have empty defaults.
 *
 * <p>Threading: called from the downloader's worker threads, concurrently for different files;
 * implementations must be thread-safe and return quickly. An exception thrown by a listener is
 * logged and otherwise ignored.
 *
 * <pre>{@code
 * DownloadListener printer = new DownloadListener() {
 *     @Override public void finished(DownloadResult result) {
 *         System.out.println(result.file().path() + " -> " + result.getClass().getSimpleName());
 *     }
 * };
 * ArchiveDownloader.builder().cacheDirectory(cache).listener(printer).build();
 * }</pre>
 *
 * @since 0.1
 */
public interface DownloadListener {

    /** A listener that ignores everything. */
    DownloadListener NONE = new DownloadListener() {};

    /**
     * A request got a response and its body is about to be written.
     *
     * @param file the file
     * @param offset bytes already on disk (non-zero when resuming)
     * @param totalSize full size if the server said, else -1
     */
    default void started(ArchiveFile file, long offset, long totalSize) {}

    /**
     * More bytes were written; called at most every 1 MiB and once at the end of a body.
     *
     * @param file the file
     * @param bytesOnDisk bytes of the file on disk so far (including a resumed prefix)
     * @param totalSize full size if known, else -1
     */
    default void progress(ArchiveFile file, long bytesOnDisk, long totalSize) {}

    /**
     * An attempt failed and another follows after a delay.
     *
     * @param file the file
     * @param failedAttempt number of the attempt that failed, from 1
     * @param reason why
     * @param delay time until the next attempt
     */
    default void retrying(ArchiveFile file, int failedAttempt, String reason, Duration delay) {}

    /**
     * A file is done (stored, missing or failed).
     *
     * @param result the outcome
     */
    default void finished(DownloadResult result) {}
}
