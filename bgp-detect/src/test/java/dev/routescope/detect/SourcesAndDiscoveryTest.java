package dev.routescope.detect;

import static dev.routescope.detect.Events.ann;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.DetectorProvider;
import dev.routescope.detect.spi.Observation;
import dev.routescope.detect.spi.Severity;
import dev.routescope.model.RouteEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SourcesAndDiscoveryTest {

    /** Registered in src/test/resources/META-INF/services: alerts on paths longer than 3 ASNs. */
    public static final class LongPathProvider implements DetectorProvider {
        static final AlertType LONG = AlertType.of("long-path", Severity.LOW, 1, false);

        @Override
        public String name() {
            return "long-path";
        }

        @Override
        public Partitioning partitioning() {
            return Partitioning.BY_PREFIX;
        }

        @Override
        public Detector create() {
            return new Detector() {
                @Override
                public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
                    if (o.isAnnouncement() && o.path() != null && o.path().asnCount() > 3) {
                        out.accept(Alert.raise(LONG, o)
                                .prefix(o.prefix())
                                .message("long")
                                .build());
                    }
                }
            };
        }
    }

    @Test
    void discover_serviceLoaderProvider_isFoundAndRuns() {
        assertThat(Detectors.discover()).extracting(DetectorProvider::name).contains("long-path");
        List<Incident> got = PipelineTestSupport.run(
                List.of(ann(0, 1, "8.8.8.0/24", "64001 3356 1299 15169"), ann(1000, 1, "9.9.9.0/24", "64001 19281")),
                b -> b.discoverDetectors());
        assertThat(got).extracting(Incident::type).containsExactly("long-path", "long-path");
    }

    @Test
    void publisherSource_eventsArriveInOrderWithBackPressure() throws Exception {
        List<RouteEvent> events = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            events.add(ann(i, i % 7 + 1, "10." + (i % 250) + ".0.0/16", "6400" + (i % 7 + 1) + " 65010"));
        }
        InMemorySink sink = Sinks.inMemory();
        SubmissionPublisher<RouteEvent> pub = new SubmissionPublisher<>();
        try (Pipeline p = Pipeline.builder()
                .source(EventSource.of(pub, 64))
                .detect(Detectors.bogon())
                .sink(sink)
                .build()) {
            Thread producer = new Thread(() -> {
                events.forEach(pub::submit);
                pub.close();
            });
            producer.start();
            PipelineMetrics m = p.run();
            producer.join();
            assertThat(m.events()).isEqualTo(5000);
            assertThat(m.announcements()).isEqualTo(5000);
        }
        assertThat(sink.incidents()).isNotEmpty();
    }

    @Test
    void publisherError_surfacesAsIOException() {
        SubmissionPublisher<RouteEvent> pub = new SubmissionPublisher<>();
        EventSource src = EventSource.of(pub, 4);
        pub.closeExceptionally(new IllegalStateException("RIS Live disconnected"));
        assertThatThrownBy(src::next).isInstanceOf(IOException.class).hasMessageContaining("RIS Live disconnected");
    }

    @Test
    void builder_misuse_isRefusedWithReason() {
        assertThatThrownBy(() -> Pipeline.builder().detect(Detectors.hijack()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("source was not set");
        assertThatThrownBy(() -> Pipeline.builder().detect(Detectors.hijack(), Detectors.hijack()))
                .hasMessage("detector 'hijack' was already added");
        assertThatThrownBy(() -> Pipeline.builder().workers(2).workers(3)).hasMessage("workers was already set");
        assertThatThrownBy(() -> Pipeline.builder()
                        .source(EventSource.of(List.of()))
                        .detect(Detectors.hijack())
                        .baselines(Baselines.empty())
                        .warmUp(Duration.ofMinutes(1))
                        .build())
                .hasMessageContaining("baselines are frozen");
    }

    @Test
    void failingDetector_isCountedAndDoesNotStopThePipeline() throws Exception {
        DetectorProvider boom = new DetectorProvider() {
            @Override
            public String name() {
                return "boom";
            }

            @Override
            public Partitioning partitioning() {
                return Partitioning.BY_PREFIX;
            }

            @Override
            public Detector create() {
                return (o, ctx, out) -> {
                    throw new IllegalStateException("bug in detector");
                };
            }
        };
        InMemorySink sink = Sinks.inMemory();
        try (Pipeline p = Pipeline.builder()
                .source(EventSource.of(
                        List.of(ann(0, 1, "10.0.0.0/8", "64001 65010"), ann(100, 2, "8.8.8.0/24", "64002 15169"))))
                .detect(boom, Detectors.bogon())
                .debounce(Duration.ZERO)
                .sink(sink)
                .build()) {
            PipelineMetrics m = p.run();
            assertThat(m.detectorErrors()).containsEntry("boom", 2L);
        }
        assertThat(sink.incidents()).isNotEmpty();
    }
}
