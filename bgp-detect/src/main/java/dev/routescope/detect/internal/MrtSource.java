package dev.routescope.detect.internal;

import dev.routescope.detect.EventSource;
import dev.routescope.model.RouteEvent;
import dev.routescope.mrt.MrtProblem;
import dev.routescope.mrt.archive.ArchiveFile;
import dev.routescope.mrt.archive.ArchiveStream;
import dev.routescope.mrt.archive.ArchiveStreamStats;
import dev.routescope.mrt.archive.FileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local MRT files (updates and RIBs, any number of collectors) as one event stream in timestamp
 * order, through {@code bgp-mrt-archive}'s k-way merge. Parser problems are counted and the first
 * ones logged; files that cannot be opened are skipped, logged and counted.
 */
public final class MrtSource implements EventSource {
    private static final Logger LOG = LoggerFactory.getLogger(MrtSource.class);
    private static final Pattern TIMED_NAME =
            Pattern.compile("^(updates|bview|rib)\\.(\\d{8})\\.(\\d{4})(?:\\.|$)", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT);
    private static final Pattern COLLECTOR = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Pattern MONTH_DIR = Pattern.compile("\\d{4}\\.\\d{2}");
    // Directory levels of the RIS and RouteViews layouts that are not the collector.
    private static final Set<String> LAYOUT_DIRS = Set.of("updates", "ribs", "bgpdata");
    private static final int LOGGED_PROBLEMS = 5;
    private static final int STATS_EVERY = 1 << 16;

    private final ArchiveStream stream;
    private final String name;
    private final AtomicLong parserProblems = new AtomicLong();
    private volatile long fileProblems;
    private int sinceStats;

    /**
     * Opens nothing yet; files are opened as the merge reaches their start time.
     *
     * @param files MRT files (gzip, bzip2 or plain)
     * @param collector the collector name for every file, or null to take it from each file's path
     * @throws IllegalArgumentException if the list is empty or a file does not exist
     */
    public MrtSource(List<Path> files, @Nullable String collector) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no MRT files given");
        }
        List<ArchiveFile> archiveFiles = new ArrayList<>(files.size());
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("MRT file " + f + " does not exist or is not a regular file");
            }
            archiveFiles.add(archiveFile(f, collector != null ? collector : collectorOf(f)));
        }
        this.name = "mrt(" + files.size() + " files)";
        this.stream = ArchiveStream.builder()
                .files(archiveFiles)
                .problemListener(this::problem)
                .build();
    }

    /**
     * The collector a file belongs to, from its path: the nearest parent directory that is not a
     * layout level ({@code rrc12/2021.01/updates…} gives {@code rrc12}, {@code
     * route-views2/bgpdata/2021.01/UPDATES/…} gives {@code route-views2}).
     *
     * @param file the file
     * @return the collector name, or {@code "mrt"} if no directory looks like one
     */
    public static String collectorOf(Path file) {
        for (Path p = file.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            Path leaf = p.getFileName();
            if (leaf == null) {
                break;
            }
            String d = leaf.toString();
            if (MONTH_DIR.matcher(d).matches() || LAYOUT_DIRS.contains(d.toLowerCase(Locale.ROOT))) {
                continue;
            }
            return COLLECTOR.matcher(d).matches() ? d : "mrt";
        }
        return "mrt";
    }

    static ArchiveFile archiveFile(Path file, String collector) {
        String fileName = String.valueOf(file.getFileName());
        Matcher m = TIMED_NAME.matcher(fileName);
        FileKind kind = FileKind.UPDATES;
        // Files without a time in their name are opened at once and merged by their records' times.
        Instant start = Instant.EPOCH;
        if (m.find()) {
            kind = m.group(1).equalsIgnoreCase("updates") ? FileKind.UPDATES : FileKind.RIB;
            try {
                start = LocalDateTime.parse(m.group(2) + m.group(3), STAMP).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                start = Instant.EPOCH;
            }
        } else if (fileName.toLowerCase(Locale.ROOT).contains("rib") || fileName.startsWith("bview")) {
            kind = FileKind.RIB;
        }
        Duration period = kind == FileKind.RIB ? Duration.ofHours(8) : Duration.ofMinutes(5);
        return new ArchiveFile(
                collector,
                kind,
                start,
                period,
                file.toAbsolutePath().toUri(),
                collector + "/" + fileName,
                ArchiveFile.UNKNOWN_SIZE,
                null);
    }

    private void problem(MrtProblem p) {
        long n = parserProblems.incrementAndGet();
        if (n <= LOGGED_PROBLEMS) {
            LOG.warn("MRT problem {} (first {} are logged, all are counted): {}", n, LOGGED_PROBLEMS, p);
        }
    }

    @Override
    public @Nullable RouteEvent next() {
        if (++sinceStats >= STATS_EVERY) {
            sinceStats = 0;
            refreshFileProblems();
        }
        if (stream.advance()) {
            return stream.element().toEvent();
        }
        refreshFileProblems();
        return null;
    }

    private void refreshFileProblems() {
        ArchiveStreamStats s = stream.stats();
        long files = (long) s.missing().size() + s.failed().size();
        if (files != fileProblems) {
            LOG.warn("MRT files skipped: missing {}, failed {}", s.missing(), s.failed());
            fileProblems = files;
        }
    }

    /** {@return parser problems (records or attributes skipped) plus files that could not be read} */
    @Override
    public long problems() {
        return parserProblems.get() + fileProblems;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        stream.close();
    }
}
