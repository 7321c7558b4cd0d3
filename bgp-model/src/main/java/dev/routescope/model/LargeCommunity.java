package dev.routescope.model;

/**
 * An RFC 8092 large community: three unsigned 32-bit fields, written {@code global:local1:local2}.
 *
 * <pre>{@code
 * LargeCommunity lc = LargeCommunity.parse("4200000000:1:2");
 * lc.globalAdministrator(); // 4200000000
 * }</pre>
 *
 * @param globalAdministrator the ASN that defines it
 * @param localData1 operator-defined
 * @param localData2 operator-defined
 * @since 0.1
 */
public record LargeCommunity(long globalAdministrator, long localData1, long localData2)
        implements Comparable<LargeCommunity> {

    /**
     * Validates the ranges.
     *
     * @throws IllegalArgumentException if a field is outside 32 bits
     */
    public LargeCommunity {
        check("global administrator", globalAdministrator);
        check("local data 1", localData1);
        check("local data 2", localData2);
    }

    private static void check(String field, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(
                    "large community " + field + " " + v + " out of range (expected: 0..4294967295)");
        }
    }

    /**
     * Parses {@code a:b:c}.
     *
     * @param text the large community
     * @return the value
     * @throws IllegalArgumentException naming the text and the reason
     */
    public static LargeCommunity parse(CharSequence text) {
        String s = text.toString();
        String[] parts = s.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("invalid large community '" + s + "': expected global:local1:local2");
        }
        long[] v = new long[3];
        for (int i = 0; i < 3; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 10 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new IllegalArgumentException(
                        "invalid large community '" + s + "': field " + (i + 1) + " is not a 32-bit decimal");
            }
            v[i] = Long.parseLong(p);
            if (v[i] > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("invalid large community '" + s + "': field " + (i + 1)
                        + " out of range (expected: 0..4294967295)");
            }
        }
        return new LargeCommunity(v[0], v[1], v[2]);
    }

    @Override
    public int compareTo(LargeCommunity o) {
        int c = Long.compare(globalAdministrator, o.globalAdministrator);
        if (c == 0) {
            c = Long.compare(localData1, o.localData1);
        }
        return c != 0 ? c : Long.compare(localData2, o.localData2);
    }

    /** {@return {@code global:local1:local2}} */
    @Override
    public String toString() {
        return globalAdministrator + ":" + localData1 + ":" + localData2;
    }
}
