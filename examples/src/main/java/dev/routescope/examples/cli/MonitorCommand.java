package dev.routescope.examples.cli;

import dev.routescope.detect.BaselineWindow;
import dev.routescope.detect.Baselines;
import dev.routescope.detect.Detectors;
import dev.routescope.detect.EventSource;
import dev.routescope.detect.InMemorySink;
import dev.routescope.detect.Incident;
import dev.routescope.detect.IncidentSink;
import dev.routescope.detect.MonitoredPrefix;
import dev.routescope.detect.MonitoredResources;
import dev.routescope.detect.Pipeline;
import dev.routescope.detect.PipelineMetrics;
import dev.routescope.detect.Sinks;
import dev.routescope.detect.spi.DetectorProvider;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import dev.routescope.rislive.RisLiveClient;
import dev.routescope.rislive.RisMessageType;
import dev.routescope.rislive.RisSubscription;
import dev.routescope.rpki.rtr.RtrClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code routescope monitor} (the default command): route events through the full detection
 * pipeline (hijack, sub-prefix, visibility, MOAS, path, bogon, RPKI, ASPA, valley-free…) with VRPs,
 * AS relationships and a BGPalerter {@code prefixes.yml}, then a table of the incidents on stdout and
 * every notification in {@code alerts.jsonl}.
 *
 * <p>Without options it replays the embedded real sample (RIS rrc04, 2021-01-01 04:55–05:25) with
 * the embedded VRPs (rpki-client 2025-07-20), CAIDA relationships (2018-01-01) and prefixes.yml.
 */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Detect routing incidents: replay MRT files (default: the embedded RIS sample), a RIS Live recording,"
                    + " or follow RIS Live; print an incident table and write every notification to alerts.jsonl."
        })
final class MonitorCommand implements Callable<Integer> {

    @Option(
            names = "--mrt",
            arity = "1..*",
            paramLabel = "FILE",
            description = "MRT update/RIB files (gz, bz2 or plain).")
    List<Path> mrt = new ArrayList<>();

    @Option(names = "--rislive", description = "Follow the RIS Live stream (subscribes to the monitored prefixes).")
    boolean rislive;

