package dev.routescope.mrt.archive;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.Asn;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Prefix;
import dev.routescope.mrt.MrtElement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which MRT elements an {@link ArchiveStream} passes on: element kinds, a time range, peers, prefixes
 * (exact, more or less specific, overlapping) and origin ASNs. Every condition that is set must hold.
 *
 * <p>The test runs on the parser's reusable {@link MrtElement} view, on primitive fields, before
 * any event object is built: cheap conditions first (kind, time, peer), the prefix next, the origin
 * (which walks the AS path) last. A condition on a field passes only elements that have the field:
 * with a prefix filter, state changes are dropped; with an origin filter, withdrawals (which carry
 * no path) and announcements whose path ends in an AS_SET are dropped.
 *
 * <pre>{@code
 * ElementFilter filter = ElementFilter.builder()
 *         .kinds(EnumSet.of(MrtElement.Kind.ANNOUNCEMENT, MrtElement.Kind.WITHDRAWAL))
 *         .prefixes(ElementFilter.PrefixMatch.MORE_SPECIFIC, List.of(Prefix.parse("193.0.0.0/16")))
 *         .originAsns(List.of(Asn.of(3333)))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #test} does not allocate; peers and origins are binary
 * searched, prefixes scanned linearly (meant for tens of prefixes, not full tables).
 *
 * @since 0.1
 */
public final class ElementFilter {

    /** How an element's prefix must relate to a filter prefix. */
    public enum PrefixMatch {
        /** The same prefix. */
        EXACT,
        /** The filter prefix or any prefix inside it (BGPStream {@code prefix-more}). */
        MORE_SPECIFIC,
        /** The filter prefix or any prefix covering it (BGPStream {@code prefix-less}). */
        LESS_SPECIFIC,
        /** Either of the above (BGPStream {@code prefix-any}). */
        OVERLAP
    }

    /** Passes everything. */
    public static final ElementFilter ALL = builder().build();

    private static final int ALL_KINDS = (1 << MrtElement.Kind.values().length) - 1;

    private final int kindMask;
    private final long fromMicros;
    private final long untilMicros;
    private final long @Nullable [] peerAsns;
    private final boolean[] peerIpv6;
    private final long[] peerHigh;
    private final long[] peerLow;
    private final boolean filterPeerAddress;
    private final @Nullable PrefixMatch prefixMatch;
    private final boolean[] prefixIpv6;
    private final long[] prefixHigh;
    private final long[] prefixLow;
    private final int[] prefixLength;
    private final long @Nullable [] originAsns;
    private final String description;

    private ElementFilter(Builder b) {
        int mask = 0;
        for (MrtElement.Kind k : b.kinds) {
            mask |= bit(k);
        }
        this.kindMask = mask;
        this.fromMicros = b.from == null ? Long.MIN_VALUE : micros(b.from);
        this.untilMicros = b.until == null ? Long.MAX_VALUE : micros(b.until);
        this.peerAsns = b.peerAsns;
        List<IpAddress> peers = b.peerAddresses == null ? List.of() : b.peerAddresses;
        this.filterPeerAddress = b.peerAddresses != null;
        this.peerIpv6 = new boolean[peers.size()];
        this.peerHigh = new long[peers.size()];
        this.peerLow = new long[peers.size()];
        for (int i = 0; i < peers.size(); i++) {
            IpAddress a = peers.get(i);
            peerIpv6[i] = a.family() == AddressFamily.IPV6;
            peerHigh[i] = a.high();
            peerLow[i] = a.low();
        }
        this.prefixMatch = b.prefixMatch;
        List<Prefix> prefixes = b.prefixes == null ? List.of() : b.prefixes;
        this.prefixIpv6 = new boolean[prefixes.size()];
        this.prefixHigh = new long[prefixes.size()];
        this.prefixLow = new long[prefixes.size()];
        this.prefixLength = new int[prefixes.size()];
        for (int i = 0; i < prefixes.size(); i++) {
            Prefix p = prefixes.get(i);
            prefixIpv6[i] = p.family() == AddressFamily.IPV6;
            prefixHigh[i] = p.high();
            prefixLow[i] = p.low();
            prefixLength[i] = p.length();
        }
        this.originAsns = b.originAsns;
        this.description = b.describe();
    }

    // An int bit set instead of EnumSet.contains keeps the per-element test free of hashing and boxing.
    @SuppressWarnings("EnumOrdinal")
    private static int bit(MrtElement.Kind kind) {
        return 1 << kind.ordinal();
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether an element passes.
     *
     * @param e the parser's current element
     * @return true if every configured condition holds
     */
    public boolean test(MrtElement e) {
        MrtElement.Kind kind = e.kind();
        if ((kindMask & bit(kind)) == 0) {
            return false;
        }
        if (fromMicros != Long.MIN_VALUE || untilMicros != Long.MAX_VALUE) {
            long t = e.timestamp() * 1_000_000L + e.microseconds();
            if (t < fromMicros || t >= untilMicros) {
                return false;
            }
        }
        long[] asns = peerAsns;
        if (asns != null && Arrays.binarySearch(asns, e.peerAsn()) < 0) {
            return false;
        }
        if (filterPeerAddress && !peerMatches(e)) {
            return false;
        }
        PrefixMatch match = prefixMatch;
        if (match != null && (kind == MrtElement.Kind.STATE_CHANGE || !prefixMatches(e, match))) {
            return false;
        }
        long[] origins = originAsns;
        if (origins != null) {
            if (kind != MrtElement.Kind.ANNOUNCEMENT && kind != MrtElement.Kind.RIB_ENTRY) {
                return false;
            }
            long origin = e.attributes().originAsn();
            return origin >= 0 && Arrays.binarySearch(origins, origin) >= 0;
        }
        return true;
    }

    private boolean peerMatches(MrtElement e) {
        boolean v6 = e.peerIpv6();
        long high = e.peerAddressHigh();
        long low = e.peerAddressLow();
        for (int i = 0; i < peerHigh.length; i++) {
            if (peerIpv6[i] == v6 && peerHigh[i] == high && peerLow[i] == low) {
                return true;
            }
        }
        return false;
    }

    private boolean prefixMatches(MrtElement e, PrefixMatch match) {
        boolean v6 = e.prefixIpv6();
        long high = e.prefixHigh();
        long low = e.prefixLow();
        int len = e.prefixLength();
        for (int i = 0; i < prefixHigh.length; i++) {
            if (prefixIpv6[i] != v6) {
                continue;
            }
            int fl = prefixLength[i];
            boolean inside = len >= fl && (high & maskHigh(fl)) == prefixHigh[i] && (low & maskLow(fl)) == prefixLow[i];
            boolean covering =
                    len <= fl && (prefixHigh[i] & maskHigh(len)) == high && (prefixLow[i] & maskLow(len)) == low;
            boolean ok = switch (match) {
                case EXACT -> inside && len == fl;
                case MORE_SPECIFIC -> inside;
                case LESS_SPECIFIC -> covering;
                case OVERLAP -> inside || covering;
            };
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private static long maskHigh(int length) {
        return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    private static long maskLow(int length) {
        return length <= 64 ? 0 : length >= 128 ? -1L : -1L << (128 - length);
    }

    /** {@return whether this filter passes everything} */
    public boolean passesAll() {
        return kindMask == ALL_KINDS
                && fromMicros == Long.MIN_VALUE
                && untilMicros == Long.MAX_VALUE
                && peerAsns == null
                && !filterPeerAddress
                && prefixMatch == null
                && originAsns == null;
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * Builds an {@link ElementFilter}; unset conditions pass everything. Each setting may be given
     * once. Not thread-safe.
     *
     * <pre>{@code
     * ElementFilter f = ElementFilter.builder()
     *         .timeRange(Instant.parse("2021-01-01T05:00:00Z"), Instant.parse("2021-01-01T06:00:00Z"))
     *         .peerAsns(List.of(Asn.of(6939)))
     *         .build();
     * }</pre>
     *
     * @since 0.1
     */
    public static final class Builder {
        private Set<MrtElement.Kind> kinds = EnumSet.allOf(MrtElement.Kind.class);
        private boolean kindsSet;
        private @Nullable Instant from;
        private @Nullable Instant until;
        private long @Nullable [] peerAsns;
        private @Nullable List<IpAddress> peerAddresses;
        private @Nullable PrefixMatch prefixMatch;
        private @Nullable List<Prefix> prefixes;
        private long @Nullable [] originAsns;

        private Builder() {}

        private static void once(boolean set, String what, Object current) {
            if (set) {
                throw new IllegalStateException(what + " was already set to " + current);
            }
        }

        /**
         * Element kinds to pass.
         *
         * @param wanted at least one kind
         * @return this builder
         */
        public Builder kinds(Set<MrtElement.Kind> wanted) {
            once(kindsSet, "kinds", kinds);
            if (wanted.isEmpty()) {
                throw new IllegalArgumentException(
                        "kinds is empty (expected: at least one of " + Arrays.toString(MrtElement.Kind.values()) + ")");
            }
            kinds = EnumSet.copyOf(wanted);
            kindsSet = true;
            return this;
        }

        /**
         * Time range of the element timestamps (record time; for RIB entries the dump time),
         * half-open.
         *
         * @param start inclusive
         * @param end exclusive, after {@code start}
         * @return this builder
         */
        public Builder timeRange(Instant start, Instant end) {
            once(from != null, "time range", from + ".." + until);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("time range [" + start + ", " + end + ") is empty");
            }
            from = start;
            until = end;
            return this;
        }

        /**
         * Peer ASNs to pass.
         *
         * @param asns at least one
         * @return this builder
         */
        public Builder peerAsns(Collection<Asn> asns) {
            once(peerAsns != null, "peer ASNs", Arrays.toString(peerAsns));
            peerAsns = sortedAsns(asns, "peer ASNs");
            return this;
        }

        /**
         * Peer addresses to pass.
         *
         * @param addresses at least one
         * @return this builder
         */
        public Builder peerAddresses(Collection<IpAddress> addresses) {
            once(peerAddresses != null, "peer addresses", String.valueOf(peerAddresses));
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("peer addresses is empty");
            }
            peerAddresses = List.copyOf(addresses);
            return this;
        }

        /**
         * Prefixes to pass, and how element prefixes must relate to them.
         *
         * @param match exact, more specific, less specific or overlapping
         * @param wanted at least one prefix
         * @return this builder
         */
        public Builder prefixes(PrefixMatch match, Collection<Prefix> wanted) {
            once(prefixes != null, "prefixes", prefixMatch + " " + prefixes);
            if (wanted.isEmpty()) {
                throw new IllegalArgumentException("prefixes is empty");
            }
            prefixMatch = match;
            prefixes = List.copyOf(wanted);
            return this;
        }

        /**
         * Origin ASNs (last AS of the path) to pass.
         *
         * @param asns at least one
         * @return this builder
         */
        public Builder originAsns(Collection<Asn> asns) {
            once(originAsns != null, "origin ASNs", Arrays.toString(originAsns));
            originAsns = sortedAsns(asns, "origin ASNs");
            return this;
        }

        private static long[] sortedAsns(Collection<Asn> asns, String what) {
            if (asns.isEmpty()) {
                throw new IllegalArgumentException(what + " is empty");
            }
            return asns.stream().mapToLong(Asn::value).sorted().distinct().toArray();
        }

        String describe() {
            StringBuilder sb = new StringBuilder("ElementFilter{");
            if (kindsSet) {
                sb.append("kinds=").append(kinds).append(", ");
            }
            if (from != null) {
                sb.append("time=[").append(from).append(", ").append(until).append("), ");
            }
            if (peerAsns != null) {
                sb.append("peerAsns=").append(Arrays.toString(peerAsns)).append(", ");
            }
            if (peerAddresses != null) {
                sb.append("peers=").append(peerAddresses).append(", ");
            }
            if (prefixes != null) {
                sb.append(prefixMatch).append('=').append(prefixes).append(", ");
            }
            if (originAsns != null) {
                sb.append("origins=").append(Arrays.toString(originAsns)).append(", ");
            }
            if (sb.charAt(sb.length() - 1) == ' ') {
                sb.setLength(sb.length() - 2);
            } else {
                sb.append("all");
            }
            return sb.append('}').toString();
        }

        /** {@return the immutable filter} */
        public ElementFilter build() {
            return new ElementFilter(this);
        }
    }
}
