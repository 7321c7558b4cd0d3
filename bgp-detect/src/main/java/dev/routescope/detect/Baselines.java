package dev.routescope.detect;

import dev.routescope.detect.internal.PrefixMap;
import dev.routescope.model.Prefix;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What is normal, learned from a RIB dump or a warm-up window: origins per prefix, upstreams
 * (neighbours of the origin) per origin, and the peak visibility (peers) per prefix.
 *
 * <p>Lifecycle: the pipeline (or your code) records observations while learning, then calls {@link
 * #freeze()}; afterwards the baseline is read-only and lock-free to read. Learning is bounded: at
 * most {@code maxPrefixes} prefixes and {@code maxOrigins} origins are kept, further ones are
 * counted in {@link #overflow()} and ignored, and each set holds at most {@value #MAX_SET} values.
 *
 * <pre>{@code
 * Baselines b = Baselines.create(2_000_000, 200_000);
 * b.addOrigin(Prefix.parse("193.0.0.0/21"), 3333);
 * b.addUpstream(3333, 1299);
 * b.freeze();
 * b.isExpectedOrigin(Prefix.parse("193.0.0.0/21"), 3333); // true
 * }</pre>
 *
 * <p>Threading: learning methods are synchronised (warm-up only); lookups after {@link #freeze()}
 * are plain reads of effectively immutable data.
 *
 * @since 0.1
 */
public final class Baselines {
    /** Largest origin or upstream set kept per key; more is itself a sign the key is not informative. */
    public static final int MAX_SET = 64;

    private static final long[] NO_VALUES = new long[0];

    private final int maxPrefixes;
    private final int maxOrigins;
    private final PrefixMap<long[]> originsByPrefix = new PrefixMap<>();
    private final Map<Prefix, Integer> visibility = new HashMap<>();
    private final Map<Long, long[]> upstreamsByOrigin = new HashMap<>();
    private final Set<Valley> valleys = new HashSet<>();
    private final AtomicLong overflow = new AtomicLong();
    private volatile boolean frozen;

    private Baselines(int maxPrefixes, int maxOrigins) {
        this.maxPrefixes = maxPrefixes;
        this.maxOrigins = maxOrigins;
    }

    /**
     * A new, empty, learning baseline.
     *
     * @param maxPrefixes prefixes kept at most
     * @param maxOrigins origins (for upstream sets) kept at most
     * @return the baseline
     */
    public static Baselines create(int maxPrefixes, int maxOrigins) {
        if (maxPrefixes < 1 || maxOrigins < 1) {
            throw new IllegalArgumentException(
                    "maxPrefixes " + maxPrefixes + ", maxOrigins " + maxOrigins + " (expected: >= 1)");
        }
        return new Baselines(maxPrefixes, maxOrigins);
    }

    /** {@return an empty, frozen baseline} */
    public static Baselines empty() {
        Baselines b = new Baselines(1, 1);
        b.freeze();
        return b;
    }

    private void checkLearning() {
        if (frozen) {
            throw new IllegalStateException("baseline is frozen; learning ended");
        }
    }

    /**
     * Records that {@code origin} announced {@code prefix}.
     *
     * @param prefix the prefix
     * @param origin the origin ASN
     */
    public synchronized void addOrigin(Prefix prefix, long origin) {
        checkLearning();
        long[] set = originsByPrefix.get(prefix);
        if (set == null) {
            if (originsByPrefix.size() >= maxPrefixes) {
                overflow.incrementAndGet();
                return;
            }
            originsByPrefix.put(prefix, new long[] {origin});
            return;
        }
        long[] grown = add(set, origin);
        if (grown != set) {
            originsByPrefix.put(prefix, grown);
        }
    }

    /**
     * Records that {@code upstream} was seen as the neighbour of {@code origin}.
     *
     * @param origin the origin ASN
     * @param upstream its neighbour
     */
    public synchronized void addUpstream(long origin, long upstream) {
        checkLearning();
        long[] set = upstreamsByOrigin.get(origin);
        if (set == null) {
            if (upstreamsByOrigin.size() >= maxOrigins) {
                overflow.incrementAndGet();
                return;
            }
            upstreamsByOrigin.put(origin, new long[] {upstream});
            return;
        }
        long[] grown = add(set, upstream);
        if (grown != set) {
            upstreamsByOrigin.put(origin, grown);
        }
    }

    /** One side of a learned valley: {@code leaker} passed routes to or from {@code neighbour}. */
    private record Valley(long leaker, long neighbour) {}

    /**
     * Records a valley-free violation seen while learning. With inferred relationships, a valley
     * present from the start is far more often a link the inference got wrong (partial transit,
     * hybrid or per-region peering: the classic case is a large network that peers openly and gives
     * its "peers" transit) than a leak. Both links of the valley are remembered, and {@code
     * valleyFree()} later stays quiet on a valley that shares a link with a learned one.
     *
     * @param leaker the AS that exported the route against the inferred relationships
     * @param from the neighbour it learned the route from (-1 if none)
     * @param to the neighbour it exported it to
     */
    public synchronized void addValley(long leaker, long from, long to) {
        checkLearning();
        if (valleys.size() >= maxOrigins) {
            overflow.incrementAndGet();
            return;
        }
        if (from >= 0) {
            valleys.add(new Valley(leaker, from));
        }
        valleys.add(new Valley(leaker, to));
    }

    /**
     * Whether a valley shares a link (leaker with either neighbour) with one seen while learning.
     *
     * @param leaker the AS that exported the route
     * @param from the neighbour it learned it from (-1 if none)
     * @param to the neighbour it exported it to
     * @return true if learned
     */
    public boolean isKnownValley(long leaker, long from, long to) {
        return !valleys.isEmpty()
                && (valleys.contains(new Valley(leaker, to))
                        || (from >= 0 && valleys.contains(new Valley(leaker, from))));
    }

    /** {@return valley links (leaker, neighbour) learned} */
    public int valleyCount() {
        return valleys.size();
    }

    /**
     * Records a visibility sample; the baseline keeps the maximum.
     *
     * @param prefix the prefix
     * @param peers peers that saw it at that moment
     */
    public synchronized void recordVisibility(Prefix prefix, int peers) {
        checkLearning();
        Integer old = visibility.get(prefix);
        if (old == null) {
            if (visibility.size() >= maxPrefixes) {
                overflow.incrementAndGet();
                return;
            }
            visibility.put(prefix, peers);
        } else if (peers > old) {
            visibility.put(prefix, peers);
        }
    }

    private long[] add(long[] sorted, long value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i >= 0) {
            return sorted;
        }
        if (sorted.length >= MAX_SET) {
            overflow.incrementAndGet();
            return sorted;
        }
        int at = -i - 1;
        long[] out = new long[sorted.length + 1];
        System.arraycopy(sorted, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(sorted, at, out, at + 1, sorted.length - at);
        return out;
    }

    /** Ends learning; the baseline becomes read-only. Idempotent. */
    public synchronized void freeze() {
        frozen = true;
    }

    /** {@return true once {@link #freeze()} was called} */
    public boolean isFrozen() {
        return frozen;
    }

    /**
     * Origins seen for exactly this prefix, sorted.
     *
     * @param prefix the prefix
     * @return the origins (do not modify), empty if unknown
     */
    public long[] origins(Prefix prefix) {
        long[] set = originsByPrefix.get(prefix);
        return set == null ? NO_VALUES : set;
    }

    /**
     * Whether the prefix was seen with this origin.
     *
     * @param prefix the prefix
     * @param origin the origin ASN
     * @return true if learned
     */
    public boolean isExpectedOrigin(Prefix prefix, long origin) {
        return Arrays.binarySearch(origins(prefix), origin) >= 0;
    }

    /**
     * Whether the prefix itself was seen.
     *
     * @param prefix the prefix
     * @return true if learned
     */
    public boolean contains(Prefix prefix) {
        return originsByPrefix.get(prefix) != null;
    }

    /**
     * The most specific learned prefix strictly covering {@code prefix}.
     *
     * @param prefix a prefix
     * @return the covering learned prefix or null
     */
    public @Nullable Prefix covering(Prefix prefix) {
        return originsByPrefix.coveringKey(prefix, false);
    }

    /**
     * Upstreams (neighbours) seen for an origin, sorted.
     *
     * @param origin the origin ASN
     * @return the upstreams (do not modify), empty if unknown
     */
    public long[] upstreams(long origin) {
        long[] set = upstreamsByOrigin.get(origin);
        return set == null ? NO_VALUES : set;
    }

    /**
     * Peak visibility seen while learning.
     *
     * @param prefix the prefix
     * @return peers, or 0 if unknown
     */
    public int visibility(Prefix prefix) {
        Integer v = visibility.get(prefix);
        return v == null ? 0 : v;
    }

    /** {@return learned prefixes} */
    public int prefixCount() {
        return originsByPrefix.size();
    }

    /** {@return learned origins with upstream sets} */
    public int originCount() {
        return upstreamsByOrigin.size();
    }

    /** {@return values not kept because a bound was reached} */
    public long overflow() {
        return overflow.get();
    }

    @Override
    public String toString() {
        return "Baselines[" + prefixCount() + " prefixes, " + originCount() + " origins, " + valleyCount()
                + " valleys, overflow " + overflow()
                + (frozen ? ", frozen]" : ", learning]");
    }
}
