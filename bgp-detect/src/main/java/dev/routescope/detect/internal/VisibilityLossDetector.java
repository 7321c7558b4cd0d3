package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Visibility loss of monitored (configured exact or learned) prefixes: at least {@code minPeers}
 * peers explicitly withdrew the prefix and the remaining visibility is below {@code (1 - relative)}
 * of the baseline (peak) visibility. Session losses remove routes but do not count as withdrawals
 * (domain.md §10.3). State exists only for prefixes with outstanding withdrawals.
 */
final class VisibilityLossDetector implements Detector {
    private final String name;
    private final int minPeers;
    private final double relative;
    private final Map<Prefix, State> states = new HashMap<>();

    /** Per-prefix state: peers that withdrew and have not re-announced; serialisable as (bits, peak, flag). */
    static final class State {
        final BitSet withdrawn = new BitSet();
        int peak;
        boolean alerting;
    }

    VisibilityLossDetector(String name, int minPeers, double relative) {
        this.name = name;
        this.minPeers = minPeers;
        this.relative = relative;
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
        Prefix p = o.prefix();
        State st = states.get(p);
        if (o.isAnnouncement()) {
            if (st == null) {
                return;
            }
            st.withdrawn.clear(o.peerId());
            st.peak = Math.max(st.peak, o.visibility());
        } else {
            if (st == null) {
                if (o.implicit() || !o.hadRoute() || !monitored(p, ctx)) {
                    return;
                }
                st = new State();
                st.peak = Math.max(ctx.baselines().visibility(p), o.visibility() + 1);
                states.put(p, st);
            }
            if (o.implicit()) {
                st.withdrawn.clear(o.peerId());
            } else if (o.hadRoute()) {
                st.withdrawn.set(o.peerId());
            }
        }
        int lost = st.withdrawn.cardinality();
        boolean down = lost >= minPeers && o.visibility() < st.peak * (1 - relative);
        if (down && !st.alerting) {
            st.alerting = true;
            long[] origins = ctx.baselines().origins(p);
            Expected e = Expected.of(p, ctx, name, true);
            Asn subject = e != null ? e.subject() : origins.length > 0 ? Asn.of(origins[0]) : null;
            out.accept(Alert.raise(AlertType.VISIBILITY_LOSS, o)
                    .peer(null)
                    .prefix(p)
                    .subject(subject)
                    .message("The prefix " + p + (e != null ? " (" + e.description() + ")" : "")
                            + " has been withdrawn. It is no longer visible from " + lost + " peers ("
                            + o.visibility() + " of " + st.peak + " still see it)")
                    .build());
        } else if (!down && st.alerting) {
            st.alerting = false;
            out.accept(Alert.clear(AlertType.VISIBILITY_LOSS, o)
                    .peer(null)
                    .prefix(p)
                    .subject(subjectOf(p, ctx))
                    .build());
        }
        if (!st.alerting && st.withdrawn.isEmpty()) {
            states.remove(p);
        }
    }

    private @org.jspecify.annotations.Nullable Asn subjectOf(Prefix p, DetectorContext ctx) {
        Expected e = Expected.of(p, ctx, name, true);
        return e == null ? null : e.subject();
    }

    private boolean monitored(Prefix p, DetectorContext ctx) {
        Expected e = Expected.of(p, ctx, name, true);
        return e != null && e.exact();
    }

    @Override
    public int stateSize() {
        return states.size();
    }
}
