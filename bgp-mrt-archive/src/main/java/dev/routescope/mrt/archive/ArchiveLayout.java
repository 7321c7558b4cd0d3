package dev.routescope.mrt.archive;

import dev.routescope.mrt.archive.internal.PathTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where an archive keeps its files and how often it writes them: one path template and period per
 * {@link FileKind}, plus collectors whose directory differs from their name.
 *
 * <p>Templates are relative to the archive root and use the placeholders {@code {collector}},
 * {@code {YYYY}}, {@code {MM}}, {@code {DD}}, {@code {hh}}, {@code {mm}} (UTC, zero-padded) and
 * {@code {unix}} (epoch seconds). Files are written at multiples of the period since midnight UTC,
 * so the period must divide a day. A collector mapped to the empty directory lives at the archive
 * root: its {@code {collector}/} disappears from the path (RouteViews' {@code route-views2}).
 *
 * <pre>{@code
 * ArchiveLayout ris = ArchiveLayout.ris();
 * ris.path("rrc12", FileKind.UPDATES, Instant.parse("2021-01-01T05:25:00Z"));
 * // "rrc12/2021.01/updates.20210101.0525.gz"
 * ArchiveLayout mine = ArchiveLayout.builder()
 *         .updates("{collector}/{YYYY}/{MM}/{DD}/updates.{hh}{mm}.mrt.gz", Duration.ofMinutes(1))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Path expansion does not use formatters and allocates only the
 * resulting string.
 *
 * @since 0.1
 */
public final class ArchiveLayout {

    private static final Pattern COLLECTOR_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private static final ArchiveLayout RIS = builder()
            .updates("{collector}/{YYYY}.{MM}/updates.{YYYY}{MM}{DD}.{hh}{mm}.gz", Duration.ofMinutes(5))
            .ribs("{collector}/{YYYY}.{MM}/bview.{YYYY}{MM}{DD}.{hh}{mm}.gz", Duration.ofHours(8))
            .build();

    private static final ArchiveLayout ROUTE_VIEWS = builder()
            .updates(
                    "{collector}/bgpdata/{YYYY}.{MM}/UPDATES/updates.{YYYY}{MM}{DD}.{hh}{mm}.bz2",
                    Duration.ofMinutes(15))
            .ribs("{collector}/bgpdata/{YYYY}.{MM}/RIBS/rib.{YYYY}{MM}{DD}.{hh}{mm}.bz2", Duration.ofHours(2))
            .collectorDirectory("route-views2", "")
            .build();

    private final Map<FileKind, PathTemplate> templates;
    private final Map<FileKind, Duration> periods;
    private final Map<String, String> directoryByCollector;
    private final Map<String, String> collectorByDirectory;

    private ArchiveLayout(Builder b) {
        this.templates = Map.copyOf(b.templates);
        this.periods = Map.copyOf(b.periods);
        this.directoryByCollector = Map.copyOf(b.directories);
        Map<String, String> reverse = new HashMap<>();
        b.directories.forEach((collector, dir) -> reverse.put(dir, collector));
        this.collectorByDirectory = Map.copyOf(reverse);
    }

    /**
     * RIPE RIS ({@code data.ris.ripe.net}): {@code rrcNN/YYYY.MM/updates.YYYYMMDD.HHMM.gz} every 5
     * minutes, {@code rrcNN/YYYY.MM/bview.YYYYMMDD.HHMM.gz} every 8 hours (00:00, 08:00, 16:00).
     *
     * @return the RIS layout
     */
    public static ArchiveLayout ris() {
        return RIS;
    }

    /**
     * RouteViews ({@code archive.routeviews.org}): {@code <collector>/bgpdata/YYYY.MM/UPDATES/updates.YYYYMMDD.HHMM.bz2}
     * every 15 minutes, {@code …/RIBS/rib.YYYYMMDD.HHMM.bz2} every 2 hours; {@code route-views2}
     * lives at the archive root ({@code bgpdata/…}).
     *
     * @return the RouteViews layout
     */
    public static ArchiveLayout routeViews() {
        return ROUTE_VIEWS;
    }

    /** {@return a builder for a custom layout} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether this layout has files of a kind.
     *
     * @param kind RIB or UPDATES
     * @return true if a template was configured for it
     */
    public boolean supports(FileKind kind) {
        return templates.containsKey(kind);
    }

    /**
     * The cadence of a kind.
     *
     * @param kind a supported kind
     * @return the period between two files
     * @throws IllegalArgumentException if the kind is not supported
     */
    public Duration period(FileKind kind) {
        return Objects.requireNonNull(periods.get(checkSupported(kind)));
    }

    /**
     * The path template of a kind.
     *
     * @param kind a supported kind
     * @return the template text
     * @throws IllegalArgumentException if the kind is not supported
     */
    public String template(FileKind kind) {
        return compiled(kind).source();
    }

    /**
     * The directory of a collector relative to the archive root.
     *
     * @param collector collector name
     * @return its directory; empty if it lives at the archive root
     * @throws IllegalArgumentException if the name is not a plain collector name
     */
    public String collectorDirectory(String collector) {
        checkCollector(collector);
        return directoryByCollector.getOrDefault(collector, collector);
    }

    /**
     * The path of the file a collector writes at a time.
     *
     * @param collector collector name
     * @param kind a supported kind
     * @param start the file's start; must be aligned to the kind's period
     * @return the '/'-separated path relative to the archive root
     * @throws IllegalArgumentException if the kind is unsupported, the collector name is invalid or
     *     {@code start} is not a multiple of the period since midnight UTC
     */
    public String path(String collector, FileKind kind, Instant start) {
        long seconds = period(kind).toSeconds();
        if (start.getNano() != 0 || Math.floorMod(start.getEpochSecond(), seconds) != 0) {
            throw new IllegalArgumentException(
                    "start " + start + " is not aligned to the " + kind + " period " + period(kind));
        }
        return compiled(kind)
                .expand(new StringBuilder(96), collectorDirectory(collector), start.getEpochSecond())
                .toString();
    }

    PathTemplate compiled(FileKind kind) {
        return Objects.requireNonNull(templates.get(checkSupported(kind)));
    }

    /** {@return the collector stored in a directory, or null if that directory is claimed by a mapping to another name} */
    @Nullable
    String collectorOfDirectory(String directory) {
        String mapped = collectorByDirectory.get(directory);
        if (mapped != null) {
            return mapped;
        }
        if (directory.isEmpty() || directoryByCollector.containsKey(directory)) {
            // The name is mapped elsewhere, so this directory belongs to no collector.
            return null;
        }
        return directory;
    }

    private FileKind checkSupported(FileKind kind) {
        if (!templates.containsKey(kind)) {
            throw new IllegalArgumentException(
                    "layout has no " + kind + " files (configured: " + templates.keySet() + ")");
        }
        return kind;
    }

    static String checkCollector(String collector) {
        if (!COLLECTOR_NAME.matcher(collector).matches()) {
            throw new IllegalArgumentException("collector name '" + collector
                    + "' (expected: letters, digits, '.', '_' or '-', starting with a letter or digit)");
        }
        return collector;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ArchiveLayout{");
        for (FileKind kind : FileKind.values()) {
            PathTemplate t = templates.get(kind);
            if (t != null) {
                sb.append(kind)
                        .append('=')
                        .append(t.source())
                        .append(" every ")
                        .append(periods.get(kind))
                        .append(", ");
            }
        }
        if (!directoryByCollector.isEmpty()) {
            sb.append("directories=").append(directoryByCollector);
        } else {
            sb.setLength(sb.length() - 2);
        }
        return sb.append('}').toString();
    }

    /**
     * Builds a custom {@link ArchiveLayout}. Each setting may be given once; not thread-safe.
     *
     * <pre>{@code
     * ArchiveLayout layout = ArchiveLayout.builder()
     *         .updates("{collector}/{YYYY}.{MM}/updates.{YYYY}{MM}{DD}.{hh}{mm}.gz", Duration.ofMinutes(5))
     *         .ribs("{collector}/{YYYY}.{MM}/bview.{YYYY}{MM}{DD}.{hh}{mm}.gz", Duration.ofHours(8))
     *         .collectorDirectory("main", "")
     *         .build();
     * }</pre>
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Map<FileKind, PathTemplate> templates = new EnumMap<>(FileKind.class);
        private final Map<FileKind, Duration> periods = new EnumMap<>(FileKind.class);
        private final Map<String, String> directories = new HashMap<>();

        private Builder() {}

        /**
         * The update files.
         *
         * @param template path template, see {@link ArchiveLayout}
         * @param period how often a file starts; whole minutes dividing a day
         * @return this builder
         * @throws IllegalArgumentException if the template or period is invalid
         * @throws IllegalStateException if update files were already configured
         */
        public Builder updates(String template, Duration period) {
            return kind(FileKind.UPDATES, template, period);
        }

        /**
         * The RIB snapshots.
         *
         * @param template path template, see {@link ArchiveLayout}
         * @param period how often a snapshot is taken; whole minutes dividing a day
         * @return this builder
         * @throws IllegalArgumentException if the template or period is invalid
         * @throws IllegalStateException if RIB files were already configured
         */
        public Builder ribs(String template, Duration period) {
            return kind(FileKind.RIB, template, period);
        }

        private Builder kind(FileKind kind, String template, Duration period) {
            PathTemplate existing = templates.get(kind);
            if (existing != null) {
                throw new IllegalStateException(kind + " template was already set to '" + existing.source() + "'");
            }
            long seconds = period.toSeconds();
            if (period.toNanosPart() != 0 || seconds < 60 || seconds % 60 != 0 || 86_400 % seconds != 0) {
                throw new IllegalArgumentException(kind + " period " + period
                        + " (expected: whole minutes that divide a day, e.g. PT5M, PT15M, PT2H, PT8H, PT24H)");
            }
            templates.put(kind, PathTemplate.compile(template, period));
            periods.put(kind, period);
            return this;
        }

        /**
         * Stores a collector somewhere other than the directory named after it.
         *
         * @param collector collector name
         * @param directory its directory relative to the archive root; empty for the root itself
         * @return this builder
         * @throws IllegalArgumentException if a name is invalid or the directory is taken
         * @throws IllegalStateException if the collector was already mapped
         */
        public Builder collectorDirectory(String collector, String directory) {
            checkCollector(collector);
            if (!directory.isEmpty()) {
                checkCollector(directory);
            }
            String existing = directories.get(collector);
            if (existing != null) {
                throw new IllegalStateException("directory of " + collector + " was already set to '" + existing + "'");
            }
            if (directories.containsValue(directory)) {
                throw new IllegalArgumentException(
                        "directory '" + directory + "' is already used by another collector");
            }
            directories.put(collector, directory);
            return this;
        }

        /**
         * Builds the layout.
         *
         * @return an immutable layout
         * @throws IllegalStateException if no template was configured
         */
        public ArchiveLayout build() {
            if (templates.isEmpty()) {
                throw new IllegalStateException("layout needs at least one of updates(..) or ribs(..)");
            }
            return new ArchiveLayout(this);
        }
    }
}
