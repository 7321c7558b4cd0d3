package dev.routescope.detect;

import static dev.routescope.detect.Events.ann;
import static dev.routescope.detect.Events.wd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A day in the life of one prefix, run with baselines that stay as learned and with rolling ones:
 * its origin moves for good, a short hijack comes and goes, the old origin comes back.
 */
class RollingBaselinesPipelineTest {
    private static final String P = "193.0.0.0/21";
    private static final String BEACON = "84.205.64.0/24";
    private static final BaselineWindow SIX_HOURS = BaselineWindow.of(Duration.ofHours(6), 6, 3);

    /** Times in seconds after 05:00; warm-up is 05:00-05:10, samples are taken at every full hour. */
    private static List<RouteEvent> day() {
        List<RouteEvent> e = new ArrayList<>();
        for (int peer = 1; peer <= 4; peer++) {
            e.add(ann(peer, peer, P, (64000 + peer) + " 1299 3333"));
        }
        for (int t = 0; t <= 8 * 3600; t += 1200) {
            e.add(ann(t + 5, 5, BEACON, "64005 3257 12654")); // keeps event time moving
        }
        for (int peer = 1; peer <= 4; peer++) {
            e.add(ann(3660 + peer, peer, P, (64000 + peer) + " 1299 201")); // 06:01 the prefix moves to AS201
        }
        e.add(ann(7260, 5, P, "64005 174 666")); // 07:01 a hijack that lasts nine minutes (two peers: the
        e.add(ann(7261, 9, P, "64009 174 666")); // hijack type's minimum to open an incident)
        e.add(wd(7800, 5, P));
        e.add(wd(7801, 9, P));
        e.add(ann(4 * 3600 + 1800, 6, P, "64006 1299 201")); // 09:30 a new peer sees the new origin
        e.add(ann(7 * 3600 + 1800, 7, P, "64007 2914 3333")); // 12:30 the old origin is back
        e.add(ann(7 * 3600 + 1801, 10, P, "64010 2914 3333"));
        e.add(ann(7 * 3600 + 2400, 8, P, "64008 174 666")); // 12:40 the hijacker is back
        e.add(ann(7 * 3600 + 2401, 11, P, "64011 174 666"));
        e.sort(Comparator.comparing(RouteEvent::timestamp));
        return e;
    }

    private record Run(List<Incident> incidents, PipelineMetrics metrics, Baselines baselines) {}

    private static Run run(boolean rolling, int workers) throws IOException {
        InMemorySink sink = Sinks.inMemory();
        Pipeline.Builder b = Pipeline.builder()
                .source(EventSource.of(day()))
                .sink(sink)
                .debounce(Duration.ZERO)
                .workers(workers)
                .batchSize(3)
                .warmUp(Duration.ofMinutes(10))
                .detect(Detectors.hijack());
        if (rolling) {
            b.rollingBaselines(SIX_HOURS);
        }
        try (Pipeline p = b.build()) {
            PipelineMetrics m = p.run();
            return new Run(sink.incidents(), m, p.baselines());
        }
    }

    private static List<Long> openedOffenders(Run r) {
        return r.incidents().stream()
                .filter(i -> i.status() == Incident.Status.OPEN)
                .map(i -> java.util.Objects.requireNonNull(i.offender()).value())
                .toList();
    }

    private static boolean anyIncidentOf(Run r, long offender, String peer) {
        return r.incidents().stream()
                .filter(i -> i.offender() != null && i.offender().value() == offender)
                .anyMatch(i -> i.peers().stream().anyMatch(s -> s.contains(peer)));
    }

    @Test
    void staticBaseline_keepsTheWarmUpOrigin_forever() throws IOException {
        Run r = run(false, 2);
        assertThat(openedOffenders(r)).containsExactly(201L, 666L, 666L);
        assertThat(anyIncidentOf(r, 201, "192.0.2.6 "))
                .as("peer 6 still alerts on AS201 at 09:30")
                .isTrue();
        assertThat(r.baselines().origins(Prefix.parse(P))).containsExactly(3333);
        assertThat(r.metrics().baselineSamples()).isZero();
    }

    @Test
    void rollingBaseline_learnsTheNewOrigin_forgetsTheOldOne_andNeverLearnsTheShortHijack() throws IOException {
        Run r = run(true, 2);
        // 201 was in the 07:00, 08:00 and 09:00 samples: expected from 09:00, so peer 6 at 09:30 is quiet.
        // 3333 was last sampled at 06:00 and left the six-sample window at 12:00: back at 12:30 it is unexpected.
        // 666 came and went between two samples and was never learned.
        assertThat(openedOffenders(r)).containsExactly(201L, 666L, 3333L, 666L);
        assertThat(anyIncidentOf(r, 201, "192.0.2.6 ")).isFalse();
        Incident back = r.incidents().stream()
                .filter(i -> i.status() == Incident.Status.OPEN && Asn.of(3333).equals(i.offender()))
                .findFirst()
                .orElseThrow();
        assertThat(back.subject()).isEqualTo(Asn.of(201));
        assertThat(back.firstSeen()).isEqualTo(Events.at(7 * 3600 + 1800));
        assertThat(r.baselines().origins(Prefix.parse(P))).containsExactly(201);
        assertThat(r.baselines().promoted()).isGreaterThanOrEqualTo(1);
        assertThat(r.baselines().expired()).isGreaterThanOrEqualTo(1);
        assertThat(r.metrics().baselineSamples()).isEqualTo(8); // 06:00 .. 13:00
    }

    @Test
    void rollingBaseline_output_doesNotDependOnTheWorkerCount() throws IOException {
        assertThat(run(true, 1).incidents()).isEqualTo(run(true, 2).incidents());
    }

    @Test
    void rollingBaselines_withExplicitBaselines_isRefused() {
        assertThatThrownBy(() -> Pipeline.builder()
                        .source(EventSource.of(day()))
                        .detect(Detectors.hijack())
                        .baselines(Baselines.create(10, 10))
                        .rollingBaselines(SIX_HOURS)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Baselines.rolling");
    }
}
