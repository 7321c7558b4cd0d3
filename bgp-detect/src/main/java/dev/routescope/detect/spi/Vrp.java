package dev.routescope.detect.spi;

import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;

/**
 * A validated ROA payload (RFC 6811): prefix, maxLength and origin ASN.
 *
 * <pre>{@code
 * Vrp v = new Vrp(Prefix.parse("192.0.2.0/24"), 24, Asn.of(64496));
 * v.matches(Prefix.parse("192.0.2.0/24"), 64496); // true
 * }</pre>
 *
 * @param prefix the ROA prefix
 * @param maxLength the longest allowed route, {@code prefix.length() .. family bits}
 * @param asn the authorised origin (AS0 authorises nothing)
 * @since 0.1
 */
public record Vrp(Prefix prefix, int maxLength, Asn asn) implements Comparable<Vrp> {

    /**
     * Validates maxLength.
     *
     * @throws IllegalArgumentException if maxLength is shorter than the prefix or too long
     */
    public Vrp {
        if (maxLength < prefix.length() || maxLength > prefix.family().bits()) {
            throw new IllegalArgumentException("maxLength " + maxLength + " for " + prefix + " (expected: "
                    + prefix.length() + ".." + prefix.family().bits() + ")");
        }
    }

    /**
     * Whether this VRP matches a route (RFC 6811 §2: covers it, length within maxLength, same
     * non-zero ASN).
     *
     * @param route the route prefix
     * @param origin the route's origin ASN, -1 for NONE
     * @return true if matched
     */
    public boolean matches(Prefix route, long origin) {
        return prefix.covers(route)
                && route.length() <= maxLength
                && origin >= 0
                && asn.value() != 0
                && asn.value() == origin;
    }

    @Override
    public int compareTo(Vrp o) {
        int c = prefix.compareTo(o.prefix);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(maxLength, o.maxLength);
        return c != 0 ? c : asn.compareTo(o.asn);
    }

    /** {@return {@code prefix-maxLength ASn}, e.g. {@code 192.0.2.0/24-24 AS64496}} */
    @Override
    public String toString() {
        return prefix + "-" + maxLength + " " + asn;
    }
}
