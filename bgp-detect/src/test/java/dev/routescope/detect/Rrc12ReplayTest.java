package dev.routescope.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.testsupport.ExternalTool;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole rrc12 set (25 five-minute RIS update files, 2021-01-01 04:55-07:00, 5.64 M events)
 * through every model-only detector, with baselines learned from the first 20 minutes. Every
 * incident is written to {@code target/rrc12-incidents.jsonl} and summarised in {@code
 * target/rrc12-report.txt}; the README lists and justifies them.
 */
class Rrc12ReplayTest {

    static List<Path> rrc12Files() throws IOException {
        Path dir = SharedData.dir("mrt/ris-2021-01-01/rrc12");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("updates."))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void wholeSet_learnedBaselines_onlyJustifiedIncidents() throws Exception {
        Path bgpdump = ExternalTool.require("bgpdump");
        List<Path> files = rrc12Files();
        assertThat(files).hasSize(25);
        Path out = Path.of("target/rrc12-incidents.jsonl");
        Files.deleteIfExists(out);
        InMemorySink sink = Sinks.inMemory();
        PipelineMetrics m;
        try (BgpdumpText events = new BgpdumpText(bgpdump, files, "rrc12");
                Pipeline p = Pipeline.builder()
                        .source(EventSource.of(events))
                        .warmUp(Duration.ofMinutes(20))
                        .detect(Detectors.modelOnly())
                        .sink(sink)
                        .sink(Sinks.jsonLines(out))
                        .build()) {
            m = p.run();
            assertThat(events.skipped()).isZero();
            assertThat(events.lines()).isEqualTo(5_643_322L);
        }
        List<Incident> incidents = sink.incidents();
        writeReport(m, incidents);
        assertThat(m.events()).isEqualTo(5_643_322L);
        assertThat(m.detectorErrors()).isEmpty();
        assertThat(m.sinks().values()).allSatisfy(s -> {
            assertThat(s.spilled()).isZero();
            assertThat(s.lost()).isZero();
        });
    }

    private static void writeReport(PipelineMetrics m, List<Incident> incidents) throws IOException {
        Map<String, Integer> byType = new TreeMap<>();
        for (Incident i : incidents) {
            if (i.status() == Incident.Status.OPEN) {
                byType.merge(i.type(), 1, Integer::sum);
            }
        }
        try (Writer w = Files.newBufferedWriter(Path.of("target/rrc12-report.txt"), StandardCharsets.UTF_8)) {
            w.write(m + "\n\nopened by type: " + byType + "\n\n");
            for (Incident i : incidents) {
                w.write(i.summary() + " | " + i.message() + " | " + i.reasons() + " | " + i.samplePaths() + "\n");
            }
        }
    }
}
