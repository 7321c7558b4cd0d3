package dev.routescope.mrt.archive.tools;

import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import dev.routescope.mrt.archive.ArchiveDownloader;
import dev.routescope.mrt.archive.ArchiveFile;
import dev.routescope.mrt.archive.ArchiveLayout;
import dev.routescope.mrt.archive.ArchiveStream;
import dev.routescope.mrt.archive.DownloadReport;
import dev.routescope.mrt.archive.DownloadResult;
import dev.routescope.mrt.archive.ElementFilter;
import dev.routescope.mrt.archive.FileKind;
import dev.routescope.mrt.archive.MrtArchive;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lists, downloads and counts archive files from the command line.
 *
 * <pre>
 * java -cp … dev.routescope.mrt.archive.tools.ArchiveFetch --archive ris --collectors rrc00,rrc12 \
 *     --from 2021-01-01T05:00:00Z --until 2021-01-01T06:00:00Z --cache /tmp/mrt [--kinds updates,rib]
 *     [--parallelism 4] [--list] [--count [--prefix 193.0.0.0/16] [--origin 3333]]
 * </pre>
 *
 * <p>{@code --archive} is {@code ris}, {@code routeviews}, an http(s) base URL (RIS layout, or
 * RouteViews with {@code --layout routeviews}) or a local directory (a mirror). Prints one line per
 * file and a summary with bytes, seconds and MB/s; {@code --count} then streams the files in time
 * order and prints the number of matching elements.
 */
public final class ArchiveFetch {
    private ArchiveFetch() {}

    /**
     * Runs the tool.
     *
     * @param args see the class documentation
     * @throws Exception on I/O errors or interruption
     */
    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> opts = new HashMap<>();
        Set<String> flags = Set.of("--list", "--count", "--quiet");
        for (int i = 0; i < args.length; i++) {
            if (flags.contains(args[i])) {
                opts.put(args[i], "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i], args[++i]);
            } else {
                err.println("unexpected argument: " + args[i]);
                return 2;
            }
        }
        String archiveArg = opts.get("--archive");
        String collectors = opts.get("--collectors");
        String from = opts.get("--from");
        String until = opts.get("--until");
        if (archiveArg == null || collectors == null || from == null || until == null) {
            err.println(
                    "usage: ArchiveFetch --archive ris|routeviews|URL|DIR [--layout ris|routeviews] --collectors a,b"
                            + " --from ISO --until ISO [--kinds updates,rib] [--cache DIR] [--parallelism N]"
                            + " [--list] [--count [--prefix P] [--origin ASN]] [--quiet]");
            return 2;
        }
        ArchiveLayout layout =
                "routeviews".equals(opts.get("--layout")) ? ArchiveLayout.routeViews() : ArchiveLayout.ris();
        MrtArchive archive = switch (archiveArg) {
            case "ris" -> MrtArchive.ris();
            case "routeviews" -> MrtArchive.routeViews();
            default ->
                archiveArg.startsWith("http://") || archiveArg.startsWith("https://")
                        ? MrtArchive.custom(URI.create(archiveArg), layout)
                        : MrtArchive.localMirror(Path.of(archiveArg), layout);
        };
        Set<FileKind> kinds = EnumSet.noneOf(FileKind.class);
        for (String k : opts.getOrDefault("--kinds", "updates").split(",")) {
            kinds.add(k.trim().toLowerCase(Locale.ROOT).startsWith("rib") ? FileKind.RIB : FileKind.UPDATES);
        }
        Instant start = Instant.parse(from);
        Instant end = Instant.parse(until);
        List<ArchiveFile> files = archive.list(Arrays.asList(collectors.split(",")), start, end, kinds);
        boolean quiet = opts.containsKey("--quiet");
        if (opts.containsKey("--list")) {
            files.forEach(f -> out.println(f.collector() + " " + f.kind() + " " + f.start() + " " + f.uri()));
            return 0;
        }
        Path cache = Path.of(opts.getOrDefault("--cache", "mrt-cache"));
        int parallelism = Integer.parseInt(opts.getOrDefault("--parallelism", "4"));
        try (ArchiveDownloader downloader = ArchiveDownloader.builder()
                .cacheDirectory(cache)
                .parallelism(parallelism)
                .build()) {
            long t0 = System.nanoTime();
            DownloadReport report = downloader.downloadAll(files);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!quiet) {
                for (DownloadResult r : report.results()) {
                    out.println(describe(r));
                }
            }
            out.printf(
                    Locale.ROOT,
                    "files=%d stored=%d cache_hits=%d missing=%d failed=%d bytes=%d seconds=%.3f MB/s=%.1f%n",
                    report.results().size(),
                    report.stored().size(),
                    report.cacheHits(),
                    report.missing().size(),
                    report.failed().size(),
                    report.bytesTransferred(),
                    seconds,
                    report.bytesTransferred() / 1e6 / Math.max(seconds, 1e-9));
            if (opts.containsKey("--count")) {
                ElementFilter.Builder fb = ElementFilter.builder().timeRange(start, end);
                String prefix = opts.get("--prefix");
                if (prefix != null) {
                    List<Prefix> prefixes = new ArrayList<>();
                    for (String p : prefix.split(",")) {
                        prefixes.add(Prefix.parse(p.trim()));
                    }
                    fb.prefixes(ElementFilter.PrefixMatch.MORE_SPECIFIC, prefixes);
                }
                String origin = opts.get("--origin");
                if (origin != null) {
                    List<Asn> asns = new ArrayList<>();
                    for (String a : origin.split(",")) {
                        asns.add(Asn.parse(a.trim()));
                    }
                    fb.originAsns(asns);
                }
                long t1 = System.nanoTime();
                try (ArchiveStream stream = ArchiveStream.builder()
                        .files(files)
                        .downloader(downloader)
                        .filter(fb.build())
                        .build()) {
                    long n = 0;
                    while (stream.advance()) {
                        n++;
                    }
                    double s = (System.nanoTime() - t1) / 1e9;
                    out.printf(Locale.ROOT, "elements=%d seconds=%.3f %s%n", n, s, stream.stats());
                }
            }
            return report.failed().isEmpty() ? 0 : 1;
        }
    }

    private static String describe(DownloadResult r) {
        if (r instanceof DownloadResult.Stored s) {
            return "stored  " + s.source() + " " + s.size() + " " + s.path();
        }
        if (r instanceof DownloadResult.Missing m) {
            return "missing " + m.status() + " " + m.file().uri();
        }
        DownloadResult.Failed f = (DownloadResult.Failed) r;
        return "failed  " + f.reason();
    }
}
