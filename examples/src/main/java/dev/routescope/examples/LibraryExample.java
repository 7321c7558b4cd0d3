package dev.routescope.examples;

import dev.routescope.detect.Detectors;
import dev.routescope.detect.EventSource;
import dev.routescope.detect.InMemorySink;
import dev.routescope.detect.Pipeline;
import dev.routescope.detect.PipelineMetrics;
import dev.routescope.detect.Sinks;
import dev.routescope.mrt.MrtElementReader;
import java.nio.file.Path;

/**
 * The smallest useful monitor: MRT updates through a pipeline with three built-in detectors plus
 * every detector found through the SPI ({@link LongAsPathDetector}, registered in {@code
 * META-INF/services}), incidents printed at the end.
 *
 * <pre>{@code
 * java -cp examples/target/routescope.jar dev.routescope.examples.LibraryExample updates.20210101.0500.gz
 * }</pre>
 */
public final class LibraryExample {
    private LibraryExample() {}

    /**
     * Runs the example.
     *
     * @param args one MRT file (gz, bz2 or plain)
     * @throws Exception if the file cannot be read
     */
    public static void main(String[] args) throws Exception {
        InMemorySink incidents = Sinks.inMemory();
        try (MrtElementReader updates = MrtElementReader.open(Path.of(args[0]));
                Pipeline pipeline = Pipeline.builder()
                        .source(EventSource.of(updates.iterator()))
                        .detect(Detectors.hijack(), Detectors.visibilityLoss(), Detectors.bogon())
                        .discoverDetectors() // adds LongAsPathDetector.Provider, found via META-INF/services
                        .sink(incidents)
                        .build()) {
            PipelineMetrics m = pipeline.run();
            System.out.printf(
                    "%,d events, %,d incidents%n",
                    m.events(), incidents.incidents().size());
        }
        incidents.summaries().forEach(System.out::println);
    }
}
