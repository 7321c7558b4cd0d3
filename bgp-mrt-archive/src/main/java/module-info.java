/**
 * Public MRT archives: list the update and RIB files of RIPE RIS, RouteViews, custom layouts or a
 * local mirror for collectors and a time range, and download them into a resumable local cache.
 * Entry points: {@link dev.routescope.mrt.archive.MrtArchive} and {@link
 * dev.routescope.mrt.archive.ArchiveDownloader}.
 */
module dev.routescope.mrt.archive {
    requires static org.jspecify;
    requires java.net.http;
    requires org.slf4j;

    exports dev.routescope.mrt.archive;
}
