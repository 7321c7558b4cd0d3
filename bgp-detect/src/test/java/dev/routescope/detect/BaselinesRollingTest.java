package dev.routescope.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.model.Prefix;
import dev.routescope.testsupport.PropertyCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BaselinesRollingTest {
    private static final Prefix P = Prefix.parse("193.0.0.0/21");
    private static final Prefix Q = Prefix.parse("2001:67c:2e8::/48");
    /** Six 1-h steps; a new association is expected once three of the last six samples had it. */
    private static final BaselineWindow SIX_HOURS = BaselineWindow.of(Duration.ofHours(6), 6, 3);

    private static Baselines learnedAndFrozen(long... originsOfP) {
        Baselines b = Baselines.rolling(SIX_HOURS, 1000, 1000);
        for (long o : originsOfP) {
            b.addOrigin(P, o);
        }
        b.freeze();
        return b;
    }

    /** One sample in which P is held by one peer per given origin (no upstream). */
    private static void sample(Baselines b, int steps, long... originsOfP) {
        try (Baselines.Sample s = b.sample(steps)) {
            for (long o : originsOfP) {
                s.route(P, o, -1);
            }
        }
    }

    @Test
    void warmUpOrigin_notSeenForAWholeWindow_isForgottenOnlyThen() {
        Baselines b = learnedAndFrozen(3333);
        for (int i = 0; i < 5; i++) {
            sample(b, 1);
            assertThat(b.isExpectedOrigin(P, 3333))
                    .as("after %d empty samples", i + 1)
                    .isTrue();
        }
        sample(b, 1);
        assertThat(b.isExpectedOrigin(P, 3333)).isFalse();
        assertThat(b.contains(P)).isFalse();
        assertThat(b.expired()).isEqualTo(1);
        assertThat(b.trackedKeys()).isZero();
    }

    @Test
    void warmUpOrigin_seenOnceInEachWindow_staysExpected() {
        Baselines b = learnedAndFrozen(3333);
        for (int i = 1; i <= 30; i++) {
            sample(b, 1, i % 6 == 0 ? new long[] {3333} : new long[0]);
            assertThat(b.isExpectedOrigin(P, 3333)).as("sample %d", i).isTrue();
        }
        assertThat(b.expired()).isZero();
    }

    @Test
    void newOrigin_isExpectedFromItsThirdSampleInTheWindow_notBefore() {
        Baselines b = learnedAndFrozen(3333);
        sample(b, 1, 3333, 201);
        sample(b, 1, 3333);
        sample(b, 1, 3333, 201);
        assertThat(b.isExpectedOrigin(P, 201)).isFalse();
        sample(b, 1, 3333, 201);
        assertThat(b.origins(P)).containsExactly(201, 3333);
        assertThat(b.promoted()).isEqualTo(1);
    }

    @Test
    void shortLivedOrigin_seenInTwoSamples_isNeverPromotedAndIsDropped() {
        Baselines b = learnedAndFrozen(3333);
        sample(b, 1, 3333, 666);
        sample(b, 1, 3333, 666);
        for (int i = 0; i < 6; i++) {
            sample(b, 1, 3333);
            assertThat(b.isExpectedOrigin(P, 666)).isFalse();
        }
        assertThat(b.promoted()).isZero();
        assertThat(b.origins(P)).containsExactly(3333);
    }

    @Test
    void upstreams_roll_likeOrigins() {
        Baselines b = Baselines.rolling(SIX_HOURS, 1000, 1000);
        b.addOrigin(P, 3333);
        b.addUpstream(3333, 1299);
        b.freeze();
        for (int i = 0; i < 3; i++) {
            try (Baselines.Sample s = b.sample(1)) {
                s.route(P, 3333, 174);
            }
        }
        assertThat(b.upstreams(3333)).containsExactly(174, 1299);
        for (int i = 0; i < 6; i++) {
            try (Baselines.Sample s = b.sample(1)) {
                s.route(P, 3333, 174);
            }
        }
        assertThat(b.upstreams(3333)).containsExactly(174);
    }

    @Test
    void gapLongerThanTheWindow_forgetsWhatTheNewSampleLacks_andNewcomersStartOver() {
        Baselines b = learnedAndFrozen(3333, 201);
        sample(b, 10, 3333, 64500);
        // 201 fell out in the empty steps of the gap; 3333 too, so its sighting now counts from one.
        assertThat(b.origins(P)).isEmpty();
        assertThat(b.expired()).isEqualTo(2);
        sample(b, 1, 3333, 64500);
        sample(b, 1, 3333, 64500);
        assertThat(b.origins(P)).containsExactly(3333, 64500);
    }

    @Test
    void gapShorterThanTheWindow_keepsExpectedOriginsSeenBeforeIt() {
        Baselines b = learnedAndFrozen(3333);
        sample(b, 4, 3333);
        assertThat(b.origins(P)).containsExactly(3333);
        sample(b, 5);
        assertThat(b.origins(P)).containsExactly(3333);
        sample(b, 1);
        assertThat(b.origins(P)).isEmpty();
    }

    @Test
    void visibilityPeak_followsSamples_andForgetsAnOldPeakWithinAWindow() {
        Baselines b = Baselines.rolling(SIX_HOURS, 1000, 1000);
        b.recordVisibility(Q, 300);
        b.freeze();
        int[] seen = new int[7];
        for (int i = 0; i < 7; i++) {
            try (Baselines.Sample s = b.sample(1)) {
                s.visibility(Q, 100);
            }
            seen[i] = b.visibility(Q);
        }
        // Half windows of 3 samples: the warm-up peak is remembered for at least one and at most two halves.
        assertThat(seen[0]).isEqualTo(300);
        assertThat(seen[6]).isEqualTo(100);
        try (Baselines.Sample s = b.sample(1)) {
            s.visibility(Q, 120);
        }
        assertThat(b.visibility(Q)).isEqualTo(120);
        for (int i = 0; i < 6; i++) {
            b.sample(1).close();
        }
        assertThat(b.visibility(Q)).isZero();
    }

    @Test
    void manyShortLivedPrefixes_trackedKeysStayUnderTheCap_andDrainWhenTheyAreGone() {
        Baselines b = Baselines.rolling(SIX_HOURS, 5_000, 1_000);
        b.freeze();
        int n = 0;
        for (int round = 0; round < 20; round++) {
            try (Baselines.Sample s = b.sample(1)) {
                for (int i = 0; i < 2_000; i++) {
                    int x = n++;
                    s.route(
                            Prefix.parse("10." + (x >> 16 & 255) + "." + (x >> 8 & 255) + "." + (x & 255) + "/32"),
                            64500 + (x % 7),
                            174);
                }
            }
            assertThat(b.trackedKeys()).isLessThanOrEqualTo(5_000 + 1_000);
        }
        assertThat(b.overflow()).isPositive();
        assertThat(b.prefixCount()).isZero(); // none was seen in three samples
        for (int i = 0; i < 6; i++) {
            b.sample(1).close();
        }
        assertThat(b.trackedKeys()).isZero();
    }

    @Test
    void sample_onAStaticOrLearningBaseline_isRefused() {
        Baselines fixed = Baselines.create(10, 10);
        fixed.freeze();
        assertThatThrownBy(() -> fixed.sample(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a rolling baseline");
        Baselines learning = Baselines.rolling(SIX_HOURS, 10, 10);
        assertThatThrownBy(() -> learning.sample(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after freeze()");
        learning.freeze();
        assertThatThrownBy(() -> learning.sample(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void window_validatesAndAlignsBoundariesToTheEpoch() {
        assertThat(BaselineWindow.of(Duration.ofHours(24)).bucket()).isEqualTo(Duration.ofHours(1));
        assertThat(BaselineWindow.of(Duration.ofDays(7), 28, 20).bucket()).isEqualTo(Duration.ofHours(6));
        assertThat(SIX_HOURS.nextBoundaryAfter(Instant.parse("2021-01-01T05:59:59.999Z")))
                .isEqualTo(Instant.parse("2021-01-01T06:00:00Z"));
        assertThat(SIX_HOURS.nextBoundaryAfter(Instant.parse("2021-01-01T06:00:00Z")))
                .isEqualTo(Instant.parse("2021-01-01T07:00:00Z"));
        assertThatThrownBy(() -> BaselineWindow.of(Duration.ofHours(1), 64, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("buckets 64");
        assertThatThrownBy(() -> BaselineWindow.of(Duration.ofHours(1), 6, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("promoteAfter 7");
        assertThatThrownBy(() -> BaselineWindow.of(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 s");
    }

    /**
     * The bitmask implementation against a model that keeps every sample as a set: a value is
     * expected after step n iff it was expected before and some sample of the last {@code buckets}
     * has it, or at least {@code promoteAfter} of them have it; a gap of k steps is k-1 empty samples
     * and the new one.
     */
    @Test
    void rollingOrigins_matchASetPerSampleModel() {
        PropertyCheck.forAll(400, g -> {
            int buckets = g.note("buckets", g.intBetween(1, 10));
            int promote = g.note("promoteAfter", g.intBetween(1, buckets));
            Baselines b = Baselines.rolling(BaselineWindow.of(Duration.ofHours(buckets), buckets, promote), 100, 100);
            List<Prefix> keys = List.of(P, Q, Prefix.parse("10.0.0.0/8"));
            long[] origins = {1, 2, 3, 4, 5};
            Set<String> warm = new HashSet<>();
            for (Prefix k : keys) {
                for (long o : origins) {
                    if (g.chance(0.3)) {
                        b.addOrigin(k, o);
                        warm.add(k + " " + o);
                    }
                }
            }
            b.freeze();
            List<Set<String>> history = new ArrayList<>();
            history.add(warm);
            Set<String> expected = new TreeSet<>(warm);
            StringBuilder trace = new StringBuilder();
            int ops = g.intBetween(1, 40);
            for (int op = 0; op < ops; op++) {
                int steps = g.chance(0.8) ? 1 : g.intBetween(2, buckets + 3);
                Set<String> present = new HashSet<>();
                try (Baselines.Sample s = b.sample(steps)) {
                    for (Prefix k : keys) {
                        for (long o : origins) {
                            if (g.chance(0.35)) {
                                s.route(k, o, -1);
                                present.add(k + " " + o);
                            }
                        }
                    }
                }
                trace.append(steps).append(':').append(new TreeSet<>(present)).append(' ');
                for (int i = 1; i < steps; i++) {
                    expected = step(history, expected, Set.of(), buckets, promote);
                }
                expected = step(history, expected, present, buckets, promote);
                Set<String> actual = new TreeSet<>();
                for (Prefix k : keys) {
                    for (long o : b.origins(k)) {
                        actual.add(k + " " + o);
                    }
                }
                assertThat(actual).as("after %s", trace).isEqualTo(expected);
            }
        });
    }

    private static Set<String> step(
            List<Set<String>> history, Set<String> expected, Set<String> present, int buckets, int promote) {
        history.add(present);
        List<Set<String>> window = history.subList(Math.max(0, history.size() - buckets), history.size());
        Set<String> all = new HashSet<>(expected);
        window.forEach(all::addAll);
        Set<String> next = new TreeSet<>();
        for (String v : all) {
            long count = window.stream().filter(s -> s.contains(v)).count();
            if ((expected.contains(v) && count > 0) || count >= promote) {
                next.add(v);
            }
        }
        return next;
    }
}
