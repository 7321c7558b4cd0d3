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
 * <p>A {@linkplain #rolling(BaselineWindow, int, int) rolling} baseline keeps learning after the
 * freeze from {@linkplain #sample samples} of the routing state taken at every step of a window (24 h,
 * 7 d, ...): values no sample of the whole window had are forgotten, new values seen in enough
 * samples become expected, so memory follows the routing table and not the history.
 *
 * <p>Threading: learning methods are synchronised (warm-up only); lookups after {@link #freeze()}
 * are plain reads of data that only {@link #sample} changes, which the pipeline calls with every
 * stage idle.
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
    // Rolling state: null for a baseline that stays as learned. Touched only by roll(), which the
    // pipeline calls with every stage idle, so readers never see it half-updated.
    private final @Nullable BaselineWindow window;
    private final Map<Prefix, Track> originTracks = new HashMap<>();
    private final Map<Long, Track> upstreamTracks = new HashMap<>();
    private final Map<Prefix, Peak> peaks = new HashMap<>();
    private long samples;
    private long version;
    private long promoted;
    private long expired;

    private Baselines(int maxPrefixes, int maxOrigins, @Nullable BaselineWindow window) {
        this.maxPrefixes = maxPrefixes;
        this.maxOrigins = maxOrigins;
        this.window = window;
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
        return new Baselines(maxPrefixes, maxOrigins, null);
    }

    /**
     * A new, empty, learning baseline that keeps learning after {@link #freeze()}: origins,
     * upstreams and visibility peaks are sampled from the routing state at every step of {@code
     * window} and forgotten when no sample of the whole window contains them; new ones are promoted
     * once seen in {@link BaselineWindow#promoteAfter()} samples. See {@link BaselineWindow} and
     * {@link #sample}.
     *
     * <pre>{@code
     * Baselines b = Baselines.rolling(BaselineWindow.of(Duration.ofHours(24)), 2_000_000, 200_000);
     * }</pre>
     *
     * @param window the rolling window
     * @param maxPrefixes prefixes kept at most (learned and tracked)
     * @param maxOrigins origins (for upstream sets) kept at most
     * @return the baseline
     */
    public static Baselines rolling(BaselineWindow window, int maxPrefixes, int maxOrigins) {
        if (maxPrefixes < 1 || maxOrigins < 1) {
            throw new IllegalArgumentException(
                    "maxPrefixes " + maxPrefixes + ", maxOrigins " + maxOrigins + " (expected: >= 1)");
        }
        return new Baselines(maxPrefixes, maxOrigins, java.util.Objects.requireNonNull(window, "window"));
    }

    /** {@return the rolling window, or null if this baseline stays as learned} */
    public @Nullable BaselineWindow window() {
        return window;
    }

    /** {@return an empty, frozen baseline} */
    public static Baselines empty() {
        Baselines b = new Baselines(1, 1, null);
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

    /**
     * Ends learning; the baseline becomes read-only (a rolling one from then on changes only at
     * {@link #sample} boundaries). Idempotent.
     */
    public synchronized void freeze() {
        if (!frozen && window != null) {
            // What the warm-up learned is expected at once and counts as seen in the latest step.
            originsByPrefix.asMap().forEach((p, set) -> originTracks.put(p, Track.learned(set)));
            upstreamsByOrigin.forEach((o, set) -> upstreamTracks.put(o, Track.learned(set)));
            visibility.forEach((p, v) -> peaks.put(p, new Peak(v)));
        }
        frozen = true;
    }

    /**
     * One sample of the routing state at a step boundary of the {@linkplain #window() rolling
     * window}: feed every current route to {@link Sample#route}, then {@link Sample#close()}.
     * Ages every tracked association by {@code steps} steps (more than one after a gap in the
     * events), records what the sample contains, promotes and expires, and updates what the
     * lookups answer. Must not run while anything reads the baseline (the pipeline calls it with
     * all stages idle); only on a frozen rolling baseline.
     *
     * <pre>{@code
     * try (Baselines.Sample s = baselines.sample(1)) {
     *     s.route(prefix, origin, upstream);   // every (prefix, peer) route held now
     *     s.visibility(prefix, peers);         // every prefix held now
     * }
     * }</pre>
     *
     * @param steps steps elapsed since the previous sample, at least 1
     * @return the sample to fill
     * @throws IllegalStateException if the baseline is not rolling or not frozen yet
     */
    public Sample sample(int steps) {
        if (window == null) {
            throw new IllegalStateException("not a rolling baseline");
        }
        if (!frozen) {
            throw new IllegalStateException("rolling samples start after freeze()");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps " + steps + " (expected: >= 1)");
        }
        long keep = (1L << window.buckets()) - 1;
        long[] counts = new long[2];
        originTracks.values().forEach(t -> t.age(steps, keep, counts));
        upstreamTracks.values().forEach(t -> t.age(steps, keep, counts));
        expired += counts[1];
        // More than a whole window of steps clears every peak; no need to turn more often than twice per window.
        int turns = Math.min(steps, 2 * BaselineWindow.MAX_BUCKETS);
        long sampleNo = samples;
        for (int i = 0; i < turns; i++) {
            // Peaks age in half windows: the peak answered is the max of the current and the previous half.
            if (isHalfBoundary(sampleNo + i + 1)) {
                peaks.values().forEach(Peak::turn);
            }
        }
        samples += steps;
        return new Sample();
    }

    private boolean isHalfBoundary(long sampleNo) {
        BaselineWindow w = java.util.Objects.requireNonNull(window);
        int half = Math.max(1, w.buckets() / 2);
        return sampleNo % half == 0;
    }

    /** One sample being recorded; see {@link Baselines#sample}. Not thread-safe. */
    public final class Sample implements AutoCloseable {
        private boolean closed;

        private Sample() {}

        /**
         * A route held at the sample time.
         *
         * @param prefix the prefix
         * @param origin its origin (-1 if unknown: ignored)
         * @param upstream the origin's neighbour (-1 if none: ignored)
         */
        public void route(Prefix prefix, long origin, long upstream) {
            checkOpen();
            record(prefix, 1, new long[] {origin}, new long[] {upstream});
        }

        private void checkOpen() {
            if (closed) {
                throw new IllegalStateException("sample closed");
            }
        }

        /**
         * All routes of one prefix held at the sample time, and its visibility ({@code size} peers):
         * {@link #route} for each entry plus {@link #visibility}, with one lookup per key.
         *
         * @param prefix the prefix
         * @param size routes; entries {@code [0, size)} are read
         * @param origins origin per route (-1 = unknown)
         * @param upstreams upstream per route (-1 = none)
         */
        public void routes(Prefix prefix, int size, long[] origins, long[] upstreams) {
            checkOpen();
            record(prefix, size, origins, upstreams);
            visibility(prefix, size);
        }

        /** Marks every (prefix, origin) and (origin, upstream) of the routes seen, one map lookup per key. */
        private void record(Prefix prefix, int size, long[] origins, long[] upstreams) {
            Track t = originTracks.get(prefix);
            boolean refused = false; // the prefix is not tracked and the map is full: counted once
            long lastOrigin = Long.MIN_VALUE;
            @Nullable Track u = null;
            for (int i = 0; i < size; i++) {
                long origin = origins[i];
                if (origin < 0) {
                    continue;
                }
                if (t == null && !refused) {
                    if (originTracks.size() >= maxPrefixes) {
                        overflow.incrementAndGet();
                        refused = true;
                    } else {
                        t = new Track();
                        originTracks.put(prefix, t);
                    }
                }
                if (t != null && !t.see(origin)) {
                    overflow.incrementAndGet();
                }
                long upstream = upstreams[i];
                if (upstream < 0) {
                    continue;
                }
                if (origin != lastOrigin) {
                    lastOrigin = origin;
                    u = upstreamTracks.get(origin);
                    if (u == null) {
                        if (upstreamTracks.size() >= maxOrigins) {
                            overflow.incrementAndGet();
                            continue;
                        }
                        u = new Track();
                        upstreamTracks.put(origin, u);
                    }
                }
                if (u != null && !u.see(upstream)) {
                    overflow.incrementAndGet();
                }
            }
        }

        /**
         * The number of peers holding a prefix at the sample time.
         *
         * @param prefix the prefix
         * @param peers peers
         */
        public void visibility(Prefix prefix, int peers) {
            checkOpen();
            Peak p = peaks.get(prefix);
            if (p == null) {
                if (peaks.size() >= maxPrefixes) {
                    overflow.incrementAndGet();
                    return;
                }
                peaks.put(prefix, new Peak(peers));
            } else {
                p.see(peers);
            }
        }

        /** Promotes, expires and publishes what the lookups answer. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            int promote = java.util.Objects.requireNonNull(window).promoteAfter();
            long[] counts = new long[2];
            settle(originTracks, promote, counts, originsByPrefix::put, originsByPrefix::remove);
            settle(upstreamTracks, promote, counts, upstreamsByOrigin::put, upstreamsByOrigin::remove);
            var pi = peaks.entrySet().iterator();
            while (pi.hasNext()) {
                var e = pi.next();
                int peak = e.getValue().peak();
                if (peak == 0) {
                    visibility.remove(e.getKey());
                    pi.remove();
                } else {
                    visibility.put(e.getKey(), peak);
                }
            }
            promoted += counts[0];
            expired += counts[1];
            version++;
        }
    }

    /** Settles every track and publishes its expected values under the same key (or removes the key). */
    private static <K> void settle(
            Map<K, Track> tracks,
            int promoteAfter,
            long[] counts,
            java.util.function.BiConsumer<K, long[]> publish,
            java.util.function.Consumer<K> unpublish) {
        var it = tracks.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            Track t = e.getValue();
            t.settle(promoteAfter, counts);
            long[] est = t.established();
            if (est.length == 0) {
                unpublish.accept(e.getKey());
            } else {
                publish.accept(e.getKey(), est);
            }
            if (t.size == 0) {
                it.remove();
            }
        }
    }

    /**
     * Candidate values of one key with the steps they were seen in: bit i of a mask = seen i steps
     * ago (bit 0 = the latest sample), bit 63 = expected. Sorted by value, at most {@value #MAX_SET}.
     */
    private static final class Track {
        long[] values;
        long[] masks;
        int size;

        Track() {
            values = new long[2];
            masks = new long[2];
        }

        static Track learned(long[] set) {
            Track t = new Track();
            t.values = set.clone();
            t.masks = new long[set.length];
            Arrays.fill(t.masks, ESTABLISHED | 1L);
            t.size = set.length;
            return t;
        }

        /**
         * Moves every mask {@code steps} steps back. When more than one step passed, the steps in
         * between were empty samples: an expected value whose last sighting fell out of the window in
         * one of them is forgotten there, even if the new sample has it again.
         */
        void age(int steps, long keep, long[] counts) {
            int between = Math.min(steps - 1, BaselineWindow.MAX_BUCKETS);
            int shift = Math.min(steps, BaselineWindow.MAX_BUCKETS);
            for (int i = 0; i < size; i++) {
                long m = masks[i];
                long seen = m & ~ESTABLISHED;
                if ((m & ESTABLISHED) != 0 && between > 0 && ((seen << between) & keep) == 0) {
                    m = seen;
                    counts[1]++;
                }
                masks[i] = (m & ESTABLISHED) | ((seen << shift) & keep);
            }
        }

        /** Marks {@code v} seen in the latest step; false if the set is full. */
        boolean see(long v) {
            int i = Arrays.binarySearch(values, 0, size, v);
            if (i >= 0) {
                masks[i] |= 1L;
                return true;
            }
            if (size >= MAX_SET) {
                return false;
            }
            int at = -i - 1;
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.min(MAX_SET, size * 2));
                masks = Arrays.copyOf(masks, values.length);
            }
            System.arraycopy(values, at, values, at + 1, size - at);
            System.arraycopy(masks, at, masks, at + 1, size - at);
            values[at] = v;
            masks[at] = 1L;
            size++;
            return true;
        }

        /** Promotes values seen often enough, drops values not seen in the whole window. */
        void settle(int promoteAfter, long[] counts) {
            int w = 0;
            for (int i = 0; i < size; i++) {
                long m = masks[i];
                long seen = m & ~ESTABLISHED;
                if (seen == 0) {
                    if ((m & ESTABLISHED) != 0) {
                        counts[1]++;
                    }
                    continue;
                }
                if ((m & ESTABLISHED) == 0 && Long.bitCount(seen) >= promoteAfter) {
                    m |= ESTABLISHED;
                    counts[0]++;
                }
                values[w] = values[i];
                masks[w] = m;
                w++;
            }
            size = w;
        }

        long[] established() {
            int n = 0;
            for (int i = 0; i < size; i++) {
                if ((masks[i] & ESTABLISHED) != 0) {
                    n++;
                }
            }
            if (n == 0) {
                return NO_VALUES;
            }
            long[] out = new long[n];
            int k = 0;
            for (int i = 0; i < size; i++) {
                if ((masks[i] & ESTABLISHED) != 0) {
                    out[k++] = values[i];
                }
            }
            return out;
        }
    }

    private static final long ESTABLISHED = Long.MIN_VALUE;

    /** Visibility peak over the current and the previous half window. */
    private static final class Peak {
        int current;
        int previous;

        Peak(int peers) {
            current = peers;
        }

        void see(int peers) {
            if (peers > current) {
                current = peers;
            }
        }

        void turn() {
            previous = current;
            current = 0;
        }

        int peak() {
            return Math.max(current, previous);
        }
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

    /** {@return a number that changes whenever a rolling sample changed what the lookups may answer} */
    public long version() {
        return version;
    }

    /** {@return rolling samples taken (steps elapsed), 0 for a baseline that stays as learned} */
    public long samples() {
        return samples;
    }

    /** {@return associations (origin of a prefix, upstream of an origin) promoted to expected by samples} */
    public long promoted() {
        return promoted;
    }

    /** {@return expected associations forgotten because no sample of the whole window had them} */
    public long expired() {
        return expired;
    }

    /** {@return keys the rolling window tracks (prefixes with origin candidates + origins with upstream candidates)} */
    public int trackedKeys() {
        return originTracks.size() + upstreamTracks.size();
    }

    @Override
    public String toString() {
        return "Baselines[" + prefixCount() + " prefixes, " + originCount() + " origins, " + valleyCount()
                + " valleys, overflow " + overflow()
                + (window == null
                        ? ""
                        : ", rolling " + window.length() + "/" + window.buckets() + " (" + samples + " samples, "
                                + promoted + " promoted, " + expired + " expired, " + trackedKeys() + " tracked)")
                + (frozen ? ", frozen]" : ", learning]");
    }
}