    @Option(
            names = "--replay",
            paramLabel = "FILE.ndjson",
            description = "Replay a RIS Live recording (NDJSON, .gz ok).")
    @Nullable
    Path replay;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            description = "With --rislive: stop after this long (ISO-8601, e.g. PT10M); default: until Ctrl-C.")
    @Nullable
    Duration duration;

    @Option(
            names = "--vrps",
            paramLabel = "FILE",
            description = "VRPs (rpki-client/Routinator JSON or CSV); default: embedded.")
    @Nullable
    Path vrps;

    @Option(
            names = "--rtr",
            paramLabel = "HOST:PORT",
            description = "Take VRPs and ASPAs from an RTR cache (kept in sync while running) instead of a file.")
    @Nullable
    String rtr;

    @Option(
            names = "--rtr-timeout",
            paramLabel = "DURATION",
            defaultValue = "PT30S",
            description = "How long to wait for the RTR cache's first data set (default: ${DEFAULT-VALUE}).")
    Duration rtrTimeout = Duration.ofSeconds(30);

    @Option(names = "--no-rpki", description = "Run without RPKI data.")
    boolean noRpki;

    @Option(
            names = "--as-rel",
            paramLabel = "FILE",
            description = "CAIDA as-rel file; default: the embedded 2018-01-01 file.")
    @Nullable
    Path asRel;

    @Option(
            names = "--prefixes",
            paramLabel = "prefixes.yml",
            description = "Monitored prefixes and ASNs, BGPalerter format; default: the embedded list.")
    @Nullable
    Path prefixes;

    @Option(
            names = "--sink",
            paramLabel = "SINK",
            description = "Extra sink (repeatable): jsonl:FILE, http(s)://webhook, syslog://HOST:PORT (UDP),"
                    + " syslog+tcp://HOST:PORT, log.")
    List<String> sinks = new ArrayList<>();

    @Option(
            names = "--alerts",
            paramLabel = "FILE",
            defaultValue = "alerts.jsonl",
            description = "JSON lines of every notification (default: ${DEFAULT-VALUE}).")
    Path alerts = Path.of("alerts.jsonl");

    @Option(
            names = "--warm-up",
            paramLabel = "DURATION",
            defaultValue = "PT5M",
            description =
                    "Event time spent learning origins and visibility before alerting (default: ${DEFAULT-VALUE}).")
    Duration warmUp = Duration.ofMinutes(5);

    @Option(
            names = "--baseline-window",
            paramLabel = "DURATION",
            description = "Keep learning after the warm-up: origins, upstreams and visibility sampled every 1/24 of"
                    + " this window (event time), forgotten when no sample of the window has them, new ones"
                    + " expected after 12 samples (e.g. PT24H, P7D; default: learn once, then keep).")
    @Nullable
    Duration baselineWindow;

    @Option(
            names = "--min-peers-withdrawn",
            paramLabel = "N",
            description =
                    "Peers that must withdraw a prefix for visibility-loss (default: 5 for one collector, else 10).")
    @Nullable
    Integer minPeersWithdrawn;

    @Option(names = "--all-routes", description = "Check every route for leaks, not only monitored ones.")
    boolean allRoutes;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "40",
            description = "Incidents shown (default: ${DEFAULT-VALUE}).")
    int top = 40;

    @Option(
            names = "--workers",
            paramLabel = "N",
            defaultValue = "2",
            description = "Prefix workers (default: ${DEFAULT-VALUE}).")
    int workers = 2;

    @Option(
            names = "--progress",
            description = "Progress on stderr: auto (bar on a terminal, lines otherwise), bar, lines, none.",
            defaultValue = "auto")
    String progress = "auto";

    @Spec
    @Nullable
    CommandSpec spec;

    private @Nullable BaselineWindow rolling;

    @Override
    public Integer call() throws Exception {
        int sourcesGiven = (mrt.isEmpty() ? 0 : 1) + (rislive ? 1 : 0) + (replay != null ? 1 : 0);
        if (sourcesGiven > 1) {
            throw new CliException("choose one source: --mrt, --rislive or --replay");
        }
        if (duration != null && !rislive) {
            throw new CliException("--duration applies to --rislive only");
        }
        if ((noRpki ? 1 : 0) + (vrps != null ? 1 : 0) + (rtr != null ? 1 : 0) > 1) {
            throw new CliException("choose one of --vrps, --rtr and --no-rpki");
        }
        RtrEndpoint rtrCache = rtr == null ? null : RtrEndpoint.parse(rtr);
        if (top < 0 || workers < 1) {
            throw new CliException("--top must be >= 0 and --workers >= 1");
        }
        if (baselineWindow != null) {
            try {
                rolling = BaselineWindow.of(baselineWindow);
            } catch (IllegalArgumentException ex) {
                throw new CliException("bad --baseline-window: " + ex.getMessage(), ex);
            }
        }
        Progress.Mode mode = Progress.Mode.parse(progress);
        PrintWriter out = Cli.out(spec);
        PrintWriter err = Cli.err(spec);

        // Check every file argument before loading anything slow.
        List<MrtSources.Source> mrtSources = List.of();
        AtomicLong bytesRead = new AtomicLong();
        if (!rislive && replay == null) {
            mrtSources = MrtSources.of(mrt, bytesRead);
        }
        if (replay != null) {
            Inputs.requireReadable(replay, "RIS Live recording");
        }
        if (vrps != null) {
            Inputs.requireReadable(vrps, "VRP file");
        }
        if (asRel != null) {
            Inputs.requireReadable(asRel, "AS relationship file");
        }
        if (prefixes != null) {
            Inputs.requireReadable(prefixes, "prefixes file");
        }
        List<IncidentSink> extraSinks = new ArrayList<>();
        for (String s : sinks) {
            extraSinks.add(parseSink(s));
        }

        MonitoredResources monitored = Inputs.prefixes(prefixes);
        Inputs.Relationships rel = Inputs.relationships(asRel);
        Inputs.Vrps loadedVrps = noRpki || rtrCache != null ? null : Inputs.vrps(vrps);
        RtrClient rtrClient = rtrCache == null ? null : rtrCache.connect(rtrTimeout);
        try {
            return monitor(out, err, mode, mrtSources, bytesRead, extraSinks, monitored, rel, loadedVrps, rtrClient);
        } finally {
            if (rtrClient != null) {
                rtrClient.close();
            }
        }
    }

    private int monitor(
            PrintWriter out,
            PrintWriter err,
            Progress.Mode mode,
            List<MrtSources.Source> mrtSources,
            AtomicLong bytesRead,
            List<IncidentSink> extraSinks,
            MonitoredResources monitored,
            Inputs.Relationships rel,
            Inputs.@Nullable Vrps loadedVrps,
            @Nullable RtrClient rtrClient)
            throws Exception {

        String sourceText;
        if (rislive) {
            sourceText = monitored.prefixes().isEmpty()
                    ? "RIS Live (every update)"
                    : "RIS Live (" + monitored.prefixes().size() + " monitored prefixes and their more-specifics)";
        } else if (replay != null) {
            sourceText = "RIS Live recording " + replay;
        } else if (mrt.isEmpty()) {
            sourceText = "embedded RIPE RIS rrc04 sample, 2021-01-01 04:55-05:25 UTC (" + mrtSources.size() + " files)";
        } else {
            sourceText = mrtSources.size() + " MRT file(s)";
        }
        out.println("Routescope monitor: " + sourceText);
        if (rtrClient != null) {
            out.printf(
                    Locale.ROOT,
                    "  VRPs: %,d and %,d ASPAs from RTR cache %s (protocol %d, session %d, serial %d)%n",
                    rtrClient.vrpCount(),
                    rtrClient.aspaCount(),
                    rtrClient.endpoint(),
                    rtrClient.version(),
                    rtrClient.sessionId(),
                    rtrClient.serial());
        } else {
            out.println("  " + (loadedVrps == null ? "VRPs: none (--no-rpki)" : loadedVrps.summary()));
        }
        out.println("  " + rel.summary());
        out.printf(
                Locale.ROOT,
                "  monitored: %d prefixes, %d ASNs from %s%n",
                monitored.prefixes().size(),
                monitored.asns().size(),
                prefixes == null ? "the embedded prefixes.yml" : prefixes.toString());
        out.flush();

        boolean oneCollector =
                !rislive && replay == null && MrtSources.byCollector(mrtSources).size() == 1;
        int minWithdrawn = minPeersWithdrawn != null ? minPeersWithdrawn : oneCollector ? 5 : 10;
        if (minWithdrawn < 1) {
            throw new CliException("--min-peers-withdrawn must be >= 1");
        }

        Progress prog = new Progress(mode, err, bytesRead, total(mrtSources));
        EventSource source;
        RisLiveClient liveClient = null;
        if (rislive) {
            liveClient = liveClient(monitored);
            source = EventSource.risLive(liveClient);
        } else if (replay != null) {
            source = EventSource.risLiveReplay(replay);
        } else {
            source = new MrtEventSource(MrtSources.byCollector(mrtSources), prog::fileDone);
        }

        InMemorySink seen = Sinks.inMemory(1_000_000);
        IncidentSink jsonl;
        try {
            jsonl = Sinks.jsonLines(alerts);
        } catch (IOException ex) {
            source.close();
            throw new CliException("cannot write " + alerts + ": " + Cli.describe(ex), ex);
        }
        Pipeline.Builder b = Pipeline.builder()
                .source(source)
                .monitored(monitored)
                .warmUp(warmUp)
                .workers(workers)
                .relationships(rel.graph())
                .detect(detectors(minWithdrawn))
                .sink(seen)
                .sink(jsonl);
        BaselineWindow window = rolling;
        if (window != null) {
            b.rollingBaselines(window);
        }
        String baselineSummary = null;
        if (rtrClient != null) {
            // live: RTR deltas applied to the client's validator reach the detectors at once
            b.rpki(rtrClient.validator(), () -> rtrClient.lastSync().orElse(null));
            b.aspa(rtrClient::aspas);
        } else if (loadedVrps != null) {
            Instant dataTime = loadedVrps.dataTime();
            b.rpki(loadedVrps.validator(), () -> dataTime);
            b.aspa(loadedVrps.data().aspas());
        }
        extraSinks.forEach(b::sink);
        PipelineMetrics m;
        Thread hook = null;
        ScheduledExecutorService timer = null;
        try (Pipeline pipeline = b.build()) {
            prog.start(pipeline::metrics);
            if (liveClient != null) {
                RisLiveClient c = liveClient;
                // Ctrl-C ends the stream; the pipeline drains and the report is printed before exit.
                hook = new Thread(c::close, "routescope-ctrl-c");
                Runtime.getRuntime().addShutdownHook(hook);
                if (duration != null) {
                    timer = Executors.newSingleThreadScheduledExecutor();
                    var unused = timer.schedule(c::close, duration.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            try {
                m = pipeline.run();
            } finally {
                prog.stop();
            }
            Baselines learned = pipeline.baselines();
            if (window != null) {
                baselineSummary = String.format(
                        Locale.ROOT,
                        "Rolling baselines (%s in steps of %s): %,d samples, %,d associations promoted, %,d expired;"
                                + " %,d prefixes and %,d origins expected now",
                        window.length(),
                        window.bucket(),
                        learned.samples(),
                        learned.promoted(),
                        learned.expired(),
                        learned.prefixCount(),
                        learned.originCount());
            }
        } catch (IOException ex) {
            throw new CliException("monitor failed: " + Cli.describe(ex), ex);
        } finally {
            if (timer != null) {
                timer.shutdownNow();
            }
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running and closed the stream; print what we have.
                }
            }
        }

        printReport(out, m, seen.incidents(), monitored, loadedVrps, prog.problems());
        if (baselineSummary != null) {
            out.println(baselineSummary);
        }
        out.flush();
        return 0;
    }

    private List<DetectorProvider> detectors(int minWithdrawn) {
        String visibilityName = Detectors.visibilityLoss().name();
        String leakName = Detectors.valleyFree().name();
        List<DetectorProvider> out = new ArrayList<>();
        for (DetectorProvider p : Detectors.all()) {
            if (p.name().equals(visibilityName)) {
                out.add(Detectors.visibilityLoss(minWithdrawn, 0.5));
            } else if (p.name().equals(leakName) && !allRoutes) {
                out.add(Adapters.monitoredOnly(p));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static long total(List<MrtSources.Source> sources) {
        long t = 0;
        for (MrtSources.Source s : sources) {
            if (s.size() < 0) {
                return -1;
            }
            t += s.size();
        }
        return t;
    }

    static IncidentSink parseSink(String spec) throws CliException {
        String expected = "expected jsonl:FILE, http(s)://URL, syslog://HOST:PORT, syslog+tcp://HOST:PORT or log";
        try {
            if (spec.equals("log")) {
                return Sinks.slf4j();
            }
            if (spec.startsWith("jsonl:")) {
                Path file = Path.of(spec.substring("jsonl:".length()));
                try {
                    return Sinks.jsonLines(file);
                } catch (IOException ex) {
                    throw new CliException("cannot write " + file + ": " + Cli.describe(ex), ex);
                }
            }
            if (spec.startsWith("http://") || spec.startsWith("https://")) {
                return Sinks.webhook(URI.create(spec));
            }
            if (spec.startsWith("syslog://") || spec.startsWith("syslog+tcp://")) {
                URI u = URI.create(spec);
                if (u.getHost() == null || u.getPort() < 0) {
                    throw new CliException("bad --sink '" + spec + "': syslog needs HOST:PORT");
                }
                return spec.startsWith("syslog://")
                        ? Sinks.syslogUdp(u.getHost(), u.getPort())
                        : Sinks.syslogTcp(u.getHost(), u.getPort());
            }
        } catch (IllegalArgumentException ex) {
            throw new CliException("bad --sink '" + spec + "': " + ex.getMessage(), ex);
        }
        throw new CliException("bad --sink '" + spec + "': " + expected);
    }

    private void printReport(
            PrintWriter out,
            PipelineMetrics m,
            List<Incident> notifications,
            MonitoredResources monitored,
            Inputs.@Nullable Vrps vrpData,
            long decodingProblems) {
        // Latest notification per incident id, in order of first appearance.
        Map<String, Incident> latest = new LinkedHashMap<>();
        for (Incident i : notifications) {
            latest.put(i.id(), i);
        }
        List<Incident> incidents = new ArrayList<>(latest.values());
        // What the operator asked to watch first, then by severity: learned-baseline noise comes last.
        incidents.sort(Comparator.comparing((Incident i) -> !isMonitored(i, monitored))
                .thenComparing(Incident::severity)
                .thenComparing(Incident::confidence, Comparator.reverseOrder())
                .thenComparing(Incident::firstSeen)
                .thenComparing(Incident::id));
        out.println();
        out.printf(
                Locale.ROOT,
                "Replayed %,d events (%,d announcements, %,d withdrawals, %,d state changes; %,d used to learn"
                        + " baselines) in %.1f s, %,.0f events/s%n",
                m.events(),
                m.announcements(),
                m.withdrawals(),
                m.stateChanges(),
                m.learnedEvents(),
                m.elapsed().toMillis() / 1000.0,
                m.eventsPerSecond());
        if (decodingProblems > 0) {
            out.printf(Locale.ROOT, "Decoding problems: %,d (records skipped, see stderr)%n", decodingProblems);
        }
        Instant last = m.lastEventTime();
        if (vrpData != null && vrpData.dataTime() != null && last != null) {
            Duration gap = Duration.between(last, java.util.Objects.requireNonNull(vrpData.dataTime()));
            if (gap.abs().toDays() >= 30) {
                out.printf(
                        Locale.ROOT,
                        "Note: the VRPs are %d days %s the routes; RPKI states are those of %s ROAs, so a route"
                                + " valid then may show as invalid or not found now.%n",
                        gap.abs().toDays(),
                        gap.isNegative() ? "older than" : "newer than",
                        vrpData.dataTime().toString().substring(0, 10));
            }
        }
        Map<String, Integer> byType = new TreeMap<>();
        int open = 0;
        for (Incident i : incidents) {
            byType.merge(i.type(), 1, Integer::sum);
            if (i.status() != Incident.Status.RESOLVED) {
                open++;
            }
        }
        out.printf(
                Locale.ROOT,
                "%,d incidents (%,d still open at the end), %,d notifications written to %s%n",
                incidents.size(),
                open,
                notifications.size(),
                alerts);
        if (!byType.isEmpty()) {
            StringBuilder t = new StringBuilder("  by type:");
            byType.forEach(
                    (k, v) -> t.append(' ').append(k).append(' ').append(v).append(','));
            t.setLength(t.length() - 1);
            out.println(t);
        }
        if (incidents.isEmpty()) {
            return;
        }
        out.println();
        boolean sameDay = incidents.stream()
                        .map(i -> i.firstSeen().atZone(ZoneOffset.UTC).toLocalDate())
                        .distinct()
                        .count()
                == 1;
        DateTimeFormatter time = DateTimeFormatter.ofPattern(sameDay ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        String fmt = sameDay
                ? "%-19s %-8s %4s  %-22s %-9s %5s  %-8s %-8s %-8s %s%n"
                : "%-19s %-8s %4s  %-22s %-9s %5s  %-19s %-19s %-8s %s%n";
        out.printf(
                Locale.ROOT,
                fmt,
                "TYPE",
                "SEVERITY",
                "CONF",
                "PREFIX",
                "OFFENDER",
                "PEERS",
                "FIRST",
                "LAST",
                "STATUS",
                "MESSAGE"
                        + (sameDay
                                ? " (times UTC "
                                        + incidents
                                                .get(0)
                                                .firstSeen()
                                                .toString()
                                                .substring(0, 10) + ")"
                                : ""));
        int shown = 0;
        for (Incident i : incidents) {
            if (shown++ == top) {
                out.printf(Locale.ROOT, "... and %,d more in %s%n", incidents.size() - top, alerts);
                break;
            }
            out.printf(
                    Locale.ROOT,
                    fmt,
                    i.type(),
                    i.severity(),
                    String.format(Locale.ROOT, "%.2f", i.confidence()),
                    i.prefix() == null ? "-" : i.prefix().toString(),
                    i.offender() == null ? "-" : i.offender().toString(),
                    i.maxPeerCount(),
                    time.format(i.firstSeen()),
                    time.format(i.lastSeen()),
                    i.status(),
                    i.message());
        }
    }

    private static boolean isMonitored(Incident i, MonitoredResources monitored) {
        Prefix p = i.prefix();
        if (p != null && monitored.match(p) != null) {
            return true;
        }
        Asn subject = i.subject();
        Asn offender = i.offender();
        return (subject != null && monitored.asn(subject.value()) != null)
                || (offender != null && monitored.asn(offender.value()) != null);
    }

    /** Subscribes to the monitored prefixes and their more-specifics, or to every update if none. */
    private static RisLiveClient liveClient(MonitoredResources monitored) {
        RisSubscription.Builder sub = RisSubscription.builder().type(RisMessageType.UPDATE);
        if (!monitored.prefixes().isEmpty()) {
            sub.moreSpecific(true);
            for (MonitoredPrefix p : monitored.prefixes()) {
                sub.prefix(p.prefix());
            }
        }
        return RisLiveClient.builder()
                .clientName("routescope-cli")
                .subscription(sub.build())
                .build();
    }
}
