package dev.routescope.benchmarks.detect;

import dev.routescope.detect.Detectors;
import dev.routescope.detect.EventSource;
import dev.routescope.detect.Incident;
import dev.routescope.detect.IncidentSink;
import dev.routescope.detect.Pipeline;
import dev.routescope.detect.PipelineMetrics;
import dev.routescope.model.RouteEvent;
import dev.routescope.mrt.MrtElementReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Whole-run comparison (not JMH: one run is 5.6 M events and minutes long): the 25 rrc12 update files
 * parsed to {@link RouteEvent}s only (the reference), then through the full detection pipeline
 * with every model-only detector and a 20-minute warm-up, alternating, in one JVM. Prints events/s
 * of both, their ratio, and the highest heap occupancy sampled every 250 ms in the first and the
 * second half of every pipeline run (similar halves = no growth over the run).
 *
 * <pre>{@code
 * java -Xmx512m -cp bgp-benchmarks/target/benchmarks.jar dev.routescope.benchmarks.detect.DetectPipelineRun \
 *     ../shared/data/mrt/ris-2021-01-01/rrc12 3 2   # dir, repetitions, workers
 * }</pre>
 */
public final class DetectPipelineRun {
    private DetectPipelineRun() {}

    /** Concatenates the files' events in file order (the files are consecutive 5-minute slots). */
    static final class Files25 implements Iterator<RouteEvent>, AutoCloseable {
        private final List<Path> files;
        private int next;
        private @Nullable MrtElementReader reader;
        private @Nullable Iterator<RouteEvent> it;

        Files25(List<Path> files) {
            this.files = files;
        }

        @Override
        public boolean hasNext() {
            try {
                while (it == null || !it.hasNext()) {
                    if (reader != null) {
                        reader.close();
                        reader = null;
                    }
                    if (next >= files.size()) {
                        return false;
                    }
                    MrtElementReader r = MrtElementReader.open(files.get(next++));
                    reader = r;
                    it = r.iterator();
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public RouteEvent next() {
            if (!hasNext() || it == null) {
                throw new NoSuchElementException();
            }
            return it.next();
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }

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
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("updates."))
                    .sorted()
                    .toList();
        }
        System.out.printf(
                Locale.ROOT,
                "files=%d java=%s cores=%d maxHeapMB=%d%n",
                files.size(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        OldGen old = new OldGen();
        for (int rep = 1; rep <= reps; rep++) {
            long t0 = System.nanoTime();
            long n = 0;
            try (Files25 events = new Files25(files)) {
                while (events.hasNext()) {
                    if (events.next() != null) {
                        n++;
                    }
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
            List<Long> oldSamples = new ArrayList<>();
            PipelineMetrics m;
            try (Files25 events = new Files25(files);
                    Pipeline p = Pipeline.builder()
                            .source(EventSource.of(events))
                            .warmUp(Duration.ofMinutes(20))
                            .detect(Detectors.modelOnly())
                            .workers(workers)
                            .sink(counting)
                            .build()) {
                p.start();
                while (!p.awaitTermination(Duration.ofMillis(250))) {
                    oldSamples.add(old.used());
                }
                m = p.metrics();
            }
            double s = m.elapsed().toNanos() / 1e9;
            int half = oldSamples.size() / 2;
            long firstHalfMax = oldSamples.subList(0, half).stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(0);
            long secondHalfMax = oldSamples.subList(half, oldSamples.size()).stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(0);
            System.out.printf(
                    Locale.ROOT,
                    "rep=%d pipeline events=%d s=%.2f events/s=%.0f ratio-to-parse=%.2f incidents=%d"
                            + " heapUsedMaxMB first-half=%d second-half=%d tracked-prefixes=%d workers=%d%n",
                    rep,
                    m.events(),
                    s,
                    m.events() / s,
                    (m.events() / s) / (n / parseS),
                    incidents.get(),
                    firstHalfMax >> 20,
                    secondHalfMax >> 20,
                    m.trackedPrefixes(),
                    workers);
        }
    }
}
