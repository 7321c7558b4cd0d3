package dev.routescope.rpki;

/**
 * Route origin validation state (RFC 6811 §2).
 *
 * <pre>{@code
 * RovState s = snapshot.validateState(Prefix.parse("192.0.2.0/24"), 64496);
 * if (s == RovState.INVALID) { ... }
 * }</pre>
 *
 * @since 0.1
 */
public enum RovState {
    /** A covering VRP matches the origin ASN and the route length is within its maxLength. */
    VALID,
    /** At least one VRP covers the route, none matches. */
    INVALID,
    /** No VRP covers the route. */
    NOT_FOUND
}
