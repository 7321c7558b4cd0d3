package dev.routescope.detect.spi;

/**
 * Route origin validation outcome (RFC 6811), with the reason of invalidity (ARTEMIS {@code IA} /
 * {@code IL}) and {@link #UNKNOWN} when no RPKI data is available.
 *
 * <pre>{@code
 * RovState.INVALID_LENGTH.isInvalid(); // true
 * }</pre>
 *
 * @since 0.1
 */
public enum RovState {
    /** A VRP matches. */
    VALID,
    /** Covered, but no covering VRP has this origin. */
    INVALID_ORIGIN,
    /** Covered and a VRP has this origin, but the route is longer than its maxLength. */
    INVALID_LENGTH,
    /** No VRP covers the prefix. */
    NOT_FOUND,
    /** No RPKI data is available (not configured, not loaded yet, or failed). */
    UNKNOWN;

    /** {@return true for both invalid states} */
    public boolean isInvalid() {
        return this == INVALID_ORIGIN || this == INVALID_LENGTH;
    }
}
