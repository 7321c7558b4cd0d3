package dev.routescope.model;

/**
 * An IPv4 or IPv6 prefix: a network address with host bits zero and a length, in two packed 64-bit
 * words (the same left-aligned layout as {@link IpAddress}).
 *
 * <p>{@link #parse} is strict and rejects host bits ({@code 192.0.2.1/24}); {@link #parseLenient}
 * masks them, as routers do with NLRI trailing bits. Ordering: IPv4 before IPv6, then by address,
 * then shorter prefixes first, so a covering prefix sorts before what it covers.
 *
 * <pre>{@code
 * Prefix p = Prefix.parse("192.0.2.0/24");
 * p.covers(Prefix.parse("192.0.2.128/25"));    // true
 * p.contains(IpAddress.parse("192.0.2.77"));   // true
 * Prefix.parseLenient("2001:db8::1/32");       // 2001:db8::/32
 * }</pre>
 *
 * @param family IPv4 or IPv6
 * @param high bits 0..63 of the network address
 * @param low bits 64..127 of the network address (always zero for IPv4)
 * @param length prefix length, {@code 0..32} or {@code 0..128}
 * @since 0.1
 */
public record Prefix(AddressFamily family, long high, long low, int length) implements Comparable<Prefix> {

    /**
     * Validates length and that host bits are zero.
     *
     * @throws IllegalArgumentException if the length is out of range or host bits are set
     */
    public Prefix {
        if (length < 0 || length > family.bits()) {
            throw new IllegalArgumentException("prefix length " + length + " (expected: 0.." + family.bits() + ")");
        }
        if (family == AddressFamily.IPV4 && ((high & 0xFFFF_FFFFL) != 0 || low != 0)) {
            throw new IllegalArgumentException("IPv4 prefix must be left-aligned in the upper 32 bits of high");
        }
        if ((high & ~maskHigh(length)) != 0 || (low & ~maskLow(length)) != 0) {
            StringBuilder sb = new StringBuilder();
            IpText.appendAddress(sb, family, high, low);
            throw new IllegalArgumentException("prefix " + sb + "/" + length + " has host bits set (expected: "
                    + new Prefix(family, high & maskHigh(length), low & maskLow(length), length) + ")");
        }
    }

