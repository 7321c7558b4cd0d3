package dev.routescope.detect.spi;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A detector: observations in, alerts out. One instance serves one partition and is called from one
 * thread at a time, so it may keep plain (unsynchronised) state; that state must be keyed (by prefix
 * or by ASN) and bounded, and must depend on event time only, so the same detector can later run as
 * a keyed operator of a stream processor and replays give the same alerts.
 *
 * <p>Raise an alert each time evidence arrives and clear it when the same peer's route no longer
 * shows the condition; the {@code IncidentAggregator} debounces, counts peers and resolves.
 *
 * <pre>{@code
 * final class LongPathDetector implements Detector {
 *     public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
 *         if (o.isAnnouncement() && o.path().length() > 50) {
 *             out.accept(Alert.raise(MY_TYPE, o).prefix(o.prefix()).message("path too long").build());
 *         }
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface Detector {

    /**
     * A cheap filter run in the prefix stage; for {@code SINGLE} detectors only accepted
     * observations are forwarded to the ordered stage, which keeps its load small.
     *
     * @param observation the observation
     * @return true if {@link #observe} wants it
     */
    default boolean accepts(Observation observation) {
        return true;
    }

    /**
     * Processes one observation.
     *
     * @param observation the observation
     * @param context shared read-only data
     * @param out receives alerts, in order
     */
    void observe(Observation observation, DetectorContext context, Consumer<Alert> out);

    /**
     * Event time advanced (called after each batch, for window expiry). Default: nothing.
     *
     * @param now the event-time watermark
     * @param sequence the sequence number of the last event before this call
     * @param context shared read-only data
     * @param out receives alerts
     */
    default void advanceTime(Instant now, long sequence, DetectorContext context, Consumer<Alert> out) {}

    /**
     * A new RPKI snapshot replaced the previous one. Default: nothing.
     *
     * @param update the VRPs added and removed
     * @param context shared read-only data (already showing the new snapshot)
     * @param out receives alerts
     */
    default void rpkiUpdated(RpkiUpdate update, DetectorContext context, Consumer<Alert> out) {}

    /** {@return number of keys this detector holds state for (for metrics and memory bounds)} */
    default int stateSize() {
        return 0;
    }
}
