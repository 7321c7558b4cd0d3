package dev.routescope.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.detect.spi.DetectorProvider;
import dev.routescope.model.Prefix;
import dev.routescope.rpki.AspaSet;
import dev.routescope.rpki.RouteOriginValidator;
import dev.routescope.rpki.RovState;
import dev.routescope.rpki.VrpSnapshot;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole rrc12 set (25 five-minute RIS update files, 2021-01-01 04:55-07:00, 5.64 M events) read
 * by the MRT parser, through every detector with real RPKI (the 2017-06-01 ROAs, the closest set
 * to the routes) and CAIDA 2018 relationships, baselines learned from the first 20 minutes. One
 * pass; each test asserts one part of the justified result (README, "No-false-positive run").
 * Every notification is written to {@code target/rrc12-incidents.jsonl} and summarised in {@code
 * target/rrc12-report.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Rrc12ReplayTest {
    /** The justified incidents (README, "No-false-positive run"). */
    private static final Map<String, Integer> EXPECTED_BY_TYPE = Map.of(
            "bogon", 81,
            "hijack", 11,
            "more-specific-burst", 4,
            "origin-change", 10,
            "route-leak", 250,
            "rpki-data-stale", 1,
            "rpki-invalid", 1252,
            "sub-prefix-hijack", 16,
            "visibility-loss", 432);

    /** 1,087 of 1,252 are valid in 2025: the ROA was updated after 2017 (an artefact of the gap). */
    private static final Map<String, Integer> EXPECTED_RPKI_INVALID = Map.of(
            "too-specific/2025-INVALID", 35,
            "too-specific/2025-NOT_FOUND", 27,
            "too-specific/2025-VALID", 599,
            "wrong-origin/2025-INVALID", 65,
            "wrong-origin/2025-NOT_FOUND", 38,
            "wrong-origin/2025-VALID", 488);

    private static final Map<String, Integer> EXPECTED_LEAK_TYPES =
            Map.of("no type", 71, "type 1", 31, "type 2", 20, "type 4", 128);

    private @Nullable PipelineMetrics metrics;
    private List<Incident> incidents = List.of();

    static List<Path> rrc12Files() throws IOException {
        return RealData.rrc12Files();
    }

    static List<DetectorProvider> everyDetectorValidatingAllRoutes() {
        List<DetectorProvider> d = new ArrayList<>();
        for (DetectorProvider p : Detectors.all()) {
            if (!p.name().equals(Detectors.rpkiInvalid().name())) {
                d.add(p);
            }
        }
        d.add(Detectors.rpkiInvalid(true));
        return d;
    }

    @BeforeAll
    void replayWholeSet() throws IOException {
        List<Path> files = rrc12Files();
        assertThat(files).hasSize(25);
        Path out = Path.of("target/rrc12-incidents.jsonl");
        Files.createDirectories(out.getParent());
        Files.deleteIfExists(out);
        InMemorySink sink = Sinks.inMemory();
        try (Pipeline p = Pipeline.builder()
                .source(EventSource.mrt(files))
                .warmUp(Duration.ofMinutes(20))
                .detect(everyDetectorValidatingAllRoutes())
                .rpki(RouteOriginValidator.of(RealData.roas2017()), () -> RealData.ROAS_2017_TIME)
                .aspa(AspaSet.empty())
                .relationships(RealData.caida2018())
                .sink(sink)
                .sink(Sinks.jsonLines(out))
                .build()) {
            metrics = p.run();
        }
        incidents = sink.incidents();
        writeReport(java.util.Objects.requireNonNull(metrics), incidents);
    }

    @Test
    void wholeSet_parsedByTheMrtParser_sameEventCountAsBgpdumpAndNoProblems() {
        PipelineMetrics metrics = java.util.Objects.requireNonNull(this.metrics);
        // 5,643,322 = bgpdump -m lines of the 25 files (MANIFEST.md): a differential check.
        assertThat(metrics.events()).isEqualTo(5_643_322L);
        assertThat(metrics.sourceProblems()).isZero();
        assertThat(metrics.detectorErrors()).isEmpty();
        assertThat(metrics.sinks().values()).allSatisfy(s -> {
            assertThat(s.spilled()).isZero();
            assertThat(s.lost()).isZero();
        });
    }

    private List<Incident> opened(String type) {
        return incidents.stream()
                .filter(i -> i.status() == Incident.Status.OPEN && i.type().equals(type))
                .toList();
    }

    @Test
    void openedIncidents_exactlyTheJustifiedSetByType() {
        assertThat(openedByType(incidents)).isEqualTo(EXPECTED_BY_TYPE);
    }

    /**
     * RPKI-invalid with the 2017 ROAs, routes of 2021: each opened incident was invalid in 2017
     * and is classified by its state in the 2025 snapshot: still invalid (a persistent invalid
     * route), valid (the ROA was changed after 2017, so the alert is an artefact of the time gap)
     * or not found (the ROA was withdrawn).
     */
    @Test
    void rpkiInvalid_2017Roas_classifiedByTheir2025State() throws IOException {
        VrpSnapshot then = RealData.roas2017();
        VrpSnapshot later = RealData.rpki2025();
        Map<String, Integer> why = new TreeMap<>();
        for (Incident i : opened("rpki-invalid")) {
            Prefix prefix = java.util.Objects.requireNonNull(i.prefix());
            long origin = java.util.Objects.requireNonNull(i.offender()).value();
            assertThat(then.validateState(prefix, origin)).isEqualTo(RovState.INVALID);
            String kind = i.message().contains("maxLength") ? "too-specific" : "wrong-origin";
            why.merge(kind + "/2025-" + later.validateState(prefix, origin), 1, Integer::sum);
        }
        Files.writeString(Path.of("target/rrc12-rpki-invalid.txt"), why + "\n", StandardCharsets.UTF_8);
        assertThat(why).isEqualTo(EXPECTED_RPKI_INVALID);
    }

    /** Route leaks under CAIDA 2018: by RFC 7908 type and by leaker (top ones), see the README. */
    @Test
    void routeLeak_caida2018_byTypeAndLeaker() throws IOException {
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byLeaker = new TreeMap<>();
        for (Incident i : opened("route-leak")) {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("RFC 7908 type (\\d)").matcher(i.message());
            byType.merge(m.find() ? "type " + m.group(1) : "no type", 1, Integer::sum);
            byLeaker.merge(String.valueOf(i.offender()), 1, Integer::sum);
        }
        Files.writeString(
                Path.of("target/rrc12-route-leak.txt"), byType + "\n" + byLeaker + "\n", StandardCharsets.UTF_8);
        assertThat(byType).isEqualTo(EXPECTED_LEAK_TYPES);
    }

    @Test
    void rpkiDataStale_2017DataFor2021Routes_raisedOnceAndNeverCleared() {
        assertThat(opened("rpki-data-stale"))
                .singleElement()
                .satisfies(i -> assertThat(i.detail()).isEqualTo("stale"));
        assertThat(incidents)
                .noneMatch(i -> i.type().equals("rpki-data-stale") && i.status() == Incident.Status.RESOLVED);
    }

    private static Map<String, Integer> openedByType(List<Incident> incidents) {
        Map<String, Integer> byType = new TreeMap<>();
        for (Incident i : incidents) {
            if (i.status() == Incident.Status.OPEN) {
                byType.merge(i.type(), 1, Integer::sum);
            }
        }
        return byType;
    }

    private static void writeReport(PipelineMetrics m, List<Incident> incidents) throws IOException {
        try (Writer w = Files.newBufferedWriter(Path.of("target/rrc12-report.txt"), StandardCharsets.UTF_8)) {
            w.write(m + "\n\nopened by type: " + openedByType(incidents) + "\n\n");
            for (Incident i : incidents) {
                w.write(i.summary() + " | " + i.message() + " | " + i.reasons() + " | " + i.samplePaths() + "\n");
            }
        }
    }
}