    static long maskHigh(int length) {
        return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    static long maskLow(int length) {
        return length <= 64 ? 0 : length >= 128 ? -1L : -1L << (128 - length);
    }

    /**
     * A prefix from an address and length; host bits must be zero.
     *
     * @param address network address
     * @param length prefix length
     * @return the prefix
     * @throws IllegalArgumentException if host bits are set or the length is out of range
     */
    public static Prefix of(IpAddress address, int length) {
        return new Prefix(address.family(), address.high(), address.low(), length);
    }

    /**
     * A prefix from an address and length, zeroing host bits.
     *
     * @param address any address inside the prefix
     * @param length prefix length
     * @return the prefix
     * @throws IllegalArgumentException if the length is out of range
     */
    public static Prefix ofMasked(IpAddress address, int length) {
        return ofMasked(address.family(), address.high(), address.low(), length);
    }

    /**
     * A prefix from packed words and a length, zeroing host bits.
     *
     * @param family the family
     * @param high bits 0..63
     * @param low bits 64..127
     * @param length prefix length
     * @return the prefix
     * @throws IllegalArgumentException if the length is out of range
     */
    public static Prefix ofMasked(AddressFamily family, long high, long low, int length) {
        if (length < 0 || length > family.bits()) {
            throw new IllegalArgumentException("prefix length " + length + " (expected: 0.." + family.bits() + ")");
        }
        return new Prefix(family, high & maskHigh(length), low & maskLow(length), length);
    }

    /**
     * An IPv4 prefix from 32 network-order bits; host bits must be zero.
     *
     * @param bits address bits ({@code 0xC0000200} = 192.0.2.0)
     * @param length {@code 0..32}
     * @return the prefix
     */
    public static Prefix ipv4(int bits, int length) {
        return new Prefix(AddressFamily.IPV4, (bits & 0xFFFF_FFFFL) << 32, 0, length);
    }

    /**
     * An IPv6 prefix; host bits must be zero.
     *
     * @param high first 64 bits
     * @param low last 64 bits
     * @param length {@code 0..128}
     * @return the prefix
     */
    public static Prefix ipv6(long high, long low, int length) {
        return new Prefix(AddressFamily.IPV6, high, low, length);
    }

    /**
     * Parses {@code address/length}; host bits must be zero.
     *
     * @param text e.g. {@code 192.0.2.0/24} or {@code 2001:db8::/32}
     * @return the prefix
     * @throws IllegalArgumentException naming the text and the reason
     */
    public static Prefix parse(CharSequence text) {
        return parse(text, false);
    }

    /**
     * Parses {@code address/length}, zeroing host bits ({@code 192.0.2.1/24} gives {@code 192.0.2.0/24}).
     *
     * @param text the prefix text
     * @return the prefix
     * @throws IllegalArgumentException naming the text and the reason
     */
    public static Prefix parseLenient(CharSequence text) {
        return parse(text, true);
    }

    private static Prefix parse(CharSequence text, boolean lenient) {
        int slash = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '/') {
                slash = i;
                break;
            }
        }
        if (slash < 0) {
            throw new IllegalArgumentException("invalid prefix '" + text + "': missing '/length'");
        }
        IpAddress address;
        try {
            address = IpText.parseAddress(text, 0, slash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid prefix '" + text + "': " + e.getMessage(), e);
        }
        int len = 0;
        int digits = text.length() - slash - 1;
        if (digits == 0 || digits > 3) {
            throw new IllegalArgumentException("invalid prefix '" + text + "': bad length");
        }
        for (int i = slash + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(
                        "invalid prefix '" + text + "': unexpected character '" + c + "' in length");
            }
            len = len * 10 + (c - '0');
        }
        if (len > address.family().bits()) {
            throw new IllegalArgumentException("invalid prefix '" + text + "': prefix length " + len + " (expected: 0.."
                    + address.family().bits() + ")");
        }
        if (lenient) {
            return ofMasked(address, len);
        }
        try {
            return of(address, len);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid prefix '" + text + "': " + e.getMessage(), e);
        }
    }

    /** {@return true for IPv4} */
    public boolean isIpv4() {
        return family == AddressFamily.IPV4;
    }

    /** {@return the network address} */
    public IpAddress address() {
        return new IpAddress(family, high, low);
    }

    /** {@return the IPv4 network address as 32 bits; only meaningful for IPv4} */
    public int ipv4Bits() {
        return (int) (high >>> 32);
    }

    /**
     * The bit at a position of the network address, 0 being the most significant.
     *
     * @param index {@code 0..bits-1}
     * @return 0 or 1
     */
    public int bit(int index) {
        return index < 64 ? (int) (high >>> (63 - index)) & 1 : (int) (low >>> (127 - index)) & 1;
    }

    /**
     * Whether an address lies inside this prefix.
     *
     * @param address the address (another family gives false)
     * @return true if contained
     */
    public boolean contains(IpAddress address) {
        return address.family() == family
                && (address.high() & maskHigh(length)) == high
                && (address.low() & maskLow(length)) == low;
    }

    /**
     * Whether this prefix covers {@code other}: same family, equal or shorter length, and {@code
     * other}'s address lies inside this prefix (RFC 6811 "covers").
     *
     * @param other the possibly more specific prefix
     * @return true if this is equal to or less specific than {@code other} and contains it
     */
    public boolean covers(Prefix other) {
        return other.family == family
                && other.length >= length
                && (other.high & maskHigh(length)) == high
                && (other.low & maskLow(length)) == low;
    }

    /**
     * Whether this prefix is strictly more specific than {@code other} and inside it.
     *
     * @param other the shorter prefix
     * @return true if {@code other} covers this and they differ
     */
    public boolean isMoreSpecificOf(Prefix other) {
        return other.length < length && other.covers(this);
    }

    /**
     * Whether the two prefixes share any address (one covers the other).
     *
     * @param other the other prefix
     * @return true if they overlap
     */
    public boolean overlaps(Prefix other) {
        return covers(other) || other.covers(this);
    }

    /**
     * The covering prefix of a shorter length.
     *
     * @param newLength {@code 0..length()}
     * @return the supernet
     * @throws IllegalArgumentException if {@code newLength} is longer than this prefix
     */
    public Prefix supernet(int newLength) {
        if (newLength > length || newLength < 0) {
            throw new IllegalArgumentException("supernet length " + newLength + " (expected: 0.." + length + ")");
        }
        return ofMasked(family, high, low, newLength);
    }

    /**
     * Mixes all address bits into the hash. The record's default combination keeps aligned prefixes
     * (every /24, every /48) on few distinct low bits, which hash tables keyed by prefix (detector
     * state, baselines) then pay for in collisions.
     */
    @Override
    public int hashCode() {
        long h = high * 0x9E3779B97F4A7C15L;
        h ^= Long.rotateLeft(low * 0xC2B2AE3D27D4EB4FL, 31);
        h ^= ((long) length << 8 | (family == AddressFamily.IPV6 ? 1 : 0)) * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ h >>> 32);
    }

    @Override
    public int compareTo(Prefix o) {
        int c = family.compareTo(o.family);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(high, o.high);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(low, o.low);
        return c != 0 ? c : Integer.compare(length, o.length);
    }

    /** {@return {@code address/length} in canonical text (RFC 5952 for IPv6)} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(family == AddressFamily.IPV4 ? 18 : 43);
        IpText.appendAddress(sb, family, high, low);
        return sb.append('/').append(length).toString();
    }
}
