package dev.routescope.detect;

import dev.routescope.detect.internal.AspaSetLookup;
import dev.routescope.detect.internal.GraphLookup;
import dev.routescope.detect.internal.PathInfo;
import dev.routescope.detect.internal.RouteTable;
import dev.routescope.detect.internal.RpkiDiffs;
import dev.routescope.detect.internal.ValidatorLookup;
import dev.routescope.detect.spi.Alert;
import dev.routescope.detect.spi.AspaLookup;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorContext;
import dev.routescope.detect.spi.DetectorProvider;
import dev.routescope.detect.spi.Observation;
import dev.routescope.detect.spi.RelationshipLookup;
import dev.routescope.detect.spi.RouteOriginLookup;
import dev.routescope.detect.spi.RpkiUpdate;
import dev.routescope.model.Announcement;
import dev.routescope.model.AsPath;
import dev.routescope.model.Peer;
import dev.routescope.model.PeerStateChange;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import dev.routescope.relationships.AsGraph;
import dev.routescope.rpki.AspaSet;
import dev.routescope.rpki.RouteOriginValidator;
import dev.routescope.rpki.VrpDiff;
import dev.routescope.rpki.VrpSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor: reads events from a source, keeps per-peer routing state, runs detectors partitioned
 * by prefix over N workers, folds alerts into incidents and hands them to asynchronous sinks.
 *
 * <pre>{@code
 * InMemorySink sink = Sinks.inMemory();
 * try (Pipeline p = Pipeline.builder()
 *         .source(EventSource.of(events))
 *         .warmUp(Duration.ofMinutes(20))                 // learn baselines from the first 20 min
 *         .detect(Detectors.modelOnly())
 *         .sink(sink)
 *         .sink(Sinks.jsonLines(Path.of("incidents.jsonl")))
 *         .build()) {
 *     PipelineMetrics m = p.run();                       // blocks until the source ends
 * }
 * }</pre>
 *
 * <p>Design: one dispatcher thread (the caller of {@link #run()}) numbers events, assigns peer ids and
 * cuts them into rounds of {@code batchSize} events; each worker gets its share of every round
 * (prefix hash; session-down events go to all) and owns a {@code RouteTable} slice and one instance
 * of each {@code BY_PREFIX} detector. An ordered stage collects each round from every worker, merges
 * alerts by input sequence, runs the {@code SINGLE} detectors (keyed by ASN or global) on the
 * observations they accepted, and feeds the {@link IncidentAggregator}. Output therefore does not
 * depend on thread timing or on the number of workers: replays are deterministic. Queues are
 * bounded: a slow stage blocks the source (back-pressure), never drops events.
 *
 * <p>Lifecycle: {@link #run()} (blocking) or {@link #start()} + {@link #awaitTermination}; {@link
 * #stop()} ends after the current round; {@link #close()} stops and closes sinks and source. A
 * pipeline runs once.
 *
 * @since 0.1
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final EventSource source;
    private final List<DetectorProvider> prefixProviders;
    private final List<DetectorProvider> singleProviders;
    private final List<AsyncSink> sinks;
    private final int workerCount;
    private final int batchSize;
    private final int maxPrefixesPerWorker;
    private final Duration warmUp;
    private final IncidentAggregator aggregator;
    private final Shared shared;

    private final AtomicLong events = new AtomicLong();
    private final AtomicLong announcements = new AtomicLong();
    private final AtomicLong withdrawals = new AtomicLong();
    private final AtomicLong stateChanges = new AtomicLong();
    private final AtomicLong learned = new AtomicLong();
    private final AtomicLong baselineSamples = new AtomicLong();
    private final LongAdder implicitWithdrawals = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> alertsByType = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> incidentsByStatus = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> detectorErrors = new ConcurrentHashMap<>();
    private final AtomicLong openIncidents = new AtomicLong();
    private final AtomicLong completedRounds = new AtomicLong();
    private final ConcurrentLinkedQueue<RpkiUpdate> rpkiUpdates = new ConcurrentLinkedQueue<>();
    private final List<Worker> workers = new ArrayList<>();
    private final List<BlockingQueue<Round>> inQueues = new ArrayList<>();
    private final List<BlockingQueue<Result>> outQueues = new ArrayList<>();

    private volatile @Nullable Instant lastEventTime;
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile @Nullable Throwable failure;
    private volatile boolean stopRequested;
    private volatile boolean started;
    private volatile boolean finished;
    private final Object finishLock = new Object();
    private @Nullable Thread runner;

    /** Read-mostly data shared by all stages; replaced atomically. */
    static final class Shared {
        volatile MonitoredResources monitored;
        volatile Baselines baselines;
        volatile RouteOriginLookup rpki;
        volatile AspaLookup aspa;
        volatile RelationshipLookup relationships;
        volatile int knownPeers;

        Shared(
                MonitoredResources monitored,
                Baselines baselines,
                RouteOriginLookup rpki,
                AspaLookup aspa,
                RelationshipLookup relationships) {
            this.monitored = monitored;
            this.baselines = baselines;
            this.rpki = rpki;
            this.aspa = aspa;
            this.relationships = relationships;
        }
    }

    /** The context a detector sees; {@code now} and {@code table} are per stage. */
    static final class Context implements DetectorContext {
        private final Shared shared;
        private final @Nullable RouteTable table;
        Instant now = Instant.EPOCH;

        Context(Shared shared, @Nullable RouteTable table) {
            this.shared = shared;
            this.table = table;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public MonitoredResources monitored() {
            return shared.monitored;
        }

        @Override
        public Baselines baselines() {
            return shared.baselines;
        }

        @Override
        public RouteOriginLookup routeOrigins() {
            return shared.rpki;
        }

        @Override
        public AspaLookup aspa() {
            return shared.aspa;
        }

        @Override
        public RelationshipLookup relationships() {
            return shared.relationships;
        }

        @Override
        public int originPeers(Prefix prefix, long origin) {
            RouteTable t = table;
            return t == null ? 0 : t.originPeers(prefix, origin);
        }

        @Override
        public int knownPeers() {
            return shared.knownPeers;
        }
    }

    private record Item(long seq, int peerId, Instant now, boolean learn, RouteEvent event) {}

    private record Round(long number, List<Item> items, Instant watermark, long lastSeq, boolean last) {}

    /** One output of a worker: an alert or an observation forwarded to SINGLE detectors. */
    private record Out(long seq, @Nullable Prefix order, int worker, int index, Object payload) {}

    private record Forward(Observation observation, long mask) {}

    private record Result(long round, List<Out> outs, Instant watermark, long lastSeq, boolean last) {}

    private static final Comparator<Out> OUT_ORDER = (a, b) -> {
        int c = Long.compare(a.seq, b.seq);
        if (c != 0) {
            return c;
        }
        Prefix pa = a.order;
        Prefix pb = b.order;
        if (pa != null && pb != null) {
            c = pa.compareTo(pb);
        } else if (pa != pb) {
            c = pa == null ? -1 : 1;
        }
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.worker, b.worker);
        return c != 0 ? c : Integer.compare(a.index, b.index);
    };

    private Pipeline(Builder b) {
        this.source = java.util.Objects.requireNonNull(b.source, "source");
        List<DetectorProvider> pp = new ArrayList<>();
        List<DetectorProvider> sp = new ArrayList<>();
        for (DetectorProvider p : b.providers) {
            (p.partitioning() == DetectorProvider.Partitioning.SINGLE ? sp : pp).add(p);
        }
        if (sp.size() > 64) {
            throw new IllegalArgumentException(sp.size() + " SINGLE detectors (expected: at most 64)");
        }
        this.prefixProviders = List.copyOf(pp);
        this.singleProviders = List.copyOf(sp);
        this.workerCount = b.workers;
        this.batchSize = b.batchSize;
        this.maxPrefixesPerWorker = b.maxPrefixesPerWorker;
        this.warmUp = b.warmUp;
        // Learning baselines even without a warm-up: RIB entries at the start of the source teach them.
        Baselines baselines = b.baselines != null
                ? b.baselines
                : b.rollingWindow != null
                        ? Baselines.rolling(b.rollingWindow, 4_000_000, 1_000_000)
                        : Baselines.create(4_000_000, 1_000_000);
        this.shared = new Shared(b.monitored, baselines, b.rpki, b.aspa, b.relationships);
        List<AsyncSink> s = new ArrayList<>();
        Set<String> spillNames = new HashSet<>();
        for (IncidentSink sink : b.sinks) {
            if (sink instanceof AsyncSink a) {
                s.add(a);
                continue;
            }
            Path spill = null;
            if (b.spillDirectory != null) {
                String base = sink.name().replaceAll("[^A-Za-z0-9._-]", "_");
                String name = base;
                for (int i = 2; !spillNames.add(name); i++) {
                    name = base + "-" + i;
                }
                spill = b.spillDirectory.resolve(name + ".spill.jsonl");
            }
            s.add(new AsyncSink(sink, b.sinkQueue, b.sinkAttempts, b.sinkBackoff, spill));
        }
        this.sinks = List.copyOf(s);
        this.aggregator = b.aggregator.build(this::deliver);
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    private void deliver(Incident incident) {
        incidentsByStatus
                .computeIfAbsent(incident.status().name(), k -> new LongAdder())
                .increment();
        if (incident.status() == Incident.Status.OPEN) {
            openIncidents.incrementAndGet();
        } else if (incident.status() == Incident.Status.RESOLVED) {
            openIncidents.decrementAndGet();
        }
        for (AsyncSink s : sinks) {
            s.publish(incident);
        }
    }

    /**
     * Swaps in new RPKI data; the diff goes to detectors such as {@link Detectors#roaChanges()} at
     * the next round boundary. Thread-safe.
     *
     * @param lookup the new validator
     * @param diff what changed (may be empty lists)
     */
    public void updateRpki(RouteOriginLookup lookup, RpkiUpdate diff) {
        shared.rpki = lookup;
        rpkiUpdates.add(diff);
    }

    /**
     * Reports a change already applied to the {@link RouteOriginValidator} given to {@link
     * Builder#rpki(RouteOriginValidator)} (e.g. by an RTR client), so that {@link
     * Detectors#roaChanges()} sees it; validation itself reads the validator live and needs no call.
     * Thread-safe.
     *
     * <pre>{@code
     * VrpSnapshot before = validator.snapshot();
     * validator.update(RpkiReader.read(Path.of("vrps-1001.json.bz2")).vrps());
     * pipeline.updateRpki(VrpDiff.between(before, validator.snapshot()), Instant.now());
     * }</pre>
     *
     * @param diff what changed
     * @param time event time at which the change applies (the new data's build time in a replay)
     */
    public void updateRpki(VrpDiff diff, Instant time) {
        rpkiUpdates.add(RpkiDiffs.toUpdate(diff, time));
    }

    /**
     * Replaces the snapshot of the validator given to {@link Builder#rpki(RouteOriginValidator)}
     * and reports the difference to the detectors (one call instead of update + diff). Thread-safe.
     *
     * @param next the new snapshot
     * @param time event time at which it applies
     * @return the difference
     * @throws IllegalStateException if the pipeline was not given a {@link RouteOriginValidator}
     */
    public VrpDiff updateRpki(VrpSnapshot next, Instant time) {
        if (!(shared.rpki instanceof ValidatorLookup v)) {
            throw new IllegalStateException(
                    "updateRpki(VrpSnapshot, Instant) needs a RouteOriginValidator given to Builder.rpki(...); "
                            + "the pipeline has " + shared.rpki);
        }
        VrpSnapshot before = v.validator().update(next);
        VrpDiff diff = VrpDiff.between(before, next);
        updateRpki(diff, time);
        return diff;
    }

    /**
     * Swaps in new AS relationships. Thread-safe.
     *
     * @param lookup the new relationships
     */
    public void updateRelationships(RelationshipLookup lookup) {
        shared.relationships = lookup;
    }

    /**
     * Swaps in new ASPA data. Thread-safe.
     *
     * @param lookup the new authorisations
     */
    public void updateAspa(AspaLookup lookup) {
        shared.aspa = lookup;
    }

    /** {@return the baselines (learning, or frozen once the warm-up ended)} */
    public Baselines baselines() {
        return shared.baselines;
    }

    /**
     * Runs the pipeline on the calling thread until the source ends (or {@link #stop()}), then
     * waits up to 30 s for the sinks to drain.
     *
     * @return the final metrics
     * @throws IOException if the source failed
     * @throws IllegalStateException if already started, or a stage failed
     */
    public PipelineMetrics run() throws IOException {
        markStarted();
        try {
            dispatch();
        } finally {
            finish();
        }
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("pipeline failed: " + f, f);
        }
        return metrics();
    }

    /** Runs the pipeline on a background thread; see {@link #awaitTermination}. */
    public synchronized void start() {
        markStarted();
        Thread t = new Thread(
                () -> {
                    try {
                        dispatch();
                    } catch (IOException | RuntimeException e) {
                        if (failure == null) {
                            failure = e;
                        }
                        LOG.error("pipeline source failed", e);
                    } finally {
                        finish();
                    }
                },
                "routescope-pipeline");
        runner = t;
        t.start();
    }

    private synchronized void markStarted() {
        if (started) {
            throw new IllegalStateException("pipeline was already started; a pipeline runs once");
        }
        started = true;
        startNanos = System.nanoTime();
    }

    /** Asks the pipeline to end after the current round; returns at once. */
    public void stop() {
        stopRequested = true;
        // A live source may be blocked waiting for input that never comes.
        source.cancel();
    }

    /**
     * Waits for a started pipeline to end.
     *
     * @param timeout how long to wait
     * @return true if it ended
     * @throws InterruptedException if interrupted
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (finishLock) {
            while (!finished) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(finishLock, left);
            }
        }
        return true;
    }

    /** {@return the failure of a stage or the source, or null} */
    public @Nullable Throwable failure() {
        return failure;
    }

    private void dispatch() throws IOException {
        Thread ordered = startStages();
        // Keyed by collector, then Peer (a record): no per-event string building.
        Map<String, Map<Peer, Integer>> peerIds = new HashMap<>();
        int[] nextPeerId = {0};
        List<List<Item>> parts = new ArrayList<>(workerCount);
        for (int w = 0; w < workerCount; w++) {
            parts.add(new ArrayList<>());
        }
        long seq = 0;
        long round = 0;
        int inRound = 0;
        Instant watermark = Instant.EPOCH;
        Instant warmUpEnd = null;
        Baselines baselines = shared.baselines;
        BaselineWindow rolling = baselines.window();
        Instant nextSample = null;
        try {
            while (!stopRequested && failure == null) {
                RouteEvent e = source.next();
                if (e == null) {
                    break;
                }
                Instant ts = e.timestamp();
                if (ts.isAfter(watermark)) {
                    watermark = ts;
                }
                if (warmUpEnd == null) {
                    warmUpEnd = ts.plus(warmUp);
                }
                boolean learn = !baselines.isFrozen()
                        && ((e instanceof Announcement a && a.ribEntry()) || ts.isBefore(warmUpEnd));
                if (!learn && !baselines.isFrozen()) {
                    // Workers must finish learning before anyone reads the baseline: drain, then freeze.
                    sendRound(parts, round++, watermark, seq - 1, false);
                    inRound = 0;
                    awaitRounds(round);
                    baselines.freeze();
                    LOG.info("baseline learned: {}", baselines);
                }
                if (rolling != null && baselines.isFrozen()) {
                    if (nextSample == null) {
                        nextSample = rolling.nextBoundaryAfter(watermark);
                    } else if (!watermark.isBefore(nextSample)) {
                        // The routing state just before the first event at or past the step boundary is
                        // the sample: drain every stage, then read the workers' tables.
                        sendRound(parts, round++, watermark, seq - 1, false);
                        inRound = 0;
                        awaitRounds(round);
                        long step = rolling.bucket().toMillis();
                        long late = watermark.toEpochMilli() - nextSample.toEpochMilli();
                        sampleBaselines(baselines, (int) Math.min(Integer.MAX_VALUE, 1 + late / step));
                        nextSample = rolling.nextBoundaryAfter(watermark);
                    }
                }
                Map<Peer, Integer> ofCollector = peerIds.computeIfAbsent(e.collector(), k -> new HashMap<>());
                Integer id = ofCollector.get(e.peer());
                if (id == null) {
                    id = nextPeerId[0]++;
                    ofCollector.put(e.peer(), id);
                    shared.knownPeers = nextPeerId[0];
                }
                Item item = new Item(seq++, id, watermark, learn, e);
                events.incrementAndGet();
                if (learn) {
                    learned.incrementAndGet();
                }
                if (e instanceof Announcement a) {
                    announcements.incrementAndGet();
                    parts.get(partition(a.prefix())).add(item);
                } else if (e instanceof Withdrawal w) {
                    withdrawals.incrementAndGet();
                    parts.get(partition(w.prefix())).add(item);
                } else {
                    stateChanges.incrementAndGet();
                    for (List<Item> part : parts) {
                        part.add(item);
                    }
                }
                lastEventTime = watermark;
                if (++inRound >= batchSize) {
                    sendRound(parts, round++, watermark, seq - 1, false);
                    inRound = 0;
                }
            }
        } finally {
            sendRound(parts, round, watermark, seq - 1, true);
            try {
                ordered.join();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            if (!baselines.isFrozen()) {
                baselines.freeze();
            }
        }
    }

    private void sampleBaselines(Baselines baselines, int steps) {
        if (failure != null) {
            return;
        }
        long t0 = System.nanoTime();
        try (Baselines.Sample s = baselines.sample(steps)) {
            for (Worker w : workers) {
                w.table.scan(s::routes);
            }
        }
        baselineSamples.incrementAndGet();
        LOG.debug("baseline sampled ({} step(s)) in {} ms: {}", steps, (System.nanoTime() - t0) / 1_000_000, baselines);
    }

    private void awaitRounds(long rounds) {
        while (completedRounds.get() < rounds && failure == null) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int partition(Prefix p) {
        long h = p.high() * 0x9E3779B97F4A7C15L ^ p.low() * 0xC2B2AE3D27D4EB4FL ^ p.length() * 31L;
        h ^= h >>> 29;
        return (int) Math.floorMod(h, (long) workerCount);
    }

    private void sendRound(List<List<Item>> parts, long number, Instant watermark, long lastSeq, boolean last) {
        for (int w = 0; w < workerCount; w++) {
            Round r = new Round(number, parts.get(w), watermark, lastSeq, last);
            parts.set(w, new ArrayList<>(batchSize / Math.max(1, workerCount) + 16));
            put(inQueues.get(w), r);
        }
    }

    private <T> void put(BlockingQueue<T> q, T v) {
        try {
            while (!q.offer(v, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        }
    }

    private Thread startStages() {
        for (int w = 0; w < workerCount; w++) {
            inQueues.add(new ArrayBlockingQueue<>(8));
            outQueues.add(new ArrayBlockingQueue<>(8));
            Worker worker = new Worker(w);
            workers.add(worker);
            Thread t = new Thread(worker, "routescope-worker-" + w);
            t.setDaemon(true);
            t.start();
        }
        Thread ordered = new Thread(new OrderedStage(), "routescope-ordered");
        ordered.setDaemon(true);
        ordered.start();
        return ordered;
    }

    private void finish() {
        endNanos = System.nanoTime();
        for (AsyncSink s : sinks) {
            if (!s.flush(Duration.ofSeconds(30))) {
                LOG.warn("sink {} did not drain within 30 s: {}", s.name(), s);
            }
        }
        synchronized (finishLock) {
            finished = true;
            finishLock.notifyAll();
        }
    }

    private void detectorError(String name, RuntimeException e) {
        LongAdder n = detectorErrors.computeIfAbsent(name, k -> new LongAdder());
        n.increment();
        if (n.sum() <= 3) {
            LOG.error("detector {} failed (event skipped for it); first errors are logged, then counted", name, e);
        }
    }

    /** Prefix-partition worker: owns a routing-state slice and BY_PREFIX detectors. */
    private final class Worker implements Runnable {
        private final int index;
        private final RouteTable table = new RouteTable(maxPrefixesPerWorker);
        private final Context ctx = new Context(shared, table);
        private final Detector[] detectors = new Detector[prefixProviders.size()];
        private final Detector[] filters = new Detector[singleProviders.size()];
        private List<Out> outs = new ArrayList<>();
        private long currentSeq;
        private @Nullable Prefix currentPrefix;
        private final Consumer<Alert> sink;

        Worker(int index) {
            this.index = index;
            this.sink = a -> outs.add(new Out(currentSeq, currentPrefix, index, outs.size(), a));
            for (int i = 0; i < detectors.length; i++) {
                detectors[i] = prefixProviders.get(i).create();
            }
            for (int i = 0; i < filters.length; i++) {
                filters[i] = singleProviders.get(i).create();
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Round r = inQueues.get(index).poll(100, TimeUnit.MILLISECONDS);
                    if (r == null) {
                        if (failure != null) {
                            return;
                        }
                        continue;
                    }
                    outs = new ArrayList<>();
                    for (Item item : r.items()) {
                        process(item);
                    }
                    put(outQueues.get(index), new Result(r.number(), outs, r.watermark(), r.lastSeq(), r.last()));
                    if (r.last()) {
                        return;
                    }
                }
            } catch (Throwable t) {
                failure = t;
                LOG.error("worker {} failed", index, t);
            }
        }

        private void process(Item item) {
            ctx.now = item.now();
            currentSeq = item.seq();
            RouteEvent e = item.event();
            if (e instanceof Announcement a) {
                AsPath path = a.asPath();
                long origin = path.originValue();
                long upstream = PathInfo.upstream(path);
                table.announce(a.prefix(), item.peerId(), origin, upstream);
                Observation o = new Observation(
                        item.seq(),
                        Observation.Kind.ANNOUNCE,
                        a.timestamp(),
                        a.collector(),
                        a.peer(),
                        item.peerId(),
                        a.prefix(),
                        a.attributes(),
                        origin,
                        upstream,
                        table.previousOrigin,
                        table.previousUpstream,
                        table.hadRoute,
                        table.visibility,
                        false);
                if (item.learn()) {
                    learn(o);
                } else {
                    detect(o);
                }
            } else if (e instanceof Withdrawal w) {
                table.withdraw(w.prefix(), item.peerId());
                if (!item.learn()) {
                    detect(new Observation(
                            item.seq(),
                            Observation.Kind.WITHDRAW,
                            w.timestamp(),
                            w.collector(),
                            w.peer(),
                            item.peerId(),
                            w.prefix(),
                            null,
                            -1,
                            -1,
                            table.previousOrigin,
                            table.previousUpstream,
                            table.hadRoute,
                            table.visibility,
                            false));
                }
            } else if (e instanceof PeerStateChange s && s.isSessionDown()) {
                Peer peer = s.peer();
                table.removePeer(item.peerId(), (prefix, origin, upstream, visibility) -> {
                    implicitWithdrawals.increment();
                    if (!item.learn()) {
                        detect(new Observation(
                                item.seq(),
                                Observation.Kind.WITHDRAW,
                                s.timestamp(),
                                s.collector(),
                                peer,
                                item.peerId(),
                                prefix,
                                null,
                                -1,
                                -1,
                                origin,
                                upstream,
                                true,
                                visibility,
                                true));
                    }
                });
            }
        }

        private void learn(Observation o) {
            Baselines b = shared.baselines;
            if (o.origin() >= 0) {
                b.addOrigin(o.prefix(), o.origin());
                if (o.upstream() >= 0) {
                    b.addUpstream(o.origin(), o.upstream());
                }
            }
            b.recordVisibility(o.prefix(), o.visibility());
            RelationshipLookup rel = shared.relationships;
            AsPath path = o.path();
            if (rel != RelationshipLookup.NONE && path != null) {
                PathInfo.learnValley(path, rel, b);
            }
        }

        private void detect(Observation o) {
            currentPrefix = o.prefix();
            for (int i = 0; i < detectors.length; i++) {
                try {
                    detectors[i].observe(o, ctx, sink);
                } catch (RuntimeException ex) {
                    detectorError(prefixProviders.get(i).name(), ex);
                }
            }
            long mask = 0;
            for (int i = 0; i < filters.length; i++) {
                try {
                    if (filters[i].accepts(o)) {
                        mask |= 1L << i;
                    }
                } catch (RuntimeException ex) {
                    detectorError(singleProviders.get(i).name(), ex);
                }
            }
            if (mask != 0) {
                outs.add(new Out(o.sequence(), o.prefix(), index, outs.size(), new Forward(o, mask)));
            }
        }
    }

    /** Merges worker outputs by sequence, runs SINGLE detectors and the aggregator. */
    private final class OrderedStage implements Runnable {
        private final Context ctx = new Context(shared, null);
        private final Detector[] detectors = new Detector[singleProviders.size()];
        private final Consumer<Alert> toAggregator = this::alert;

        OrderedStage() {
            for (int i = 0; i < detectors.length; i++) {
                detectors[i] = singleProviders.get(i).create();
            }
        }

        private void alert(Alert a) {
            alertsByType.computeIfAbsent(a.type().name(), k -> new LongAdder()).increment();
            aggregator.accept(a);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    List<Out> merged = new ArrayList<>();
                    Result first = null;
                    for (int w = 0; w < workerCount; w++) {
                        Result r = take(outQueues.get(w));
                        if (r == null) {
                            return;
                        }
                        merged.addAll(r.outs());
                        first = r;
                    }
                    if (first == null) {
                        return;
                    }
                    merged.sort(OUT_ORDER);
                    for (Out out : merged) {
                        if (out.payload() instanceof Alert a) {
                            alert(a);
                        } else if (out.payload() instanceof Forward f) {
                            ctx.now = f.observation().timestamp();
                            for (int i = 0; i < detectors.length; i++) {
                                if ((f.mask() & (1L << i)) != 0) {
                                    try {
                                        detectors[i].observe(f.observation(), ctx, toAggregator);
                                    } catch (RuntimeException ex) {
                                        detectorError(singleProviders.get(i).name(), ex);
                                    }
                                }
                            }
                        }
                    }
                    ctx.now = first.watermark();
                    RpkiUpdate u;
                    while ((u = rpkiUpdates.poll()) != null) {
                        for (int i = 0; i < detectors.length; i++) {
                            try {
                                detectors[i].rpkiUpdated(u, ctx, toAggregator);
                            } catch (RuntimeException ex) {
                                detectorError(singleProviders.get(i).name(), ex);
                            }
                        }
                    }
                    for (int i = 0; i < detectors.length; i++) {
                        try {
                            detectors[i].advanceTime(first.watermark(), first.lastSeq(), ctx, toAggregator);
                        } catch (RuntimeException ex) {
                            detectorError(singleProviders.get(i).name(), ex);
                        }
                    }
                    aggregator.advanceTo(first.watermark());
                    completedRounds.incrementAndGet();
                    if (first.last()) {
                        return;
                    }
                }
            } catch (Throwable t) {
                failure = t;
                LOG.error("ordered stage failed", t);
            }
        }

        private @Nullable Result take(BlockingQueue<Result> q) throws InterruptedException {
            while (true) {
                Result r = q.poll(100, TimeUnit.MILLISECONDS);
                if (r != null) {
                    return r;
                }
                if (failure != null) {
                    return null;
                }
            }
        }
    }

    /** {@return a snapshot of the counters; callable at any time from any thread} */
    public PipelineMetrics metrics() {
        long end = finished || endNanos != 0 ? endNanos : System.nanoTime();
        Duration elapsed = startNanos == 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, end - startNanos));
        double seconds = elapsed.toNanos() / 1e9;
        Instant last = lastEventTime;
        int queued = 0;
        for (BlockingQueue<Round> q : inQueues) {
            queued += q.size();
        }
        long tracked = 0;
        long untracked = 0;
        for (Worker w : workers) {
            tracked += w.table.size();
            untracked += w.table.untracked();
        }
        Map<String, PipelineMetrics.SinkStats> sinkStats = new TreeMap<>();
        for (AsyncSink s : sinks) {
            sinkStats.put(
                    s.name(),
                    new PipelineMetrics.SinkStats(s.delivered(), s.retries(), s.spilled(), s.lost(), s.queued()));
        }
        return new PipelineMetrics(
                events.get(),
                announcements.get(),
                withdrawals.get(),
                stateChanges.get(),
                implicitWithdrawals.sum(),
                learned.get(),
                elapsed,
                seconds > 0 ? events.get() / seconds : 0,
                last,
                last == null ? null : Duration.between(last, Instant.now()),
                queued,
                tracked,
                untracked,
                sums(alertsByType),
                sums(incidentsByStatus),
                openIncidents.get(),
                aggregator.suppressed(),
                aggregator.dropped(),
                sums(detectorErrors),
                sinkStats,
                source.problems(),
                baselineSamples.get());
    }

    private static Map<String, Long> sums(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /**
     * Stops (if running), waits up to 60 s, then closes sinks (draining them) and the source.
     *
     * @throws IOException if a sink or the source failed to close
     */
    @Override
    public void close() throws IOException {
        stop();
        try {
            if (started) {
                awaitTermination(Duration.ofSeconds(60));
            }
            Thread t = runner;
            if (t != null) {
                t.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        IOException first = null;
        for (AsyncSink s : sinks) {
            try {
                s.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        try {
            source.close();
        } catch (IOException e) {
            if (first == null) {
                first = e;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Configures a pipeline; every setting may be given once. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private @Nullable EventSource source;
        private final List<DetectorProvider> providers = new ArrayList<>();
        private final List<IncidentSink> sinks = new ArrayList<>();
        private MonitoredResources monitored = MonitoredResources.none();
        private @Nullable Baselines baselines;
        private RouteOriginLookup rpki = RouteOriginLookup.NONE;
        private AspaLookup aspa = AspaLookup.NONE;
        private RelationshipLookup relationships = RelationshipLookup.NONE;
        private Duration warmUp = Duration.ZERO;
        private @Nullable BaselineWindow rollingWindow;
        private int workers = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        private int batchSize = 1024;
        private int maxPrefixesPerWorker = 4_000_000;
        private @Nullable Path spillDirectory;
        private int sinkQueue = 4096;
        private int sinkAttempts = 3;
        private Duration sinkBackoff = Duration.ofMillis(200);
        private final IncidentAggregator.Builder aggregator = IncidentAggregator.builder();
        private final Set<String> set = new HashSet<>();

        private Builder() {}

        private void once(String what) {
            if (!set.add(what)) {
                throw new IllegalStateException(what + " was already set");
            }
        }

        /**
         * The event source (required).
         *
         * @param s the source
         * @return this
         */
        public Builder source(EventSource s) {
            once("source");
            source = s;
            return this;
        }

        /**
         * Adds detectors; names must be unique.
         *
         * @param p providers
         * @return this
         */
        public Builder detect(DetectorProvider... p) {
            return detect(List.of(p));
        }

        /**
         * Adds detectors; names must be unique.
         *
         * @param p providers
         * @return this
         */
        public Builder detect(List<DetectorProvider> p) {
            for (DetectorProvider d : p) {
                for (DetectorProvider existing : providers) {
                    if (existing.name().equals(d.name())) {
                        throw new IllegalArgumentException("detector '" + d.name() + "' was already added");
                    }
                }
                providers.add(d);
            }
            return this;
        }

        /**
         * Adds the {@link java.util.ServiceLoader}-discovered detectors whose names were not added
         * explicitly (explicit registration wins).
         *
         * @return this
         */
        public Builder discoverDetectors() {
            for (DetectorProvider d : Detectors.discover()) {
                boolean present = false;
                for (DetectorProvider existing : providers) {
                    present |= existing.name().equals(d.name());
                }
                if (!present) {
                    providers.add(d);
                }
            }
            return this;
        }

        /**
         * Adds a sink (wrapped in an {@link AsyncSink} unless it is one).
         *
         * @param s the sink
         * @return this
         */
        public Builder sink(IncidentSink s) {
            sinks.add(s);
            return this;
        }

        /**
         * What to monitor (default: nothing configured; learned baselines only).
         *
         * @param m the resources
         * @return this
         */
        public Builder monitored(MonitoredResources m) {
            once("monitored");
            monitored = m;
            return this;
        }

        /**
         * Baselines to use: frozen ones as they are, or learning ones to learn into (with {@link
         * #warmUp} or from RIB entries).
         *
         * @param b the baselines
         * @return this
         */
        public Builder baselines(Baselines b) {
            once("baselines");
            baselines = b;
            return this;
        }

        /**
         * Keep the learned baselines rolling after the warm-up: at every step of {@code window}
         * (event time) the routing state is sampled; origins, upstreams and visibility peaks no
         * sample of the whole window contains are forgotten, new ones seen in {@link
         * BaselineWindow#promoteAfter()} samples become expected. Memory stays bounded by the
         * baseline's caps (4 M prefixes, 1 M origins here; pass {@link #baselines} with {@link
         * Baselines#rolling} for others). Sampling drains the stages once per step (e.g. once an hour
         * for a 24-h window), so output stays deterministic.
         *
         * <pre>{@code
         * Pipeline.builder()...warmUp(Duration.ofHours(1)).rollingBaselines(BaselineWindow.of(Duration.ofDays(7)))
         * }</pre>
         *
         * @param window the window
         * @return this
         */
        public Builder rollingBaselines(BaselineWindow window) {
            once("rollingBaselines");
            rollingWindow = java.util.Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * Learn baselines from events of the first {@code d} of event time (and from RIB entries)
         * without alerting; detection starts after.
         *
         * @param d the warm-up window, default zero
         * @return this
         */
        public Builder warmUp(Duration d) {
            once("warmUp");
            if (d.isNegative()) {
                throw new IllegalArgumentException("warmUp " + d + " (expected: >= 0)");
            }
            warmUp = d;
            return this;
        }

        /**
         * RPKI route origin validation.
         *
         * @param r the lookup
         * @return this
         */
        public Builder rpki(RouteOriginLookup r) {
            once("rpki");
            rpki = r;
            return this;
        }

        /**
         * RPKI route origin validation by {@code bgp-rpki}'s validator, read live: each event is
         * validated against the validator's snapshot of that moment, so updates applied to it (RTR
         * deltas, reloads) take effect at once. The data time for {@link Detectors#rpkiDataStale()}
         * is unknown (only an empty validator alerts); see {@link #rpki(RouteOriginValidator,
         * Supplier)}.
         *
         * <pre>{@code
         * RpkiData d = RpkiReader.read(Path.of("rpki-client.json.bz2"));
         * Pipeline.builder().rpki(RouteOriginValidator.of(d.vrps())).aspa(d.aspas())...
         * }</pre>
         *
         * @param validator the validator
         * @return this
         */
        public Builder rpki(RouteOriginValidator validator) {
            return rpki(validator, () -> null);
        }

        /**
         * Like {@link #rpki(RouteOriginValidator)}, with the time the data in use was produced
         * (rpki-client {@code buildtime}, or the last successful RTR synchronisation), read on
         * every round: {@link Detectors#rpkiDataStale()} alerts when it falls behind event time.
         *
         * @param validator the validator
         * @param dataTime returns the data's production time, or null if unknown; cheap, thread-safe
         * @return this
         */
        public Builder rpki(RouteOriginValidator validator, Supplier<@Nullable Instant> dataTime) {
            return rpki(new ValidatorLookup(validator, dataTime));
        }

        /**
         * ASPA authorisations from {@code bgp-rpki} (e.g. {@code RpkiData.aspas()}).
         *
         * @param aspas the ASPA set
         * @return this
         */
        public Builder aspa(AspaSet aspas) {
            return aspa(new AspaSetLookup(() -> aspas));
        }

        /**
         * ASPA authorisations read afresh for every path (for sets replaced at run time).
         *
         * @param aspas returns the set in use now; cheap and thread-safe
         * @return this
         */
        public Builder aspa(Supplier<AspaSet> aspas) {
            return aspa(new AspaSetLookup(aspas));
        }

        /**
         * AS relationships from {@code bgp-relationships}: CAIDA links, siblings (load as2org into
         * the same graph builder) and IXP route servers (the graph's own, from CAIDA's header or
         * {@code AsGraph.Builder.routeServers}), which the leak check skips as transparent.
         *
         * <pre>{@code
         * AsGraph.Builder g = AsGraph.builder();
         * CaidaAsRel.load(Path.of("20180101.as-rel.txt.bz2"), g);
         * As2Org.load(Path.of("20180101.as-org2info.txt.gz"), g);
         * Pipeline.builder().relationships(g.build())...
         * }</pre>
         *
         * @param graph the graph
         * @return this
         */
        public Builder relationships(AsGraph graph) {
            return relationships(new GraphLookup(graph, new long[0]));
        }

        /**
         * Like {@link #relationships(AsGraph)}, with more route-server ASNs.
         *
         * @param graph the graph
         * @param routeServers route-server ASNs in addition to the graph's
         * @return this
         */
        public Builder relationships(AsGraph graph, long... routeServers) {
            return relationships(new GraphLookup(graph, routeServers.clone()));
        }

        /**
         * ASPA authorisations.
         *
         * @param a the lookup
         * @return this
         */
        public Builder aspa(AspaLookup a) {
            once("aspa");
            aspa = a;
            return this;
        }

        /**
         * AS relationships.
         *
         * @param r the lookup
         * @return this
         */
        public Builder relationships(RelationshipLookup r) {
            once("relationships");
            relationships = r;
            return this;
        }

        /**
         * Prefix-partition workers (default: 2, or 1 on a single core).
         *
         * @param n {@code 1..64}
         * @return this
         */
        public Builder workers(int n) {
            once("workers");
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("workers " + n + " (expected: 1..64)");
            }
            workers = n;
            return this;
        }

        /**
         * Events per round (default 1024): larger rounds amortise hand-offs, smaller ones lower
         * latency.
         *
         * @param n {@code 1..1_000_000}
         * @return this
         */
        public Builder batchSize(int n) {
            once("batchSize");
            if (n < 1 || n > 1_000_000) {
                throw new IllegalArgumentException("batchSize " + n + " (expected: 1..1000000)");
            }
            batchSize = n;
            return this;
        }

        /**
         * Bound of each worker's routing state (default 4,000,000 prefixes).
         *
         * @param n {@code >= 1}
         * @return this
         */
        public Builder maxPrefixesPerWorker(int n) {
            once("maxPrefixesPerWorker");
            if (n < 1) {
                throw new IllegalArgumentException("maxPrefixesPerWorker " + n + " (expected: >= 1)");
            }
            maxPrefixesPerWorker = n;
            return this;
        }

        /**
         * Incident debounce (default 30 s), see {@link IncidentAggregator.Builder#debounce}.
         *
         * @param d the debounce
         * @return this
         */
        public Builder debounce(Duration d) {
            aggregator.debounce(d);
            return this;
        }

        /**
         * How long a cleared incident must stay clear before RESOLVED (default 5 min), see {@link
         * IncidentAggregator.Builder#resolveHoldDown}.
         *
         * @param d the hold-down
         * @return this
         */
        public Builder resolveHoldDown(Duration d) {
            aggregator.resolveHoldDown(d);
            return this;
        }

        /**
         * Per-type peer threshold, see {@link IncidentAggregator.Builder#minPeers}.
         *
         * @param type alert type name
         * @param peers threshold
         * @return this
         */
        public Builder minPeers(String type, int peers) {
            aggregator.minPeers(type, peers);
            return this;
        }

        /**
         * Quiet period of event-type incidents (default 6 min).
         *
         * @param d the period
         * @return this
         */
        public Builder quietPeriod(Duration d) {
            aggregator.quietPeriod(d);
            return this;
        }

        /**
         * Directory for sink spill files ({@code <sink>.spill.jsonl}); without it undeliverable
         * notifications are logged at ERROR and counted as lost.
         *
         * @param dir an existing directory
         * @return this
         */
        public Builder spillDirectory(Path dir) {
            once("spillDirectory");
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw new IllegalArgumentException("spill directory " + dir + " does not exist");
            }
            spillDirectory = dir;
            return this;
        }

        /**
         * Sink queue capacity, delivery attempts and first backoff (defaults 4096, 3, 200 ms).
         *
         * @param capacity queue capacity
         * @param attempts attempts per notification
         * @param backoff first backoff
         * @return this
         */
        public Builder sinkDelivery(int capacity, int attempts, Duration backoff) {
            once("sinkDelivery");
            if (capacity < 1 || attempts < 1 || backoff.isNegative()) {
                throw new IllegalArgumentException("sinkDelivery(" + capacity + ", " + attempts + ", " + backoff
                        + ") (expected: >= 1, >= 1, >= 0)");
            }
            sinkQueue = capacity;
            sinkAttempts = attempts;
            sinkBackoff = backoff;
            return this;
        }

        /**
         * Checks the combination and builds the pipeline.
         *
         * @return the pipeline
         * @throws IllegalStateException without a source or detectors
         */
        public Pipeline build() {
            if (source == null) {
                throw new IllegalStateException("source was not set");
            }
            if (providers.isEmpty()) {
                throw new IllegalStateException("no detectors: add some with detect(...) or discoverDetectors()");
            }
            if (baselines != null && rollingWindow != null) {
                throw new IllegalStateException(
                        "rollingBaselines(...) and baselines(...) were both set; use Baselines.rolling(...) for the latter");
            }
            if (baselines != null && baselines.isFrozen() && !warmUp.isZero()) {
                throw new IllegalStateException("warmUp " + warmUp + " was set but the given baselines are frozen");
            }
            return new Pipeline(this);
        }
    }
}
