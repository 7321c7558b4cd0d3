package dev.routescope.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One AS_PATH segment: a type and one or more ASNs, stored as unsigned 32-bit ints.
 *
 * <pre>{@code
 * AsPathSegment set = AsPathSegment.of(SegmentType.AS_SET, 64502, 64503);
 * set.toString(); // "{64502,64503}"
 * }</pre>
 *
 * @since 0.1
 */
public final class AsPathSegment {
    private final SegmentType type;
    private final int[] asns;

    private AsPathSegment(SegmentType type, int[] asns) {
        this.type = type;
        this.asns = asns;
    }

    /**
     * A segment of the given ASNs.
     *
     * @param type segment type
     * @param asns one or more ASNs, each {@code 0..4294967295}
     * @return the segment
     * @throws IllegalArgumentException if empty (RFC 7606: a zero-length segment is malformed), longer
     *     than 255 ASNs is allowed (the encoder splits) but an ASN out of range is not
     */
    public static AsPathSegment of(SegmentType type, long... asns) {
        if (asns.length == 0) {
            throw new IllegalArgumentException("AS_PATH segment " + type + " must hold at least one ASN");
        }
        int[] bits = new int[asns.length];
        for (int i = 0; i < asns.length; i++) {
            if (asns[i] < 0 || asns[i] > Asn.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "ASN " + asns[i] + " at index " + i + " out of range (expected: 0..4294967295)");
            }
            bits[i] = (int) asns[i];
        }
        return new AsPathSegment(type, bits);
    }

    /**
     * A segment of the given ASNs.
     *
     * @param type segment type
     * @param asns one or more ASNs
     * @return the segment
     */
    public static AsPathSegment of(SegmentType type, List<Asn> asns) {
        long[] values = new long[asns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = asns.get(i).value();
        }
        return of(type, values);
    }

    /**
     * A segment over raw unsigned 32-bit ASNs; the array is copied.
     *
     * @param type segment type
     * @param asnBits ASNs as unsigned ints
     * @return the segment
     */
    public static AsPathSegment ofUnsigned(SegmentType type, int[] asnBits) {
        if (asnBits.length == 0) {
            throw new IllegalArgumentException("AS_PATH segment " + type + " must hold at least one ASN");
        }
        return new AsPathSegment(type, asnBits.clone());
    }

    /** {@return the segment type} */
    public SegmentType type() {
        return type;
    }

    /** {@return the number of ASNs in this segment} */
    public int size() {
        return asns.length;
    }

    /**
     * The ASN at a position.
     *
     * @param index {@code 0..size()-1}
     * @return the ASN value
     */
    public long asn(int index) {
        return Integer.toUnsignedLong(asns[index]);
    }

    /**
     * Whether the segment holds an ASN.
     *
     * @param asn the ASN value
     * @return true if present
     */
    public boolean contains(long asn) {
        for (int a : asns) {
            if (Integer.toUnsignedLong(a) == asn) {
                return true;
            }
        }
        return false;
    }

    /** {@return the ASNs as a list, in wire order} */
    public List<Asn> asns() {
        List<Asn> out = new ArrayList<>(asns.length);
        for (int a : asns) {
            out.add(Asn.ofUnsigned(a));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * RFC 4271 §9.1.2.2 / RFC 5065 contribution to the path length: AS_SEQUENCE counts its ASNs, an
     * AS_SET counts 1, confederation segments count 0.
     *
     * @return the length contribution
     */
    public int pathLengthContribution() {
        return switch (type) {
            case AS_SEQUENCE -> asns.length;
            case AS_SET -> 1;
            case AS_CONFED_SEQUENCE, AS_CONFED_SET -> 0;
        };
    }

    int[] rawAsns() {
        return asns;
    }

    static AsPathSegment wrap(SegmentType type, int[] asns) {
        return new AsPathSegment(type, asns);
    }

    void appendTo(StringBuilder sb) {
        char open;
        char close;
        char sep;
        switch (type) {
            case AS_SET -> {
                open = '{';
                close = '}';
                sep = ',';
            }
            case AS_CONFED_SEQUENCE -> {
                open = '(';
                close = ')';
                sep = ' ';
            }
            case AS_CONFED_SET -> {
                open = '[';
                close = ']';
                sep = ',';
            }
            default -> {
                open = 0;
                close = 0;
                sep = ' ';
            }
        }
        if (open != 0) {
            sb.append(open);
        }
        for (int i = 0; i < asns.length; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Integer.toUnsignedLong(asns[i]));
        }
        if (close != 0) {
            sb.append(close);
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof AsPathSegment s && s.type == type && Arrays.equals(s.asns, asns);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(asns);
    }

    /** {@return the bgpdump notation: {@code a b}, {@code {a,b}}, {@code (a b)}, {@code [a,b]}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }
}
