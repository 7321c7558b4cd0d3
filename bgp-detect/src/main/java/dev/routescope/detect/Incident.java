package dev.routescope.detect;

import dev.routescope.detect.spi.Severity;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One incident notification: alerts with the same (type, prefix, offender, subject, detail)
 * aggregated, with evidence, severity and confidence. The same {@link #id()} is carried by the
 * {@link Status#OPEN}, any {@link Status#UPDATE}s and the final {@link Status#RESOLVED}.
 *
 * <pre>{@code
 * if (incident.status() == Incident.Status.OPEN && incident.severity() == Severity.CRITICAL) {
 *     page(incident.message() + " seen by " + incident.peerCount() + " peers, id " + incident.id());
 * }
 * }</pre>
 *
 * @param id stable id: a hash of the key and the first-seen time, identical across replays
 * @param status open, update or resolved
 * @param type the alert type name, e.g. {@code hijack}
 * @param prefix the prefix, or null for per-AS incidents
 * @param offender the offending ASN, or null
 * @param subject the affected/monitored ASN, or null
 * @param detail extra key text (path rule, leak type...), may be empty
 * @param severity the highest severity of its alerts
 * @param confidence 0..1, after the peer-count adjustment
 * @param reasons why severity and confidence are what they are
 * @param message operator text of the latest alert
 * @param firstSeen event time of the first alert
 * @param lastSeen event time of the latest alert
 * @param resolvedAt event time at which it was considered resolved, or null
 * @param peerCount distinct peers currently reporting it
 * @param maxPeerCount the most peers that reported it at once
 * @param peers peers that reported it ({@code collector address ASn}), sorted, at most 50
 * @param collectors collectors that saw it, sorted
 * @param samplePaths up to 5 distinct AS paths as evidence
 * @param alertCount raise alerts folded into it
 * @since 0.1
 */
public record Incident(
        String id,
        Status status,
        String type,
        @Nullable Prefix prefix,
        @Nullable Asn offender,
        @Nullable Asn subject,
        String detail,
        Severity severity,
        double confidence,
        List<String> reasons,
        String message,
        Instant firstSeen,
        Instant lastSeen,
        @Nullable Instant resolvedAt,
        int peerCount,
        int maxPeerCount,
        List<String> peers,
        List<String> collectors,
        List<String> samplePaths,
        long alertCount) {

    /** Lifecycle of an incident notification. */
    public enum Status {
        /** First notification, after the debounce period. */
        OPEN,
        /** More evidence (more peers) on an open incident. */
        UPDATE,
        /** The condition cleared (withdrawn, back to expected, or quiet for event-type alerts). */
        RESOLVED
    }

    /** Copies the lists. */
    public Incident {
        reasons = List.copyOf(reasons);
        peers = List.copyOf(peers);
        collectors = List.copyOf(collectors);
        samplePaths = List.copyOf(samplePaths);
    }

    /** {@return a one-line summary, e.g. {@code OPEN hijack 192.0.2.0/24 AS64511 CRITICAL 0.90 (3 peers)}} */
    public String summary() {
        return status + " " + type + (prefix != null ? " " + prefix : "") + (offender != null ? " " + offender : "")
                + (subject != null ? " subject " + subject : "") + (detail.isEmpty() ? "" : " [" + detail + "]") + " "
                + severity + " " + String.format(java.util.Locale.ROOT, "%.2f", confidence) + " (" + peerCount
                + " peers)";
    }
}
