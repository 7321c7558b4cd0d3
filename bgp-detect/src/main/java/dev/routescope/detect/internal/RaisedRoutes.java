package dev.routescope.detect.internal;

import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AlertType;
import dev.routescope.detect.spi.Observation;
import dev.routescope.model.AsPath;
import dev.routescope.model.Prefix;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

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

    /**
     * Sends a clear of {@code type} when this change (withdrawal or new path) replaces a route the
     * detector raised; the announcement, if any, is then checked afresh by the caller.
     */
    void clearIfReplaced(Observation o, AlertType type, Consumer<Alert> out) {
        if (o.hadRoute() && unmark(o.prefix(), o.peerId())) {
            out.accept(Alert.clear(type, o).prefix(o.prefix()).build());
        }
    }

    /** {@return the announced path when it can be walked link by link (no AS_SET, not empty), else null} */
    static @Nullable AsPath walkablePath(Observation o) {
        AsPath path = o.path();
        return !o.isAnnouncement() || path == null || path.isEmpty() || path.hasSet() ? null : path;
    }
}
