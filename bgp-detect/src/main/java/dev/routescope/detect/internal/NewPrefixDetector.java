package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.model.Asn;
import java.util.function.Consumer;

/** BGPalerter newprefix: a more-specific of a configured prefix from an expected origin. */
final class NewPrefixDetector implements Detector {
    private final String name;

    NewPrefixDetector(String name) {
        this.name = name;
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
        // Only configured prefixes: on learned baselines every deaggregation would alert
        // (moreSpecificBurst covers that case with a threshold).
        Expected e = Expected.of(o.prefix(), ctx, name, false);
        if (e == null || e.exact()) {
            return;
        }
        long prev = o.previousOrigin();
        if (o.hadRoute() && prev >= 0 && e.expects(prev) && (o.isWithdrawal() || prev != o.origin())) {
            out.accept(Alert.clear(AlertType.NEW_PREFIX, o)
                    .prefix(o.prefix())
                    .subject(Asn.of(prev))
                    .build());
        }
        if (o.isAnnouncement() && o.origin() >= 0 && e.expects(o.origin())) {
            out.accept(Alert.raise(AlertType.NEW_PREFIX, o)
                    .prefix(o.prefix())
                    .subject(Asn.of(o.origin()))
                    .message("A new prefix " + o.prefix() + " is announced by AS" + o.origin()
                            + ". It is a more specific of " + e.reference() + " (" + e.description()
                            + "). Maybe you need to update your prefix list.")
                    .build());
        }
    }
}
