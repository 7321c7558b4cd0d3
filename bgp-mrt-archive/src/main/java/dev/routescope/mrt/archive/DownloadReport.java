package dev.routescope.mrt.archive;

import java.util.List;

/**
 * The results of {@link ArchiveDownloader#downloadAll}, one per distinct input file, in input order.
 *
 * <pre>{@code
 * DownloadReport report = downloader.downloadAll(files);
 * List<Path> ready = report.stored().stream().map(DownloadResult.Stored::path).toList();
 * if (!report.failed().isEmpty()) throw new IOException(report.failed().get(0).reason());
 * }</pre>
 *
 * @param results one result per distinct file
 * @since 0.1
 */
public record DownloadReport(List<DownloadResult> results) {

    /** Copies the list. */
    public DownloadReport {
        results = List.copyOf(results);
    }

    /** {@return the stored files, including cache hits and local files} */
    public List<DownloadResult.Stored> stored() {
        return results.stream()
                .filter(DownloadResult.Stored.class::isInstance)
                .map(DownloadResult.Stored.class::cast)
                .toList();
    }

    /** {@return the files the archive does not have} */
    public List<DownloadResult.Missing> missing() {
        return results.stream()
                .filter(DownloadResult.Missing.class::isInstance)
                .map(DownloadResult.Missing.class::cast)
                .toList();
    }

    /** {@return the files that could not be fetched} */
    public List<DownloadResult.Failed> failed() {
        return results.stream()
                .filter(DownloadResult.Failed.class::isInstance)
                .map(DownloadResult.Failed.class::cast)
                .toList();
    }

    /** {@return how many stored files came from the cache without contacting the server} */
    public long cacheHits() {
        return stored().stream()
                .filter(s -> s.source() == DownloadResult.Source.CACHE)
                .count();
    }

    /** {@return body bytes received over the network} */
    public long bytesTransferred() {
        return stored().stream()
                .mapToLong(DownloadResult.Stored::bytesTransferred)
                .sum();
    }

    /** {@return whether every file was stored (none missing or failed)} */
    public boolean isComplete() {
        return stored().size() == results.size();
    }

    @Override
    public String toString() {
        return "DownloadReport{stored=" + stored().size() + " (cache hits " + cacheHits() + "), missing="
                + missing().size() + ", failed=" + failed().size() + ", bytes=" + bytesTransferred() + "}";
    }
}
