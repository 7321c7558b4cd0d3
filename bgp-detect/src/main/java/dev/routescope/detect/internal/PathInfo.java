package dev.routescope.detect.internal;

import dev.routescope.model.AsPath;
import dev.routescope.model.AsPathSegment;
import dev.routescope.model.SegmentType;

/** Small allocation-free helpers over {@link AsPath}. */
public final class PathInfo {
    private PathInfo() {}

    /**
     * The neighbour of the origin: the first ASN left of the origin that differs from it (prepends
     * skipped), across sequence segments.
     *
     * @param path the path
     * @return the upstream ASN, or -1 if the path ends in a set or has a single distinct ASN
     */
    public static long upstream(AsPath path) {
        long origin = path.originValue();
        if (origin < 0) {
            return -1;
        }
        for (int s = path.segmentCount() - 1; s >= 0; s--) {
            AsPathSegment seg = path.segment(s);
            if (seg.type() != SegmentType.AS_SEQUENCE) {
                return -1;
            }
            for (int i = seg.size() - 1; i >= 0; i--) {
                long a = seg.asn(i);
                if (a != origin) {
                    return a;
                }
            }
        }
        return -1;
    }

    /**
     * The path's ASNs with consecutive duplicates removed, origin first, as BGP propagated the route.
     * Only meaningful for paths of sequences (callers reject sets first).
     *
     * @param path the path
     * @return ASNs from origin to the collector peer
     */
    public static long[] compressedOriginFirst(AsPath path) {
        long[] all = path.toAsnArray();
        long[] out = new long[all.length];
        int n = 0;
        for (int i = all.length - 1; i >= 0; i--) {
            if (n == 0 || out[n - 1] != all[i]) {
                out[n++] = all[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Learns the first valley-free violation of a path into learning baselines (warm-up).
     *
     * @param path the path
     * @param rel the relationships
     * @param baselines the learning baselines
     */
    public static void learnValley(
            AsPath path, dev.routescope.detect.spi.RelationshipLookup rel, dev.routescope.detect.Baselines baselines) {
        ValleyFreeDetector.learn(path, rel, baselines);
    }
}
