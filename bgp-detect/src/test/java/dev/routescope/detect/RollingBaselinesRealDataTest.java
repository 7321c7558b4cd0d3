package dev.routescope.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rolling baselines over 35 minutes of real rrc12 updates (2021-01-01 04:55-05:30, seven files) with a window shrunk to the data: 10 minutes in five 2-minute steps, promote after
 * three samples.
 */
class RollingBaselinesRealDataTest {
    private static final BaselineWindow TEN_MINUTES = BaselineWindow.of(Duration.ofMinutes(10), 5, 3);

    private record Run(List<Incident> incidents, PipelineMetrics metrics, Baselines baselines) {}

    private static Run run(List<Path> files, int workers) throws IOException {
        InMemorySink sink = Sinks.inMemory();
        try (Pipeline p = Pipeline.builder()
                .source(EventSource.mrt(files))
                .warmUp(Duration.ofMinutes(5))
                .rollingBaselines(TEN_MINUTES)
                .detect(Detectors.modelOnly())
                .workers(workers)
                .sink(sink)
                .build()) {
            PipelineMetrics m = p.run();
            return new Run(sink.incidents(), m, p.baselines());
        }
    }

    @Test
    void realUpdates_rollTheBaseline_boundedAndDeterministic() throws IOException {
        List<Path> files = RealData.rrc12Files().subList(0, 7);
        Run two = run(files, 2);
        Baselines b = two.baselines();
        System.out.println("rolling baseline after " + two.metrics().events() + " rrc12 events: " + b
                + ", routing state " + two.metrics().trackedPrefixes() + " prefixes");

        // Warm-up ends at 05:00 (first event 04:55); the last file ends at 05:30: samples at 05:02 ... 05:28.
        assertThat(two.metrics().sourceProblems()).isZero();
        assertThat(two.metrics().baselineSamples()).isEqualTo(14);
        assertThat(b.samples()).isEqualTo(two.metrics().baselineSamples());
        // Routes that stayed learned their origins and upstreams; routes withdrawn for good were forgotten.
        assertThat(b.promoted()).isGreaterThan(1_000);
        assertThat(b.expired()).isPositive();
        // Tracked state is what the routing table holds now plus what it held within the window: never
        // more than the tracked prefixes and their origins.
        assertThat((long) b.trackedKeys())
                .isLessThanOrEqualTo(two.metrics().trackedPrefixes() + b.originCount() + b.prefixCount());
        assertThat(b.overflow()).isZero();

        Run one = run(files, 1);
        assertThat(one.incidents()).isEqualTo(two.incidents());
        assertThat(one.baselines().toString()).isEqualTo(b.toString());
    }
}
