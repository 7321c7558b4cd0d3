package dev.routescope.detect;

import java.time.Duration;
import java.time.Instant;

/**
 * The rolling window of a {@link Baselines#rolling rolling baseline}: how long an origin, upstream or
 * visibility peak is remembered after it was last seen, cut into {@code buckets} equal steps, and how
 * many steps a new association must be seen in before it counts as normal.
 *
 * <p>At every step boundary (event time, aligned to multiples of {@link #bucket()} since the epoch)
 * the pipeline samples its routing table: every (prefix, origin), (origin, upstream) and prefix
 * visibility present at that moment is one sample. An association learned in the warm-up, or
 * promoted later, stays expected until no sample of the last {@code buckets} steps contains it; a
 * new one becomes expected once {@code promoteAfter} of the last {@code buckets} samples contain it.
 * Routes that come and go between two samples are never learned, so a short hijack does not teach
 * the baseline; a configured expectation ({@link MonitoredResources}) is never overridden by one.
 *
 * <pre>{@code
 * BaselineWindow day = BaselineWindow.of(Duration.ofHours(24));        // 24 steps of 1 h, promote after 12
 * BaselineWindow week = BaselineWindow.of(Duration.ofDays(7), 28, 20); // 6-h steps, promote after 5 days
 * Pipeline.builder()...warmUp(Duration.ofMinutes(20)).rollingBaselines(day)...
 * }</pre>
 *
 * @param length how long the window remembers
 * @param buckets steps of the window, 1 to 63
 * @param promoteAfter samples (of the last {@code buckets}) that make a new association expected
 * @since 0.1
 */
public record BaselineWindow(Duration length, int buckets, int promoteAfter) {
    /** Most steps a window may have (one bit per step in a long, one bit kept for the flag). */
    public static final int MAX_BUCKETS = 63;

    /**
     * Validates.
     *
     * @throws IllegalArgumentException when a step would be shorter than a second, or the counts
     *     are out of range
     */
    public BaselineWindow {
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("buckets " + buckets + " (expected: 1.." + MAX_BUCKETS + ")");
        }
        if (promoteAfter < 1 || promoteAfter > buckets) {
            throw new IllegalArgumentException("promoteAfter " + promoteAfter + " (expected: 1.." + buckets + ")");
        }
        if (length.isNegative() || length.dividedBy(buckets).compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "window " + length + " in " + buckets + " steps (expected: steps of at least 1 s)");
        }
    }

    /**
     * A window of 24 steps; a new association is expected once seen in half of them.
     *
     * @param length how long the window remembers (at least 24 s)
     * @return the window
     */
    public static BaselineWindow of(Duration length) {
        return new BaselineWindow(length, 24, 12);
    }

    /**
     * A window with explicit steps.
     *
     * @param length how long the window remembers
     * @param buckets steps, 1 to 63
     * @param promoteAfter samples that make a new association expected, 1 to {@code buckets}
     * @return the window
     */
    public static BaselineWindow of(Duration length, int buckets, int promoteAfter) {
        return new BaselineWindow(length, buckets, promoteAfter);
    }

    /** {@return the length of one step} */
    public Duration bucket() {
        return length.dividedBy(buckets);
    }

    /**
     * The first step boundary strictly after {@code t} (boundaries are multiples of {@link #bucket()}
     * since the epoch, so two runs over the same events sample at the same instants).
     *
     * @param t an event time
     * @return the next boundary
     */
    public Instant nextBoundaryAfter(Instant t) {
        long step = bucket().toMillis();
        long ms = t.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(ms, step) * step + step);
    }
}
