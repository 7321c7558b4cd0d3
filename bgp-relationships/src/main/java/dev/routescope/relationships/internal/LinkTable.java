package dev.routescope.relationships.internal;

import java.util.function.IntUnaryOperator;

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

    private long[] slots;
    private int mask;
    private int size;

    /**
     * A table sized for the expected number of keys at a load factor of at most one half; it grows
     * when more are inserted.
     *
     * @param expected expected number of keys
     */
    public LinkTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        slots = freeSlots(capacity);
        mask = capacity - 1;
    }

    private static long[] freeSlots(int capacity) {
        long[] s = new long[capacity * 2];
        for (int i = 0; i < s.length; i += 2) {
            s[i] = FREE;
        }
        return s;
    }

    /**
     * Looks a key up.
     *
     * @param key pair key
     * @return its value, or {@link #MISSING}
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
     * @param value value, {@code >= 0}
     * @return {@link #MISSING} if inserted, else the value already stored (left unchanged)
     */
    public int putIfAbsent(long key, int value) {
        if (key == FREE) {
            throw new IllegalArgumentException("key -1 is reserved for free slots");
        }
        int i = (int) LongIntHashMap.mix(key) & mask;
        while (true) {
            long found = slots[2 * i];
            if (found == key) {
                return (int) slots[2 * i + 1];
            }
            if (found == FREE) {
                slots[2 * i] = key;
                slots[2 * i + 1] = value;
                if (++size * 2 > mask + 1) {
                    grow();
                }
                return MISSING;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Replaces every stored value by {@code f(value)}; lets a builder that stored link ids turn the
     * same table into the final id-to-code table without re-inserting.
     *
     * @param f the mapping
     */
    public void remapValues(IntUnaryOperator f) {
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != FREE) {
                slots[i + 1] = f.applyAsInt((int) slots[i + 1]);
            }
        }
    }

    private void grow() {
        long[] old = slots;
        int capacity = (mask + 1) * 2;
        slots = freeSlots(capacity);
        mask = capacity - 1;
        for (int j = 0; j < old.length; j += 2) {
            long key = old[j];
            if (key != FREE) {
                int i = (int) LongIntHashMap.mix(key) & mask;
                while (slots[2 * i] != FREE) {
                    i = (i + 1) & mask;
                }
                slots[2 * i] = key;
                slots[2 * i + 1] = old[j + 1];
            }
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
