package dev.routescope.rpki;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of ASPA verification with the figures it was decided on.
 *
 * <pre>{@code
 * AspaResult r = verifier.verify(AsPath.parse("64511 64510 64500"), AspaDirection.UPSTREAM, 64511);
 * r.state();   // INVALID
 * r.reason();  // ROUTE_LEAK
 * r.maxUp();   // 2 (< N = 3: the hop 64510 -> 64511 is not an attested provider hop)
 * }</pre>
 *
 * @param state the verification state
 * @param reason why it is Invalid; null otherwise
 * @param pathLength N, the number of ASes after removing prepends (0 when not computed)
 * @param maxUp max_up_ramp (0 when not computed)
 * @param minUp min_up_ramp
 * @param maxDown max_down_ramp (downstream only, else 0)
 * @param minDown min_down_ramp (downstream only, else 0)
 * @since 0.1
 */
public record AspaResult(
        AspaState state, @Nullable Reason reason, int pathLength, int maxUp, int minUp, int maxDown, int minDown) {

    /** Why a path is Invalid. */
    public enum Reason {
        /** The AS_PATH is empty. */
        EMPTY_PATH,
        /** The leftmost AS is not the neighbor that sent the route. */
        NEIGHBOR_MISMATCH,
        /** The AS_PATH contains an AS_SET. */
        AS_SET,
        /** The ramps prove a valley (route leak). */
        ROUTE_LEAK
    }
}
