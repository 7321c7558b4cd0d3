package dev.routescope.benchmarks.detect;

import dev.routescope.benchmarks.BenchmarkData;
import dev.routescope.benchmarks.BenchmarkDefaults;
import dev.routescope.detect.Detectors;
import dev.routescope.detect.EventSource;
import dev.routescope.detect.InMemorySink;
import dev.routescope.detect.Pipeline;
import dev.routescope.detect.PipelineMetrics;
import dev.routescope.detect.Sinks;
import dev.routescope.model.RouteEvent;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.relationships.AsGraph;
import dev.routescope.relationships.CaidaAsRel;
import dev.routescope.rpki.RouteOriginValidator;
import dev.routescope.rpki.RpkiReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The detection pipeline per event: one operation is one {@link RouteEvent} through a fresh {@link Pipeline}
 * (dispatch, prefix workers, ordered stage, aggregator, in-memory sink) over the first {@value #EVENTS}
 * events of a real RIPE RIS rrc12 update file (2021-01-01 04:55), decoded once in set-up so MRT decoding is
 * excluded (the whole-run {@link DetectPipelineRun} includes it). The first minute of event time learns the
 * baselines, the rest is detected. {@code detectors=MODEL_ONLY} needs no external data; {@code ALL} adds the
 * 2025-07 rpki-client VRP set and the CAIDA 2018 graph (RPKI, ASPA and valley-free detectors).
 *
 * <pre>{@code
 * java -jar bgp-benchmarks/target/benchmarks.jar DetectPipelineBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Thread)
public class DetectPipelineBenchmark extends BenchmarkDefaults {
    static final int EVENTS = 50_000;

    /** Which detector set runs. */
    public enum DetectorSet {
        /** Detectors that need only the events. */
        MODEL_ONLY,
        /** Every built-in detector, with real VRPs and relationships. */
        ALL
    }

    @Param({"MODEL_ONLY"})
    public DetectorSet detectors;

    @Param({"2"})
    public int workers;

    private final List<RouteEvent> events = new ArrayList<>(EVENTS);
    private RouteOriginValidator validator = RouteOriginValidator.empty();
    private AsGraph graph = AsGraph.builder().build();

    /** Decodes the events and, for {@code ALL}, loads the VRPs and the graph. */
    @Setup
    public void setUp() throws IOException {
        try (MrtElementReader r =
                MrtElementReader.open(BenchmarkData.shared("data/mrt/ris-2021-01-01/rrc12/updates.20210101.0455.gz"))) {
            Iterator<RouteEvent> it = r.iterator();
            while (events.size() < EVENTS && it.hasNext()) {
                events.add(it.next());
            }
        }
        if (detectors == DetectorSet.ALL) {
            validator = RouteOriginValidator.of(
                    RpkiReader.read(BenchmarkData.shared("data/rpki/rpkiclient_summary_20250720T093135Z.json.bz2"))
                            .vrps());
            AsGraph.Builder g = AsGraph.builder();
            CaidaAsRel.load(BenchmarkData.shared("data/asrel/caida-serial-1/20180101.as-rel.txt"), g);
            graph = g.build();
        }
    }

    /** {@return incidents opened} after running every event through a new pipeline */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long pipeline() throws IOException {
        InMemorySink sink = Sinks.inMemory();
        Pipeline.Builder b = Pipeline.builder()
                .source(EventSource.of(events))
                .warmUp(Duration.ofMinutes(1))
                .workers(workers)
                .sink(sink);
        if (detectors == DetectorSet.ALL) {
            b.detect(Detectors.all()).rpki(validator).relationships(graph);
        } else {
            b.detect(Detectors.modelOnly());
        }
        try (Pipeline p = b.build()) {
            PipelineMetrics m = p.run();
            if (m.events() != EVENTS) {
                throw new IllegalStateException("pipeline saw " + m.events() + " of " + EVENTS + " events");
            }
        }
        return sink.incidents().size();
    }
}
