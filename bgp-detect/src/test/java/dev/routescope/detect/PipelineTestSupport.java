package dev.routescope.detect;

import dev.routescope.model.RouteEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Runs a small pipeline over in-memory events and returns what reached the sink. */
final class PipelineTestSupport {
    private PipelineTestSupport() {}

    static List<Incident> run(List<? extends RouteEvent> events, Consumer<Pipeline.Builder> config) {
        InMemorySink sink = Sinks.inMemory();
        Pipeline.Builder b = Pipeline.builder()
                .source(EventSource.of(events))
                .sink(sink)
                .debounce(Duration.ZERO)
                .workers(2)
                .batchSize(3);
        config.accept(b);
        try (Pipeline p = b.build()) {
            p.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.incidents();
    }
}
