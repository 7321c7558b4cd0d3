package dev.routescope.detect.internal;

import dev.routescope.model.Prefix;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Current routes of one prefix partition: for each prefix, which peers hold a route and with which
 * origin and upstream. Only two longs per (prefix, peer) are kept, not the path, so a partition of a
 * full table (about 1.2 M prefixes x tens of peers) stays in the hundreds of MB. Bounded by {@code
 * maxPrefixes}: beyond it new prefixes are not tracked and are counted in {@link #untracked()}.
 *
 * <p>Not thread-safe: owned by one worker.
 */
public final class RouteTable {
    /** Result of the last {@link #announce}/{@link #withdraw}: the peer's previous route. */
    public long previousOrigin;
    /** Upstream of the previous route. */
    public long previousUpstream;
    /** Whether the peer held a route before. */
    public boolean hadRoute;
    /** Peers holding the prefix after the change. */
    public int visibility;

    private final Map<Prefix, Routes> routes = new HashMap<>();
    /** Routes held per peer id: a session going down scans the table only while some remain. */
    private int[] routesOfPeer = new int[64];

    private final int maxPrefixes;
    private long untracked;

    /**
     * A table.
     *
     * @param maxPrefixes prefixes tracked at most
     */
    public RouteTable(int maxPrefixes) {
        this.maxPrefixes = maxPrefixes;
    }

    /** Per-prefix route set: parallel arrays, linear scan (a prefix has at most a few hundred peers). */
    static final class Routes {
        int size;
        int[] peers = new int[4];
        long[] origins = new long[4];
        long[] upstreams = new long[4];

        int indexOf(int peer) {
            for (int i = 0; i < size; i++) {
                if (peers[i] == peer) {
                    return i;
                }
            }
            return -1;
        }

        void removeAt(int i) {
            int last = size - 1;
            peers[i] = peers[last];
            origins[i] = origins[last];
            upstreams[i] = upstreams[last];
            size = last;
        }
    }

    /**
     * Records a route; fills the public result fields.
     *
     * @param prefix the prefix
     * @param peer dense peer id
     * @param origin origin ASN or -1
     * @param upstream upstream ASN or -1
     */
    public void announce(Prefix prefix, int peer, long origin, long upstream) {
        Routes r = routes.get(prefix);
        if (r == null) {
            if (routes.size() >= maxPrefixes) {
                untracked++;
                previousOrigin = -1;
                previousUpstream = -1;
                hadRoute = false;
                visibility = 1;
                return;
            }
            r = new Routes();
            routes.put(prefix, r);
        }
        int i = r.indexOf(peer);
        if (i >= 0) {
            hadRoute = true;
            previousOrigin = r.origins[i];
            previousUpstream = r.upstreams[i];
        } else {
            hadRoute = false;
            previousOrigin = -1;
            previousUpstream = -1;
            if (r.size == r.peers.length) {
                int n = r.size * 2;
                r.peers = java.util.Arrays.copyOf(r.peers, n);
                r.origins = java.util.Arrays.copyOf(r.origins, n);
                r.upstreams = java.util.Arrays.copyOf(r.upstreams, n);
            }
            i = r.size++;
            r.peers[i] = peer;
            countRoute(peer, 1);
        }
        r.origins[i] = origin;
        r.upstreams[i] = upstream;
        visibility = r.size;
    }

    private void countRoute(int peer, int delta) {
        if (peer >= routesOfPeer.length) {
            routesOfPeer = java.util.Arrays.copyOf(routesOfPeer, Math.max(peer + 1, routesOfPeer.length * 2));
        }
        routesOfPeer[peer] += delta;
    }

    /**
     * Removes a peer's route; fills the public result fields.
     *
     * @param prefix the prefix
     * @param peer dense peer id
     */
    public void withdraw(Prefix prefix, int peer) {
        Routes r = routes.get(prefix);
        int i = r == null ? -1 : r.indexOf(peer);
        if (r == null || i < 0) {
            hadRoute = false;
            previousOrigin = -1;
            previousUpstream = -1;
            visibility = r == null ? 0 : r.size;
            return;
        }
        hadRoute = true;
        previousOrigin = r.origins[i];
        previousUpstream = r.upstreams[i];
        r.removeAt(i);
        countRoute(peer, -1);
        visibility = r.size;
        if (r.size == 0) {
            routes.remove(prefix);
        }
    }

    /** Receives the routes a peer lost. */
    @FunctionalInterface
    public interface RemovedRoute {
        /**
         * One route removed.
         *
         * @param prefix the prefix
         * @param origin its origin
         * @param upstream its upstream
         * @param visibility peers left
         */
        void removed(Prefix prefix, long origin, long upstream, int visibility);
    }

    /**
     * Removes every route of a peer (session down), in prefix order so replays are deterministic.
     *
     * @param peer dense peer id
     * @param out receives each removed route
     */
    public void removePeer(int peer, RemovedRoute out) {
        int remaining = peer < routesOfPeer.length ? routesOfPeer[peer] : 0;
        if (remaining == 0) {
            // Most session-down events are repeats for a peer already down (RIS reports every
            // state transition): nothing to scan for.
            return;
        }
        java.util.List<Prefix> hit = new java.util.ArrayList<>(remaining);
        for (Map.Entry<Prefix, Routes> e : routes.entrySet()) {
            if (e.getValue().indexOf(peer) >= 0) {
                hit.add(e.getKey());
                if (hit.size() == remaining) {
                    break;
                }
            }
        }
        java.util.Collections.sort(hit);
        for (Prefix p : hit) {
            Routes r = routes.get(p);
            if (r == null) {
                continue;
            }
            int i = r.indexOf(peer);
            long origin = r.origins[i];
            long upstream = r.upstreams[i];
            r.removeAt(i);
            countRoute(peer, -1);
            if (r.size == 0) {
                routes.remove(p);
            }
            out.removed(p, origin, upstream, r.size);
        }
    }

    /**
     * Peers routing the prefix with this origin.
     *
     * @param prefix the prefix
     * @param origin the origin
     * @return count
     */
    public int originPeers(Prefix prefix, long origin) {
        Routes r = routes.get(prefix);
        if (r == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < r.size; i++) {
            if (r.origins[i] == origin) {
                n++;
            }
        }
        return n;
    }

    /**
     * Peers routing the prefix.
     *
     * @param prefix the prefix
     * @return count
     */
    public int visibility(Prefix prefix) {
        Routes r = routes.get(prefix);
        return r == null ? 0 : r.size;
    }

    /** Receives one prefix of {@link #scan}: its routes as parallel arrays, valid during the call only. */
    public interface PrefixRoutes {
        /**
         * One tracked prefix.
         *
         * @param prefix the prefix
         * @param size routes (peers) holding it; entries {@code [0, size)} of the arrays are valid
         * @param origins origin per route (-1 when unknown)
         * @param upstreams upstream per route (-1 when none)
         */
        void prefix(Prefix prefix, int size, long[] origins, long[] upstreams);
    }

    /**
     * Visits every tracked prefix with its current routes (for baseline samples at window
     * boundaries). The arrays are the table's own: read them during the call, do not keep them.
     *
     * @param out the visitor
     */
    public void scan(PrefixRoutes out) {
        for (Map.Entry<Prefix, Routes> e : routes.entrySet()) {
            Routes r = e.getValue();
            out.prefix(e.getKey(), r.size, r.origins, r.upstreams);
        }
    }

    /** {@return tracked prefixes} */
    public int size() {
        return routes.size();
    }

    /** {@return announcements of prefixes not tracked because the table was full} */
    public long untracked() {
        return untracked;
    }

    /** {@return an iterator over tracked prefixes (for tests)} */
    Iterator<Prefix> prefixes() {
        return routes.keySet().iterator();
    }
}
