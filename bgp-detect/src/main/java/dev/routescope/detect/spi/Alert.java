package dev.routescope.detect.spi;

import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import dev.routescope.model.Peer;
import dev.routescope.model.Prefix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One detector finding about one route (or one window), or the signal that such a finding no
 * longer holds for a peer. Alerts with the same {@link #key() key} (type, prefix, offender, subject,
 * detail) are folded into one incident by the aggregator; a {@link Kind#CLEAR} alert removes its
 * peer from the incident (or every peer when {@link #peer()} is null), and an incident without
 * peers resolves.
 *
 * <pre>{@code
 * Alert a = Alert.raise(AlertType.HIJACK, observation)
 *         .prefix(observation.prefix()).offender(Asn.of(64511)).subject(Asn.of(64500))
 *         .message("192.0.2.0/24 is announced by AS64511 instead of AS64500")
 *         .reason("RPKI invalid (origin)", 0.2)
 *         .build();
 * }</pre>
 *
 * @param type the alert type
 * @param kind raise or clear
 * @param prefix the prefix the incident is about, or null (e.g. a per-AS finding)
 * @param offender the ASN that causes it (hijacker, leaker, new upstream), or null
 * @param subject the ASN affected or monitored (expected origin, origin of withdrawn prefixes), or null
 * @param detail extra key text that separates incidents of one type (e.g. a path rule), may be empty
 * @param timestamp event time of the evidence
 * @param sequence position of the evidence in the input (for deterministic ordering)
 * @param collector collector that saw it, may be empty
 * @param peer the peer that reported it, or null for window-level findings
 * @param routePrefix the prefix of the evidencing route (may differ from {@code prefix}), or null
 * @param path the evidencing AS path, or null
 * @param severity severity of this finding
 * @param confidence 0..1, how sure the detector is that this is a real problem
 * @param reasons why the confidence/severity is what it is, human readable
 * @param message operator-facing text
 * @since 0.1
 */
public record Alert(
        AlertType type,
        Kind kind,
        @Nullable Prefix prefix,
        @Nullable Asn offender,
        @Nullable Asn subject,
        String detail,
        Instant timestamp,
        long sequence,
        String collector,
        @Nullable Peer peer,
        @Nullable Prefix routePrefix,
        @Nullable AsPath path,
        Severity severity,
        double confidence,
        List<String> reasons,
        String message) {

    /** Whether an alert reports a condition or its end. */
    public enum Kind {
        /** The condition holds (for {@link #peer()}). */
        RAISE,
        /** The condition no longer holds for {@link #peer()} (all peers when null). */
        CLEAR
    }

    /**
     * Validates confidence and copies the reasons.
     *
     * @throws IllegalArgumentException if confidence is outside 0..1
     */
    public Alert {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " (expected: 0..1)");
        }
        reasons = List.copyOf(reasons);
    }

    /** {@return the aggregation key: type name, prefix, offender, subject and detail} */
    public String key() {
        return type.name()
                + '|'
                + (prefix == null ? "" : prefix.toString())
                + '|'
                + (offender == null ? "" : Long.toString(offender.value()))
                + '|'
                + (subject == null ? "" : Long.toString(subject.value()))
                + '|'
                + detail;
    }

    /** {@return true for {@link Kind#CLEAR}} */
    public boolean isClear() {
        return kind == Kind.CLEAR;
    }

    /**
     * Starts a raise alert with time, sequence, collector, peer, route prefix and path from an
     * observation.
     *
     * @param type the type
     * @param evidence the observation that triggered it
     * @return a builder
     */
    public static Builder raise(AlertType type, Observation evidence) {
        return new Builder(type, Kind.RAISE, evidence.timestamp(), evidence.sequence())
                .collector(evidence.collector())
                .peer(evidence.peer())
                .routePrefix(evidence.prefix())
                .path(evidence.path());
    }

    /**
     * Starts a clear alert for the observation's peer.
     *
     * @param type the type
     * @param evidence the observation that ended the condition for its peer
     * @return a builder
     */
    public static Builder clear(AlertType type, Observation evidence) {
        return new Builder(type, Kind.CLEAR, evidence.timestamp(), evidence.sequence())
                .collector(evidence.collector())
                .peer(evidence.peer())
                .routePrefix(evidence.prefix());
    }

    /**
     * Starts an alert without a route (window-level or data findings).
     *
     * @param type the type
     * @param kind raise or clear
     * @param timestamp event time
     * @param sequence input position
     * @return a builder
     */
    public static Builder of(AlertType type, Kind kind, Instant timestamp, long sequence) {
        return new Builder(type, kind, timestamp, sequence);
    }

    /** Builds an {@link Alert}; not thread-safe, used once. */
    public static final class Builder {
        private final AlertType type;
        private final Kind kind;
        private final Instant timestamp;
        private final long sequence;
        private @Nullable Prefix prefix;
        private @Nullable Asn offender;
        private @Nullable Asn subject;
        private String detail = "";
        private String collector = "";
        private @Nullable Peer peer;
        private @Nullable Prefix routePrefix;
        private @Nullable AsPath path;
        private @Nullable Severity severity;
        private double confidence = 1.0;
        private final List<String> reasons = new ArrayList<>(2);
        private String message = "";

        private Builder(AlertType type, Kind kind, Instant timestamp, long sequence) {
            this.type = type;
            this.kind = kind;
            this.timestamp = timestamp;
            this.sequence = sequence;
        }

        /**
         * Sets the incident prefix.
         *
         * @param v the prefix or null
         * @return this
         */
        public Builder prefix(@Nullable Prefix v) {
            prefix = v;
            return this;
        }

        /**
         * Sets the offending ASN.
         *
         * @param v the ASN or null
         * @return this
         */
        public Builder offender(@Nullable Asn v) {
            offender = v;
            return this;
        }

        /**
         * Sets the affected or monitored ASN.
         *
         * @param v the ASN or null
         * @return this
         */
        public Builder subject(@Nullable Asn v) {
            subject = v;
            return this;
        }

        /**
         * Sets the key detail.
         *
         * @param v the detail text
         * @return this
         */
        public Builder detail(String v) {
            detail = v;
            return this;
        }

        /**
         * Sets the collector.
         *
         * @param v the collector name
         * @return this
         */
        public Builder collector(String v) {
            collector = v;
            return this;
        }

        /**
         * Sets the reporting peer; null for window-level alerts (a null-peer clear clears all peers).
         *
         * @param v the peer or null
         * @return this
         */
        public Builder peer(@Nullable Peer v) {
            peer = v;
            return this;
        }

        /**
         * Sets the prefix of the evidencing route.
         *
         * @param v the prefix or null
         * @return this
         */
        public Builder routePrefix(@Nullable Prefix v) {
            routePrefix = v;
            return this;
        }

        /**
         * Sets the evidencing path.
         *
         * @param v the path or null
         * @return this
         */
        public Builder path(@Nullable AsPath v) {
            path = v;
            return this;
        }

        /**
         * Sets the severity (default: the type's).
         *
         * @param v the severity
         * @return this
         */
        public Builder severity(Severity v) {
            severity = v;
            return this;
        }

        /**
         * Multiplies the confidence by {@code factor} and records why.
         *
         * @param why the reason, e.g. {@code "origin is a sibling of AS64500"}
         * @param factor 0..1 (1 only records the reason)
         * @return this
         */
        public Builder reason(String why, double factor) {
            if (!(factor >= 0 && factor <= 1)) {
                throw new IllegalArgumentException("confidence factor " + factor + " (expected: 0..1)");
            }
            confidence *= factor;
            reasons.add(why);
            return this;
        }

        /**
         * Sets the operator-facing text.
         *
         * @param v the message
         * @return this
         */
        public Builder message(String v) {
            message = v;
            return this;
        }

        /** {@return the alert} */
        public Alert build() {
            return new Alert(
                    type,
                    kind,
                    prefix,
                    offender,
                    subject,
                    detail,
                    timestamp,
                    sequence,
                    collector,
                    peer,
                    routePrefix,
                    path,
                    severity == null ? type.defaultSeverity() : severity,
                    confidence,
                    reasons,
                    message);
        }
    }
}
