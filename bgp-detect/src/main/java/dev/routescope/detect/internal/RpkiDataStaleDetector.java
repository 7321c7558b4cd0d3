package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.detect.spi.RouteOriginLookup;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Makes RPKI outages loud: raises while the lookup is unavailable or its data is older (in event
 * time) than {@code maxAge}, clears when fresh data is back.
 */
final class RpkiDataStaleDetector implements Detector {
    private final Duration maxAge;
    private String raised = "";

    RpkiDataStaleDetector(Duration maxAge) {
        this.maxAge = maxAge;
    }

    @Override
    public boolean accepts(Observation o) {
        return false;
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {}

    @Override
    public void advanceTime(Instant now, long sequence, DetectorContext ctx, Consumer<Alert> out) {
        RouteOriginLookup rov = ctx.routeOrigins();
        Instant t = rov.dataTime();
        String problem;
        String message;
        if (!rov.isAvailable()) {
            problem = "unavailable";
            message = "RPKI data is unavailable: RPKI-based detection is off and hijacks are not cross-checked";
        } else if (t != null && Duration.between(t, now).compareTo(maxAge) > 0) {
            problem = "stale";
            message = "RPKI data is stale: built " + t + ", "
                    + Duration.between(t, now).toMinutes() + " min before the current event time (limit "
                    + maxAge.toMinutes() + " min)";
        } else {
            problem = "";
            message = "";
        }
        if (problem.equals(raised)) {
            return;
        }
        if (!raised.isEmpty()) {
            out.accept(Alert.of(AlertType.RPKI_DATA_STALE, Alert.Kind.CLEAR, now, sequence)
                    .detail(raised)
                    .build());
        }
        if (!problem.isEmpty()) {
            out.accept(Alert.of(AlertType.RPKI_DATA_STALE, Alert.Kind.RAISE, now, sequence)
                    .detail(problem)
                    .message(message)
                    .build());
        }
        raised = problem;
    }
}
