package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.detect.spi.RovState;
import dev.routescope.detect.spi.Severity;
import dev.routescope.model.Asn;
import java.util.function.Consumer;

/**
 * MOAS / origin change against the learned baseline of the exact prefix (all prefixes, not only
 * configured ones): an origin never seen for the prefix. "moas" when an expected origin is still
 * routed by some peer, "change" otherwise.
 */
final class OriginChangeDetector implements Detector {

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
        long[] known = ctx.baselines().origins(o.prefix());
        if (known.length == 0 || ctx.monitored().excludes(o.prefix())) {
            return;
        }
        long prev = o.previousOrigin();
        if (o.hadRoute() && prev >= 0 && !contains(known, prev) && (o.isWithdrawal() || prev != o.origin())) {
            out.accept(Alert.clear(AlertType.ORIGIN_CHANGE, o)
                    .prefix(o.prefix())
                    .offender(Asn.of(prev))
                    .build());
        }
        if (!o.isAnnouncement() || o.origin() < 0 || contains(known, o.origin())) {
            return;
        }
        long origin = o.origin();
        boolean moas = false;
        for (long k : known) {
            if (ctx.originPeers(o.prefix(), k) > 0) {
                moas = true;
                break;
            }
        }
        Alert.Builder b = Alert.raise(AlertType.ORIGIN_CHANGE, o)
                .prefix(o.prefix())
                .offender(Asn.of(origin))
                .subject(Asn.of(known[0]));
        RovState rov = ctx.routeOrigins().validate(o.prefix(), origin);
        if (rov == RovState.VALID) {
            b.reason("new origin is RPKI valid", 0.3).severity(Severity.LOW);
        } else if (rov.isInvalid()) {
            b.reason("new origin is RPKI invalid", 1.0).severity(Severity.HIGH);
        }
        for (long k : known) {
            if (ctx.relationships().isSibling(k, origin)) {
                b.reason("AS" + origin + " is a sibling of AS" + k, 0.3).severity(Severity.LOW);
                break;
            }
        }
        if (moas) {
            b.reason("multiple origins at once (MOAS): often anycast or scrubbing", 0.7);
        }
        StringBuilder was = new StringBuilder();
        for (long k : known) {
            was.append(was.length() == 0 ? "AS" : ", AS").append(k);
        }
        out.accept(b.message((moas ? "MOAS: " : "Origin change: ") + o.prefix() + " is announced by AS" + origin
                        + (moas ? " besides " : " instead of ") + was)
                .build());
    }

    private static boolean contains(long[] sorted, long v) {
        return java.util.Arrays.binarySearch(sorted, v) >= 0;
    }
}
