package dev.routescope.detect.internal;

import dev.routescope.detect.MonitoredAsn;
import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.detect.spi.Severity;
import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import java.util.function.Consumer;

/**
 * Path deviation: (1) BGPalerter monitorPathNeighbors for configured ASNs (left neighbour not in
 * {@code upstreams}, right neighbour not in {@code downstreams}); (2) an upstream (neighbour of the
 * origin) outside the learned set of that origin (ARTEMIS type-1 "fake adjacency" signal), for
 * origins of monitored prefixes, or for every learned origin when {@code allOrigins}.
 */
final class NewUpstreamDetector implements Detector {
    private final String name;
    private final boolean allOrigins;

    NewUpstreamDetector(String name, boolean allOrigins) {
        this.name = name;
        this.allOrigins = allOrigins;
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
        if (o.hadRoute()
                && o.previousUpstream() >= 0
                && o.previousOrigin() >= 0
                && (o.isWithdrawal() || o.previousUpstream() != o.upstream() || o.previousOrigin() != o.origin())
                && isNewUpstream(o.prefix(), o.previousOrigin(), o.previousUpstream(), ctx)) {
            out.accept(Alert.clear(AlertType.NEW_UPSTREAM, o)
                    .offender(Asn.of(o.previousUpstream()))
                    .subject(Asn.of(o.previousOrigin()))
                    .build());
        }
        if (!o.isAnnouncement()) {
            return;
        }
        AsPath path = o.path();
        if (path != null && !ctx.monitored().asns().isEmpty()) {
            checkConfiguredNeighbours(o, path, ctx, out);
        }
        if (o.origin() >= 0 && o.upstream() >= 0 && isNewUpstream(o.prefix(), o.origin(), o.upstream(), ctx)) {
            Alert.Builder b = Alert.raise(AlertType.NEW_UPSTREAM, o)
                    .offender(Asn.of(o.upstream()))
                    .subject(Asn.of(o.origin()))
                    .message("A new upstream of AS" + o.origin() + " has been detected: AS" + o.upstream()
                            + " (seen for " + o.prefix() + ")");
            if (ctx.relationships().isSibling(o.origin(), o.upstream())) {
                b.reason("AS" + o.upstream() + " is a sibling of AS" + o.origin(), 0.3)
                        .severity(Severity.LOW);
            }
            out.accept(b.build());
        }
    }

    private boolean isNewUpstream(dev.routescope.model.Prefix prefix, long origin, long upstream, DetectorContext ctx) {
        long[] known = ctx.baselines().upstreams(origin);
        if (known.length == 0 || java.util.Arrays.binarySearch(known, upstream) >= 0) {
            return false;
        }
        if (allOrigins) {
            return !ctx.monitored().excludes(prefix);
        }
        Expected e = Expected.of(prefix, ctx, name, false);
        return (e != null && e.expects(origin)) || ctx.monitored().asn(origin) != null;
    }

    private void checkConfiguredNeighbours(Observation o, AsPath path, DetectorContext ctx, Consumer<Alert> out) {
        long[] seq = PathInfo.compressedOriginFirst(path);
        for (int i = 0; i < seq.length; i++) {
            MonitoredAsn m = ctx.monitored().asn(seq[i]);
            if (m == null) {
                continue;
            }
            if (m.checkUpstreams() && i + 1 < seq.length && !m.upstreams().contains(Asn.of(seq[i + 1]))) {
                out.accept(Alert.raise(AlertType.NEW_UPSTREAM, o)
                        .offender(Asn.of(seq[i + 1]))
                        .subject(m.asn())
                        .detail("configured")
                        .message("A new upstream of " + m.asn() + " has been detected: AS" + seq[i + 1])
                        .build());
            }
            if (m.checkDownstreams() && i > 0 && !m.downstreams().contains(Asn.of(seq[i - 1]))) {
                out.accept(Alert.raise(AlertType.NEW_UPSTREAM, o)
                        .offender(Asn.of(seq[i - 1]))
                        .subject(m.asn())
                        .detail("downstream")
                        .message("A new downstream of " + m.asn() + " has been detected: AS" + seq[i - 1])
                        .build());
            }
        }
    }
}
