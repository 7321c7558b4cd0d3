package dev.routescope.detect.spi;

import java.util.Locale;

/**
 * The kind of an alert: a stable name (used in incident ids, JSON and metrics), a default severity,
 * the distinct peers needed before an incident is opened, and whether the condition is
 * <em>stateful</em> (it lasts until a detector clears it, like a hijacked route that stays in the
 * table) or an <em>event</em> that is considered over after a quiet period (a ROA change, a path
 * match).
 *
 * <p>Third-party detectors define their own types with {@link #of}.
 *
 * <pre>{@code
 * AlertType mine = AlertType.of("my-check", Severity.MEDIUM, 2, true);
 * AlertType.HIJACK.name(); // "hijack"
 * }</pre>
 *
 * @param name lower-case name, {@code [a-z0-9-]+}
 * @param defaultSeverity severity when the detector does not set one
 * @param minPeers distinct peers that must report the condition before an incident opens
 * @param stateful true if only a clear signal resolves it; false if it resolves after a quiet period
 * @since 0.1
 */
public record AlertType(String name, Severity defaultSeverity, int minPeers, boolean stateful) {

    /** Exact-prefix origin mismatch (ARTEMIS E|0). */
    public static final AlertType HIJACK = new AlertType("hijack", Severity.CRITICAL, 2, true);
    /** More-specific of a monitored prefix from an unexpected origin (ARTEMIS S|0). */
    public static final AlertType SUB_PREFIX_HIJACK = new AlertType("sub-prefix-hijack", Severity.CRITICAL, 2, true);
    /** More-specific of a monitored prefix from an expected origin (BGPalerter newprefix). */
    public static final AlertType NEW_PREFIX = new AlertType("new-prefix", Severity.LOW, 3, true);
    /** A prefix withdrawn by many of the peers that used to see it. */
    public static final AlertType VISIBILITY_LOSS = new AlertType("visibility-loss", Severity.HIGH, 1, true);
    /** Many prefixes of one origin withdrawn by many peers in a short window. */
    public static final AlertType MASS_WITHDRAWAL = new AlertType("mass-withdrawal", Severity.HIGH, 1, true);
    /** An origin not in the baseline announces a prefix (MOAS or origin change). */
    public static final AlertType ORIGIN_CHANGE = new AlertType("origin-change", Severity.MEDIUM, 2, true);
    /** An unseen neighbour (upstream) of an origin or monitored AS. */
    public static final AlertType NEW_UPSTREAM = new AlertType("new-upstream", Severity.MEDIUM, 2, true);
    /** A BGPalerter-style path rule matched. */
    public static final AlertType PATH_CONDITION = new AlertType("path-condition", Severity.MEDIUM, 1, false);
    /** A burst of new more-specifics of one origin (deaggregation). */
    public static final AlertType MORE_SPECIFIC_BURST = new AlertType("more-specific-burst", Severity.MEDIUM, 1, false);
    /** A bogon prefix or ASN in a route. */
    public static final AlertType BOGON = new AlertType("bogon", Severity.LOW, 1, true);
    /** An RPKI-invalid route (RFC 6811). */
    public static final AlertType RPKI_INVALID = new AlertType("rpki-invalid", Severity.HIGH, 1, true);
    /** A monitored route not covered by any ROA. */
    public static final AlertType NOT_COVERED_BY_ROA = new AlertType("not-covered-by-roa", Severity.LOW, 1, true);
    /** An ASPA-invalid path (downstream verification). */
    public static final AlertType ASPA_INVALID = new AlertType("aspa-invalid", Severity.HIGH, 2, true);
    /** A valley-free violation (route leak, RFC 7908 types 1-4). */
    public static final AlertType ROUTE_LEAK = new AlertType("route-leak", Severity.HIGH, 2, true);
    /** A ROA covering monitored space or a monitored ASN was added or removed. */
    public static final AlertType ROA_CHANGE = new AlertType("roa-change", Severity.LOW, 1, false);
    /** RPKI data is unavailable or older than allowed. */
    public static final AlertType RPKI_DATA_STALE = new AlertType("rpki-data-stale", Severity.HIGH, 1, true);

    /**
     * Validates the name and threshold.
     *
     * @throws IllegalArgumentException for an empty or non-lower-case name, or {@code minPeers < 1}
     */
    public AlertType {
        if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT)) || !name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("alert type name '" + name + "' (expected: [a-z0-9-]+)");
        }
        if (minPeers < 1) {
            throw new IllegalArgumentException("minPeers " + minPeers + " for " + name + " (expected: >= 1)");
        }
    }

    /**
     * A custom type.
     *
     * @param name lower-case name
     * @param severity default severity
     * @param minPeers peers needed to open an incident
     * @param stateful whether only a clear resolves it
     * @return the type
     */
    public static AlertType of(String name, Severity severity, int minPeers, boolean stateful) {
        return new AlertType(name, severity, minPeers, stateful);
    }

    /**
     * The same type with another peer threshold (BGPalerter's {@code thresholdMinPeers}).
     *
     * @param peers the threshold, {@code >= 1}
     * @return a copy with {@code minPeers = peers}
     */
    public AlertType withMinPeers(int peers) {
        return new AlertType(name, defaultSeverity, peers, stateful);
    }

    /** {@return the name} */
    @Override
    public String toString() {
        return name;
    }
}
