package dev.routescope.rpki;

import dev.routescope.model.Prefix;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The full outcome of validating one route: state, reason when Invalid, and the VRPs involved.
 *
 * <pre>{@code
 * RovResult r = snapshot.validate(Prefix.parse("192.0.2.0/25"), 64496);
 * r.state();     // INVALID
 * r.reason();    // TOO_SPECIFIC
 * r.covering();  // [192.0.2.0/24-24 AS64496]
 * }</pre>
 *
 * @param prefix the route's prefix
 * @param origin the origin ASN, or -1 for NONE (AS_SET or empty AS_PATH)
 * @param state the RFC 6811 state
 * @param reason why it is Invalid; null unless {@code state == INVALID}
 * @param matching covering VRPs that match the origin and length (non-empty iff Valid)
 * @param covering every VRP that covers the prefix, most specific prefix first
 * @since 0.1
 */
public record RovResult(
        Prefix prefix,
        long origin,
        RovState state,
        @Nullable InvalidReason reason,
        List<Vrp> matching,
        List<Vrp> covering) {

    /** Copies the lists. */
    public RovResult {
        matching = List.copyOf(matching);
        covering = List.copyOf(covering);
    }
}
