package dev.routescope.rpki.internal;

import org.jspecify.annotations.Nullable;

/**
 * Allocation-free parser of {@code address/length} text held in a {@code char[]} range, as handed
 * out by Jackson's {@code getTextCharacters()} and by the CSV reader's line buffer. 723k prefixes
 * per load make {@code Prefix.parse} (one {@code String} plus records per call) a measurable share
 * of load time; this fills a reusable holder instead.
 *
 * <p>Not thread-safe: one instance per reader.
 */
public final class PrefixText {
    /** True when the last successful parse was IPv4. */
    public boolean ipv4;
    /** Left-aligned bits 0..63 of the network address. */
    public long high;
    /** Bits 64..127 (zero for IPv4). */
    public long low;
    /** Prefix length. */
    public int length;

    /**
     * Parses {@code chars[from, to)}; on success fills the public fields.
     *
     * @param chars the text
     * @param from first index
     * @param to end index (exclusive)
     * @return null on success, else the reason the text is not a prefix
     */
    public @Nullable String parse(char[] chars, int from, int to) {
        int slash = -1;
        boolean colon = false;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c == '/') {
                slash = i;
                break;
            }
            if (c == ':') {
                colon = true;
            }
        }
        if (slash < 0) {
            return "missing '/length'";
        }
        int len = 0;
        int digits = to - slash - 1;
        if (digits < 1 || digits > 3) {
            return "bad prefix length";
        }
        for (int i = slash + 1; i < to; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                return "bad prefix length";
            }
            len = len * 10 + (c - '0');
        }
        String error = colon ? parseIpv6(chars, from, slash) : parseIpv4(chars, from, slash);
        if (error != null) {
            return error;
        }
        int bits = colon ? 128 : 32;
        if (len > bits) {
            return "prefix length " + len + " (expected: 0.." + bits + ")";
        }
        ipv4 = !colon;
        length = len;
        if ((high & ~maskHigh(len)) != 0 || (low & ~maskLow(len)) != 0) {
            return "host bits set beyond /" + len;
        }
        return null;
    }

    /**
     * Mask of the network bits of the high word.
     *
     * @param length prefix length 0..128
     * @return the mask
     */
    public static long maskHigh(int length) {
        return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    /**
     * Mask of the network bits of the low word.
     *
     * @param length prefix length 0..128
     * @return the mask
     */
    public static long maskLow(int length) {
        return length <= 64 ? 0 : length >= 128 ? -1L : -1L << (128 - length);
    }

    private @Nullable String parseIpv4(char[] s, int from, int to) {
        long v = parseIpv4Bits(s, from, to);
        if (v < 0) {
            return "invalid IPv4 address";
        }
        high = v << 32;
        low = 0;
        return null;
    }

    /** Returns the 32 address bits, or -1 when the text is not a dotted quad. */
    private static long parseIpv4Bits(char[] s, int from, int to) {
        long result = 0;
        int octets = 0;
        int i = from;
        while (true) {
            int start = i;
            int v = 0;
            while (i < to && s[i] >= '0' && s[i] <= '9') {
                v = v * 10 + (s[i] - '0');
                i++;
                if (i - start > 3) {
                    return -1;
                }
            }
            if (i == start || v > 255) {
                return -1;
            }
            result = result << 8 | v;
            if (++octets == 4) {
                return i == to ? result : -1;
            }
            if (i >= to || s[i] != '.') {
                return -1;
            }
            i++;
        }
    }

    private @Nullable String parseIpv6(char[] s, int from, int to) {
        // groups[0..count) before expansion; gap = index where "::" stood
        long h = 0;
        long l = 0;
        int[] groups = scratch;
        int count = 0;
        int gap = -1;
        int i = from;
        if (to - from >= 2 && s[from] == ':' && s[from + 1] == ':') {
            gap = 0;
            i += 2;
        } else if (from < to && s[from] == ':') {
            return "invalid IPv6 address: leading ':'";
        }
        while (i < to) {
            int start = i;
            int v = 0;
            while (i < to && hex(s[i]) >= 0) {
                v = v << 4 | hex(s[i]);
                i++;
                if (i - start > 4) {
                    return "invalid IPv6 address: group longer than 4 digits";
                }
            }
            if (i < to && s[i] == '.') {
                // embedded IPv4 in the last 32 bits
                long v4 = parseIpv4Bits(s, start, to);
                if (v4 < 0 || count > 6) {
                    return "invalid IPv6 address: bad embedded IPv4";
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = to;
                break;
            }
            if (i == start) {
                return "invalid IPv6 address";
            }
            if (count == 8) {
                return "invalid IPv6 address: more than 8 groups";
            }
            groups[count++] = v;
            if (i == to) {
                break;
            }
            if (s[i] != ':') {
                return "invalid IPv6 address: unexpected character '" + s[i] + "'";
            }
            i++;
            if (i < to && s[i] == ':') {
                if (gap >= 0) {
                    return "invalid IPv6 address: more than one '::'";
                }
                gap = count;
                i++;
            } else if (i == to) {
                return "invalid IPv6 address: trailing ':'";
            }
        }
        if (gap < 0 && count != 8) {
            return "invalid IPv6 address: expected 8 groups";
        }
        if (gap >= 0 && count > 7) {
            return "invalid IPv6 address: '::' with 8 groups";
        }
        int fill = 8 - count;
        int g = 0;
        for (int k = 0; k < count; k++) {
            if (k == gap) {
                g += fill;
            }
            int pos = g++;
            if (pos < 4) {
                h |= (long) groups[k] << (48 - 16 * pos);
            } else {
                l |= (long) groups[k] << (48 - 16 * (pos - 4));
            }
        }
        high = h;
        low = l;
        return null;
    }

    private final int[] scratch = new int[8];

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
