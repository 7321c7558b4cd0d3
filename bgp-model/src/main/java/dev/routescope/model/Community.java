package dev.routescope.model;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 1997 community: 32 bits, written {@code high:low} in decimal.
 *
 * <p>Well-known values have constants and names ({@link #wellKnownName()}): {@link #BLACKHOLE}
 * (65535:666, RFC 7999), {@link #NO_EXPORT}, {@link #NO_ADVERTISE}, {@link #NO_EXPORT_SUBCONFED},
 * {@link #NO_PEER}, {@link #GRACEFUL_SHUTDOWN}, {@link #ACCEPT_OWN}, {@link #LLGR_STALE}, {@link
 * #NO_LLGR}.
 *
 * <pre>{@code
 * Community c = Community.parse("65535:666");
 * c.equals(Community.BLACKHOLE);  // true
 * c.wellKnownName();              // Optional[BLACKHOLE]
 * }</pre>
 *
 * @param value the 32 bits as an unsigned value, {@code 0..4294967295}
 * @since 0.1
 */
public record Community(long value) implements Comparable<Community> {
    /** GRACEFUL_SHUTDOWN 65535:0 (RFC 8326). */
    public static final Community GRACEFUL_SHUTDOWN = new Community(0xFFFF0000L);
    /** ACCEPT_OWN 65535:1 (RFC 7611). */
    public static final Community ACCEPT_OWN = new Community(0xFFFF0001L);
    /** LLGR_STALE 65535:6 (RFC 9494). */
    public static final Community LLGR_STALE = new Community(0xFFFF0006L);
    /** NO_LLGR 65535:7 (RFC 9494). */
    public static final Community NO_LLGR = new Community(0xFFFF0007L);
    /** BLACKHOLE 65535:666 (RFC 7999). */
    public static final Community BLACKHOLE = new Community(0xFFFF029AL);
    /** NO_EXPORT 65535:65281 (RFC 1997). */
    public static final Community NO_EXPORT = new Community(0xFFFFFF01L);
    /** NO_ADVERTISE 65535:65282 (RFC 1997). */
    public static final Community NO_ADVERTISE = new Community(0xFFFFFF02L);
    /** NO_EXPORT_SUBCONFED 65535:65283 (RFC 1997), bgpdump's "local-AS". */
    public static final Community NO_EXPORT_SUBCONFED = new Community(0xFFFFFF03L);
    /** NOPEER 65535:65284 (RFC 3765). */
    public static final Community NO_PEER = new Community(0xFFFFFF04L);

    /**
     * Validates the range.
     *
     * @throws IllegalArgumentException if outside 32 bits
     */
    public Community {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("community value " + value + " out of range (expected: 0..4294967295)");
        }
    }

    /**
     * A community from its two 16-bit halves.
     *
     * @param high {@code 0..65535}, usually an ASN
     * @param low {@code 0..65535}
     * @return the community
     * @throws IllegalArgumentException if a half is out of range
     */
    public static Community of(int high, int low) {
        if (high < 0 || high > 0xFFFF) {
            throw new IllegalArgumentException("community high half " + high + " out of range (expected: 0..65535)");
        }
        if (low < 0 || low > 0xFFFF) {
            throw new IllegalArgumentException("community low half " + low + " out of range (expected: 0..65535)");
        }
        return new Community((long) high << 16 | low);
    }

    /**
     * A community from its 32 wire bits.
     *
     * @param bits the raw value
     * @return the community
     */
    public static Community ofUnsigned(int bits) {
        return new Community(Integer.toUnsignedLong(bits));
    }

    /**
     * Parses {@code high:low} or a well-known name ({@code BLACKHOLE}, {@code NO_EXPORT}, also
     * bgpdump's {@code no-export}, {@code no-advertise}, {@code local-AS}).
     *
     * @param text the community
     * @return the community
     * @throws IllegalArgumentException naming the text and the reason
     */
    public static Community parse(CharSequence text) {
        String s = text.toString();
        @Nullable
        Community bgpdumpName = switch (s) {
            case "no-export" -> NO_EXPORT;
            case "no-advertise" -> NO_ADVERTISE;
            case "local-AS" -> NO_EXPORT_SUBCONFED;
            default -> null;
        };
        if (bgpdumpName != null) {
            return bgpdumpName;
        }
        for (Community c : WELL_KNOWN) {
            if (c.wellKnownName().orElseThrow().equalsIgnoreCase(s)) {
                return c;
            }
        }
        int colon = s.indexOf(':');
        if (colon < 0 || s.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("invalid community '" + s + "': expected high:low");
        }
        return of(parseHalf(s, 0, colon), parseHalf(s, colon + 1, s.length()));
    }

    private static int parseHalf(String s, int from, int to) {
        if (from == to || to - from > 5) {
            throw new IllegalArgumentException("invalid community '" + s + "': each half must be 0..65535");
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("invalid community '" + s + "': unexpected character '" + c + "'");
            }
            v = v * 10 + (c - '0');
        }
        if (v > 0xFFFF) {
            throw new IllegalArgumentException(
                    "invalid community '" + s + "': " + v + " out of range (expected: 0..65535)");
        }
        return v;
    }

    private static final Community[] WELL_KNOWN = {
        GRACEFUL_SHUTDOWN,
        ACCEPT_OWN,
        LLGR_STALE,
        NO_LLGR,
        BLACKHOLE,
        NO_EXPORT,
        NO_ADVERTISE,
        NO_EXPORT_SUBCONFED,
        NO_PEER
    };

    /** {@return the upper 16 bits, conventionally the ASN that defines the community} */
    public int high() {
        return (int) (value >>> 16);
    }

    /** {@return the lower 16 bits} */
    public int low() {
        return (int) (value & 0xFFFF);
    }

    /** {@return true for the reserved ranges 0:x and 65535:x (RFC 1997)} */
    public boolean isReserved() {
        return high() == 0 || high() == 0xFFFF;
    }

    /**
     * The IANA name of a well-known community.
     *
     * @return e.g. {@code BLACKHOLE}, or empty
     */
    public Optional<String> wellKnownName() {
        if (value == 0xFFFF0000L) {
            return Optional.of("GRACEFUL_SHUTDOWN");
        } else if (value == 0xFFFF0001L) {
            return Optional.of("ACCEPT_OWN");
        } else if (value == 0xFFFF0006L) {
            return Optional.of("LLGR_STALE");
        } else if (value == 0xFFFF0007L) {
            return Optional.of("NO_LLGR");
        } else if (value == 0xFFFF029AL) {
            return Optional.of("BLACKHOLE");
        } else if (value == 0xFFFFFF01L) {
            return Optional.of("NO_EXPORT");
        } else if (value == 0xFFFFFF02L) {
            return Optional.of("NO_ADVERTISE");
        } else if (value == 0xFFFFFF03L) {
            return Optional.of("NO_EXPORT_SUBCONFED");
        } else if (value == 0xFFFFFF04L) {
            return Optional.of("NOPEER");
        }
        return Optional.empty();
    }

    @Override
    public int compareTo(Community o) {
        return Long.compare(value, o.value);
    }

    /** {@return {@code high:low} in decimal} */
    @Override
    public String toString() {
        return high() + ":" + low();
    }
}
