package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Deaggregation bursts: within a window, at least {@code threshold} prefixes that were not in the
 * baseline become visible as more-specifics of a baselined prefix, originated by one AS. Keyed by
 * origin; the offender is that origin.
 */
final class MoreSpecificBurstDetector implements Detector {
    private static final int MAX_ORIGINS = 100_000;

    private final Duration window;
    private final int threshold;
    private final Map<Long, Map<Prefix, Instant>> byOrigin = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<Prefix, Instant>> eldest) {
            return size() > MAX_ORIGINS;
        }
    };
    private final java.util.Set<Long> alerting = new java.util.HashSet<>();

    MoreSpecificBurstDetector(Duration window, int threshold) {
        this.window = window;
        this.threshold = threshold;
    }

    @Override
    public boolean accepts(Observation o) {
        return o.firstVisible() && o.origin() >= 0;
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
        if (ctx.baselines().contains(o.prefix())) {
            return;
        }
        Prefix cover = ctx.baselines().covering(o.prefix());
        if (cover == null) {
            return;
        }
        Map<Prefix, Instant> seen = byOrigin.computeIfAbsent(o.origin(), k -> new LinkedHashMap<>());
        seen.remove(o.prefix());
        seen.put(o.prefix(), o.timestamp());
        trim(seen, o.timestamp());
        while (seen.size() > threshold * 4) {
            Iterator<Prefix> it = seen.keySet().iterator();
            it.next();
            it.remove();
        }
        if (seen.size() >= threshold) {
            alerting.add(o.origin());
            out.accept(Alert.raise(AlertType.MORE_SPECIFIC_BURST, o)
                    .peer(null)
                    .offender(Asn.of(o.origin()))
                    .message("AS" + o.origin() + " made " + seen.size() + " new more-specific prefixes visible within "
                            + window.toMinutes() + " min (latest " + o.prefix() + " inside " + cover + ")")
                    .build());
        }
    }

    private void trim(Map<Prefix, Instant> seen, Instant now) {
        Instant limit = now.minus(window);
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(limit)) {
                it.remove();
            } else {
                break;
            }
        }
    }

    @Override
    public void advanceTime(Instant now, long sequence, DetectorContext ctx, Consumer<Alert> out) {
        List<Long> empty = new ArrayList<>();
        for (Map.Entry<Long, Map<Prefix, Instant>> e : byOrigin.entrySet()) {
            trim(e.getValue(), now);
            if (e.getValue().isEmpty()) {
                empty.add(e.getKey());
            }
        }
        for (Long k : empty) {
            byOrigin.remove(k);
            alerting.remove(k);
        }
    }

    @Override
    public int stateSize() {
        return byOrigin.size();
    }
}
