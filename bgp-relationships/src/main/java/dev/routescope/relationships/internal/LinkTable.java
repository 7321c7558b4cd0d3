package dev.routescope.relationships.internal;

/**
 * Open-addressing map from an AS pair key ({@code min << 32 | max}) to a small relationship code,
 * with key and value interleaved in one {@code long[]} so that a lookup touches one cache line
 * instead of two (the valley-free hot path does one lookup per link; on 2018 data the table is
 * larger than the L2 cache, so misses dominate). Key {@code -1} marks a free slot; a real pair key
 * is never {@code -1} because self-loops are rejected before insertion.
 */
public final class LinkTable {
    /** Returned by {@link #get} for absent keys. */
    public static final int MISSING = -1;

    private static final long FREE = -1L;

    private final long[] slots;
    private final int mask;
    private int size;

    /**
     * A table for a fixed number of keys at a load factor of at most one half.
     *
     * @param expected number of keys that will be inserted
     */
    public LinkTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        slots = new long[capacity * 2];
        for (int i = 0; i < slots.length; i += 2) {
            slots[i] = FREE;
        }
        mask = capacity - 1;
    }

    /**
     * Looks a key up.
     *
     * @param key pair key
     * @return its code, or {@link #MISSING}
     */
    public int get(long key) {
        long[] s = slots;
        int m = mask;
        int i = (int) LongIntHashMap.mix(key) & m;
        while (true) {
            long found = s[2 * i];
            if (found == key) {
                return (int) s[2 * i + 1];
            }
            if (found == FREE) {
                return MISSING;
            }
            i = (i + 1) & m;
        }
    }

    /**
     * Inserts a key unless present.
     *
     * @param key pair key, not {@code -1}
     * @param code value, {@code >= 0}
     * @return true if inserted, false if the key was present (its code is unchanged)
     * @throws IllegalStateException if the table is full beyond its sizing
     */
    public boolean putIfAbsent(long key, int code) {
        if (key == FREE) {
            throw new IllegalArgumentException("key -1 is reserved for free slots");
        }
        if ((size + 1) * 2 > mask + 1) {
            throw new IllegalStateException("link table sized for " + (mask + 1) / 2 + " keys is full");
        }
        int i = (int) LongIntHashMap.mix(key) & mask;
        while (true) {
            long found = slots[2 * i];
            if (found == key) {
                return false;
            }
            if (found == FREE) {
                slots[2 * i] = key;
                slots[2 * i + 1] = code;
                size++;
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    /** {@return the number of keys} */
    public int size() {
        return size;
    }

    /** {@return the heap footprint of the slot array in bytes} */
    public long footprintBytes() {
        return (long) slots.length * Long.BYTES;
    }

    @Override
    public String toString() {
        return "LinkTable[" + size + " of " + (mask + 1) + " slots]";
    }
}
