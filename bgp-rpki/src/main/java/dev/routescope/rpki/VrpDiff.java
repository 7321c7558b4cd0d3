package dev.routescope.rpki;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.Prefix;
import dev.routescope.rpki.internal.VrpRows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The difference between two VRP snapshots: VRPs added, VRPs removed (identity = prefix, maxLength,
 * ASN) and VRPs whose metadata changed (trust anchor or expiry, e.g. a re-signed ROA), grouped by
 * prefix or by ASN for "ROA changes" alerts (BGPalerter {@code monitorROAS}).
 *
 * <pre>{@code
 * VrpDiff d = VrpDiff.between(yesterday, today);
 * for (VrpDiff.PrefixGroup g : d.byPrefix()) {
 *     System.out.println(g); // ROAs change detected for 82.21.153.0/24: removed [...]; added [...]
 * }
 * }</pre>
 *
 * <p>Computed by one merge walk over the two sorted tables: O(n), no hashing. Immutable.
 *
 * @since 0.1
 */
public final class VrpDiff {
    private final List<VrpEntry> added;
    private final List<VrpEntry> removed;
    private final List<Change> changed;

    private VrpDiff(List<VrpEntry> added, List<VrpEntry> removed, List<Change> changed) {
        this.added = Collections.unmodifiableList(added);
        this.removed = Collections.unmodifiableList(removed);
        this.changed = Collections.unmodifiableList(changed);
    }

    /**
     * A VRP present in both snapshots whose trust anchor or expiry differs.
     *
     * @param before the old entry
     * @param after the new entry
     */
    public record Change(VrpEntry before, VrpEntry after) {}

    /**
     * The changes of one prefix.
     *
     * @param prefix the ROA prefix
     * @param added VRPs of this prefix that appeared
     * @param removed VRPs of this prefix that disappeared
     */
    public record PrefixGroup(Prefix prefix, List<VrpEntry> added, List<VrpEntry> removed) {
        /** Copies the lists. */
        public PrefixGroup {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        /** {@return BGPalerter-style text: {@code ROAs change detected for P: removed [...]; added [...]}} */
        @Override
        public String toString() {
            return "ROAs change detected for " + prefix + ": removed " + removed + "; added " + added;
        }
    }

    /**
     * The changes of one ASN.
     *
     * @param asn the ASN
     * @param added VRPs of this ASN that appeared
     * @param removed VRPs of this ASN that disappeared
     */
    public record AsnGroup(long asn, List<VrpEntry> added, List<VrpEntry> removed) {
        /** Copies the lists. */
        public AsnGroup {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }
    }

    /**
     * Compares two snapshots.
     *
     * @param before the older snapshot
     * @param after the newer snapshot
     * @return the difference
     */
    public static VrpDiff between(VrpSnapshot before, VrpSnapshot after) {
        List<VrpEntry> added = new ArrayList<>();
        List<VrpEntry> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (boolean ipv4 : new boolean[] {true, false}) {
            VrpRows a = before.rows(ipv4);
            VrpRows b = after.rows(ipv4);
            int i = 0;
            int j = 0;
            while (i < a.size || j < b.size) {
                int c = i == a.size ? 1 : j == b.size ? -1 : a.compare(i, b, j);
                if (c < 0) {
                    removed.add(entry(before, a, i++, ipv4));
                } else if (c > 0) {
                    added.add(entry(after, b, j++, ipv4));
                } else {
                    if (a.expires[i] != b.expires[j]
                            || !before.trustAnchorName(a.trustAnchor[i])
                                    .equals(after.trustAnchorName(b.trustAnchor[j]))) {
                        changed.add(new Change(entry(before, a, i, ipv4), entry(after, b, j, ipv4)));
                    }
                    i++;
                    j++;
                }
            }
        }
        return new VrpDiff(added, removed, changed);
    }

    private static VrpEntry entry(VrpSnapshot s, VrpRows r, int i, boolean ipv4) {
        Prefix p = new Prefix(
                ipv4 ? AddressFamily.IPV4 : AddressFamily.IPV6, r.high[i], ipv4 ? 0 : r.low[i], r.length[i] & 0xFF);
        return new VrpEntry(
                new Vrp(p, r.maxLength[i] & 0xFF, Integer.toUnsignedLong(r.asn[i])),
                s.trustAnchorName(r.trustAnchor[i]),
                r.expires[i]);
    }

    /** {@return VRPs in the newer snapshot only, in table order} */
    public List<VrpEntry> added() {
        return added;
    }

    /** {@return VRPs in the older snapshot only, in table order} */
    public List<VrpEntry> removed() {
        return removed;
    }

    /** {@return VRPs in both whose trust anchor or expiry changed} */
    public List<Change> metadataChanged() {
        return changed;
    }

    /** {@return true when no VRP was added or removed (metadata changes do not count)} */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }

    /** {@return added and removed VRPs grouped by prefix, in prefix order} */
    public List<PrefixGroup> byPrefix() {
        Map<Prefix, List<List<VrpEntry>>> m = new TreeMap<>();
        for (VrpEntry e : added) {
            m.computeIfAbsent(e.vrp().prefix(), k -> pair()).get(0).add(e);
        }
        for (VrpEntry e : removed) {
            m.computeIfAbsent(e.vrp().prefix(), k -> pair()).get(1).add(e);
        }
        List<PrefixGroup> out = new ArrayList<>(m.size());
        m.forEach((p, l) -> out.add(new PrefixGroup(p, l.get(0), l.get(1))));
        return out;
    }

    /** {@return added and removed VRPs grouped by ASN, ascending} */
    public List<AsnGroup> byAsn() {
        Map<Long, List<List<VrpEntry>>> m = new TreeMap<>();
        for (VrpEntry e : added) {
            m.computeIfAbsent(e.vrp().asn(), k -> pair()).get(0).add(e);
        }
        for (VrpEntry e : removed) {
            m.computeIfAbsent(e.vrp().asn(), k -> pair()).get(1).add(e);
        }
        List<AsnGroup> out = new ArrayList<>(m.size());
        m.forEach((a, l) -> out.add(new AsnGroup(a, l.get(0), l.get(1))));
        return out;
    }

    private static List<List<VrpEntry>> pair() {
        return List.of(new ArrayList<>(), new ArrayList<>());
    }

    @Override
    public String toString() {
        return "VrpDiff[+" + added.size() + " -" + removed.size() + " ~" + changed.size() + "]";
    }
}
