package dev.routescope.detect.internal;

import dev.routescope.model.Prefix;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Which (prefix, peer) routes a detector has raised an alert for, so it sends a clear only for
 * those instead of on every route change (millions of no-op clears on a busy feed). State exists
 * only for raised routes.
 */
final class RaisedRoutes {
    private final Map<Prefix, BitSet> raised = new HashMap<>();

    void mark(Prefix p, int peer) {
        raised.computeIfAbsent(p, k -> new BitSet()).set(peer);
    }

    /** Forgets the route; returns whether it had been raised. */
    boolean unmark(Prefix p, int peer) {
        BitSet b = raised.get(p);
        if (b == null || !b.get(peer)) {
            return false;
        }
        b.clear(peer);
        if (b.isEmpty()) {
            raised.remove(p);
        }
        return true;
    }

    int size() {
        return raised.size();
    }
}
