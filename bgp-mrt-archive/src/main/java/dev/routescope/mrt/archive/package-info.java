/**
 * Public MRT archives. {@link dev.routescope.mrt.archive.MrtArchive} lists the update and RIB files
 * of RIPE RIS, RouteViews, an archive with a custom {@link dev.routescope.mrt.archive.ArchiveLayout}
 * or a local mirror for a set of collectors and a time range; {@link
 * dev.routescope.mrt.archive.ArchiveDownloader} fetches them with bounded parallelism into a local
 * cache (atomic writes, size and checksum checks, HTTP range resume, retries) and reports missing
 * files as {@link dev.routescope.mrt.archive.DownloadResult.Missing} results instead of failing.
 *
 * <pre>{@code
 * List<ArchiveFile> files = MrtArchive.ris().list(List.of("rrc00", "rrc12"),
 *         Instant.parse("2021-01-01T05:00:00Z"), Instant.parse("2021-01-01T06:00:00Z"),
 *         EnumSet.of(FileKind.UPDATES));
 * try (ArchiveDownloader downloader = ArchiveDownloader.builder()
 *         .cacheDirectory(Path.of("mrt-cache")).build()) {
 *     DownloadReport report = downloader.downloadAll(files);
 *     report.missing().forEach(m -> System.err.println("not in archive: " + m.file().uri()));
 * }
 * }</pre>
 */
@NullMarked
package dev.routescope.mrt.archive;

import org.jspecify.annotations.NullMarked;
