package dev.routescope.mrt.archive;

import dev.routescope.mrt.archive.internal.PathTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A public MRT archive (RIPE RIS, RouteViews, one with a custom layout) or a local mirror of one:
 * lists the files that collectors wrote in a time range.
 *
 * <p>For a remote archive, listing is pure computation from the {@link ArchiveLayout} and its
 * cadence; it does not contact the server, so files the archive lacks (collector outages) show up
 * later as {@link DownloadResult.Missing}. A {@linkplain #localMirror local mirror} is listed from
 * the directories on disk: only existing files are returned, with their sizes, and files written at
 * irregular times (early RIS archives) are found too.
 *
 * <p>Time ranges are half-open, {@code [from, until)}. An update file is listed when its period
 * overlaps the range (the file that starts at 04:55 is listed for a range starting at 04:57); a RIB
 * when its snapshot time lies in the range.
 *
 * <pre>{@code
 * Instant from = Instant.parse("2021-01-01T05:00:00Z");
 * Instant until = Instant.parse("2021-01-01T06:00:00Z");
 * List<ArchiveFile> ris = MrtArchive.ris().list(List.of("rrc04", "rrc12"), from, until, EnumSet.allOf(FileKind.class));
 * List<ArchiveFile> rv = MrtArchive.routeViews().listUpdates(List.of("route-views2"), from, until);
 * MrtArchive mirror = MrtArchive.localMirror(Path.of("/data/ris"), ArchiveLayout.ris());
 * }</pre>
 *
 * <p>Immutable and thread-safe. Listing a remote archive costs one path expansion (well under a
 * microsecond) per file; the result is sorted by {@link ArchiveFile#compareTo}.
 *
 * @since 0.1
 */
public final class MrtArchive {

    /**
     * Most files one {@code list} call returns (a year of 5-minute files is 105,120 per collector);
     * split larger ranges.
     */
    public static final int MAX_LISTED_FILES = 2_000_000;

    private static final MrtArchive RIS =
            new MrtArchive(URI.create("https://data.ris.ripe.net/"), null, ArchiveLayout.ris());
    private static final MrtArchive ROUTE_VIEWS =
            new MrtArchive(URI.create("https://archive.routeviews.org/"), null, ArchiveLayout.routeViews());

    private final URI base;
    private final @Nullable Path mirrorRoot;
    private final ArchiveLayout layout;

    private MrtArchive(URI base, @Nullable Path mirrorRoot, ArchiveLayout layout) {
        this.base = base;
        this.mirrorRoot = mirrorRoot;
        this.layout = layout;
    }

    /**
     * RIPE RIS raw data at {@code https://data.ris.ripe.net/} with {@link ArchiveLayout#ris()}.
     *
     * @return the RIS archive
     */
    public static MrtArchive ris() {
        return RIS;
    }

    /**
     * RouteViews at {@code https://archive.routeviews.org/} with {@link ArchiveLayout#routeViews()}.
     *
     * @return the RouteViews archive
     */
    public static MrtArchive routeViews() {
        return ROUTE_VIEWS;
    }

    /**
     * An archive served over HTTP(S) (a mirror, a test server) or a {@code file:} URI.
     *
     * @param baseUri the archive root; a missing trailing '/' is added
     * @param layout how files are named
     * @return the archive
     * @throws IllegalArgumentException if the URI is not absolute, is not http, https or file, or
     *     has a query or fragment
     */
    public static MrtArchive custom(URI baseUri, ArchiveLayout layout) {
        String scheme = baseUri.getScheme();
        if (!baseUri.isAbsolute()
                || scheme == null
                || !(scheme.equalsIgnoreCase("http")
                        || scheme.equalsIgnoreCase("https")
                        || scheme.equalsIgnoreCase("file"))) {
            throw new IllegalArgumentException(
                    "archive URI " + baseUri + " (expected: absolute http, https or file URI)");
        }
        if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null || baseUri.isOpaque()) {
            throw new IllegalArgumentException(
                    "archive URI " + baseUri + " has a query or fragment (expected: a directory URI)");
        }
        String text = baseUri.toString();
        URI base = text.endsWith("/") ? baseUri : URI.create(text + "/");
        if (scheme.equalsIgnoreCase("file")) {
            return new MrtArchive(base, Path.of(base), layout);
        }
        return new MrtArchive(base, null, layout);
    }

    /**
     * A local directory with the same layout as a remote archive (a mirror, an rsync copy); files
     * are listed from disk and the downloader reads them in place.
     *
     * @param root the mirror's root directory
     * @param layout how files are named
     * @return the archive
     */
    public static MrtArchive localMirror(Path root, ArchiveLayout layout) {
        Path abs = root.toAbsolutePath().normalize();
        return new MrtArchive(abs.toUri(), abs, layout);
    }

    /** {@return the archive root (ends with '/')} */
    public URI baseUri() {
        return base;
    }

    /** {@return how files are named} */
    public ArchiveLayout layout() {
        return layout;
    }

    /** {@return whether this archive is a local directory listed from disk} */
    public boolean isLocal() {
        return mirrorRoot != null;
    }

    /**
     * Update files of collectors in a time range.
     *
     * @param collectors collector names
     * @param from start of the range (inclusive)
     * @param until end of the range (exclusive)
     * @return the files, sorted
     * @see #list(Collection, Instant, Instant, Set)
     */
    public List<ArchiveFile> listUpdates(Collection<String> collectors, Instant from, Instant until) {
        return list(collectors, from, until, Set.of(FileKind.UPDATES));
    }

    /**
     * Files of collectors in a time range.
     *
     * @param collectors collector names (duplicates are ignored)
     * @param from start of the range (inclusive)
     * @param until end of the range (exclusive); equal to {@code from} gives an empty list
     * @param kinds which kinds; kinds the layout does not have are skipped
     * @return the files, sorted by start, RIBs before updates, then collector
     * @throws IllegalArgumentException if {@code until} is before {@code from}, a collector name is
     *     invalid, no kind is given, or the listing would exceed {@link #MAX_LISTED_FILES}
     * @throws UncheckedIOException if a local mirror directory cannot be read
     */
    public List<ArchiveFile> list(Collection<String> collectors, Instant from, Instant until, Set<FileKind> kinds) {
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("time range [" + from + ", " + until + ") ends before it starts");
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no file kind requested (expected: RIB and/or UPDATES)");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String c : collectors) {
            names.add(ArchiveLayout.checkCollector(c));
        }
        long total = 0;
        for (FileKind kind : kinds) {
            if (layout.supports(kind)) {
                total += (long) names.size() * steps(kind, from, until);
            }
        }
        if (total > MAX_LISTED_FILES) {
            throw new IllegalArgumentException("listing " + names.size() + " collectors over [" + from + ", " + until
                    + ") gives " + total + " files (limit: " + MAX_LISTED_FILES + "); split the range");
        }
        List<ArchiveFile> out = new ArrayList<>((int) Math.min(total, 1 << 16));
        for (FileKind kind : kinds) {
            if (!layout.supports(kind)) {
                continue;
            }
            for (String collector : names) {
                if (mirrorRoot != null) {
                    scanMirror(mirrorRoot, collector, kind, from, until, out);
                } else {
                    compute(collector, kind, from, until, out);
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    /** Seconds of the first file start considered for a range. */
    private long firstStart(FileKind kind, Instant from) {
        long p = layout.period(kind).toSeconds();
        long fromSecond = from.getEpochSecond();
        long floor = Math.floorDiv(fromSecond, p) * p;
        if (kind == FileKind.UPDATES) {
            return floor; // the file that started at or before 'from' still covers it
        }
        return floor == fromSecond && from.getNano() == 0 ? floor : floor + p;
    }

    private long steps(FileKind kind, Instant from, Instant until) {
        if (!until.isAfter(from)) {
            return 0;
        }
        long p = layout.period(kind).toSeconds();
        long first = firstStart(kind, from);
        long lastExclusive = until.getEpochSecond() + (until.getNano() > 0 ? 1 : 0);
        return first >= lastExclusive ? 0 : (lastExclusive - first + p - 1) / p;
    }

    private void compute(String collector, FileKind kind, Instant from, Instant until, List<ArchiveFile> out) {
        Duration period = layout.period(kind);
        long p = period.toSeconds();
        long count = steps(kind, from, until);
        PathTemplate template = layout.compiled(kind);
        String dir = layout.collectorDirectory(collector);
        StringBuilder sb = new StringBuilder(96);
        long t = firstStart(kind, from);
        for (long i = 0; i < count; i++, t += p) {
            sb.setLength(0);
            String path = template.expand(sb, dir, t).toString();
            out.add(new ArchiveFile(
                    collector,
                    kind,
                    Instant.ofEpochSecond(t),
                    period,
                    base.resolve(path),
                    path,
                    ArchiveFile.UNKNOWN_SIZE,
                    null));
        }
    }

    private void scanMirror(
            Path root, String collector, FileKind kind, Instant from, Instant until, List<ArchiveFile> out) {
        if (!until.isAfter(from)) {
            return;
        }
        Duration period = layout.period(kind);
        long p = period.toSeconds();
        PathTemplate template = layout.compiled(kind);
        String collectorDir = layout.collectorDirectory(collector);
        // Irregular early files can start anywhere inside a period, so look one period back and
        // filter on the parsed time; directories are the distinct expansions over the range.
        Set<String> directories = new LinkedHashSet<>();
        long start = Math.floorDiv(from.getEpochSecond(), p) * p - p;
        for (long t = start; t < until.getEpochSecond() + p; t += p) {
            directories.add(template.directory(collectorDir, t));
        }
        for (String dir : directories) {
            Path dirPath = dir.isEmpty() ? root : root.resolve(dir);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dirPath)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    String rel = dir.isEmpty() ? name : dir + "/" + name;
                    PathTemplate.Parsed parsed = template.parse(rel);
                    if (parsed == null || !collector.equals(layout.collectorOfDirectory(parsed.collectorPath()))) {
                        continue;
                    }
                    if (!selected(kind, parsed.start(), period, from, until)) {
                        continue;
                    }
                    BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class);
                    if (!attrs.isRegularFile()) {
                        continue;
                    }
                    out.add(new ArchiveFile(
                            collector, kind, parsed.start(), period, entry.toUri(), rel, attrs.size(), null));
                }
            } catch (NoSuchFileException | NotDirectoryException e) {
                // A month the mirror does not have: no files, not an error.
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list mirror directory " + dirPath + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean selected(FileKind kind, Instant start, Duration period, Instant from, Instant until) {
        if (kind == FileKind.UPDATES) {
            return start.isBefore(until) && start.plus(period).isAfter(from);
        }
        return !start.isBefore(from) && start.isBefore(until);
    }

    @Override
    public String toString() {
        return "MrtArchive{" + base + ", " + layout + "}";
    }
}
