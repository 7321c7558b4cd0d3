package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.detect.spi.Relationship;
import dev.routescope.detect.spi.RelationshipLookup;
import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import java.util.function.Consumer;

/**
 * Valley-free (Gao-Rexford) check of each path (domain.md §9.2): the first AS that re-exports a
 * peer/provider route up or sideways is the leaker; the RFC 7908 type comes from the step before
 * and after it. Unknown links are skipped (and lower the confidence), so sparse relationship data
 * under-reports rather than over-reports.
 */
final class ValleyFreeDetector implements Detector {
    private static final int UP = 0;
    private static final int LATERAL = 1;
    private static final int DOWN = 2;

    private final RaisedRoutes raised = new RaisedRoutes();

    /** Result of {@link #check}: leaker ASN and RFC 7908 type, or leaker -1. */
    static final class Leak {
        long leaker = -1;
        /** The AS the leaker learned the route from, -1 if it is the origin. */
        long from = -1;
        /** The AS the leaker exported it to. */
        long to = -1;

        int type;
        boolean unknownLinks;
    }

    /**
     * Learns the path's first valley into the baselines (warm-up), see {@link
     * dev.routescope.detect.Baselines#addValley}.
     *
     * @param path the path
     * @param rel the relationships
     * @param baselines the learning baselines
     */
    static void learn(AsPath path, RelationshipLookup rel, dev.routescope.detect.Baselines baselines) {
        if (path.hasSet() || path.isEmpty()) {
            return;
        }
        Leak leak = new Leak();
        check(PathInfo.compressedOriginFirst(path), rel, leak);
        if (leak.leaker >= 0) {
            baselines.addValley(leak.leaker, leak.from, leak.to);
        }
    }

    static void check(long[] seq, RelationshipLookup rel, Leak out) {
        int phase = UP;
        int prev = -1;
        long a = -1;
        long beforeA = -1;
        for (int i = 0; i < seq.length; i++) {
            long b = seq[i];
            // A route server in the path is a relay between its members, not a transit hop.
            if (rel.isRouteServer(b)) {
                continue;
            }
            long from = a;
            long learnedFrom = beforeA;
            beforeA = a;
            a = b;
            if (from < 0) {
                continue;
            }
            Relationship r = rel.relationship(b, from);
            if (r == Relationship.SIBLING) {
                continue;
            }
            if (r == Relationship.UNKNOWN) {
                out.unknownLinks = true;
                prev = -1;
                continue;
            }
            int step = r == Relationship.CUSTOMER ? UP : r == Relationship.PEER ? LATERAL : DOWN;
            if (step != DOWN && phase != UP) {
                if (out.leaker < 0) {
                    out.leaker = from;
                    out.from = learnedFrom;
                    out.to = b;
                    out.type = typeOf(prev, step);
                }
                phase = UP;
            }
            if (step == LATERAL) {
                phase = LATERAL;
            } else if (step == DOWN) {
                phase = DOWN;
            }
            prev = step;
        }
    }

    private static int typeOf(int in, int out) {
        if (in == DOWN && out == UP) {
            return 1;
        }
        if (in == LATERAL && out == LATERAL) {
            return 2;
        }
        if (in == DOWN && out == LATERAL) {
            return 3;
        }
        if (in == LATERAL && out == UP) {
            return 4;
        }
        return 0;
    }

    @Override
    public int stateSize() {
        return raised.size();
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
        raised.clearIfReplaced(o, AlertType.ROUTE_LEAK, out);
        AsPath path = RaisedRoutes.walkablePath(o);
        if (path == null) {
            return;
        }
        Leak leak = new Leak();
        check(PathInfo.compressedOriginFirst(path), ctx.relationships(), leak);
        if (leak.leaker < 0 || ctx.baselines().isKnownValley(leak.leaker, leak.from, leak.to)) {
            return;
        }
        raised.mark(o.prefix(), o.peerId());
        Alert.Builder b = Alert.raise(AlertType.ROUTE_LEAK, o)
                .prefix(o.prefix())
                .offender(Asn.of(leak.leaker))
                .subject(o.origin() >= 0 ? Asn.of(o.origin()) : null)
                .message("Route leak by AS" + leak.leaker + (leak.type > 0 ? " (RFC 7908 type " + leak.type + ")" : "")
                        + " of " + o.prefix() + ": " + path);
        if (leak.unknownLinks) {
            b.reason("some links of the path have no relationship data", 0.7);
        }
        out.accept(b.build());
    }
}
