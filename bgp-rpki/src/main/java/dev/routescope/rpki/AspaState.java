package dev.routescope.rpki;

/**
 * Outcome of ASPA AS_PATH verification (draft-ietf-sidrops-aspa-verification).
 *
 * <pre>{@code
 * AspaState s = verifier.verify(path, AspaDirection.DOWNSTREAM, peerAsn).state();
 * }</pre>
 *
 * @since 0.1
 */
public enum AspaState {
    /** Every hop is attested and the path is valley-free. */
    VALID,
    /** Some hop is proven to violate valley-free routing (a route leak), or the path is malformed. */
    INVALID,
    /** Not enough attestations to decide; treated like Valid for route selection. */
    UNKNOWN
}
