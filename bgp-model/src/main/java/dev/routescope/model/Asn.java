package dev.routescope.model;

/**
 * An autonomous system number: an unsigned 32-bit value held in a {@code long}.
 *
 * <p>Parses plain ({@code 64500}), prefixed ({@code AS64500}, case-insensitive) and asdot ({@code
 * 1.10} = 65546, RFC 5396) notation. Classifies the special-purpose ranges from the IANA registry:
 * AS0 (RFC 7607), AS_TRANS (RFC 6793), documentation (RFC 5398), private use (RFC 6996), last ASNs
 * (RFC 7300) and IANA-reserved blocks.
 *
 * <pre>{@code
 * Asn a = Asn.parse("AS4200000000");
 * a.isPrivate();      // true (RFC 6996 32-bit private range)
 * a.toString();       // "AS4200000000"
 * Asn.of(65546).toAsdot(); // "1.10"
 * }</pre>
 *
 * @param value the ASN, {@code 0 ..= 4294967295}
 * @since 0.1
 */
public record Asn(long value) implements Comparable<Asn> {

    /** Largest ASN, {@code 2^32 - 1}. */
    public static final long MAX_VALUE = 0xFFFF_FFFFL;

    /** AS0, never valid as an origin (RFC 7607); used in AS0 ROAs (RFC 6483). */
    public static final Asn AS0 = new Asn(0);

    /** AS_TRANS (23456), the 2-byte placeholder for 4-byte ASNs (RFC 6793). */
    public static final Asn AS_TRANS = new Asn(23456);

    // A small cache: paths are dominated by a few thousand 16-bit ASNs.
    private static final Asn[] SMALL = new Asn[65536];

    /**
     * Validates the range.
     *
     * @throws IllegalArgumentException if {@code value} is outside {@code 0..4294967295}
     */
    public Asn {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("ASN " + value + " out of range (expected: 0..4294967295)");
        }
    }

    /**
     * Returns the ASN with the given value.
     *
     * @param value {@code 0..4294967295}
     * @return the ASN
     * @throws IllegalArgumentException if out of range
     */
    public static Asn of(long value) {
        if (value >= 0 && value < SMALL.length) {
            Asn cached = SMALL[(int) value];
            if (cached == null) {
                cached = new Asn(value);
                SMALL[(int) value] = cached; // benign race: equal values
            }
            return cached;
        }
        return new Asn(value);
    }

    /**
     * Returns the ASN whose 32 bits are {@code bits}, as read from the wire (unsigned).
     *
     * @param bits the raw 32-bit value
     * @return the ASN
     */
    public static Asn ofUnsigned(int bits) {
        return of(Integer.toUnsignedLong(bits));
    }

    /**
     * Parses {@code 64500}, {@code AS64500}/{@code as64500} or asdot {@code 1.10}.
     *
     * @param text the ASN text; surrounding whitespace is not accepted
     * @return the ASN
     * @throws IllegalArgumentException naming the text and the reason if it is not an ASN
     */
    public static Asn parse(CharSequence text) {
        int len = text.length();
        int start = 0;
        if (len >= 2
                && (text.charAt(0) == 'A' || text.charAt(0) == 'a')
                && (text.charAt(1) == 'S' || text.charAt(1) == 's')) {
            start = 2;
        }
        if (start == len) {
            throw new IllegalArgumentException("invalid ASN '" + text + "': no digits");
        }
        int dot = -1;
        for (int i = start; i < len; i++) {
            if (text.charAt(i) == '.') {
                if (dot >= 0) {
                    throw new IllegalArgumentException("invalid ASN '" + text + "': more than one '.'");
                }
                dot = i;
            }
        }
        if (dot < 0) {
            return of(parseDigits(text, start, len, MAX_VALUE));
        }
        long high = parseDigits(text, start, dot, 0xFFFF);
        long low = parseDigits(text, dot + 1, len, 0xFFFF);
        return of(high << 16 | low);
    }

    private static long parseDigits(CharSequence text, int from, int to, long max) {
        if (from == to) {
            throw new IllegalArgumentException("invalid ASN '" + text + "': empty number");
        }
        if (to - from > 10) {
            throw new IllegalArgumentException("invalid ASN '" + text + "': out of range (expected: 0.." + max + ")");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(
                        "invalid ASN '" + text + "': unexpected character '" + c + "' at index " + i);
            }
            v = v * 10 + (c - '0');
        }
        if (v > max) {
            throw new IllegalArgumentException(
                    "invalid ASN '" + text + "': " + v + " out of range (expected: 0.." + max + ")");
        }
        return v;
    }

    /**
     * Whether this is a 16-bit ASN ({@code <= 65535}).
     *
     * @return true for 2-byte ASNs
     */
    public boolean is16Bit() {
        return value <= 0xFFFF;
    }

    /**
     * AS_TRANS 23456 (RFC 6793).
     *
     * @return true for AS_TRANS
     */
    public boolean isAsTrans() {
        return value == 23456;
    }

    /**
     * Documentation ranges 64496-64511 and 65536-65551 (RFC 5398).
     *
     * @return true for documentation ASNs
     */
    public boolean isDocumentation() {
        return (value >= 64496 && value <= 64511) || (value >= 65536 && value <= 65551);
    }

    /**
     * Private-use ranges 64512-65534 and 4200000000-4294967294 (RFC 6996).
     *
     * @return true for private ASNs
     */
    public boolean isPrivate() {
        return (value >= 64512 && value <= 65534) || (value >= 4_200_000_000L && value <= 4_294_967_294L);
    }

    /**
     * Reserved: AS0 (RFC 7607), 65535 and 4294967295 (RFC 7300), and the IANA-reserved block
     * 65552-131071.
     *
     * @return true for reserved ASNs
     */
    public boolean isReserved() {
        return value == 0 || value == 65535 || value == MAX_VALUE || (value >= 65552 && value <= 131071);
    }

    /**
     * Whether this ASN may appear in the public Internet's routing: not reserved, private,
     * documentation nor AS_TRANS. Used by bogon detection.
     *
     * @return true if none of the special-purpose ranges applies
     */
    public boolean isPublic() {
        return !isReserved() && !isPrivate() && !isDocumentation() && !isAsTrans();
    }

    /**
     * The asdot form (RFC 5396): plain for 16-bit ASNs, {@code high.low} otherwise.
     *
     * @return e.g. {@code "1.10"} for 65546
     */
    public String toAsdot() {
        return is16Bit() ? Long.toString(value) : (value >>> 16) + "." + (value & 0xFFFF);
    }

    /** {@return the plain decimal form, e.g. {@code "64500"}} */
    public String toPlainString() {
        return Long.toString(value);
    }

    @Override
    public int compareTo(Asn o) {
        return Long.compare(value, o.value);
    }

    /** {@return {@code AS<value>}, e.g. {@code AS64500}} */
    @Override
    public String toString() {
        return "AS" + value;
    }
}
