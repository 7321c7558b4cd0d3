package dev.routescope.benchmarks.detect;

import dev.routescope.detect.BaselineWindow;
import dev.routescope.detect.Detectors;
import dev.routescope.detect.EventSource;
import dev.routescope.detect.Incident;
import dev.routescope.detect.IncidentSink;
import dev.routescope.detect.Pipeline;
import dev.routescope.detect.PipelineMetrics;
import dev.routescope.detect.spi.DetectorProvider;
import dev.routescope.relationships.AsGraph;
import dev.routescope.relationships.CaidaAsRel;
import dev.routescope.rpki.RouteOriginValidator;
import dev.routescope.rpki.RpkiData;
import dev.routescope.rpki.RpkiReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Whole-run comparison (not JMH: one run is 5.6 M events and seconds to minutes long): the 25 rrc12
 * update files read through {@link EventSource#mrt} only (the reference: MRT parse plus the
 * time-ordered merge, events built and dropped), then through the full detection pipeline with
 * every detector (RPKI-invalid on all routes) fed real RPKI data (rpki-client JSON: VRPs and
 * ASPAs) and CAIDA relationships, and a 20-minute warm-up, alternating, in one JVM. Prints events/s
 * of both, their ratio, the highest heap occupancy sampled every 250 ms in the first and the
 * second half of the pipeline run, and the old generation after the last collection in each half
 * (similar halves = no growth over the run).
 *
 * <pre>{@code
 * java -Xmx512m -cp bgp-benchmarks/target/benchmarks.jar dev.routescope.benchmarks.detect.DetectPipelineRun \
 *     ../shared/data/mrt/ris-2021-01-01/rrc12 3 2 \
 *     ../shared/data/rpki/rpkiclient_summary_20250720T093135Z.json.bz2 \
 *     ../shared/data/asrel/caida-serial-1/20180101.as-rel.txt
 * # dir, repetitions, workers, [VRP/ASPA file], [CAIDA as-rel file]
 * }</pre>
 */
public final class DetectPipelineRun {
    private DetectPipelineRun() {}

    /** Samples heap occupancy. */
    static final class OldGen {
        private final List<MemoryPoolMXBean> pools = new ArrayList<>();

        OldGen() {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP
                        && p.isCollectionUsageThresholdSupported()
                        && (p.getName().contains("Old") || p.getName().contains("Tenured"))) {
                    pools.add(p);
                }
            }
        }

        long used() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        long afterGc() {
            long sum = 0;
            for (MemoryPoolMXBean p : pools) {
                if (p.getCollectionUsage() != null) {
                    sum += p.getCollectionUsage().getUsed();
                }
            }
            return sum;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/mrt/ris-2021-01-01/rrc12");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        RpkiData rpki = args.length > 3 ? RpkiReader.read(Path.of(args[3])) : null;
        AsGraph graph = null;
        if (args.length > 4) {
            AsGraph.Builder g = AsGraph.builder();
            CaidaAsRel.load(Path.of(args[4]), g);
            graph = g.build();
        }
        // -Dbench.rollingWindow=PT30M:6:3 = rolling baselines (window:steps:promoteAfter), default: as learned.
        String rollingSpec = System.getProperty("bench.rollingWindow", "");
        BaselineWindow rolling = null;
        if (!rollingSpec.isEmpty()) {
            String[] f = rollingSpec.split(":");
            rolling = BaselineWindow.of(Duration.parse(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("updates."))
                    .sorted()
                    .toList();
        }
        List<DetectorProvider> detectors = new ArrayList<>();
        for (DetectorProvider d : Detectors.all()) {
            if (!d.name().equals(Detectors.rpkiInvalid().name())) {
                detectors.add(d);
            }
        }
        detectors.add(Detectors.rpkiInvalid(true));
        System.out.printf(
                Locale.ROOT,
                "files=%d java=%s cores=%d maxHeapMB=%d vrps=%d aspas=%d graphLinks=%d detectors=%d rolling=%s%n",
                files.size(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                rpki == null ? 0 : rpki.vrps().size(),
                rpki == null ? 0 : rpki.aspas().size(),
                graph == null ? 0 : graph.linkCount(),
                detectors.size(),
                rolling == null ? "off" : rolling);
        OldGen old = new OldGen();
        for (int rep = 1; rep <= reps; rep++) {
            long t0 = System.nanoTime();
            long n = 0;
            try (EventSource events = EventSource.mrt(files)) {
                while (events.next() != null) {
                    n++;
                }
            }
            double parseS = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    Locale.ROOT, "rep=%d parse-only events=%d s=%.2f events/s=%.0f%n", rep, n, parseS, n / parseS);

            AtomicLong incidents = new AtomicLong();
            IncidentSink counting = new IncidentSink() {
                @Override
                public String name() {
                    return "count";
                }

                @Override
                public void publish(Incident incident) {
                    incidents.incrementAndGet();
                }
            };
            List<Long> usedSamples = new ArrayList<>();
            List<Long> afterGcSamples = new ArrayList<>();
            PipelineMetrics m;
            Pipeline.Builder b = Pipeline.builder()
                    .source(EventSource.mrt(files))
                    .warmUp(Duration.ofMinutes(20))
                    .detect(detectors)
                    .workers(workers)
                    .sink(counting);
            if (rpki != null) {
                b.rpki(RouteOriginValidator.of(rpki.vrps())).aspa(rpki.aspas());
            }
            if (graph != null) {
                b.relationships(graph);
            }
            if (rolling != null) {
                b.rollingBaselines(rolling);
            }
            String baselineSummary;
            try (Pipeline p = b.build()) {
                p.start();
                while (!p.awaitTermination(Duration.ofMillis(250))) {
                    usedSamples.add(old.used());
                    afterGcSamples.add(old.afterGc());
                }
                m = p.metrics();
                baselineSummary = p.baselines().toString();
            }
            double s = m.elapsed().toNanos() / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "rep=%d pipeline events=%d s=%.2f events/s=%.0f ratio-to-parse=%.2f incidents=%d"
                            + " heapUsedMaxMB first-half=%d second-half=%d oldGenAfterGcMB first-half=%d"
                            + " second-half=%d tracked-prefixes=%d workers=%d baseline-samples=%d %s%n",
                    rep,
                    m.events(),
                    s,
                    m.events() / s,
                    (m.events() / s) / (n / parseS),
                    incidents.get(),
                    maxOfHalf(usedSamples, true) >> 20,
                    maxOfHalf(usedSamples, false) >> 20,
                    maxOfHalf(afterGcSamples, true) >> 20,
                    maxOfHalf(afterGcSamples, false) >> 20,
                    m.trackedPrefixes(),
                    workers,
                    m.baselineSamples(),
                    baselineSummary);
        }
    }

    private static long maxOfHalf(List<Long> samples, boolean first) {
        int half = samples.size() / 2;
        List<Long> part = first ? samples.subList(0, half) : samples.subList(half, samples.size());
        return part.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
