package dev.routescope.relationships.internal;

import java.util.Arrays;

/**
 * Open-addressing {@code long -> int} map with linear probing, for ASN to dense-index lookups
 * without boxing. Any key but {@code -1} (which marks a free slot) is allowed; {@link #MISSING} is
 * returned for absent keys. Not thread-safe while being written; safe to read from many threads
 * once published (the graph publishes it through a final field).
 */
public final class LongIntHashMap {
    /** Returned by {@link #get} for absent keys. */
    public static final int MISSING = -1;

    private static final long FREE = -1L;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    /**
     * A map sized for the expected number of keys at a load factor of at most one half.
     *
     * @param expected expected number of keys
     */
    public LongIntHashMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, FREE);
        values = new int[capacity];
        mask = capacity - 1;
    }

    /**
     * Spreads ASNs, which cluster in small ranges, over the table (Stafford variant 13 finaliser).
     *
     * @param key the key
     * @return the mixed hash
     */
    public static long mix(long key) {
        long z = key * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Looks a key up.
     *
     * @param key any key but {@code -1}
     * @return its value, or {@link #MISSING}
     */
    public int get(long key) {
        long[] k = keys;
        int m = mask;
        int i = (int) mix(key) & m;
        while (true) {
            long found = k[i];
            if (found == key) {
                return values[i];
            }
            if (found == FREE) {
                return MISSING;
            }
            i = (i + 1) & m;
        }
    }

    /**
     * Returns the value of {@code key}, inserting {@code valueIfAbsent} first when absent.
     *
     * @param key any key but {@code -1}
     * @param valueIfAbsent value to store when the key is new
     * @return the existing or the inserted value
     */
    public int putIfAbsent(long key, int valueIfAbsent) {
        if (key == FREE) {
            throw new IllegalArgumentException("key -1 is reserved for free slots");
        }
        int i = (int) mix(key) & mask;
        while (true) {
            long found = keys[i];
            if (found == key) {
                return values[i];
            }
            if (found == FREE) {
                keys[i] = key;
                values[i] = valueIfAbsent;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return valueIfAbsent;
            }
            i = (i + 1) & mask;
        }
    }

    /** {@return the number of keys} */
    public int size() {
        return size;
    }

    /** {@return the approximate heap footprint of the tables in bytes} */
    public long footprintBytes() {
        return (long) keys.length * Long.BYTES + (long) values.length * Integer.BYTES;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        values = new int[keys.length];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long key = oldKeys[j];
            if (key != FREE) {
                int i = (int) mix(key) & mask;
                while (keys[i] != FREE) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                values[i] = oldValues[j];
            }
        }
    }
}
