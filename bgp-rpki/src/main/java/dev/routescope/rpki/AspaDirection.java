package dev.routescope.rpki;

/**
 * Which verification procedure applies, from the relation of the neighbor that sent the route.
 *
 * <pre>{@code
 * verifier.verify(path, AspaDirection.UPSTREAM, customerAsn);
 * }</pre>
 *
 * @since 0.1
 */
public enum AspaDirection {
    /**
     * Received from a customer, a lateral peer, or between a route server and its client: the path
     * may only climb (up-ramp).
     */
    UPSTREAM,
    /**
     * Received from a provider: up-ramp, at most one lateral hop, down-ramp. The right choice for a
     * passive monitor that does not know the collector-peer relation (fewest false positives).
     */
    DOWNSTREAM
}
