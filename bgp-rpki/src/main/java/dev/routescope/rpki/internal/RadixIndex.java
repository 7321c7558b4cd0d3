package dev.routescope.rpki.internal;

import java.util.Arrays;

/**
 * Builds the radix index that {@link FamilyTable#innermostContaining} walks: a tree of bucket
 * tables over the leading bits of sorted 64-bit keys. A node of stride {@code s} is {@code 2^(s+1)
 * + 1} ints: for bucket {@code b}, {@code [2b]} is the first key index of the bucket and {@code
 * [2b+1]} the offset of its child node (0 = none; the root sits at offset 0 so no child does); the
 * bucket ends where the next one starts, {@code [2b+2]}. A bucket gets a child only when it holds
 * more than {@link FamilyTable#LEAF_MAX} keys, which bounds the index to a few percent of the keys'
 * size while keeping every final binary search within a few cache lines.
 */
final class RadixIndex {
    private int[] nodes = new int[1 << 12];
    private int used;
    private final long[] keys;
    private final int keyStride;
    private final int maxBits;
    private final int childStride;

    private RadixIndex(long[] keys, int keyStride, int maxBits, int childStride) {
        this.keys = keys;
        this.keyStride = keyStride;
        this.maxBits = maxBits;
        this.childStride = childStride;
    }

    /**
     * Builds the index.
     *
     * @param keys keys sorted as unsigned values, key {@code i} at {@code keys[i * keyStride]}
     * @param keyStride distance between keys in the array
     * @param count number of keys
     * @param maxBits leading bits that distinguish keys (32 for IPv4, 64 for IPv6's high word)
     * @param rootStride bits indexed by the root
     * @param childStride bits indexed by each child level
     * @return the node array, root at offset 0
     */
    static int[] build(long[] keys, int keyStride, int count, int maxBits, int rootStride, int childStride) {
        RadixIndex r = new RadixIndex(keys, keyStride, maxBits, childStride);
        int root = r.allocate(rootStride);
        r.fill(root, 0, count, 0, rootStride);
        return Arrays.copyOf(r.nodes, r.used);
    }

    private int allocate(int stride) {
        int size = (1 << stride) + 1;
        if (used + size > nodes.length) {
            nodes = Arrays.copyOf(nodes, Math.max(nodes.length * 2, used + size));
        }
        int o = used;
        used += size;
        return o;
    }

    private void fill(int o, int from, int to, int depth, int stride) {
        int buckets = 1 << stride;
        int k = from;
        for (int b = 0; b < buckets; b++) {
            int lo = k;
            while (k < to && (int) ((keys[k * keyStride] << depth) >>> (64 - stride)) == b) {
                k++;
            }
            nodes[o + b] = lo;
            if (k - lo > FamilyTable.LEAF_MAX && depth + stride + childStride <= maxBits) {
                int child = allocate(childStride);
                nodes[o + b] = ~child;
                fill(child, lo, k, depth + stride, childStride);
            }
        }
        nodes[o + buckets] = to;
    }
}
