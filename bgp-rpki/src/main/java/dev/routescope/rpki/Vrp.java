package dev.routescope.rpki;

import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;

/**
 * A validated ROA payload (RFC 6811 §2): a prefix, a maximum length and the ASN authorised to
 * originate the prefix and its more-specifics up to that length. AS0 VRPs (RFC 6483 §4) cover but
 * never match.
 *
 * <pre>{@code
 * Vrp v = Vrp.of("192.0.2.0/24", 24, 64496);
 * v.toString(); // "192.0.2.0/24-24 AS64496"
 * }</pre>
 *
 * <p>Ordered like the compiled table: prefix order of {@link Prefix} (IPv4 first, address, shorter
 * first), then ASN, then maxLength.
 *
 * @param prefix the ROA prefix
 * @param maxLength {@code prefix.length() ..= 32|128}
 * @param asn the authorised origin, {@code 0..4294967295}
 * @since 0.1
 */
public record Vrp(Prefix prefix, int maxLength, long asn) implements Comparable<Vrp> {

    /**
     * Validates maxLength and ASN.
     *
     * @throws IllegalArgumentException naming the bad value and the accepted range
     */
    public Vrp {
        int bits = prefix.family().bits();
        if (maxLength < prefix.length() || maxLength > bits) {
            throw new IllegalArgumentException(
                    "maxLength " + maxLength + " for " + prefix + " (expected: " + prefix.length() + ".." + bits + ")");
        }
        if (asn < 0 || asn > Asn.MAX_VALUE) {
            throw new IllegalArgumentException("ASN " + asn + " out of range (expected: 0..4294967295)");
        }
    }

    /**
     * A VRP from prefix text.
     *
     * @param prefix e.g. {@code 192.0.2.0/24}, host bits zero
     * @param maxLength the max length
     * @param asn the ASN
     * @return the VRP
     * @throws IllegalArgumentException if any part is invalid
     */
    public static Vrp of(String prefix, int maxLength, long asn) {
        return new Vrp(Prefix.parse(prefix), maxLength, asn);
    }

    /**
     * A VRP whose maxLength equals the prefix length (a ROA without maxLength).
     *
     * @param prefix the prefix
     * @param asn the ASN
     * @return the VRP
     */
    public static Vrp of(Prefix prefix, long asn) {
        return new Vrp(prefix, prefix.length(), asn);
    }

    /** {@return true for an AS0 VRP, which makes covered routes Invalid unless another VRP matches} */
    public boolean isAs0() {
        return asn == 0;
    }

    /** {@return the ASN as a value object} */
    public Asn asnValue() {
        return Asn.of(asn);
    }

    @Override
    public int compareTo(Vrp o) {
        int c = prefix.compareTo(o.prefix);
        if (c != 0) {
            return c;
        }
        c = Long.compare(asn, o.asn);
        return c != 0 ? c : Integer.compare(maxLength, o.maxLength);
    }

    /** {@return {@code prefix-maxLength ASn}, e.g. {@code 192.0.2.0/24-24 AS64496}} */
    @Override
    public String toString() {
        return prefix + "-" + maxLength + " AS" + asn;
    }
}
