package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.Observation;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Many prefixes of one origin explicitly withdrawn by many peers within a window (not one peer's
 * session reset: implicit withdrawals are ignored and a peer threshold applies). Keyed by origin
 * ASN; each key holds time-ordered (prefix, peer) maps trimmed to the window and capped.
 */
final class MassWithdrawalDetector implements Detector {
    private static final int MAX_ORIGINS = 100_000;

    private final Duration window;
    private final int minPrefixes;
    private final int minPeers;
    private final int cap;
    private final LinkedHashMap<Long, State> byOrigin = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, State> eldest) {
            return size() > MAX_ORIGINS && !eldest.getValue().alerting;
        }
    };

    /** Per-origin window: last withdrawal time per prefix and per peer (insertion = time order). */
    static final class State {
        final LinkedHashMap<Prefix, Instant> prefixes = new LinkedHashMap<>();
        final LinkedHashMap<Integer, Instant> peers = new LinkedHashMap<>();
        boolean alerting;
    }

    MassWithdrawalDetector(Duration window, int minPrefixes, int minPeers) {
        this.window = window;
        this.minPrefixes = minPrefixes;
        this.minPeers = minPeers;
        this.cap = Math.max(minPrefixes * 4, 1024);
    }

    @Override
    public boolean accepts(Observation o) {
        return o.isWithdrawal() ? !o.implicit() && o.hadRoute() && o.previousOrigin() >= 0 : !o.hadRoute();
    }

    @Override
    public void observe(Observation o, DetectorContext ctx, Consumer<Alert> out) {
        if (o.isAnnouncement()) {
            if (o.origin() < 0) {
                return;
            }
            State st = byOrigin.get(o.origin());
            if (st != null && st.prefixes.remove(o.prefix()) != null) {
                evaluate(o.origin(), st, o.timestamp(), o.sequence(), out);
            }
            return;
        }
        long origin = o.previousOrigin();
        State st = byOrigin.computeIfAbsent(origin, k -> new State());
        st.prefixes.remove(o.prefix());
        st.prefixes.put(o.prefix(), o.timestamp());
        st.peers.remove(o.peerId());
        st.peers.put(o.peerId(), o.timestamp());
        while (st.prefixes.size() > cap) {
            Iterator<Prefix> it = st.prefixes.keySet().iterator();
            it.next();
            it.remove();
        }
        trim(st, o.timestamp());
        evaluate(origin, st, o.timestamp(), o.sequence(), out);
    }

    /** Drops entries older than the window; returns when the last dropped one expired, or null. */
    private @org.jspecify.annotations.Nullable Instant trim(State st, Instant now) {
        Instant limit = now.minus(window);
        Instant expired = null;
        for (Iterator<Instant> it = st.prefixes.values().iterator(); it.hasNext(); ) {
            Instant t = it.next();
            if (t.isBefore(limit)) {
                it.remove();
                expired = t.plus(window);
            } else {
                break;
            }
        }
        for (Iterator<Instant> it = st.peers.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(limit)) {
                it.remove();
            } else {
                break;
            }
        }
        return expired;
    }

    private void evaluate(long origin, State st, Instant now, long seq, Consumer<Alert> out) {
        boolean hit = st.prefixes.size() >= minPrefixes && st.peers.size() >= minPeers;
        if (hit && !st.alerting) {
            st.alerting = true;
            out.accept(Alert.of(AlertType.MASS_WITHDRAWAL, Alert.Kind.RAISE, now, seq)
                    .subject(Asn.of(origin))
                    .message(st.prefixes.size() + " prefixes of AS" + origin + " withdrawn by " + st.peers.size()
                            + " peers within " + window.toMinutes() + " min")
                    .build());
        } else if (!hit && st.alerting) {
            st.alerting = false;
            out.accept(Alert.of(AlertType.MASS_WITHDRAWAL, Alert.Kind.CLEAR, now, seq)
                    .subject(Asn.of(origin))
                    .build());
        }
    }

    @Override
    public void advanceTime(Instant now, long sequence, DetectorContext ctx, Consumer<Alert> out) {
        List<Long> empty = new ArrayList<>();
        for (Map.Entry<Long, State> e : byOrigin.entrySet()) {
            State st = e.getValue();
            Instant expired = trim(st, now);
            // Report the clear when the window actually emptied, not at the next batch boundary.
            evaluate(e.getKey(), st, expired != null ? expired : now, sequence, out);
            if (st.prefixes.isEmpty() && !st.alerting) {
                empty.add(e.getKey());
            }
        }
        for (Long k : empty) {
            byOrigin.remove(k);
        }
    }

    @Override
    public int stateSize() {
        return byOrigin.size();
    }
}
