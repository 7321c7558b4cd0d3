package dev.routescope.mrt.archive;

import java.util.List;

/**
 * Counters of an {@link ArchiveStream} at one moment.
 *
 * <pre>{@code
 * ArchiveStreamStats s = stream.stats();
 * System.out.printf("%d of %d elements matched, %d files missing%n",
 *         s.elementsMatched(), s.elementsRead(), s.missing().size());
 * }</pre>
 *
 * @param filesOpened files opened so far
 * @param filesFinished files read to their end (or closed after a fatal input problem)
 * @param elementsRead elements decoded from all files, before filtering
 * @param elementsMatched elements that passed the filter (and were or will be delivered)
 * @param outOfOrder delivered elements whose timestamp was before the previous one's (a file not
 *     sorted by time, or a file holding records from before its nominal start)
 * @param problems MRT problems reported by the parser, summed over finished and open files
 * @param missing files the archive does not have
 * @param failed files that could not be fetched or opened
 * @since 0.1
 */
public record ArchiveStreamStats(
        int filesOpened,
        int filesFinished,
        long elementsRead,
        long elementsMatched,
        long outOfOrder,
        long problems,
        List<DownloadResult.Missing> missing,
        List<DownloadResult.Failed> failed) {

    /** Copies the lists. */
    public ArchiveStreamStats {
        missing = List.copyOf(missing);
        failed = List.copyOf(failed);
    }
}
