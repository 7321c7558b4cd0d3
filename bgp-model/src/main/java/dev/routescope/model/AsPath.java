package dev.routescope.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An AS_PATH: segments in wire order, leftmost being the AS closest to the observer (the collector's
 * peer) and rightmost the origin.
 *
 * <p>Text form is bgpdump's: sequences space-separated, {@code {a,b}} for AS_SET, {@code (a b)} for
 * AS_CONFED_SEQUENCE, {@code [a,b]} for AS_CONFED_SET. {@link #parse} reads that form back; RIS
 * Live's nested arrays are converted by the RIS Live decoder.
 *
 * <p>Origin semantics: {@link #origin()} is the last ASN only when the path ends in a sequence; a
 * path ending in an AS_SET has no single origin (RFC 6811 treats it as NONE), and {@link
 * #originAsns()} then lists the set members for detectors that want them.
 *
 * <pre>{@code
 * AsPath p = AsPath.parse("64500 64501 64501 {64502,64503}");
 * p.length();                // 4: three sequence hops + one for the set (RFC 4271)
 * p.origin();                // Optional.empty(): ends in an AS_SET
 * p.originAsns();            // [AS64502, AS64503]
 * p.withoutPrepending();     // 64500 64501 {64502,64503}
 * }</pre>
 *
 * @since 0.1
 */
public final class AsPath {
    /** The empty path (legal towards iBGP peers and in locally originated routes). */
    public static final AsPath EMPTY = new AsPath(new AsPathSegment[0]);

    private final AsPathSegment[] segments;
    private int hash;

    private AsPath(AsPathSegment[] segments) {
        this.segments = segments;
    }

    /**
     * A path of the given segments. Adjacent segments of the same sequence type are joined: the wire
     * format splits sequences longer than 255 ASNs (and RFC 6793 merging can leave two adjacent
     * sequences), but the path is the same, so equality and text must not depend on the split. Sets
     * are never joined (two sets are two aggregation points).
     *
     * @param segments segments in wire order
     * @return the path
     */
    public static AsPath of(List<AsPathSegment> segments) {
        if (segments.isEmpty()) {
            return EMPTY;
        }
        List<AsPathSegment> joined = new ArrayList<>(segments.size());
        for (AsPathSegment s : segments) {
            int last = joined.size() - 1;
            if (last >= 0 && !s.type().isSet() && joined.get(last).type() == s.type()) {
                int[] a = joined.get(last).rawAsns();
                int[] b = s.rawAsns();
                int[] both = Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, both, a.length, b.length);
                joined.set(last, AsPathSegment.wrap(s.type(), both));
            } else {
                joined.add(s);
            }
        }
        return new AsPath(joined.toArray(new AsPathSegment[0]));
    }

    /**
     * A path made of one AS_SEQUENCE.
     *
     * @param asns ASNs from the peer to the origin; none gives {@link #EMPTY}
     * @return the path
     */
    public static AsPath ofSequence(long... asns) {
        return asns.length == 0
                ? EMPTY
                : new AsPath(new AsPathSegment[] {AsPathSegment.of(SegmentType.AS_SEQUENCE, asns)});
    }

    /**
     * Parses bgpdump's notation, e.g. {@code 64500 64501 {64502,64503}} or {@code (65001 65002) 64500}.
     * Spaces may also separate set members; ASNs may use {@link Asn#parse} forms.
     *
     * @param text the path text, possibly empty
     * @return the path
     * @throws IllegalArgumentException naming the text, index and reason
     */
    public static AsPath parse(CharSequence text) {
        List<AsPathSegment> out = new ArrayList<>();
        List<Long> seq = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '{' || c == '(' || c == '[') {
                char close = c == '{' ? '}' : c == '(' ? ')' : ']';
                SegmentType type = c == '{'
                        ? SegmentType.AS_SET
                        : c == '(' ? SegmentType.AS_CONFED_SEQUENCE : SegmentType.AS_CONFED_SET;
                int end = indexOf(text, close, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException(
                            "invalid AS path '" + text + "': unclosed '" + c + "' at index " + i);
                }
                flushSequence(seq, out);
                List<Long> members = new ArrayList<>();
                int j = i + 1;
                while (j < end) {
                    char d = text.charAt(j);
                    if (d == ' ' || d == ',') {
                        j++;
                        continue;
                    }
                    int k = j;
                    while (k < end && text.charAt(k) != ' ' && text.charAt(k) != ',') {
                        k++;
                    }
                    members.add(parseAsn(text, j, k));
                    j = k;
                }
                if (members.isEmpty()) {
                    throw new IllegalArgumentException("invalid AS path '" + text + "': empty segment at index " + i);
                }
                out.add(AsPathSegment.of(type, toArray(members)));
                i = end + 1;
                continue;
            }
            int k = i;
            while (k < n && " \t{([".indexOf(text.charAt(k)) < 0) {
                k++;
            }
            seq.add(parseAsn(text, i, k));
            i = k;
        }
        flushSequence(seq, out);
        return of(out);
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static long parseAsn(CharSequence text, int from, int to) {
        try {
            return Asn.parse(text.subSequence(from, to)).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid AS path '" + text + "' at index " + from + ": " + e.getMessage(), e);
        }
    }

    private static void flushSequence(List<Long> seq, List<AsPathSegment> out) {
        if (!seq.isEmpty()) {
            out.add(AsPathSegment.of(SegmentType.AS_SEQUENCE, toArray(seq)));
            seq.clear();
        }
    }

    private static long[] toArray(List<Long> values) {
        long[] a = new long[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    /** {@return the segments in wire order} */
    public List<AsPathSegment> segments() {
        return List.of(segments);
    }

    /** {@return the number of segments} */
    public int segmentCount() {
        return segments.length;
    }

    /**
     * The segment at a position.
     *
     * @param index {@code 0..segmentCount()-1}
     * @return the segment
     */
    public AsPathSegment segment(int index) {
        return segments[index];
    }

    /** {@return true if the path has no segments} */
    public boolean isEmpty() {
        return segments.length == 0;
    }

    /**
     * The path length used in best-path selection (RFC 4271 §9.1.2.2, RFC 5065): each AS_SEQUENCE
     * ASN counts 1, each AS_SET counts 1, confederation segments count 0. Prepends count.
     *
     * @return the path length
     */
    public int length() {
        int n = 0;
        for (AsPathSegment s : segments) {
            n += s.pathLengthContribution();
        }
        return n;
    }

    /** {@return the total number of ASNs in all segments} */
    public int asnCount() {
        int n = 0;
        for (AsPathSegment s : segments) {
            n += s.size();
        }
        return n;
    }

    /**
     * The leftmost ASN (the neighbour that sent the route), when the path starts with a sequence.
     *
     * @return the first hop, or empty for an empty path or one starting with a set
     */
    public Optional<Asn> firstHop() {
        if (segments.length == 0 || segments[0].type().isSet()) {
            return Optional.empty();
        }
        return Optional.of(Asn.of(segments[0].asn(0)));
    }

    /**
     * The origin AS: the rightmost ASN when the path ends in a sequence.
     *
     * @return the origin, or empty for an empty path or one ending in an AS_SET/AS_CONFED_SET (RFC
     *     6811: origin NONE)
     */
    public Optional<Asn> origin() {
        if (segments.length == 0) {
            return Optional.empty();
        }
        AsPathSegment last = segments[segments.length - 1];
        if (last.type().isSet()) {
            return Optional.empty();
        }
        return Optional.of(Asn.of(last.asn(last.size() - 1)));
    }

    /**
     * The origin ASN as a primitive, for hot paths.
     *
     * @return the origin value, or {@code -1} when {@link #origin()} is empty
     */
    public long originValue() {
        if (segments.length == 0) {
            return -1;
        }
        AsPathSegment last = segments[segments.length - 1];
        return last.type().isSet() ? -1 : last.asn(last.size() - 1);
    }

    /**
     * All candidate origins: the last ASN of a trailing sequence, or every member of a trailing set.
     *
     * @return the origin candidates; empty for an empty path
     */
    public List<Asn> originAsns() {
        if (segments.length == 0) {
            return List.of();
        }
        AsPathSegment last = segments[segments.length - 1];
        return last.type().isSet() ? last.asns() : List.of(Asn.of(last.asn(last.size() - 1)));
    }

    /** {@return true if the last segment is an AS_SET or AS_CONFED_SET} */
    public boolean endsWithSet() {
        return segments.length > 0 && segments[segments.length - 1].type().isSet();
    }

    /** {@return true if any segment is an AS_SET or AS_CONFED_SET} */
    public boolean hasSet() {
        for (AsPathSegment s : segments) {
            if (s.type().isSet()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether any segment contains the ASN.
     *
     * @param asn the ASN value
     * @return true if present
     */
    public boolean contains(long asn) {
        for (AsPathSegment s : segments) {
            if (s.contains(asn)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path with consecutive repeats of an ASN (prepending) collapsed inside and across adjacent
     * sequence segments of the same type. Sets are kept unchanged.
     *
     * @return the prepending-free path; {@code this} if there was no prepending
     */
    public AsPath withoutPrepending() {
        List<AsPathSegment> out = new ArrayList<>(segments.length);
        boolean changed = false;
        long previous = -1;
        @Nullable SegmentType previousType = null;
        for (AsPathSegment s : segments) {
            if (s.type().isSet()) {
                out.add(s);
                previous = -1;
                previousType = null;
                continue;
            }
            int[] raw = s.rawAsns();
            int[] kept = new int[raw.length];
            int k = 0;
            for (int a : raw) {
                long v = Integer.toUnsignedLong(a);
                if (v == previous && previousType == s.type()) {
                    changed = true;
                    continue;
                }
                kept[k++] = a;
                previous = v;
                previousType = s.type();
            }
            if (k > 0) {
                out.add(AsPathSegment.wrap(s.type(), k == raw.length ? raw : Arrays.copyOf(kept, k)));
            } else {
                changed = true;
            }
        }
        return changed ? of(out) : this;
    }

    /**
     * Whether an ASN occurs at two non-adjacent places of the sequence segments (after collapsing
     * prepending), i.e. the path loops. Set members are not considered: an AS_SET lists the ASNs of
     * aggregated routes, which may legitimately repeat the aggregator.
     *
     * @return true if the path has a loop
     */
    public boolean hasLoop() {
        AsPath p = withoutPrepending();
        Set<Long> seen = new HashSet<>();
        for (AsPathSegment s : p.segments) {
            if (s.type().isSet()) {
                continue;
            }
            for (int a : s.rawAsns()) {
                if (!seen.add(Integer.toUnsignedLong(a))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * All ASNs of all segments in wire order, as a new array.
     *
     * @return the ASNs
     */
    public long[] toAsnArray() {
        long[] out = new long[asnCount()];
        int k = 0;
        for (AsPathSegment s : segments) {
            for (int a : s.rawAsns()) {
                out[k++] = Integer.toUnsignedLong(a);
            }
        }
        return out;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof AsPath p && Arrays.equals(p.segments, segments);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(segments);
            hash = h;
        }
        return h;
    }

    /** {@return bgpdump notation, empty for the empty path} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(segments.length * 16);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            segments[i].appendTo(sb);
        }
        return sb.toString();
    }
}
