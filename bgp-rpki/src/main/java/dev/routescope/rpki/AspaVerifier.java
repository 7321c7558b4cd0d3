package dev.routescope.rpki;

import dev.routescope.model.AsPath;
import dev.routescope.model.AsPathSegment;
import dev.routescope.model.SegmentType;
import java.util.Objects;

/**
 * AS_PATH verification with ASPA (draft-ietf-sidrops-aspa-verification-27, §5-6): the upstream
 * procedure for routes from customers, lateral peers and route-server sessions, the downstream
 * procedure for routes from providers.
 *
 * <pre>{@code
 * AspaVerifier v = AspaVerifier.of(rpkiData.aspas());
 * AspaResult r = v.verify(AsPath.parse("64540 64530 64520 64510 64500"), AspaDirection.DOWNSTREAM, 64540);
 * r.state(); // VALID
 * }</pre>
 *
 * <h2>Path handling</h2>
 *
 * Prepends are collapsed. An AS_SET anywhere makes the path Invalid (step 3). Confederation
 * segments (RFC 5065) belong to the receiver's own confederation and are dropped before
 * verification. A negative {@code neighborAsn} skips the leftmost-AS check (step 2), as for a
 * route-server client or a monitor that does not know the sending AS.
 *
 * <h2>Threading and cost</h2>
 *
 * Immutable and thread-safe. One verification walks the path twice with a binary search per hop;
 * it allocates one {@code long[]} of the path and the result record.
 *
 * @since 0.1
 */
public final class AspaVerifier {
    private final AspaSet aspas;

    private AspaVerifier(AspaSet aspas) {
        this.aspas = aspas;
    }

    /**
     * A verifier over a set of ASPAs.
     *
     * @param aspas the ASPAs
     * @return the verifier
     */
    public static AspaVerifier of(AspaSet aspas) {
        return new AspaVerifier(Objects.requireNonNull(aspas, "aspas"));
    }

    /** {@return the ASPAs used} */
    public AspaSet aspas() {
        return aspas;
    }

    /**
     * Verifies a path.
     *
     * @param path the AS_PATH, leftmost = neighbor
     * @param direction which procedure applies
     * @param neighborAsn the AS that sent the route, or negative to skip that check
     * @return the result
     */
    public AspaResult verify(AsPath path, AspaDirection direction, long neighborAsn) {
        int count = 0;
        for (int s = 0; s < path.segmentCount(); s++) {
            AsPathSegment seg = path.segment(s);
            if (seg.type() == SegmentType.AS_SEQUENCE) {
                count += seg.size();
            }
        }
        long[] asns = new long[count];
        int n = 0;
        boolean hasSet = false;
        for (int s = 0; s < path.segmentCount(); s++) {
            AsPathSegment seg = path.segment(s);
            if (seg.type() == SegmentType.AS_SET) {
                hasSet = true;
            } else if (seg.type() == SegmentType.AS_SEQUENCE) {
                for (int i = 0; i < seg.size(); i++) {
                    long a = seg.asn(i);
                    if (n == 0 || asns[n - 1] != a) {
                        asns[n++] = a;
                    }
                }
            }
        }
        if (n == 0 && !hasSet) {
            return new AspaResult(AspaState.INVALID, AspaResult.Reason.EMPTY_PATH, 0, 0, 0, 0, 0);
        }
        if (neighborAsn >= 0
                && (n == 0 || asns[0] != neighborAsn || path.segment(0).type() == SegmentType.AS_SET)) {
            return new AspaResult(AspaState.INVALID, AspaResult.Reason.NEIGHBOR_MISMATCH, n, 0, 0, 0, 0);
        }
        if (hasSet) {
            return new AspaResult(AspaState.INVALID, AspaResult.Reason.AS_SET, n, 0, 0, 0, 0);
        }
        return verify(asns, n, direction);
    }

    /**
     * Verifies an already flattened, prepend-free path (leftmost = neighbor), without the neighbor
     * and AS_SET checks.
     *
     * @param asns the ASes, {@code asns[0]} the neighbor, {@code asns[n-1]} the origin
     * @param n how many entries of {@code asns} to use, at least 1
     * @param direction which procedure applies
     * @return the result
     */
    public AspaResult verify(long[] asns, int n, AspaDirection direction) {
        if (n <= 0) {
            return new AspaResult(AspaState.INVALID, AspaResult.Reason.EMPTY_PATH, 0, 0, 0, 0, 0);
        }
        // A(i) = asns[n - i]: A(1) is the origin, A(n) the neighbor
        int maxUp = n;
        int minUp = n;
        for (int i = 1; i < n; i++) {
            AspaAuthorization auth = aspas.authorized(asns[n - i], asns[n - i - 1]);
            if (auth != AspaAuthorization.PROVIDER_PLUS && minUp == n) {
                minUp = i;
            }
            if (auth == AspaAuthorization.NOT_PROVIDER_PLUS) {
                maxUp = i;
                break;
            }
        }
        if (direction == AspaDirection.UPSTREAM) {
            AspaState state = maxUp < n ? AspaState.INVALID : minUp < n ? AspaState.UNKNOWN : AspaState.VALID;
            return new AspaResult(
                    state, state == AspaState.INVALID ? AspaResult.Reason.ROUTE_LEAK : null, n, maxUp, minUp, 0, 0);
        }
        int maxDown = n;
        int minDown = n;
        for (int j = n; j >= 2; j--) {
            // authorized(A(j), A(j-1))
            AspaAuthorization auth = aspas.authorized(asns[n - j], asns[n - j + 1]);
            if (auth != AspaAuthorization.PROVIDER_PLUS && minDown == n) {
                minDown = n - j + 1;
            }
            if (auth == AspaAuthorization.NOT_PROVIDER_PLUS) {
                maxDown = n - j + 1;
                break;
            }
        }
        AspaState state =
                maxUp + maxDown < n ? AspaState.INVALID : minUp + minDown < n ? AspaState.UNKNOWN : AspaState.VALID;
        return new AspaResult(
                state,
                state == AspaState.INVALID ? AspaResult.Reason.ROUTE_LEAK : null,
                n,
                maxUp,
                minUp,
                maxDown,
                minDown);
    }
}
