package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.detect.spi.RovState;
import dev.routescope.detect.spi.Severity;
import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import java.util.List;
import java.util.function.Consumer;

/**
 * Exact-prefix (E|0) and sub-prefix (S|0) origin hijacks: an announced origin outside the expected
 * set. Stateless: the routing table gives each peer's previous origin, which is all a clear needs.
 */
final class HijackDetector implements Detector {
    private final String name;
    private final boolean exact;
    private final boolean useBaselines;
    private final AlertType type;

    HijackDetector(String name, boolean exact, boolean useBaselines) {
        this.name = name;
        this.exact = exact;
        this.useBaselines = useBaselines;
        this.type = exact ? AlertType.HIJACK : AlertType.SUB_PREFIX_HIJACK;
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
        Expected e = Expected.of(o.prefix(), ctx, name, useBaselines);
        if (e == null || e.exact() != exact) {
            return;
        }
        long prev = o.previousOrigin();
        if (o.hadRoute() && prev >= 0 && !e.expects(prev) && (o.isWithdrawal() || prev != o.origin())) {
            out.accept(Alert.clear(type, o)
                    .prefix(o.prefix())
                    .offender(Asn.of(prev))
                    .subject(e.subject())
                    .build());
        }
        if (!o.isAnnouncement()) {
            return;
        }
        AsPath path = o.path();
        if (path == null) {
            return;
        }
        if (o.origin() >= 0) {
            if (!e.expects(o.origin())) {
                raise(o, ctx, e, o.origin(), out);
            }
            return;
        }
        // AS_SET origin (BGPalerter: alert if any member is unexpected).
        List<Asn> members = path.originAsns();
        for (Asn m : members) {
            if (!e.expects(m.value())) {
                raise(o, ctx, e, m.value(), out);
                return;
            }
        }
    }

    private void raise(Observation o, DetectorContext ctx, Expected e, long offender, Consumer<Alert> out) {
        RovState rov = ctx.routeOrigins().validate(o.prefix(), o.origin());
        if (rov == RovState.VALID) {
            // BGPalerter and ARTEMIS users asked for this: an RPKI-valid route is authorised by the
            // prefix holder, so it is not a hijack whatever the configured list says.
            return;
        }
        Alert.Builder b = Alert.raise(type, o)
                .prefix(o.prefix())
                .offender(Asn.of(offender))
                .subject(e.subject());
        switch (rov) {
            case INVALID_ORIGIN -> b.reason("RPKI invalid: no ROA authorises AS" + offender, 1.0);
            case INVALID_LENGTH -> b.reason("RPKI invalid: longer than the ROA's maxLength", 1.0);
            case NOT_FOUND -> b.reason("not covered by a ROA", 0.9);
            default -> b.reason("no RPKI data", 0.9);
        }
        for (long expected : e.origins()) {
            if (ctx.relationships().isSibling(expected, offender)) {
                b.reason("AS" + offender + " is a sibling of expected AS" + expected, 0.3)
                        .severity(Severity.MEDIUM);
                break;
            }
        }
        AsPath path = o.path();
        for (long expected : e.origins()) {
            if (o.upstream() == expected) {
                // The legitimate origin hands the route to its customer: provider-assigned space
                // originated by the customer, the most common "extra origin" users complain about.
                b.reason(
                                "expected origin AS" + expected + " is the upstream of AS" + offender
                                        + " (provider-assigned space originated by a customer)",
                                0.3)
                        .severity(Severity.LOW);
                break;
            }
            if (path != null && path.contains(expected)) {
                b.reason("expected origin AS" + expected + " is in the path (re-origination)", 0.5)
                        .severity(Severity.MEDIUM);
                break;
            }
        }
        if (e.learned()) {
            b.reason("expected origins learned from the baseline, not configured", 0.8);
        }
        if (exact) {
            b.message("The prefix " + o.prefix() + " (" + e.description() + ") is announced by AS" + offender
                    + " instead of " + e.originsText());
        } else {
            b.message("A new prefix " + o.prefix() + " is announced by AS" + offender + ". It should be instead "
                    + e.reference() + " (" + e.description() + ") announced by " + e.originsText());
        }
        out.accept(b.build());
    }
}
