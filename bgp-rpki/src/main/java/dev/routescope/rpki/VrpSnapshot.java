package dev.routescope.rpki;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.AsPath;
import dev.routescope.model.AsPathSegment;
import dev.routescope.model.Prefix;
import dev.routescope.model.SegmentType;
import dev.routescope.rpki.internal.FamilyTable;
import dev.routescope.rpki.internal.VrpRows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An immutable set of VRPs compiled for route origin validation (RFC 6811, AS0 per RFC 6483/7607).
 *
 * <pre>{@code
 * VrpSnapshot vrps = VrpSnapshot.builder()
 *         .add(Vrp.of("192.0.2.0/24", 24, 64496))
 *         .add(Vrp.of("2001:db8::/32", 48, 64498))
 *         .build();
 * vrps.validateState(Prefix.parse("192.0.2.0/24"), 64496);     // VALID
 * vrps.validate(Prefix.parse("192.0.2.0/25"), AsPath.parse("64511 64496")).reason(); // TOO_SPECIFIC
 * }</pre>
 *
 * <h2>Threading</h2>
 *
 * Immutable and safe to share; changes produce a new snapshot ({@link #withChanges}), which {@link
 * RouteOriginValidator} swaps in atomically so readers never block.
 *
 * <h2>Performance</h2>
 *
 * Per address family a table of primitive arrays: distinct VRP prefixes with parent links, packed
 * VRPs, and the address space cut into ranges owned by the innermost VRP prefix, reached through a
 * radix index and a short binary search. {@link #validateState}, {@link #validateIpv4} and {@link
 * #validateIpv6} do not allocate; {@link #validate} builds a {@link RovResult} with the VRP lists.
 * About 30 bytes per VRP on the full global set; building is O(n) for sorted input (all real VRP
 * files) and O(n log n) otherwise.
 *
 * @since 0.1
 */
public final class VrpSnapshot {
    private static final RovState[] STATES = {RovState.NOT_FOUND, RovState.VALID, RovState.INVALID};
    private static final VrpSnapshot EMPTY = builder().build();

    private final FamilyTable v4;
    private final FamilyTable v6;
    private final String[] trustAnchors;

    private VrpSnapshot(FamilyTable v4, FamilyTable v6, String[] trustAnchors) {
        this.v4 = v4;
        this.v6 = v6;
        this.trustAnchors = trustAnchors;
    }

    /** {@return a snapshot without VRPs (every route is NOT_FOUND)} */
    public static VrpSnapshot empty() {
        return EMPTY;
    }

    /**
     * A snapshot of the given VRPs (duplicates merged).
     *
     * @param vrps the VRPs
     * @return the snapshot
     */
    public static VrpSnapshot of(Collection<Vrp> vrps) {
        Builder b = builder();
        for (Vrp v : vrps) {
            b.add(v);
        }
        return b.build();
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the number of distinct VRPs} */
    public int size() {
        return v4.vrpCount() + v6.vrpCount();
    }

    /**
     * Number of VRPs of one family.
     *
     * @param family the family
     * @return the count
     */
    public int size(AddressFamily family) {
        return table(family).vrpCount();
    }

    /** {@return the number of distinct VRP prefixes, both families} */
    public int prefixCount() {
        return v4.nodeCount() + v6.nodeCount();
    }

    /** {@return true if there are no VRPs} */
    public boolean isEmpty() {
        return size() == 0;
    }

    private FamilyTable table(AddressFamily family) {
        return family == AddressFamily.IPV4 ? v4 : v6;
    }

    // ---- validation -------------------------------------------------------------------------

    /**
     * Validates a route's origin without allocating.
     *
     * @param prefix the route prefix
     * @param origin the origin ASN; a negative value means NONE (AS_SET origin), which matches
     *     nothing
     * @return the state
     */
    public RovState validateState(Prefix prefix, long origin) {
        FamilyTable t = prefix.isIpv4() ? v4 : v6;
        return STATES[t.validate(prefix.high(), prefix.low(), prefix.length(), origin)];
    }

    /**
     * Validates a route whose origin is taken from its AS_PATH (see {@link #originOf}).
     *
     * @param prefix the route prefix
     * @param path the AS_PATH
     * @return the state
     */
    public RovState validateState(Prefix prefix, AsPath path) {
        return validateState(prefix, originOf(path));
    }

    /**
     * Validates an IPv4 route given as primitives; for bulk callers that keep their own arrays.
     *
     * @param address the 32 network-order address bits ({@code 0xC0000200} = 192.0.2.0)
     * @param length prefix length 0..32
     * @param origin origin ASN, negative for NONE
     * @return the state
     */
    public RovState validateIpv4(int address, int length, long origin) {
        return STATES[v4.validate((address & 0xFFFF_FFFFL) << 32, 0, length, origin)];
    }

    /**
     * Validates an IPv6 route given as primitives.
     *
     * @param high address bits 0..63
     * @param low address bits 64..127
     * @param length prefix length 0..128
     * @param origin origin ASN, negative for NONE
     * @return the state
     */
    public RovState validateIpv6(long high, long low, int length, long origin) {
        return STATES[v6.validate(high, low, length, origin)];
    }

    /**
     * Validates a route and reports the reason and the VRPs involved.
     *
     * @param prefix the route prefix
     * @param origin the origin ASN, negative for NONE
     * @return the result
     */
    public RovResult validate(Prefix prefix, long origin) {
        FamilyTable t = table(prefix.family());
        List<Vrp> covering = new ArrayList<>(4);
        List<Vrp> matching = new ArrayList<>(1);
        boolean sameAsnTooShort = false;
        boolean allAs0 = true;
        for (int node = t.innermostCovering(prefix.high(), prefix.low(), prefix.length());
                node >= 0;
                node = t.parent(node)) {
            Prefix p = nodePrefix(t, node);
            for (int i = t.vrpStart(node), e = t.vrpEnd(node); i < e; i++) {
                long asn = t.asn(i);
                Vrp v = new Vrp(p, t.maxLength(i), asn);
                covering.add(v);
                allAs0 &= asn == 0;
                if (origin > 0 && asn == origin) {
                    if (v.maxLength() >= prefix.length()) {
                        matching.add(v);
                    } else {
                        sameAsnTooShort = true;
                    }
                }
            }
        }
        RovState state;
        InvalidReason reason = null;
        if (covering.isEmpty()) {
            state = RovState.NOT_FOUND;
        } else if (!matching.isEmpty()) {
            state = RovState.VALID;
        } else {
            state = RovState.INVALID;
            if (origin < 0) {
                reason = InvalidReason.NO_ORIGIN;
            } else if (sameAsnTooShort) {
                reason = InvalidReason.TOO_SPECIFIC;
            } else if (allAs0) {
                reason = InvalidReason.AS0;
            } else {
                reason = InvalidReason.WRONG_ORIGIN;
            }
        }
        return new RovResult(prefix, origin < 0 ? -1 : origin, state, reason, matching, covering);
    }

    /**
     * Validates a route whose origin is taken from its AS_PATH (see {@link #originOf}).
     *
     * @param prefix the route prefix
     * @param path the AS_PATH
     * @return the result
     */
    public RovResult validate(Prefix prefix, AsPath path) {
        return validate(prefix, originOf(path));
    }

    /**
     * The RFC 6811 route origin ASN of a path as a primitive: the rightmost ASN when the path ends in
     * an AS_SEQUENCE, else -1 (NONE). A path ending in an AS_SET is NONE per RFC 6811, so a covered
     * route with an AS_SET origin is Invalid (RFC 6907 §7.1.8 practice; AS_SETs are deprecated by
     * RFC 9774). An empty path or one ending in a confederation segment would take the validating
     * router's own AS, which a passive monitor does not have: they are NONE too; callers that know
     * the AS pass it to {@link #validate(Prefix, long)} directly.
     *
     * @param path the AS_PATH
     * @return the origin, or -1
     */
    public static long originOf(AsPath path) {
        int n = path.segmentCount();
        if (n == 0) {
            return -1;
        }
        AsPathSegment last = path.segment(n - 1);
        if (last.type() != SegmentType.AS_SEQUENCE) {
            return -1;
        }
        return last.asn(last.size() - 1);
    }

    /**
     * Every VRP covering a prefix, most specific first.
     *
     * @param prefix the prefix
     * @return the covering VRPs
     */
    public List<Vrp> covering(Prefix prefix) {
        FamilyTable t = table(prefix.family());
        List<Vrp> out = new ArrayList<>();
        for (int node = t.innermostCovering(prefix.high(), prefix.low(), prefix.length());
                node >= 0;
                node = t.parent(node)) {
            Prefix p = nodePrefix(t, node);
            for (int i = t.vrpStart(node), e = t.vrpEnd(node); i < e; i++) {
                out.add(new Vrp(p, t.maxLength(i), t.asn(i)));
            }
        }
        return out;
    }

    /**
     * Whether the snapshot holds a VRP (same prefix, maxLength and ASN). The RTR client uses it to
     * detect duplicate announcements and withdrawals of unknown records (RFC 8210 errors 7 and 6).
     *
     * @param vrp the VRP
     * @return true if present
     */
    public boolean contains(Vrp vrp) {
        return find(vrp) >= 0;
    }

    /**
     * The metadata of a VRP held by this snapshot.
     *
     * @param vrp the VRP
     * @return the entry, or empty if absent
     */
    public Optional<VrpEntry> entry(Vrp vrp) {
        int i = find(vrp);
        if (i < 0) {
            return Optional.empty();
        }
        FamilyTable t = table(vrp.prefix().family());
        return Optional.of(new VrpEntry(vrp, trustAnchors[t.trustAnchor(i)], t.expires(i)));
    }

    private int find(Vrp vrp) {
        Prefix p = vrp.prefix();
        FamilyTable t = table(p.family());
        int node = t.findNode(p.high(), p.low(), p.length());
        if (node < 0) {
            return -1;
        }
        for (int i = t.vrpStart(node), e = t.vrpEnd(node); i < e; i++) {
            if (t.asn(i) == vrp.asn() && t.maxLength(i) == vrp.maxLength()) {
                return i;
            }
        }
        return -1;
    }

    private static Prefix nodePrefix(FamilyTable t, int node) {
        return t.isIpv4()
                ? new Prefix(AddressFamily.IPV4, t.nodeHigh(node), 0, t.length(node))
                : new Prefix(AddressFamily.IPV6, t.nodeHigh(node), t.nodeLow(node), t.length(node));
    }

    // ---- iteration, expiry, changes -----------------------------------------------------------

    /**
     * Visits every VRP with its metadata in table order (IPv4 then IPv6, by prefix, ASN,
     * maxLength).
     *
     * @param action called once per VRP
     */
    public void forEach(Consumer<? super VrpEntry> action) {
        for (FamilyTable t : new FamilyTable[] {v4, v6}) {
            for (int node = 0, n = t.nodeCount(); node < n; node++) {
                Prefix p = nodePrefix(t, node);
                for (int i = t.vrpStart(node), e = t.vrpEnd(node); i < e; i++) {
                    action.accept(new VrpEntry(
                            new Vrp(p, t.maxLength(i), t.asn(i)), trustAnchors[t.trustAnchor(i)], t.expires(i)));
                }
            }
        }
    }

    /** {@return every VRP with its metadata, in table order} */
    public List<VrpEntry> entries() {
        List<VrpEntry> out = new ArrayList<>(size());
        forEach(out::add);
        return Collections.unmodifiableList(out);
    }

    /** {@return every VRP, in table order} */
    public List<Vrp> vrps() {
        List<Vrp> out = new ArrayList<>(size());
        forEach(e -> out.add(e.vrp()));
        return Collections.unmodifiableList(out);
    }

    /**
     * VRPs whose expiry is known and falls before {@code now + window} (BGPalerter warns 2 h ahead).
     * Already expired entries are included: a stale cache still serving them is worth an alert.
     *
     * @param now the reference time (event time in replays, not necessarily the clock)
     * @param window how far ahead to look, not negative
     * @return matching entries in table order
     */
    public List<VrpEntry> expiringWithin(Instant now, Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("window " + window + " (expected: not negative)");
        }
        long limit = now.plus(window).getEpochSecond();
        List<VrpEntry> out = new ArrayList<>();
        for (FamilyTable t : new FamilyTable[] {v4, v6}) {
            for (int node = 0, n = t.nodeCount(); node < n; node++) {
                for (int i = t.vrpStart(node), e = t.vrpEnd(node); i < e; i++) {
                    long exp = t.expires(i);
                    if (exp != 0 && exp < limit) {
                        out.add(new VrpEntry(
                                new Vrp(nodePrefix(t, node), t.maxLength(i), t.asn(i)),
                                trustAnchors[t.trustAnchor(i)],
                                exp));
                    }
                }
            }
        }
        return out;
    }

    /**
     * A new snapshot with withdrawals removed, then announcements added (the order of an RTR
     * response). Withdrawals of absent VRPs are ignored and re-announcements merge; an RTR client
     * that must report those as errors checks {@link #contains} first. Cost: O(n + d log d), no
     * re-sort of the existing VRPs.
     *
     * @param announced VRPs to add
     * @param withdrawn VRPs to remove
     * @return the new snapshot; this one is unchanged
     */
    public VrpSnapshot withChanges(Collection<Vrp> announced, Collection<Vrp> withdrawn) {
        Builder b = builder();
        b.trustAnchorNames.putAll(trustAnchorIndex());
        b.taList.clear();
        Collections.addAll(b.taList, trustAnchors);
        for (Vrp v : withdrawn) {
            b.remove(v);
        }
        v4.appendTo(b.rows4);
        v6.appendTo(b.rows6);
        b.applyRemovalsNow();
        for (Vrp v : announced) {
            b.add(v);
        }
        return b.build();
    }

    private Map<String, Short> trustAnchorIndex() {
        Map<String, Short> m = new HashMap<>();
        for (int i = 0; i < trustAnchors.length; i++) {
            m.put(trustAnchors[i], (short) i);
        }
        return m;
    }

    VrpRows rows(boolean ipv4) {
        FamilyTable t = ipv4 ? v4 : v6;
        VrpRows r = new VrpRows(t.vrpCount());
        t.appendTo(r);
        return r;
    }

    String trustAnchorName(short index) {
        return trustAnchors[index];
    }

    /** {@return an estimate of the heap held by this snapshot's arrays, in bytes} */
    public long retainedBytes() {
        return v4.retainedBytes() + v6.retainedBytes();
    }

    @Override
    public String toString() {
        return "VrpSnapshot[" + v4.vrpCount() + " IPv4 + " + v6.vrpCount() + " IPv6 VRPs, " + prefixCount()
                + " prefixes]";
    }

    /**
     * Collects VRPs for a {@link VrpSnapshot}. Duplicates are merged (latest expiry kept); {@link
     * #remove} drops a VRP whatever the order of calls. Not thread-safe; {@link #build()} may be
     * called once.
     *
     * <pre>{@code
     * VrpSnapshot s = VrpSnapshot.builder().add(Vrp.of("192.0.2.0/24", 24, 64496), "ripe", 1753070425).build();
     * }</pre>
     */
    public static final class Builder {
        final VrpRows rows4 = new VrpRows(1024);
        final VrpRows rows6 = new VrpRows(1024);
        private final VrpRows removed4 = new VrpRows(16);
        private final VrpRows removed6 = new VrpRows(16);
        final Map<String, Short> trustAnchorNames = new HashMap<>();
        final List<String> taList = new ArrayList<>();
        private boolean built;

        Builder() {
            trustAnchorNames.put("", (short) 0);
            taList.add("");
        }

        /**
         * Adds a VRP without metadata.
         *
         * @param vrp the VRP
         * @return this
         */
        public Builder add(Vrp vrp) {
            return add(vrp, "", 0);
        }

        /**
         * Adds a VRP with its trust anchor and expiry.
         *
         * @param vrp the VRP
         * @param trustAnchor trust anchor name, empty if unknown
         * @param expires Unix seconds, 0 if unknown
         * @return this
         */
        public Builder add(Vrp vrp, String trustAnchor, long expires) {
            Prefix p = vrp.prefix();
            addRaw(
                    p.isIpv4(),
                    p.high(),
                    p.low(),
                    p.length(),
                    vrp.maxLength(),
                    vrp.asn(),
                    trustAnchorIndex(trustAnchor),
                    expires);
            return this;
        }

        /**
         * Adds every VRP of a snapshot with its metadata.
         *
         * @param snapshot the source
         * @return this
         */
        public Builder addAll(VrpSnapshot snapshot) {
            snapshot.forEach(e -> add(e.vrp(), e.trustAnchor(), e.expires()));
            return this;
        }

        /**
         * Removes a VRP from the result, whether it was added before or after this call.
         *
         * @param vrp the VRP
         * @return this
         */
        public Builder remove(Vrp vrp) {
            checkNotBuilt();
            Prefix p = vrp.prefix();
            (p.isIpv4() ? removed4 : removed6)
                    .add(p.high(), p.low(), p.length(), vrp.maxLength(), (int) vrp.asn(), (short) 0, 0);
            return this;
        }

        short trustAnchorIndex(String name) {
            Short idx = trustAnchorNames.get(name);
            if (idx != null) {
                return idx;
            }
            if (taList.size() >= Short.MAX_VALUE) {
                throw new IllegalStateException("more than " + Short.MAX_VALUE + " distinct trust anchor names");
            }
            short s = (short) taList.size();
            taList.add(name);
            trustAnchorNames.put(name, s);
            return s;
        }

        // Hot path of the readers: already validated primitives, no Vrp objects.
        void addRaw(boolean ipv4, long high, long low, int length, int maxLength, long asn, short ta, long expires) {
            checkNotBuilt();
            (ipv4 ? rows4 : rows6).add(high, low, length, maxLength, (int) asn, ta, expires);
        }

        void applyRemovalsNow() {
            applyRemovals(rows4, removed4);
            applyRemovals(rows6, removed6);
            removed4.size = 0;
            removed6.size = 0;
        }

        private static void applyRemovals(VrpRows rows, VrpRows removed) {
            if (removed.size > 0) {
                rows.sortAndMerge();
                removed.sortAndMerge();
                rows.removeSorted(removed);
            }
        }

        private void checkNotBuilt() {
            if (built) {
                throw new IllegalStateException("build() was already called on this builder");
            }
        }

        /**
         * Compiles the snapshot.
         *
         * @return the snapshot
         * @throws IllegalStateException if called twice
         */
        public VrpSnapshot build() {
            checkNotBuilt();
            built = true;
            rows4.sortAndMerge();
            rows6.sortAndMerge();
            applyRemovals(rows4, removed4);
            applyRemovals(rows6, removed6);
            return new VrpSnapshot(
                    new FamilyTable(rows4, true), new FamilyTable(rows6, false), taList.toArray(new String[0]));
        }
    }
}
