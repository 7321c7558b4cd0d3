package dev.routescope.rpki;

/**
 * Why a route is {@link RovState#INVALID}, in the order checked (the ARTEMIS labels {@code IA}
 * invalid ASN and {@code IL} invalid length map to {@link #WRONG_ORIGIN} and {@link #TOO_SPECIFIC}).
 *
 * <pre>{@code
 * RovResult r = snapshot.validate(Prefix.parse("192.0.2.0/25"), 64496);
 * r.reason(); // TOO_SPECIFIC when 192.0.2.0/24-24 AS64496 is the only covering VRP
 * }</pre>
 *
 * @since 0.1
 */
public enum InvalidReason {
    /**
     * The route has no single origin: its AS_PATH ends in an AS_SET (or is empty), which RFC 6811
     * calls origin NONE and which matches no VRP.
     */
    NO_ORIGIN,
    /** A covering VRP has the route's origin ASN, but the route is longer than its maxLength. */
    TOO_SPECIFIC,
    /** Every covering VRP is an AS0 VRP (RFC 6483 §4, RFC 7607): the space must not be routed. */
    AS0,
    /** Covering VRPs exist for other ASNs only. */
    WRONG_ORIGIN
}
