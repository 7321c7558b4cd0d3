package dev.routescope.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a pipeline's counters.
 *
 * <pre>{@code
 * PipelineMetrics m = pipeline.metrics();
 * System.out.printf("%.0f events/s, %d open incidents%n", m.eventsPerSecond(), m.openIncidents());
 * }</pre>
 *
 * @param events events read from the source
 * @param announcements announcements among them
 * @param withdrawals withdrawals among them
 * @param stateChanges peer state changes among them
 * @param implicitWithdrawals routes removed because a session went down
 * @param learnedEvents events used only to learn baselines (warm-up, RIB entries)
 * @param elapsed wall time since start (until the end if finished)
 * @param eventsPerSecond events / elapsed
 * @param lastEventTime event time of the latest event, or null
 * @param lag wall clock minus the latest event time (meaningful for live sources), or null
 * @param queuedBatches batches waiting in worker queues (back-pressure indicator)
 * @param trackedPrefixes prefixes held in the routing state
 * @param untrackedPrefixes announcements not tracked because the routing state was full
 * @param alertsByType raise and clear alerts by type name
 * @param incidentsByStatus incident notifications by status
 * @param openIncidents incidents currently open
 * @param suppressedIncidents candidates debounced away
 * @param droppedIncidents raises refused because the aggregator was full
 * @param detectorErrors exceptions thrown by detectors, by detector name (the event is skipped for that detector)
 * @param sinks per-sink delivery counters
 * @param sourceProblems problems the source met and skipped ({@link EventSource#problems()}: corrupt
 *     MRT records, unreadable files, malformed or dropped RIS Live frames)
 * @param baselineSamples samples of the routing state taken by {@linkplain Baselines#rolling rolling
 *     baselines} (0 when the baselines stay as learned)
 * @since 0.1
 */
public record PipelineMetrics(
        long events,
        long announcements,
        long withdrawals,
        long stateChanges,
        long implicitWithdrawals,
        long learnedEvents,
        Duration elapsed,
        double eventsPerSecond,
        @Nullable Instant lastEventTime,
        @Nullable Duration lag,
        int queuedBatches,
        long trackedPrefixes,
        long untrackedPrefixes,
        Map<String, Long> alertsByType,
        Map<String, Long> incidentsByStatus,
        long openIncidents,
        long suppressedIncidents,
        long droppedIncidents,
        Map<String, Long> detectorErrors,
        Map<String, SinkStats> sinks,
        long sourceProblems,
        long baselineSamples) {

    /** Copies the maps. */
    public PipelineMetrics {
        alertsByType = Map.copyOf(alertsByType);
        incidentsByStatus = Map.copyOf(incidentsByStatus);
        detectorErrors = Map.copyOf(detectorErrors);
        sinks = Map.copyOf(sinks);
    }

    /**
     * Delivery counters of one sink.
     *
     * @param delivered accepted by the sink
     * @param retries failed attempts retried
     * @param spilled written to the spill file
     * @param lost neither delivered nor spilled (logged at ERROR)
     * @param queued waiting
     */
    public record SinkStats(long delivered, long retries, long spilled, long lost, int queued) {}
}
