package dev.routescope.model;

/**
 * An IPv4 or IPv6 address in two packed 64-bit words, without {@link java.net.InetAddress}.
 *
 * <p>Bits are left-aligned: bit 0 is the most significant bit of {@link #high()} for both families,
 * so an IPv4 address {@code a.b.c.d} has {@code high = (a<<56 | b<<48 | c<<40 | d<<32)} and {@code
 * low = 0}. {@link #toString()} gives the canonical text form: dotted quad for IPv4, RFC 5952 for
 * IPv6 (lower case, longest run of two or more zero groups compressed, IPv4-mapped addresses as
 * {@code ::ffff:192.0.2.1}).
 *
 * <pre>{@code
 * IpAddress a = IpAddress.parse("2001:DB8:0:0:1:0:0:1");
 * a.toString(); // "2001:db8::1:0:0:1"
 * IpAddress.ofIpv4(0xC0000201).toString(); // "192.0.2.1"
 * }</pre>
 *
 * @param family IPv4 or IPv6
 * @param high bits 0..63 (IPv4: the address in the upper 32 bits, lower 32 bits zero)
 * @param low bits 64..127 (IPv4: zero)
 * @since 0.1
 */
public record IpAddress(AddressFamily family, long high, long low) implements Comparable<IpAddress> {

    /**
     * Validates that IPv4 addresses use only the upper 32 bits.
     *
     * @throws IllegalArgumentException if an IPv4 address has bits beyond bit 31
     */
    public IpAddress {
        if (family == AddressFamily.IPV4 && ((high & 0xFFFF_FFFFL) != 0 || low != 0)) {
            throw new IllegalArgumentException("IPv4 address must be left-aligned in the upper 32 bits of high");
        }
    }

    /**
     * An IPv4 address from its 32 bits in network order ({@code 0xC0000201} = 192.0.2.1).
     *
     * @param bits the address
     * @return the address
     */
    public static IpAddress ofIpv4(int bits) {
        return new IpAddress(AddressFamily.IPV4, (bits & 0xFFFF_FFFFL) << 32, 0);
    }

    /**
     * An IPv6 address from its two 64-bit halves.
     *
     * @param high first 64 bits
     * @param low last 64 bits
     * @return the address
     */
    public static IpAddress ofIpv6(long high, long low) {
        return new IpAddress(AddressFamily.IPV6, high, low);
    }

    /**
     * An address from 4 or 16 network-order bytes.
     *
     * @param bytes 4 (IPv4) or 16 (IPv6) bytes
     * @return the address
     * @throws IllegalArgumentException for other lengths
     */
    public static IpAddress ofBytes(byte[] bytes) {
        if (bytes.length == 4) {
            return ofIpv4(
                    (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF));
        }
        if (bytes.length == 16) {
            long h = 0;
            long l = 0;
            for (int i = 0; i < 8; i++) {
                h = h << 8 | (bytes[i] & 0xFF);
                l = l << 8 | (bytes[i + 8] & 0xFF);
            }
            return ofIpv6(h, l);
        }
        throw new IllegalArgumentException("address of " + bytes.length + " bytes (expected: 4 or 16)");
    }

    /**
     * Parses a dotted-quad IPv4 address or an IPv6 address (RFC 4291 text forms, including {@code ::}
     * and a trailing dotted quad). Zone ids ({@code %eth0}) are rejected.
     *
     * @param text the address
     * @return the address
     * @throws IllegalArgumentException naming the text and the reason
     */
    public static IpAddress parse(CharSequence text) {
        return IpText.parseAddress(text, 0, text.length());
    }

    /** {@return true for IPv4} */
    public boolean isIpv4() {
        return family == AddressFamily.IPV4;
    }

    /** {@return the IPv4 address as 32 bits in network order; only meaningful for IPv4} */
    public int ipv4Bits() {
        return (int) (high >>> 32);
    }

    /**
     * The bit at a position, 0 being the most significant.
     *
     * @param index {@code 0..bits-1}
     * @return 0 or 1
     */
    public int bit(int index) {
        return index < 64 ? (int) (high >>> (63 - index)) & 1 : (int) (low >>> (127 - index)) & 1;
    }

    /** {@return the address in network byte order, 4 or 16 bytes} */
    public byte[] toBytes() {
        byte[] out = new byte[family.bytes()];
        for (int i = 0; i < out.length; i++) {
            long word = i < 8 ? high : low;
            out[i] = (byte) (word >>> (56 - 8 * (i & 7)));
        }
        return out;
    }

    /** {@return true for IPv6 addresses of the form {@code ::ffff:a.b.c.d}} */
    public boolean isIpv4Mapped() {
        return family == AddressFamily.IPV6 && high == 0 && (low >>> 32) == 0xFFFFL;
    }

    @Override
    public int compareTo(IpAddress o) {
        int c = family.compareTo(o.family);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    /** {@return the canonical text: dotted quad, or RFC 5952 for IPv6} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(family == AddressFamily.IPV4 ? 15 : 39);
        IpText.appendAddress(sb, family, high, low);
        return sb.toString();
    }
}
