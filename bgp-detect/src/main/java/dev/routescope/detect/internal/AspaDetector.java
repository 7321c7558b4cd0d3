package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.AspaAuthorization;
import dev.routescope.detect.spi.AspaLookup;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import java.util.function.Consumer;

/**
 * ASPA path verification with the downstream algorithm (draft-ietf-sidrops-aspa-verification §6),
 * which gives a passive monitor the fewest false positives since it does not know the
 * collector-peer relationship (domain.md §8). Paths with AS_SETs are skipped rather than called
 * invalid: a monitor should not alert on every aggregated route.
 */
final class AspaDetector implements Detector {
    private final RaisedRoutes raised = new RaisedRoutes();

    /** ASPA verification outcome. */
    enum Result {
        VALID,
        UNKNOWN,
        INVALID
    }

    /**
     * Downstream verification of a compressed, origin-first path.
     *
     * @param a ASNs, a[0] = origin, a[n-1] = neighbour
     * @param aspa the authorisations
     * @param offenderOut receives, for INVALID, the 0-based index of the first AS above the up-ramp
     * @return the result
     */
    static Result downstream(long[] a, AspaLookup aspa, int[] offenderOut) {
        int n = a.length;
        if (n == 0) {
            return Result.INVALID;
        }
        int maxUp = n;
        int minUp = n;
        for (int i = 1; i <= n - 1; i++) {
            AspaAuthorization r = aspa.authorized(a[i - 1], a[i]);
            if (r != AspaAuthorization.PROVIDER_PLUS && minUp == n) {
                minUp = i;
            }
            if (r == AspaAuthorization.NOT_PROVIDER_PLUS) {
                maxUp = i;
                break;
            }
        }
        int maxDown = n;
        int minDown = n;
        for (int j = n; j >= 2; j--) {
            AspaAuthorization r = aspa.authorized(a[j - 1], a[j - 2]);
            if (r != AspaAuthorization.PROVIDER_PLUS && minDown == n) {
                minDown = n - j + 1;
            }
            if (r == AspaAuthorization.NOT_PROVIDER_PLUS) {
                maxDown = n - j + 1;
                break;
            }
        }
        if (maxUp + maxDown < n) {
            offenderOut[0] = maxUp; // 0-based index of A(maxUp + 1): first AS above the up-ramp
            return Result.INVALID;
        }
        return minUp + minDown < n ? Result.UNKNOWN : Result.VALID;
    }

    @Override
    public int stateSize() {
        return raised.size();
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
        // Only routes this detector raised are cleared (withdrawn, or replaced by a valid path).
        raised.clearIfReplaced(o, AlertType.ASPA_INVALID, out);
        AsPath path = RaisedRoutes.walkablePath(o);
        if (path == null) {
            return;
        }
        long[] a = PathInfo.compressedOriginFirst(path);
        int[] offender = new int[1];
        if (downstream(a, ctx.aspa(), offender) == Result.INVALID) {
            long leaker = a[offender[0]];
            raised.mark(o.prefix(), o.peerId());
            out.accept(Alert.raise(AlertType.ASPA_INVALID, o)
                    .prefix(o.prefix())
                    .offender(Asn.of(leaker))
                    .message("ASPA-invalid path for " + o.prefix() + ": " + path + " (AS" + leaker
                            + " sits outside the up- and down-ramps)")
                    .build());
        }
    }
}
