package dev.routescope.detect.spi;

/**
 * How urgently an operator should act on an alert or incident, most urgent first.
 *
 * <pre>{@code
 * Severity.CRITICAL.isAtLeast(Severity.HIGH); // true
 * }</pre>
 *
 * @since 0.1
 */
public enum Severity {
    /** Traffic is (or may be) diverted now: hijacks. */
    CRITICAL,
    /** Reachability or security is degraded: visibility loss, leaks, RPKI-invalid routes. */
    HIGH,
    /** Worth a look: origin changes, new upstreams, bursts of more-specifics. */
    MEDIUM,
    /** Informational: new more-specifics of own space, ROA changes, bogons seen in transit. */
    LOW;

    /**
     * Whether this severity is at least as urgent as {@code other}.
     *
     * @param other the severity to compare with
     * @return true if this is {@code other} or more urgent
     */
    public boolean isAtLeast(Severity other) {
        return rank() <= other.rank();
    }

    private int rank() {
        return switch (this) {
            case CRITICAL -> 0;
            case HIGH -> 1;
            case MEDIUM -> 2;
            case LOW -> 3;
        };
    }

    /**
     * One step less urgent, {@link #LOW} stays {@link #LOW}.
     *
     * @return the next lower severity
     */
    public Severity lower() {
        return switch (this) {
            case CRITICAL -> HIGH;
            case HIGH -> MEDIUM;
            case MEDIUM, LOW -> LOW;
        };
    }
}
