/**
 * Public MRT archives: list the update and RIB files of RIPE RIS, RouteViews, custom layouts or a
 * local mirror for collectors and a time range, and download them into a resumable local cache.
 * Entry points: {@link dev.routescope.mrt.archive.MrtArchive}, {@link
 * dev.routescope.mrt.archive.ArchiveDownloader} and {@link dev.routescope.mrt.archive.ArchiveStream},
 * which merges many files into one time-ordered element stream.
 */
module dev.routescope.mrt.archive {
    requires static org.jspecify;
    requires transitive dev.routescope.model;
    requires transitive dev.routescope.mrt;
    requires java.net.http;
    requires org.slf4j;

    exports dev.routescope.mrt.archive;
}
