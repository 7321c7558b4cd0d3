package dev.routescope.detect;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Severity;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Folds alerts into incidents: one incident per key (type, prefix, offender, subject, detail), opened
 * once at least {@link AlertType#minPeers()} distinct peers report it and it has lasted the
 * debounce period (default 30 s), updated at most once per update interval when more peers join,
 * and RESOLVED once every peer cleared it and it stayed clear for the resolve hold-down (default 5
 * min, so a flapping route is one incident, not one per flap) for stateful types, or after a quiet
 * period without alerts for event types. Everything runs on event time, so replaying the
 * same alerts gives the same incidents with the same ids.
 *
 * <pre>{@code
 * IncidentAggregator agg = IncidentAggregator.builder().debounce(Duration.ofSeconds(30)).build(sink::add);
 * alerts.forEach(agg::accept);
 * agg.advanceTo(lastEventTime);
 * }</pre>
 *
 * <p>Threading: not thread-safe; the pipeline calls it from its single ordered stage. Memory: at most
 * {@code maxIncidents} tracked keys; raises for new keys beyond that are counted in {@link
 * #dropped()}.
 *
 * @since 0.1
 */
public final class IncidentAggregator implements Consumer<Alert> {
    private static final int MAX_PEERS_LISTED = 50;
    private static final int MAX_SAMPLES = 5;
    private static final int MAX_REASONS = 8;

    private final Duration debounce;
    private final Duration resolveHoldDown;
    private final Duration updateInterval;
    private final Duration quietPeriod;
    private final int maxIncidents;
    private final Map<String, Integer> minPeersOverride;
    private final Consumer<Incident> out;

    private final Map<String, State> states = new HashMap<>();
    // Wildcard clears (no offender/subject) find their incidents by type and prefix.
    private final Map<String, Set<String>> byTypePrefix = new HashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerSeq;
    private Instant now = Instant.EPOCH;
    private long dropped;
    private long suppressed;
    private final Map<Status3, Long> emitted = new java.util.EnumMap<>(Status3.class);

    private enum Status3 {
        OPEN,
        UPDATE,
        RESOLVED
    }

    private record Timer(Instant due, long seq, String key, long generation) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private static final class State {
        final String key;
        final AlertType type;
        final @Nullable Prefix prefix;
        final @Nullable Asn offender;
        final @Nullable Asn subject;
        final String detail;
        final Instant firstSeen;
        Instant lastSeen;

        @Nullable
        Instant qualifiedSince;

        @Nullable
        Instant clearSince;

        @Nullable
        Instant lastEmitted;

        int lastEmittedPeers;
        boolean opened;
        long generation;
        long alertCount;
        Severity severity;
        double confidence;
        final LinkedHashSet<String> reasons = new LinkedHashSet<>();
        String message = "";
        // witness (peer + route prefix) -> peer; distinct peers counted in peerRefs.
        final Map<String, String> witnesses = new HashMap<>();
        final Map<String, Integer> peerRefs = new HashMap<>();
        final TreeSet<String> peersEver = new TreeSet<>();
        final TreeSet<String> collectors = new TreeSet<>();
        final LinkedHashSet<String> samples = new LinkedHashSet<>();
        int maxPeers;

        @Nullable
        String id;

        State(String key, Alert a) {
            this.key = key;
            this.type = a.type();
            this.prefix = a.prefix();
            this.offender = a.offender();
            this.subject = a.subject();
            this.detail = a.detail();
            this.firstSeen = a.timestamp();
            this.lastSeen = a.timestamp();
            this.severity = a.severity();
            this.confidence = a.confidence();
        }

        int peers() {
            return peerRefs.size();
        }
    }

    private IncidentAggregator(Builder b, Consumer<Incident> out) {
        this.debounce = b.debounce;
        this.resolveHoldDown = b.resolveHoldDown;
        this.updateInterval = b.updateInterval;
        this.quietPeriod = b.quietPeriod;
        this.maxIncidents = b.maxIncidents;
        this.minPeersOverride = Map.copyOf(b.minPeers);
        this.out = out;
    }

    /**
     * {@return a builder with the defaults: debounce 30 s, resolve hold-down 5 min, updates every 5
     * min, quiet period 6 min}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Processes one alert (in input order; time must not go backwards by more than what the source
     * guarantees: earlier timestamps are treated as "now").
     *
     * @param a the alert
     */
    @Override
    public void accept(Alert a) {
        advanceTo(a.timestamp());
        Instant t = a.timestamp().isBefore(now) ? now : a.timestamp();
        if (a.isClear()) {
            if (a.offender() == null && a.subject() == null && a.detail().isEmpty()) {
                Set<String> keys = byTypePrefix.get(typePrefix(a.type().name(), a.prefix()));
                if (keys != null) {
                    for (String k : new ArrayList<>(keys)) {
                        clear(k, a, t);
                    }
                }
            } else {
                clear(a.key(), a, t);
            }
            return;
        }
        String key = a.key();
        State st = states.get(key);
        if (st == null) {
            if (states.size() >= maxIncidents) {
                dropped++;
                return;
            }
            st = new State(key, a);
            states.put(key, st);
            byTypePrefix
                    .computeIfAbsent(typePrefix(a.type().name(), a.prefix()), k -> new LinkedHashSet<>())
                    .add(key);
            if (!a.type().stateful()) {
                schedule(st, t.plus(quietPeriod));
            }
        }
        st.lastSeen = t;
        st.alertCount++;
        st.clearSince = null;
        if (a.severity().isAtLeast(st.severity) && a.severity() != st.severity) {
            st.severity = a.severity();
        }
        st.confidence = Math.max(st.confidence, a.confidence());
        for (String r : a.reasons()) {
            if (st.reasons.size() < MAX_REASONS) {
                st.reasons.add(r);
            }
        }
        if (!a.message().isEmpty()) {
            st.message = a.message();
        }
        String peer = a.peer() == null ? "*" : peerText(a);
        String witness =
                peer + "|" + (a.routePrefix() == null ? "" : a.routePrefix().toString());
        if (st.witnesses.put(witness, peer) == null) {
            st.peerRefs.merge(peer, 1, Integer::sum);
        }
        if (a.peer() != null && st.peersEver.size() < MAX_PEERS_LISTED) {
            st.peersEver.add(peer);
        }
        if (!a.collector().isEmpty()) {
            st.collectors.add(a.collector());
        }
        if (a.path() != null && st.samples.size() < MAX_SAMPLES) {
            st.samples.add(a.path().toString());
        }
        st.maxPeers = Math.max(st.maxPeers, st.peers());
        if (!st.opened) {
            if (st.qualifiedSince == null && st.peers() >= minPeers(st.type)) {
                st.qualifiedSince = t;
                schedule(st, t.plus(debounce));
            }
        } else if (st.peers() > st.lastEmittedPeers
                && st.lastEmitted != null
                && !t.isBefore(st.lastEmitted.plus(updateInterval))) {
            emit(st, Incident.Status.UPDATE, null);
        }
    }

    private void clear(String key, Alert a, Instant t) {
        State st = states.get(key);
        if (st == null) {
            return;
        }
        if (a.peer() == null) {
            st.witnesses.clear();
            st.peerRefs.clear();
        } else {
            String peer = peerText(a);
            if (a.routePrefix() == null) {
                st.witnesses.values().removeIf(peer::equals);
                st.peerRefs.remove(peer);
            } else if (st.witnesses.remove(peer + "|" + a.routePrefix()) != null) {
                st.peerRefs.computeIfPresent(peer, (k, v) -> v == 1 ? null : v - 1);
            }
        }
        if (!st.type.stateful()) {
            return; // event types end by going quiet
        }
        if (st.peers() == 0) {
            if (!st.opened) {
                suppressed++;
                remove(st);
            } else if (st.clearSince == null) {
                st.clearSince = t;
                schedule(st, t.plus(resolveHoldDown));
            }
        } else if (!st.opened && st.peers() < minPeers(st.type)) {
            st.qualifiedSince = null;
        }
    }

    /**
     * Advances event time, firing debounce, resolution and quiet-period timers due at or before
     * {@code time}.
     *
     * @param time the event-time watermark
     */
    public void advanceTo(Instant time) {
        if (time.isAfter(now)) {
            now = time;
        }
        while (!timers.isEmpty() && !timers.peek().due().isAfter(now)) {
            Timer timer = timers.poll();
            State st = states.get(timer.key());
            if (st == null || st.generation != timer.generation()) {
                continue;
            }
            fire(st, timer.due());
        }
    }

    private void fire(State st, Instant due) {
        if (!st.type.stateful()) {
            Instant quietEnd = st.lastSeen.plus(quietPeriod);
            openIfDue(st, due);
            if (quietEnd.isAfter(due)) {
                Instant next = quietEnd;
                Instant q = st.qualifiedSince;
                if (!st.opened && q != null) {
                    Instant open = q.plus(debounce);
                    if (open.isAfter(due) && open.isBefore(next)) {
                        next = open;
                    }
                }
                schedule(st, next);
                return;
            }
            if (st.opened) {
                emit(st, Incident.Status.RESOLVED, quietEnd);
            } else {
                suppressed++;
            }
            remove(st);
            return;
        }
        if (st.opened) {
            Instant c = st.clearSince;
            if (c != null && !c.plus(resolveHoldDown).isAfter(due) && st.peers() == 0) {
                emit(st, Incident.Status.RESOLVED, c);
                remove(st);
            }
            return;
        }
        openIfDue(st, due);
    }

    private void openIfDue(State st, Instant due) {
        Instant q = st.qualifiedSince;
        if (!st.opened && q != null && !q.plus(debounce).isAfter(due) && st.peers() >= minPeers(st.type)) {
            st.opened = true;
            emit(st, Incident.Status.OPEN, null);
        }
    }

    private void schedule(State st, Instant due) {
        st.generation++;
        timers.add(new Timer(due, timerSeq++, st.key, st.generation));
    }

    private void remove(State st) {
        states.remove(st.key);
        String tp = typePrefix(st.type.name(), st.prefix);
        Set<String> keys = byTypePrefix.get(tp);
        if (keys != null) {
            keys.remove(st.key);
            if (keys.isEmpty()) {
                byTypePrefix.remove(tp);
            }
        }
        st.generation++;
    }

    private int minPeers(AlertType type) {
        Integer o = minPeersOverride.get(type.name());
        return o != null ? o : type.minPeers();
    }

    private static String typePrefix(String type, @Nullable Prefix p) {
        return type + '|' + (p == null ? "" : p.toString());
    }

    private static String peerText(Alert a) {
        return (a.collector().isEmpty() ? "" : a.collector() + " ") + String.valueOf(a.peer());
    }

    private void emit(State st, Incident.Status status, @Nullable Instant resolvedAt) {
        if (st.id == null) {
            st.id = stableId(st.key, st.firstSeen);
        }
        double confidence = st.confidence;
        List<String> reasons = new ArrayList<>(st.reasons);
        int peers = Math.max(st.peers(), status == Incident.Status.RESOLVED ? 0 : 1);
        int evidencePeers = Math.max(st.maxPeers, peers);
        if (evidencePeers < 3 && st.peersEver.size() > 0) {
            confidence *= 0.7;
            reasons.add("seen by only " + evidencePeers + " peer" + (evidencePeers == 1 ? "" : "s"));
        }
        st.lastEmitted = st.lastSeen.isAfter(now) ? st.lastSeen : now;
        st.lastEmittedPeers = st.peers();
        emitted.merge(Status3.valueOf(status.name()), 1L, Long::sum);
        out.accept(new Incident(
                st.id,
                status,
                st.type.name(),
                st.prefix,
                st.offender,
                st.subject,
                st.detail,
                st.severity,
                confidence,
                reasons,
                st.message,
                st.firstSeen,
                st.lastSeen,
                resolvedAt,
                st.peers(),
                st.maxPeers,
                new ArrayList<>(st.peersEver),
                new ArrayList<>(st.collectors),
                new ArrayList<>(st.samples),
                st.alertCount));
    }

    /**
     * The stable incident id: the first 16 bytes of SHA-256 over the key and the first-seen time
     * (microseconds), as hex.
     *
     * @param key the alert key
     * @param firstSeen first-seen event time
     * @return 32 hex digits
     */
    static String stableId(String key, Instant firstSeen) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(key.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '@');
            long micros = firstSeen.getEpochSecond() * 1_000_000L + firstSeen.getNano() / 1000;
            md.update(Long.toString(micros).getBytes(StandardCharsets.US_ASCII));
            byte[] d = md.digest();
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** {@return keys currently tracked (pending, open or resolving)} */
    public int activeCount() {
        return states.size();
    }

    /** {@return currently open incidents (opened and not yet resolved)} */
    public int openCount() {
        int n = 0;
        for (State s : states.values()) {
            if (s.opened) {
                n++;
            }
        }
        return n;
    }

    /** {@return raises for new keys refused because {@code maxIncidents} keys were tracked} */
    public long dropped() {
        return dropped;
    }

    /** {@return candidates that cleared or went quiet before they could open (debounced away)} */
    public long suppressed() {
        return suppressed;
    }

    /** {@return incident notifications emitted, by status name} */
    public Map<String, Long> emitted() {
        Map<String, Long> m = new TreeMap<>();
        emitted.forEach((k, v) -> m.put(k.name(), v));
        return m;
    }

    /** {@return the event-time watermark} */
    public Instant now() {
        return now;
    }

    /** Configures an aggregator; not thread-safe. */
    public static final class Builder {
        private Duration debounce = Duration.ofSeconds(30);
        private Duration resolveHoldDown = Duration.ofMinutes(5);
        private Duration updateInterval = Duration.ofMinutes(5);
        private Duration quietPeriod = Duration.ofMinutes(6);
        private int maxIncidents = 1_000_000;
        private final Map<String, Integer> minPeers = new HashMap<>();
        private final Set<String> set = new java.util.HashSet<>();

        private Builder() {}

        private void once(String what, Object value) {
            if (!set.add(what)) {
                throw new IllegalStateException(what + " was already set (to " + value + ")");
            }
        }

        private static Duration positive(String what, Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " " + d + " (expected: >= 0)");
            }
            return d;
        }

        /**
         * How long a condition must last before it opens, and stay clear before it resolves.
         *
         * @param d default 30 s; zero disables debouncing
         * @return this
         */
        public Builder debounce(Duration d) {
            once("debounce", debounce);
            debounce = positive("debounce", d);
            return this;
        }

        /**
         * How long a cleared stateful incident must stay clear before RESOLVED; a re-raise within it
         * continues the same incident.
         *
         * @param d default 5 min; never shorter than the debounce in effect
         * @return this
         */
        public Builder resolveHoldDown(Duration d) {
            once("resolveHoldDown", resolveHoldDown);
            resolveHoldDown = positive("resolveHoldDown", d);
            return this;
        }

        /**
         * Minimum event time between UPDATE notifications of one incident.
         *
         * @param d default 5 min
         * @return this
         */
        public Builder updateInterval(Duration d) {
            once("updateInterval", updateInterval);
            updateInterval = positive("updateInterval", d);
            return this;
        }

        /**
         * How long an event-type incident (path match, ROA change, burst, bogon) must be quiet to
         * resolve (BGPalerter's fade-off).
         *
         * @param d default 6 min
         * @return this
         */
        public Builder quietPeriod(Duration d) {
            once("quietPeriod", quietPeriod);
            quietPeriod = positive("quietPeriod", d);
            return this;
        }

        /**
         * Bound on tracked keys.
         *
         * @param n default 1,000,000
         * @return this
         */
        public Builder maxIncidents(int n) {
            once("maxIncidents", maxIncidents);
            if (n < 1) {
                throw new IllegalArgumentException("maxIncidents " + n + " (expected: >= 1)");
            }
            maxIncidents = n;
            return this;
        }

        /**
         * Overrides the peer threshold of one alert type (BGPalerter {@code thresholdMinPeers}).
         *
         * @param type the alert type name
         * @param peers the threshold, {@code >= 1}
         * @return this
         */
        public Builder minPeers(String type, int peers) {
            if (peers < 1) {
                throw new IllegalArgumentException("minPeers " + peers + " for " + type + " (expected: >= 1)");
            }
            if (minPeers.putIfAbsent(type, peers) != null) {
                throw new IllegalStateException("minPeers for " + type + " was already set");
            }
            return this;
        }

        /**
         * Builds the aggregator.
         *
         * @param out receives incident notifications, in order
         * @return the aggregator
         */
        public IncidentAggregator build(Consumer<Incident> out) {
            if (!set.contains("resolveHoldDown") && resolveHoldDown.compareTo(debounce) < 0) {
                resolveHoldDown = debounce;
            }
            if (resolveHoldDown.compareTo(debounce) < 0) {
                throw new IllegalStateException(
                        "resolveHoldDown " + resolveHoldDown + " is shorter than debounce " + debounce);
            }
            return new IncidentAggregator(this, out);
        }

        Duration debounceValue() {
            return debounce;
        }
    }
}
