package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.detect.spi.RovState;
import dev.routescope.model.Asn;
import java.util.function.Consumer;

/**
 * {@code rpkiInvalid()} (RFC 6811 invalid) and {@code notCoveredByRoa()} (not found) for routes of
 * monitored prefixes, of monitored origin ASNs, or (if {@code allRoutes}) every route.
 */
final class RouteOriginDetector implements Detector {
    private final String name;
    private final boolean invalid;
    private final boolean allRoutes;
    private final AlertType type;

    RouteOriginDetector(String name, boolean invalid, boolean allRoutes) {
        this.name = name;
        this.invalid = invalid;
        this.allRoutes = allRoutes;
        this.type = invalid ? AlertType.RPKI_INVALID : AlertType.NOT_COVERED_BY_ROA;
    }

    private boolean applies(Observation o, long origin, DetectorContext ctx) {
        if (allRoutes) {
            return !ctx.monitored().excludes(o.prefix());
        }
        Expected e = Expected.of(o.prefix(), ctx, name, false);
        return e != null || ctx.monitored().asn(origin) != null;
    }

    private boolean flagged(RovState s) {
        return invalid ? s.isInvalid() : s == RovState.NOT_FOUND;
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
        if (!ctx.routeOrigins().isAvailable()) {
            return; // rpkiDataStale() reports the outage; no silent "everything is fine" either
        }
        long prev = o.previousOrigin();
        if (o.hadRoute()
                && prev >= 0
                && (o.isWithdrawal() || prev != o.origin())
                && applies(o, prev, ctx)
                && flagged(ctx.routeOrigins().validate(o.prefix(), prev))) {
            out.accept(Alert.clear(type, o)
                    .prefix(o.prefix())
                    .offender(Asn.of(prev))
                    .build());
        }
        if (!o.isAnnouncement() || o.origin() < 0 || !applies(o, o.origin(), ctx)) {
            return;
        }
        RovState s = ctx.routeOrigins().validate(o.prefix(), o.origin());
        if (!flagged(s)) {
            return;
        }
        String what = switch (s) {
            case INVALID_ORIGIN -> "is not RPKI valid: no ROA authorises AS" + o.origin();
            case INVALID_LENGTH -> "is not RPKI valid: longer than the maxLength of the ROA";
            default -> "is not covered by a ROA";
        };
        out.accept(Alert.raise(type, o)
                .prefix(o.prefix())
                .offender(Asn.of(o.origin()))
                .message("The route " + o.prefix() + " announced by AS" + o.origin() + " " + what)
                .build());
    }
}
