package dev.routescope.rpki.internal;

import java.util.Arrays;

/**
 * Growable columns of VRPs of one address family, the staging area between a reader (or an RTR
 * delta) and a compiled {@link FamilyTable}. Rows are sorted by (address, length, ASN, maxLength),
 * the order of the compiled table, so merging an existing table with a small delta costs a
 * near-linear natural merge sort rather than a full sort.
 *
 * <p>Not thread-safe.
 */
public final class VrpRows {
    /** Left-aligned address bits 0..63. */
    public long[] high;
    /** Address bits 64..127 (zero for IPv4). */
    public long[] low;
    /** Prefix lengths, unsigned ({@code & 0xFF}: 128 does not fit a signed byte). */
    public byte[] length;
    /** Max lengths, unsigned. */
    public byte[] maxLength;
    /** ASNs as unsigned ints. */
    public int[] asn;
    /** Index into the trust-anchor name table; 0 = unknown. */
    public short[] trustAnchor;
    /** Expiry, Unix seconds; 0 = unknown. */
    public long[] expires;
    /** Number of rows. */
    public int size;

    /**
     * Empty rows with an initial capacity.
     *
     * @param capacity initial capacity
     */
    public VrpRows(int capacity) {
        int c = Math.max(capacity, 16);
        high = new long[c];
        low = new long[c];
        length = new byte[c];
        maxLength = new byte[c];
        asn = new int[c];
        trustAnchor = new short[c];
        expires = new long[c];
    }

    /**
     * Appends a row; the caller has validated it.
     *
     * @param h high bits
     * @param l low bits
     * @param len prefix length
     * @param maxLen max length
     * @param asnBits ASN as unsigned int
     * @param ta trust-anchor index
     * @param exp expiry (Unix s) or 0
     */
    public void add(long h, long l, int len, int maxLen, int asnBits, short ta, long exp) {
        if (size == high.length) {
            grow();
        }
        int i = size++;
        high[i] = h;
        low[i] = l;
        length[i] = (byte) len;
        maxLength[i] = (byte) maxLen;
        asn[i] = asnBits;
        trustAnchor[i] = ta;
        expires[i] = exp;
    }

    /**
     * Appends row {@code i} of another instance.
     *
     * @param o the source
     * @param i its row
     */
    public void addFrom(VrpRows o, int i) {
        add(o.high[i], o.low[i], o.length[i] & 0xFF, o.maxLength[i] & 0xFF, o.asn[i], o.trustAnchor[i], o.expires[i]);
    }

    private void grow() {
        int c = high.length * 2;
        high = Arrays.copyOf(high, c);
        low = Arrays.copyOf(low, c);
        length = Arrays.copyOf(length, c);
        maxLength = Arrays.copyOf(maxLength, c);
        asn = Arrays.copyOf(asn, c);
        trustAnchor = Arrays.copyOf(trustAnchor, c);
        expires = Arrays.copyOf(expires, c);
    }

    /**
     * Compares two rows by (address, length, ASN, maxLength), all unsigned.
     *
     * @param i row
     * @param j row
     * @return the comparison
     */
    public int compare(int i, int j) {
        int c = Long.compareUnsigned(high[i], high[j]);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(low[i], low[j]);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(length[i] & 0xFF, length[j] & 0xFF);
        if (c != 0) {
            return c;
        }
        c = Integer.compareUnsigned(asn[i], asn[j]);
        return c != 0 ? c : Integer.compare(maxLength[i] & 0xFF, maxLength[j] & 0xFF);
    }

    /**
     * Compares row {@code i} of this with row {@code j} of {@code o}.
     *
     * @param i row here
     * @param o other rows
     * @param j row there
     * @return the comparison
     */
    public int compare(int i, VrpRows o, int j) {
        int c = Long.compareUnsigned(high[i], o.high[j]);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(low[i], o.low[j]);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(length[i] & 0xFF, o.length[j] & 0xFF);
        if (c != 0) {
            return c;
        }
        c = Integer.compareUnsigned(asn[i], o.asn[j]);
        return c != 0 ? c : Integer.compare(maxLength[i] & 0xFF, o.maxLength[j] & 0xFF);
    }

    /**
     * Sorts the rows and merges duplicates (same prefix, maxLength and ASN): the merged row keeps
     * the first trust anchor and the latest expiry, since the VRP stays valid while any ROA
     * producing it does.
     *
     * @return the number of duplicate rows merged away
     */
    public int sortAndMerge() {
        int n = size;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(order, tmp, 0, n);
        boolean identity = true;
        for (int i = 0; i < n && identity; i++) {
            identity = order[i] == i;
        }
        if (!identity) {
            permute(order);
        }
        int w = 0;
        int merged = 0;
        for (int r = 0; r < n; r++) {
            if (w > 0 && compare(w - 1, r) == 0) {
                expires[w - 1] = Math.max(expires[w - 1], expires[r]);
                merged++;
                continue;
            }
            if (w != r) {
                moveRow(r, w);
            }
            w++;
        }
        size = w;
        return merged;
    }

    /** Copies row {@code from} over row {@code to} (compaction after dropping rows). */
    private void moveRow(int from, int to) {
        high[to] = high[from];
        low[to] = low[from];
        length[to] = length[from];
        maxLength[to] = maxLength[from];
        asn[to] = asn[from];
        trustAnchor[to] = trustAnchor[from];
        expires[to] = expires[from];
    }

    // Top-down merge sort on an index array; the "already ordered" test makes sorted input (all
    // real VRP files, and snapshot rows plus a sorted delta) cost O(n).
    private void mergeSort(int[] a, int[] tmp, int from, int to) {
        int n = to - from;
        if (n < 24) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid);
        mergeSort(a, tmp, mid, to);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, n);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            a[k++] = compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
        }
        while (i < mid) {
            a[k++] = tmp[i++];
        }
        while (j < to) {
            a[k++] = tmp[j++];
        }
    }

    private void permute(int[] order) {
        int n = size;
        long[] h = new long[high.length];
        long[] l = new long[high.length];
        byte[] len = new byte[high.length];
        byte[] ml = new byte[high.length];
        int[] as = new int[high.length];
        short[] ta = new short[high.length];
        long[] ex = new long[high.length];
        for (int k = 0; k < n; k++) {
            int s = order[k];
            h[k] = high[s];
            l[k] = low[s];
            len[k] = length[s];
            ml[k] = maxLength[s];
            as[k] = asn[s];
            ta[k] = trustAnchor[s];
            ex[k] = expires[s];
        }
        high = h;
        low = l;
        length = len;
        maxLength = ml;
        asn = as;
        trustAnchor = ta;
        expires = ex;
    }

    /**
     * Removes from these sorted rows every row equal (prefix, maxLength, ASN) to one of {@code
     * removals}, which must be sorted too.
     *
     * @param removals sorted rows to drop
     * @return how many rows were removed
     */
    public int removeSorted(VrpRows removals) {
        int w = 0;
        int j = 0;
        int removed = 0;
        for (int r = 0; r < size; r++) {
            while (j < removals.size && removals.compare(j, this, r) < 0) {
                j++;
            }
            if (j < removals.size && removals.compare(j, this, r) == 0) {
                removed++;
                continue;
            }
            if (w != r) {
                moveRow(r, w);
            }
            w++;
        }
        size = w;
        return removed;
    }
}
