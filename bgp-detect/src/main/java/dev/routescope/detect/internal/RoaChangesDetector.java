package dev.routescope.detect.internal;

import dev.routescope.detect.MonitoredPrefix;
import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.detect.spi.RpkiUpdate;
import dev.routescope.detect.spi.Vrp;
import java.util.List;
import java.util.function.Consumer;

/** BGPalerter monitorROAS: VRPs added or removed that overlap monitored prefixes or name monitored ASNs. */
final class RoaChangesDetector implements Detector {

    @Override
    public boolean accepts(Observation o) {
        return false;
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {}

    @Override
    public void rpkiUpdated(RpkiUpdate update, DetectorContext ctx, Consumer<Alert> out) {
        List<MonitoredPrefix> monitored = ctx.monitored().prefixes();
        report(update, update.removed(), "removed", monitored, ctx, out);
        report(update, update.added(), "added", monitored, ctx, out);
    }

    private static void report(
            RpkiUpdate u,
            List<Vrp> vrps,
            String what,
            List<MonitoredPrefix> monitored,
            DetectorContext ctx,
            Consumer<Alert> out) {
        for (Vrp v : vrps) {
            MonitoredPrefix hit = null;
            for (MonitoredPrefix m : monitored) {
                if (!m.ignore() && m.prefix().overlaps(v.prefix())) {
                    hit = m;
                    break;
                }
            }
            if (hit == null && ctx.monitored().asn(v.asn().value()) == null) {
                continue;
            }
            out.accept(Alert.of(AlertType.ROA_CHANGE, Alert.Kind.RAISE, u.time(), -1)
                    .prefix(v.prefix())
                    .subject(v.asn())
                    .detail(what + " maxLength " + v.maxLength())
                    .message("ROAs change detected: " + what + " <" + v.prefix() + ", " + v.asn() + ", " + v.maxLength()
                            + ">" + (hit != null ? " (overlaps " + hit.prefix() + ")" : ""))
                    .build());
        }
    }
}
