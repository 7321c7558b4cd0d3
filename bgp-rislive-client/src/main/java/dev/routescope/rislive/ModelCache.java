package dev.routescope.rislive;

import dev.routescope.model.Aggregator;
import dev.routescope.model.AsPath;
import dev.routescope.model.AsPathSegment;
import dev.routescope.model.Community;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Origin;
import dev.routescope.model.PathAttributes;
import dev.routescope.model.SegmentType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Direct-mapped caches of the immutable model values a message's announcements share: AS paths,
 * community lists and whole path attributes. RIS Live repeats them heavily (a peer re-announcing
 * the same path, a burst of prefixes from one origin), so most messages build no path, no community
 * and no attribute record at all. Keys are the decoded content, so a hit is always an equal value;
 * a colliding entry is simply replaced. Bounded: {@value #SLOTS} entries per cache.
 */
final class ModelCache {
    static final int SLOTS = 8192;

    private final AsPath[] paths = new AsPath[SLOTS];
    private final List<?>[] communityLists = new List<?>[SLOTS];
    private final PathAttributes[] attributes = new PathAttributes[SLOTS];
    private final List<AsPathSegment> segments = new ArrayList<>();
    private final List<Community> communities = new ArrayList<>();

    /** {@return the AS path of the view, cached by its ASNs and segment structure} */
    AsPath path(RisMessageView v) {
        if (v.segmentCount == 0) {
            return AsPath.EMPTY;
        }
        int h = 1;
        for (int k = 0; k < v.asnCount; k++) {
            h = 31 * h + (int) v.asns[k];
        }
        for (int s = 0; s < v.segmentCount; s++) {
            h = 31 * h + v.segmentEnds[s] * 2 + (v.segmentTypes[s] == SegmentType.AS_SET ? 1 : 0);
        }
        int slot = mix(h);
        AsPath cached = paths[slot];
        if (cached != null && samePath(cached, v)) {
            return cached;
        }
        AsPath path;
        if (v.segmentCount == 1 && v.segmentTypes[0] == SegmentType.AS_SEQUENCE) {
            path = AsPath.ofSequence(Arrays.copyOf(v.asns, v.asnCount)); // the usual path: fewer copies
        } else {
            path = build(v);
        }
        paths[slot] = path;
        return path;
    }

    private AsPath build(RisMessageView v) {
        segments.clear();
        int start = 0;
        for (int s = 0; s < v.segmentCount; s++) {
            int stop = v.segmentEnds[s];
            segments.add(AsPathSegment.of(v.segmentTypes[s], Arrays.copyOfRange(v.asns, start, stop)));
            start = stop;
        }
        return AsPath.of(segments);
    }

    private static boolean samePath(AsPath path, RisMessageView v) {
        if (path.segmentCount() != v.segmentCount) {
            return false;
        }
        int k = 0;
        for (int s = 0; s < v.segmentCount; s++) {
            AsPathSegment segment = path.segment(s);
            int stop = v.segmentEnds[s];
            if (segment.type() != v.segmentTypes[s] || segment.size() != stop - k) {
                return false;
            }
            for (int j = 0; k < stop; j++, k++) {
                if (segment.asn(j) != v.asns[k]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@return the communities of the view as an immutable list, cached by their values} */
    List<Community> communities(RisMessageView v) {
        int n = v.communityCount;
        if (n == 0) {
            return List.of();
        }
        int h = 1;
        for (int k = 0; k < n; k++) {
            h = 31 * h + (int) v.communities[k];
        }
        int slot = mix(h);
        @SuppressWarnings("unchecked")
        List<Community> cached = (List<Community>) communityLists[slot];
        if (cached != null && cached.size() == n) {
            boolean same = true;
            for (int k = 0; k < n && same; k++) {
                same = cached.get(k).value() == v.communities[k];
            }
            if (same) {
                return cached;
            }
        }
        communities.clear();
        for (int k = 0; k < n; k++) {
            communities.add(new Community(v.communities[k]));
        }
        List<Community> list = List.copyOf(communities);
        communityLists[slot] = list;
        return list;
    }

    /**
     * The attributes of one announcement group. The path and community list come from the caches
     * above and next hops from the scanner's, so identity compares them (an equal value that is not the
     * same instance only costs a rebuild).
     */
    @SuppressWarnings("ReferenceEquality") // identity is the point: see above
    PathAttributes attributes(
            @Nullable Origin origin,
            AsPath path,
            @Nullable IpAddress nextHop,
            @Nullable IpAddress linkLocalNextHop,
            @Nullable Long med,
            @Nullable Aggregator aggregator,
            List<Community> communityList) {
        int h = System.identityHashCode(path);
        h = 31 * h + System.identityHashCode(communityList);
        h = 31 * h + System.identityHashCode(nextHop);
        h = 31 * h + System.identityHashCode(linkLocalNextHop);
        h = 31 * h + Objects.hashCode(origin);
        h = 31 * h + (med == null ? -1 : med.hashCode());
        h = 31 * h + Objects.hashCode(aggregator);
        int slot = mix(h);
        PathAttributes cached = attributes[slot];
        if (cached != null
                && cached.asPath() == path
                && cached.communities() == communityList
                && cached.nextHop() == nextHop
                && cached.linkLocalNextHop() == linkLocalNextHop
                && cached.origin() == origin
                && Objects.equals(cached.med(), med)
                && Objects.equals(cached.aggregator(), aggregator)) {
            return cached;
        }
        // The canonical constructor keeps the immutable community list as it is (the builder would
        // copy it), so the identity check above hits next time; the other fields are the builder's
        // defaults.
        PathAttributes a = new PathAttributes(
                origin,
                path,
                nextHop,
                linkLocalNextHop,
                med,
                null,
                false,
                aggregator,
                communityList,
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                List.of());
        attributes[slot] = a;
        return a;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
