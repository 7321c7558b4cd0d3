package dev.routescope.model;

import java.util.Locale;

/**
 * An RFC 4360 extended community: 8 bytes, a type (high) byte, a subtype byte and six value bytes.
 *
 * <p>Text form follows common router output for the well-known kinds (two-octet-AS, IPv4 and
 * four-octet-AS specific route target {@code rt:} and route origin {@code soo:}); any other value
 * prints as {@code 0x} plus 16 hex digits.
 *
 * <pre>{@code
 * ExtendedCommunity rt = ExtendedCommunity.routeTarget(64500, 100);
 * rt.toString();       // "rt:64500:100"
 * rt.isTransitive();   // true
 * }</pre>
 *
 * @param value the 64 wire bits
 * @since 0.1
 */
public record ExtendedCommunity(long value) implements Comparable<ExtendedCommunity> {

    /**
     * A two-octet-AS-specific route target (type 0x00, subtype 0x02).
     *
     * @param asn {@code 0..65535}
     * @param localAdministrator {@code 0..4294967295}
     * @return the community
     */
    public static ExtendedCommunity routeTarget(int asn, long localAdministrator) {
        if (asn < 0 || asn > 0xFFFF) {
            throw new IllegalArgumentException("route target ASN " + asn + " out of range (expected: 0..65535)");
        }
        if (localAdministrator < 0 || localAdministrator > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("route target local administrator " + localAdministrator
                    + " out of range (expected: 0..4294967295)");
        }
        return new ExtendedCommunity(0x0002L << 48 | (long) asn << 32 | localAdministrator);
    }

    /** {@return the type (high) byte, 0..255} */
    public int type() {
        return (int) (value >>> 56) & 0xFF;
    }

    /** {@return the subtype byte, 0..255} */
    public int subtype() {
        return (int) (value >>> 48) & 0xFF;
    }

    /** {@return true unless the type's transitive bit (0x40) marks it non-transitive} */
    public boolean isTransitive() {
        return (type() & 0x40) == 0;
    }

    /** {@return the six value bytes as the low 48 bits} */
    public long valueBits() {
        return value & 0xFFFF_FFFF_FFFFL;
    }

    @Override
    public int compareTo(ExtendedCommunity o) {
        return Long.compareUnsigned(value, o.value);
    }

    /** {@return {@code rt:…}/{@code soo:…} for route targets and origins, else {@code 0x…}} */
    @Override
    public String toString() {
        int t = type() & ~0x40;
        int st = subtype();
        if (st == 0x02 || st == 0x03) {
            String kind = st == 0x02 ? "rt:" : "soo:";
            if (t == 0x00) {
                return kind + ((value >>> 32) & 0xFFFF) + ":" + (value & 0xFFFF_FFFFL);
            }
            if (t == 0x01) {
                long ip = (value >>> 16) & 0xFFFF_FFFFL;
                return kind + (ip >>> 24) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF)
                        + ":" + (value & 0xFFFF);
            }
            if (t == 0x02) {
                return kind + ((value >>> 16) & 0xFFFF_FFFFL) + ":" + (value & 0xFFFF);
            }
        }
        return "0x" + String.format(Locale.ROOT, "%016x", value);
    }
}
