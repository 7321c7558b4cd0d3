package dev.routescope.rpki.rtr;

import dev.routescope.rpki.Aspa;
import dev.routescope.rpki.AspaSet;
import dev.routescope.rpki.AspaVerifier;
import dev.routescope.rpki.RouteOriginValidator;
import dev.routescope.rpki.Vrp;
import dev.routescope.rpki.VrpSnapshot;
import dev.routescope.rpki.rtr.internal.PduReader;
import dev.routescope.rpki.rtr.internal.RtrCodec;
import dev.routescope.rpki.rtr.internal.RtrDecodeException;
import dev.routescope.rpki.rtr.internal.RtrPdu;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RPKI-to-Router client (RFC 6810 v0, RFC 8210 v1, draft-ietf-sidrops-8210bis v2 with ASPA) that
 * keeps a {@link RouteOriginValidator} and an {@link AspaSet} equal to one RTR cache's data.
 *
 * <pre>{@code
 * RouteOriginValidator rov = RouteOriginValidator.empty();
 * try (RtrClient client = RtrClient.builder().host("127.0.0.1").port(3323).validator(rov).build()) {
 *     client.start();
 *     client.awaitSynced(Duration.ofSeconds(60));        // RtrException if unreachable / refused
 *     System.out.println(client.vrpCount() + " VRPs, serial " + client.serial() + ", v" + client.version());
 *     rov.validateState(Prefix.parse("1.1.1.0/24"), 13335); // stays current: deltas are applied as they come
 *     client.aspaVerifier().verify(path, AspaDirection.DOWNSTREAM, peerAsn);
 * }
 * }</pre>
 *
 * <h2>Protocol</h2>
 *
 * The client opens with its highest version and downgrades (2, 1, 0) when the cache answers an
 * Unsupported Protocol Version error or answers in a lower version; it gives up ({@link
 * RtrState#FAILED}) when even its lowest version is refused. A Reset Query loads everything; later
 * Serial Queries (on the Refresh timer, on Serial Notify, and after a reconnect) fetch deltas; a
 * Cache Reset answer falls back to a Reset Query. Refresh/Retry/Expire come from End of Data (v1+,
 * clamped to the RFC 8210 §6 ranges) or default to 3600/600/7200 s (v0). A malformed or
 * inconsistent PDU (bad length or field, unknown type, wrong version or session id, duplicate
 * announcement, withdrawal of an unknown record, bad ASPA provider list) is answered with an Error
 * Report encapsulating it, then the session is dropped and the client reconnects with exponential
 * backoff and jitter, starting over with a Reset Query. An Error Report is never answered with one.
 *
 * <h2>Data</h2>
 *
 * A response is applied atomically at End of Data: the validator readers see the old or the new
 * data, never half a response. The last complete data stays in the validator while the client
 * reconnects; when the Expire interval passes without a successful sync the state becomes {@link
 * RtrState#STALE} and the data is flushed (RFC 8210 §6) unless {@code flushOnExpire(false)}. One
 * client owns its validator: two clients writing one validator would overwrite each other.
 *
 * <h2>Threading</h2>
 *
 * One platform daemon thread per client, blocking socket I/O. Getters may be called from any
 * thread; listener callbacks run on the client thread.
 *
 * @since 0.1
 */
public final class RtrClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RtrClient.class);

    static final Duration DEFAULT_REFRESH = Duration.ofHours(1);
    static final Duration DEFAULT_RETRY = Duration.ofMinutes(10);
    static final Duration DEFAULT_EXPIRE = Duration.ofHours(2);
    private static final long TICK_MILLIS = 500;
    static final int DEFAULT_MAX_RECORDS = 5_000_000;

    private enum Outcome {
        RETRY,
        DOWNGRADE,
        GIVE_UP
    }

    private final String host;
    private final int port;
    private final RouteOriginValidator validator;
    private final RtrListener listener;
    private final int maxVersion;
    private final int minVersion;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final boolean flushOnExpire;
    private final boolean clampTimers;
    private final int maxRecords;
    private final Thread thread;

    private final Object monitor = new Object();
    private volatile RtrState state = RtrState.NEW;
    private volatile boolean closed;
    private volatile boolean started;
    private volatile @Nullable Socket socket;
    private volatile int sessionId = -1;
    private volatile long serial = -1;
    private volatile int version = -1;
    private volatile VrpSnapshot vrps = VrpSnapshot.empty();
    private volatile AspaSet aspas = AspaSet.empty();
    private volatile @Nullable String lastFailure;
    private volatile @Nullable Instant lastSync;

    private final AtomicLong connectAttempts = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong resetQueries = new AtomicLong();
    private final AtomicLong serialQueries = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong pdusReceived = new AtomicLong();
    private final AtomicLong errorReportsSent = new AtomicLong();
    private final AtomicLong errorReportsReceived = new AtomicLong();
    private final AtomicLong downgrades = new AtomicLong();
    private final AtomicLong routerKeys = new AtomicLong();

    // Client-thread state below: never read by other threads.
    private final SplittableRandom jitter = new SplittableRandom();
    private boolean haveSession;
    private int tryVersion;
    private boolean hasData;
    private boolean stale;
    private long expireAtNanos;
    private Duration refresh = DEFAULT_REFRESH;
    private Duration retry = DEFAULT_RETRY;
    private Duration expire = DEFAULT_EXPIRE;

    private RtrClient(Builder b, String host) {
        this.host = host;
        this.port = b.port < 0 ? 323 : b.port;
        RouteOriginValidator v = b.validator;
        this.validator = v == null ? RouteOriginValidator.empty() : v;
        RtrListener l = b.listener;
        this.listener = l == null ? new RtrListener() {} : l;
        this.maxVersion = b.maxVersion < 0 ? RtrCodec.MAX_VERSION : b.maxVersion;
        this.minVersion = b.minVersion < 0 ? 0 : b.minVersion;
        this.connectTimeout = orDefault(b.connectTimeout, Duration.ofSeconds(10));
        this.responseTimeout = orDefault(b.responseTimeout, Duration.ofSeconds(30));
        this.backoffInitial = orDefault(b.backoffInitial, Duration.ofSeconds(1));
        this.backoffMax = orDefault(b.backoffMax, Duration.ofSeconds(60));
        this.flushOnExpire = b.flushOnExpire == null || b.flushOnExpire;
        this.clampTimers = b.clampTimers;
        this.maxRecords = b.maxRecords < 0 ? DEFAULT_MAX_RECORDS : b.maxRecords;
        this.tryVersion = maxVersion;
        this.thread = new Thread(this::run, "rtr-client-" + endpoint());
        this.thread.setDaemon(true);
    }

    private static Duration orDefault(@Nullable Duration d, Duration fallback) {
        return d == null ? fallback : d;
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the client thread: connect, sync, keep in sync until {@link #close()}.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        synchronized (monitor) {
            if (started || closed) {
                throw new IllegalStateException("rtr " + endpoint() + " was already started (state " + state + ")");
            }
            started = true;
        }
        thread.start();
    }

    /**
     * Waits until the client's data equals the cache's ({@link RtrState#SYNCED}); returns at once
     * if it is synced now.
     *
     * @param timeout how long to wait
     * @throws RtrException if the timeout passes (the message names the state and the last failure,
     *     e.g. connection refused), the client failed version negotiation or was closed
     * @throws InterruptedException if the calling thread is interrupted
     * @throws IllegalStateException if the client was not started
     */
    public void awaitSynced(Duration timeout) throws RtrException, InterruptedException {
        if (!started) {
            throw new IllegalStateException("rtr " + endpoint() + " not started: call start() first");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (true) {
                RtrState s = state;
                if (s == RtrState.SYNCED) {
                    return;
                }
                if (s == RtrState.FAILED || s == RtrState.CLOSED) {
                    throw new RtrException("rtr " + endpoint() + ": " + s + describeFailure(), s);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new RtrException(
                            "rtr " + endpoint() + ": not synced within " + timeout + " (state " + s + describeFailure()
                                    + ")",
                            s);
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
        }
    }

    private String describeFailure() {
        String f = lastFailure;
        return f == null ? "" : "; last failure: " + f;
    }

    /** {@return the current state} */
    public RtrState state() {
        return state;
    }

    /** {@return {@code host:port} of the cache} */
    public String endpoint() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@return the cache's session id, or -1 before the first Cache Response} */
    public int sessionId() {
        return sessionId;
    }

    /** {@return the serial of the data held (unsigned 32-bit), or -1 before the first End of Data} */
    public long serial() {
        return serial;
    }

    /** {@return the negotiated protocol version (0..2), or -1 before the cache first answered} */
    public int version() {
        return version;
    }

    /** {@return the number of VRPs held} */
    public int vrpCount() {
        return vrps.size();
    }

    /** {@return the number of ASPA customers held (v2 only; 0 otherwise)} */
    public int aspaCount() {
        return aspas.size();
    }

    /** {@return the cache's VRPs as of the last End of Data (the validator's snapshot, unless someone else updates it)} */
    public VrpSnapshot vrps() {
        return vrps;
    }

    /** {@return the cache's ASPAs as of the last End of Data} */
    public AspaSet aspas() {
        return aspas;
    }

    /** {@return a verifier over the current ASPAs; take a new one after each sync} */
    public AspaVerifier aspaVerifier() {
        return AspaVerifier.of(aspas);
    }

    /** {@return the validator this client feeds} */
    public RouteOriginValidator validator() {
        return validator;
    }

    /** {@return the last failure (connect error, Error Report, malformed PDU...), if any} */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** {@return when the last response was applied, if ever} */
    public Optional<Instant> lastSync() {
        return Optional.ofNullable(lastSync);
    }

    /** {@return the counters} */
    public RtrStats stats() {
        return new RtrStats(
                connectAttempts.get(),
                connects.get(),
                resetQueries.get(),
                serialQueries.get(),
                syncs.get(),
                pdusReceived.get(),
                errorReportsSent.get(),
                errorReportsReceived.get(),
                downgrades.get(),
                routerKeys.get());
    }

    /**
     * Stops the client: closes the connection and ends the thread (waiting up to 5 s for it). The
     * validator keeps its data. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            closeQuietly(s);
        }
        synchronized (monitor) {
            monitor.notifyAll();
        }
        if (started && Thread.currentThread() != thread) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        setState(RtrState.CLOSED);
    }

    @Override
    public String toString() {
        return "RtrClient[" + endpoint() + " " + state + " v" + version + " session " + sessionId + " serial " + serial
                + ", " + vrps.size() + " VRPs, " + aspas.size() + " ASPAs]";
    }

    // ---------------------------------------------------------------- client thread

    private void run() {
        int failures = 0;
        try {
            while (!closed) {
                setState(stale ? RtrState.STALE : RtrState.CONNECTING);
                Socket s = new Socket();
                socket = s;
                Outcome outcome;
                boolean syncedBefore = syncs.get() > 0;
                long syncsBefore = syncs.get();
                try {
                    if (closed) {
                        break;
                    }
                    connectAttempts.incrementAndGet();
                    s.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
                    connects.incrementAndGet();
                    outcome = session(s);
                } catch (IOException e) {
                    outcome = Outcome.RETRY;
                    if (!closed) {
                        String what = s.isConnected() ? "connection: " : "connect: ";
                        disconnected(what + describe(e));
                    }
                } finally {
                    closeQuietly(s);
                    socket = null;
                }
                if (closed) {
                    break;
                }
                if (outcome == Outcome.GIVE_UP) {
                    setState(RtrState.FAILED);
                    return;
                }
                if (outcome == Outcome.DOWNGRADE) {
                    continue;
                }
                if (syncs.get() > syncsBefore || (!syncedBefore && syncs.get() > 0)) {
                    failures = 0;
                }
                backoff(failures++);
            }
        } catch (RuntimeException | Error e) {
            // a bug must not leave callers waiting forever on a silent dead thread
            lastFailure = "internal error: " + e;
            log.error("rtr {}: client thread failed", endpoint(), e);
            setState(RtrState.FAILED);
            throw e;
        }
        setState(RtrState.CLOSED);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private void disconnected(String reason) {
        lastFailure = reason;
        log.debug("rtr {}: {}", endpoint(), reason);
        try {
            listener.disconnected(reason);
        } catch (RuntimeException e) {
            log.warn("rtr {}: listener failed", endpoint(), e);
        }
    }

    private void backoff(int failures) {
        long base = backoffInitial.toNanos() << Math.min(failures, 30);
        long cap = backoffMax.toNanos();
        long delay = base <= 0 || base > cap ? cap : base;
        // "equal jitter": at least half the delay, so a fleet of clients does not reconnect in step
        long wait = delay / 2 + (delay / 2 > 0 ? jitter.nextLong(delay / 2 + 1) : 0);
        long until = System.nanoTime() + wait;
        synchronized (monitor) {
            while (!closed) {
                checkExpiry(System.nanoTime());
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, Math.min(left, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    /** Goes STALE when Expire has passed; returns true if the data was flushed just now. */
    private boolean checkExpiry(long now) {
        if (hasData && !stale && now - expireAtNanos >= 0) {
            stale = true;
            lastFailure = "data expired: no successful sync within the Expire interval of " + expire;
            if (flushOnExpire) {
                vrps = VrpSnapshot.empty();
                aspas = AspaSet.empty();
                validator.update(vrps);
                haveSession = false;
                hasData = false;
            }
            log.warn("rtr {}: {}", endpoint(), lastFailure);
            setState(RtrState.STALE);
            return flushOnExpire;
        }
        return false;
    }

    private void setState(RtrState next) {
        RtrState previous;
        synchronized (monitor) {
            previous = state;
            if (previous == next || previous == RtrState.CLOSED || (closed && next != RtrState.CLOSED)) {
                return;
            }
            state = next;
            monitor.notifyAll();
        }
        log.debug("rtr {}: {} -> {}", endpoint(), previous, next);
        try {
            listener.stateChanged(previous, next);
        } catch (RuntimeException e) {
            log.warn("rtr {}: listener failed", endpoint(), e);
        }
    }

    /** Per-connection protocol state. */
    private final class Session {
        final PduReader reader;
        final OutputStream out;
        int version;
        boolean negotiated;
        boolean pending;
        boolean queryWasReset;
        long queryStartNanos;
        long lastProgressNanos;
        long nextQueryAtNanos = Long.MAX_VALUE;
        boolean inResponse;
        int responseSession;
        boolean notifyPending;
        int notifySerial;
        // one response's payload, applied at End of Data
        final List<Vrp> resetVrps = new ArrayList<>();
        final Set<Vrp> announced = new LinkedHashSet<>();
        final Set<Vrp> withdrawn = new LinkedHashSet<>();
        final Map<Long, Aspa> aspaAnnounced = new LinkedHashMap<>();
        final Set<Long> aspaWithdrawn = new LinkedHashSet<>();
        int records;

        Session(Socket socket) throws IOException {
            this.reader = new PduReader(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            this.out = new BufferedOutputStream(socket.getOutputStream());
            this.version = tryVersion;
        }

        void clearPayload() {
            resetVrps.clear();
            announced.clear();
            withdrawn.clear();
            aspaAnnounced.clear();
            aspaWithdrawn.clear();
            records = 0;
        }
    }

    private Outcome session(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        Session ss = new Session(s);
        setState(stale ? RtrState.STALE : RtrState.SYNCING);
        sendQuery(ss);
        while (!closed) {
            long now = System.nanoTime();
            if (checkExpiry(now) && ss.pending && !ss.queryWasReset) {
                // the delta in flight was computed against data just flushed: start over with a reset
                disconnected("data expired while a Serial Query was outstanding");
                return Outcome.RETRY;
            }
            if (ss.pending && now - ss.lastProgressNanos > responseTimeout.toNanos()) {
                disconnected("no PDU from the cache for " + responseTimeout + " while a response was due");
                return Outcome.RETRY;
            }
            if (ss.reader.hasPartial() && now - ss.reader.partialSinceNanos() > responseTimeout.toNanos()) {
                disconnected("PDU at stream offset " + ss.reader.offset() + " incomplete for " + responseTimeout);
                return Outcome.RETRY;
            }
            if (!ss.pending && now - ss.nextQueryAtNanos >= 0) {
                sendQuery(ss);
                continue;
            }
            long waitNanos = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
            if (!ss.pending) {
                waitNanos = Math.min(waitNanos, ss.nextQueryAtNanos - now);
            }
            s.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos)));
            byte[] raw;
            try {
                raw = ss.reader.next();
            } catch (RtrDecodeException e) {
                return protocolError(ss, e);
            }
            if (raw == null) {
                continue;
            }
            ss.lastProgressNanos = System.nanoTime();
            pdusReceived.incrementAndGet();
            RtrPdu pdu;
            try {
                pdu = RtrCodec.decode(raw);
            } catch (RtrDecodeException e) {
                return protocolError(ss, e);
            }
            Outcome o = handle(ss, pdu, raw);
            if (o != null) {
                return o;
            }
        }
        return Outcome.RETRY;
    }

    private void sendQuery(Session ss) throws IOException {
        if (haveSession) {
            write(ss, new RtrPdu.SerialQuery(ss.version, sessionId, (int) serial));
            serialQueries.incrementAndGet();
            ss.queryWasReset = false;
        } else {
            write(ss, new RtrPdu.ResetQuery(ss.version));
            resetQueries.incrementAndGet();
            ss.queryWasReset = true;
        }
        ss.pending = true;
        ss.queryStartNanos = System.nanoTime();
        ss.lastProgressNanos = ss.queryStartNanos;
        ss.nextQueryAtNanos = Long.MAX_VALUE;
    }

    private static void write(Session ss, RtrPdu pdu) throws IOException {
        ss.out.write(RtrCodec.encode(pdu));
        ss.out.flush();
    }

    private Outcome protocolError(Session ss, RtrDecodeException e) {
        byte[] bad = e.pdu();
        boolean isErrorReport = bad.length > 1 && (bad[1] & 0xFF) == RtrPdu.ERROR_REPORT;
        if (isErrorReport) {
            // never answer an Error Report with one (RFC 8210 §5.11)
            haveSession = false;
            disconnected("malformed Error Report from the cache: " + e.getMessage());
            return Outcome.RETRY;
        }
        return sendError(ss, e.code(), bad, String.valueOf(e.getMessage()));
    }

    private Outcome sendError(Session ss, RtrErrorCode code, byte[] erroneous, String text) {
        haveSession = false;
        RtrPdu.ErrorReport report = RtrCodec.errorReport(ss.version, code, erroneous, text);
        try {
            write(ss, report);
        } catch (IOException writeFailed) {
            log.debug("rtr {}: could not send Error Report: {}", endpoint(), describe(writeFailed));
        }
        errorReportsSent.incrementAndGet();
        RtrErrorReport r = new RtrErrorReport(true, code.code(), text, erroneous.length > 1 ? erroneous[1] & 0xFF : -1);
        log.warn("rtr {}: {}", endpoint(), r);
        notifyErrorReport(r);
        disconnected("sent Error Report " + code.code() + " " + code + ": " + text);
        return Outcome.RETRY;
    }

    private void notifyErrorReport(RtrErrorReport r) {
        try {
            listener.errorReport(r);
        } catch (RuntimeException e) {
            log.warn("rtr {}: listener failed", endpoint(), e);
        }
    }

    private @Nullable Outcome handle(Session ss, RtrPdu pdu, byte[] raw) throws IOException {
        if (pdu instanceof RtrPdu.ErrorReport er) {
            // handled before any version check: an Error Report is never answered, whatever its version
            if (!ss.negotiated && er.errorCode() == RtrErrorCode.UNSUPPORTED_PROTOCOL_VERSION.code()) {
                return downgrade(ss, er);
            }
            return receivedError(ss, er);
        }
        if (!ss.negotiated) {
            if (pdu.version() > ss.version) {
                return sendError(
                        ss,
                        versionError(ss.version),
                        raw,
                        "PDU version " + pdu.version() + " in answer to a version " + ss.version + " query");
            }
            if (pdu.version() < ss.version) {
                if (pdu.version() < minVersion) {
                    sendError(
                            ss,
                            RtrErrorCode.UNSUPPORTED_PROTOCOL_VERSION,
                            raw,
                            "protocol version " + pdu.version() + " (expected: " + minVersion + ".." + ss.version
                                    + ")");
                    return Outcome.GIVE_UP;
                }
                // the cache serves a lower version than asked: RFC 8210 §7 lets the router accept it
                downgrades.incrementAndGet();
                ss.version = pdu.version();
                if (haveSession && !ss.queryWasReset) {
                    haveSession = false;
                }
            }
            ss.negotiated = true;
            tryVersion = ss.version;
            version = ss.version;
        } else if (pdu.version() != ss.version) {
            return sendError(
                    ss,
                    versionError(ss.version),
                    raw,
                    "PDU version " + pdu.version() + " in a version " + ss.version + " session");
        }
        if (pdu instanceof RtrPdu.SerialNotify n) {
            if (haveSession && n.sessionId() != sessionId) {
                return sendError(
                        ss,
                        RtrErrorCode.CORRUPT_DATA,
                        raw,
                        "Serial Notify for session " + n.sessionId() + ", this session is " + sessionId);
            }
            if (ss.pending) {
                ss.notifyPending = true;
                ss.notifySerial = n.serial();
            } else if (!haveSession || n.serial() != (int) serial) {
                sendQuery(ss);
            }
            return null;
        }
        if (pdu instanceof RtrPdu.CacheResponse cr) {
            if (!ss.pending || ss.inResponse) {
                return sendError(ss, RtrErrorCode.CORRUPT_DATA, raw, "Cache Response without a query");
            }
            if (!ss.queryWasReset && cr.sessionId() != sessionId) {
                return sendError(
                        ss,
                        RtrErrorCode.CORRUPT_DATA,
                        raw,
                        "Cache Response for session " + cr.sessionId() + ", expected " + sessionId);
            }
            ss.inResponse = true;
            ss.responseSession = cr.sessionId();
            ss.clearPayload();
            return null;
        }
        if ((pdu instanceof RtrPdu.PrefixPdu || pdu instanceof RtrPdu.AspaPdu) && ++ss.records > maxRecords) {
            // a cache streaming payload without End of Data must not exhaust the heap
            return sendError(
                    ss,
                    RtrErrorCode.INTERNAL_ERROR,
                    raw,
                    "response exceeds maxRecords " + maxRecords + " payload PDUs without End of Data");
        }
        if (pdu instanceof RtrPdu.PrefixPdu p) {
            if (!ss.inResponse) {
                return sendError(ss, RtrErrorCode.CORRUPT_DATA, raw, "Prefix PDU outside a response");
            }
            return collectPrefix(ss, p, raw);
        }
        if (pdu instanceof RtrPdu.AspaPdu a) {
            if (!ss.inResponse) {
                return sendError(ss, RtrErrorCode.CORRUPT_DATA, raw, "ASPA PDU outside a response");
            }
            return collectAspa(ss, a, raw);
        }
        if (pdu instanceof RtrPdu.RouterKey) {
            if (!ss.inResponse) {
                return sendError(ss, RtrErrorCode.CORRUPT_DATA, raw, "Router Key PDU outside a response");
            }
            // BGPsec is out of scope for a monitor; counted so a caller can see the cache sends them
            routerKeys.incrementAndGet();
            return null;
        }
        if (pdu instanceof RtrPdu.EndOfData e) {
            if (!ss.inResponse) {
                return sendError(ss, RtrErrorCode.CORRUPT_DATA, raw, "End of Data outside a response");
            }
            if (e.sessionId() != ss.responseSession) {
                return sendError(
                        ss,
                        RtrErrorCode.CORRUPT_DATA,
                        raw,
                        "End of Data for session " + e.sessionId() + ", response was for " + ss.responseSession);
            }
            return endOfData(ss, e);
        }
        if (pdu instanceof RtrPdu.CacheReset) {
            if (!ss.pending || ss.inResponse || ss.queryWasReset) {
                return sendError(ss, RtrErrorCode.CORRUPT_DATA, raw, "Cache Reset without a Serial Query");
            }
            haveSession = false;
            sendQuery(ss);
            return null;
        }
        // Serial Query / Reset Query travel router -> cache only
        return sendError(ss, RtrErrorCode.UNSUPPORTED_PDU_TYPE, raw, "PDU type " + pdu.type() + " sent by a cache");
    }

    private Outcome downgrade(Session ss, RtrPdu.ErrorReport er) {
        received(er);
        int next = er.version() < ss.version ? er.version() : ss.version - 1;
        if (next < minVersion) {
            disconnected("cache refuses protocol versions " + minVersion + ".." + ss.version + ": " + er.text());
            return Outcome.GIVE_UP;
        }
        downgrades.incrementAndGet();
        tryVersion = next;
        haveSession = false;
        disconnected("cache does not support version " + ss.version + ", retrying with " + next);
        return Outcome.DOWNGRADE;
    }

    private @Nullable Outcome receivedError(Session ss, RtrPdu.ErrorReport er) {
        received(er);
        RtrErrorCode code = RtrErrorCode.of(er.errorCode());
        if (code == RtrErrorCode.NO_DATA_AVAILABLE) {
            ss.pending = false;
            ss.inResponse = false;
            ss.nextQueryAtNanos = System.nanoTime() + retry.toNanos();
            lastFailure = "cache has no data yet (No Data Available); retrying in " + retry;
            return null;
        }
        haveSession = false;
        disconnected("cache sent Error Report " + er.errorCode() + " " + (code == null ? "UNKNOWN" : code) + ": "
                + er.text());
        return Outcome.RETRY;
    }

    private static RtrErrorCode versionError(int sessionVersion) {
        // code 8 exists from version 1 on; version 0 only has "Unsupported Protocol Version"
        return sessionVersion >= 1
                ? RtrErrorCode.UNEXPECTED_PROTOCOL_VERSION
                : RtrErrorCode.UNSUPPORTED_PROTOCOL_VERSION;
    }

    private void received(RtrPdu.ErrorReport er) {
        errorReportsReceived.incrementAndGet();
        byte[] enc = er.erroneousPdu();
        RtrErrorReport r = new RtrErrorReport(false, er.errorCode(), er.text(), enc.length > 1 ? enc[1] & 0xFF : -1);
        log.warn("rtr {}: {}", endpoint(), r);
        lastFailure = r.toString();
        notifyErrorReport(r);
    }

    private @Nullable Outcome collectPrefix(Session ss, RtrPdu.PrefixPdu p, byte[] raw) {
        Vrp v = p.vrp();
        if (ss.queryWasReset) {
            if (!p.announce()) {
                return sendError(
                        ss,
                        RtrErrorCode.WITHDRAWAL_OF_UNKNOWN_RECORD,
                        raw,
                        "withdrawal of " + v + " in a reset response");
            }
            ss.resetVrps.add(v);
            return null;
        }
        VrpSnapshot base = vrps;
        boolean held = base.contains(v) && !ss.withdrawn.contains(v);
        if (p.announce()) {
            if (ss.announced.contains(v) || held) {
                return sendError(ss, RtrErrorCode.DUPLICATE_ANNOUNCEMENT, raw, "duplicate announcement of " + v);
            }
            ss.announced.add(v);
        } else {
            boolean announcedHere = ss.announced.remove(v);
            if (!announcedHere && !held) {
                return sendError(ss, RtrErrorCode.WITHDRAWAL_OF_UNKNOWN_RECORD, raw, "withdrawal of unknown " + v);
            }
            if (held) {
                ss.withdrawn.add(v);
            }
        }
        return null;
    }

    private @Nullable Outcome collectAspa(Session ss, RtrPdu.AspaPdu a, byte[] raw) {
        long customer = a.customerAsn();
        if (a.announce()) {
            if (ss.aspaAnnounced.containsKey(customer)) {
                return sendError(
                        ss,
                        RtrErrorCode.DUPLICATE_ANNOUNCEMENT,
                        raw,
                        "second ASPA announcement for AS" + customer + " in one response");
            }
            // an announcement replaces the customer's provider set, held or not (8210bis ASPA PDU semantics)
            ss.aspaAnnounced.put(customer, a.toAspa());
            return null;
        }
        boolean announcedHere = ss.aspaAnnounced.remove(customer) != null;
        boolean held = !ss.queryWasReset && aspas.get(customer).isPresent() && !ss.aspaWithdrawn.contains(customer);
        if (!announcedHere && !held) {
            return sendError(
                    ss, RtrErrorCode.WITHDRAWAL_OF_UNKNOWN_RECORD, raw, "withdrawal of unknown ASPA of AS" + customer);
        }
        if (held) {
            ss.aspaWithdrawn.add(customer);
        }
        return null;
    }

    private @Nullable Outcome endOfData(Session ss, RtrPdu.EndOfData e) throws IOException {
        int vrpsAnnounced;
        int vrpsWithdrawn;
        VrpSnapshot next;
        AspaSet nextAspas;
        if (ss.queryWasReset) {
            List<Vrp> all = ss.resetVrps;
            Collections.sort(all);
            for (int i = 1; i < all.size(); i++) {
                if (all.get(i).equals(all.get(i - 1))) {
                    Vrp dup = all.get(i);
                    return sendError(
                            ss,
                            RtrErrorCode.DUPLICATE_ANNOUNCEMENT,
                            RtrCodec.encode(new RtrPdu.PrefixPdu(ss.version, true, dup)),
                            "duplicate announcement of " + dup + " in a reset response");
                }
            }
            next = VrpSnapshot.of(all);
            nextAspas = AspaSet.of(ss.aspaAnnounced.values());
            vrpsAnnounced = all.size();
            vrpsWithdrawn = 0;
        } else {
            next = ss.announced.isEmpty() && ss.withdrawn.isEmpty()
                    ? vrps
                    : vrps.withChanges(ss.announced, ss.withdrawn);
            nextAspas = ss.aspaAnnounced.isEmpty() && ss.aspaWithdrawn.isEmpty()
                    ? aspas
                    : aspas.withChanges(ss.aspaAnnounced.values(), ss.aspaWithdrawn);
            vrpsAnnounced = ss.announced.size();
            vrpsWithdrawn = ss.withdrawn.size();
        }
        int aspasAnnounced = ss.aspaAnnounced.size();
        int aspasWithdrawn = ss.aspaWithdrawn.size();
        boolean reset = ss.queryWasReset;
        ss.clearPayload();
        if (next != vrps || reset) {
            validator.update(next);
        }
        vrps = next;
        aspas = nextAspas;
        sessionId = ss.responseSession;
        serial = e.serial() & 0xFFFF_FFFFL;
        haveSession = true;
        hasData = true;
        stale = false;
        if (e.version() >= 1) {
            refresh = timer(e.refresh(), 1, 86_400, DEFAULT_REFRESH);
            retry = timer(e.retry(), 1, 7_200, DEFAULT_RETRY);
            expire = timer(e.expire(), 600, 172_800, DEFAULT_EXPIRE);
            if (clampTimers && (expire.compareTo(refresh) <= 0 || expire.compareTo(retry) <= 0)) {
                // RFC 8210 §6: Expire must exceed Refresh and Retry; otherwise data would lapse between polls
                expire = DEFAULT_EXPIRE.compareTo(refresh) > 0 && DEFAULT_EXPIRE.compareTo(retry) > 0
                        ? DEFAULT_EXPIRE
                        : refresh.plus(retry);
            }
        }
        long now = System.nanoTime();
        expireAtNanos = now + expire.toNanos();
        Duration elapsed = Duration.ofNanos(now - ss.queryStartNanos);
        ss.pending = false;
        ss.inResponse = false;
        ss.nextQueryAtNanos = now + refresh.toNanos();
        syncs.incrementAndGet();
        lastSync = Instant.now();
        RtrSync sync = new RtrSync(
                ss.version,
                sessionId,
                serial,
                reset,
                vrpsAnnounced,
                vrpsWithdrawn,
                aspasAnnounced,
                aspasWithdrawn,
                next.size(),
                nextAspas.size(),
                refresh,
                retry,
                expire,
                elapsed);
        log.debug("rtr {}: {}", endpoint(), sync);
        try {
            listener.synced(sync);
        } catch (RuntimeException ex) {
            log.warn("rtr {}: listener failed", endpoint(), ex);
        }
        // after the callback, so awaitSynced() returns only once the listener has seen the sync
        setState(RtrState.SYNCED);
        if (ss.notifyPending) {
            ss.notifyPending = false;
            if (ss.notifySerial != e.serial()) {
                sendQuery(ss);
            }
        }
        return null;
    }

    private Duration timer(long seconds, long min, long max, Duration fallback) {
        if (!clampTimers) {
            return seconds <= 0 ? fallback : Duration.ofSeconds(seconds);
        }
        return Duration.ofSeconds(Math.max(min, Math.min(max, seconds)));
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a socket we are abandoning: nothing useful to do with the failure
        }
    }

    /**
     * Builds an {@link RtrClient}. Each setting may be given once.
     *
     * <pre>{@code
     * RtrClient c = RtrClient.builder()
     *         .endpoint("rtr.example.net:3323")              // or .host(...).port(...)
     *         .validator(rov)
     *         .maxVersion(1)                                   // e.g. a cache with a broken v2
     *         .reconnectBackoff(Duration.ofSeconds(1), Duration.ofMinutes(2))
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private @Nullable String host;
        private int port = -1;
        private @Nullable RouteOriginValidator validator;
        private @Nullable RtrListener listener;
        private int maxVersion = -1;
        private int minVersion = -1;
        private @Nullable Duration connectTimeout;
        private @Nullable Duration responseTimeout;
        private @Nullable Duration backoffInitial;
        private @Nullable Duration backoffMax;
        private @Nullable Boolean flushOnExpire;
        private boolean clampTimers = true;
        private boolean clampTimersSet;
        private int maxRecords = -1;

        private Builder() {}

        private static void once(boolean alreadySet, String what, @Nullable Object value) {
            if (alreadySet) {
                throw new IllegalStateException(what + " was already set to " + value);
            }
        }

        /**
         * The cache host name or address (required).
         *
         * @param host e.g. {@code 127.0.0.1} or {@code rtr.example.net}
         * @return this
         */
        public Builder host(String host) {
            once(this.host != null, "host", this.host);
            if (host.isBlank()) {
                throw new IllegalArgumentException("host is blank (expected: a host name or address)");
            }
            this.host = host;
            return this;
        }

        /**
         * Host and port in one string, as command lines take them: {@code host:port}, {@code
         * [2001:db8::1]:3323}, or a bare host or IPv6 address (port 323).
         *
         * @param hostPort the endpoint
         * @return this
         * @throws IllegalArgumentException for an empty host, an unclosed bracket or a bad port
         */
        public Builder endpoint(String hostPort) {
            String h;
            String p = null;
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("endpoint '" + hostPort + "' has no closing ']'");
                }
                h = hostPort.substring(1, close);
                String rest = hostPort.substring(close + 1);
                if (!rest.isEmpty()) {
                    if (!rest.startsWith(":")) {
                        throw new IllegalArgumentException("endpoint '" + hostPort + "' (expected: [address]:port)");
                    }
                    p = rest.substring(1);
                }
            } else {
                int colon = hostPort.lastIndexOf(':');
                // more than one colon without brackets: a bare IPv6 address
                if (colon >= 0 && hostPort.indexOf(':') == colon) {
                    h = hostPort.substring(0, colon);
                    p = hostPort.substring(colon + 1);
                } else {
                    h = hostPort;
                }
            }
            if (h.isBlank()) {
                throw new IllegalArgumentException("endpoint '" + hostPort + "' has no host");
            }
            int port = -1;
            if (p != null) {
                try {
                    port = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("endpoint '" + hostPort + "': port '" + p + "' is not a number");
                }
            }
            host(h);
            if (port != -1) {
                port(port);
            }
            return this;
        }

        /**
         * The cache TCP port; default 323 (rpki-rtr). Caches often listen on 3323 or 8282.
         *
         * @param port {@code 1..65535}
         * @return this
         */
        public Builder port(int port) {
            once(this.port >= 0, "port", this.port);
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port " + port + " (expected: 1..65535)");
            }
            this.port = port;
            return this;
        }

        /**
         * The validator to keep in sync; default a new empty one ({@link RtrClient#validator()}).
         *
         * @param validator the validator, owned by this client from now on
         * @return this
         */
        public Builder validator(RouteOriginValidator validator) {
            once(this.validator != null, "validator", this.validator);
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * Callbacks for state changes, syncs and Error Reports.
         *
         * @param listener the listener
         * @return this
         */
        public Builder listener(RtrListener listener) {
            once(this.listener != null, "listener", this.listener);
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The version to open with; default 2 (8210bis, with ASPA).
         *
         * @param version {@code 0..2}
         * @return this
         */
        public Builder maxVersion(int version) {
            once(this.maxVersion >= 0, "maxVersion", this.maxVersion);
            checkVersion(version, "maxVersion");
            this.maxVersion = version;
            return this;
        }

        /**
         * The lowest version to accept when downgrading; default 0.
         *
         * @param version {@code 0..2}
         * @return this
         */
        public Builder minVersion(int version) {
            once(this.minVersion >= 0, "minVersion", this.minVersion);
            checkVersion(version, "minVersion");
            this.minVersion = version;
            return this;
        }

        private static void checkVersion(int v, String what) {
            if (v < 0 || v > RtrCodec.MAX_VERSION) {
                throw new IllegalArgumentException(what + " " + v + " (expected: 0.." + RtrCodec.MAX_VERSION + ")");
            }
        }

        /**
         * TCP connect timeout; default 10 s.
         *
         * @param timeout positive
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            once(this.connectTimeout != null, "connectTimeout", this.connectTimeout);
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Longest silence accepted while a response is due (or inside a PDU) before the connection
         * is dropped; default 30 s.
         *
         * @param timeout positive
         * @return this
         */
        public Builder responseTimeout(Duration timeout) {
            once(this.responseTimeout != null, "responseTimeout", this.responseTimeout);
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        /**
         * Reconnect delays: {@code initial} doubling up to {@code max}, each randomised to between
         * half and all of it; reset after a successful sync. Default 1 s to 60 s.
         *
         * @param initial first delay, positive
         * @param max largest delay, at least {@code initial}
         * @return this
         */
        public Builder reconnectBackoff(Duration initial, Duration max) {
            once(this.backoffInitial != null, "reconnectBackoff", this.backoffInitial + ".." + this.backoffMax);
            positive(initial, "reconnectBackoff initial");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException(
                        "reconnectBackoff max " + max + " is below initial " + initial + " (expected: >= initial)");
            }
            this.backoffInitial = initial;
            this.backoffMax = max;
            return this;
        }

        /**
         * Whether data is flushed from the validator when the Expire interval passes without a
         * successful sync (RFC 8210 §6); default true. With false the last data is kept and only the
         * {@link RtrState#STALE} state tells it is old.
         *
         * @param flush the choice
         * @return this
         */
        public Builder flushOnExpire(boolean flush) {
            once(this.flushOnExpire != null, "flushOnExpire", this.flushOnExpire);
            this.flushOnExpire = flush;
            return this;
        }

        /**
         * Most payload PDUs (prefixes and ASPAs) accepted in one response; beyond it the client
         * reports Internal Error ("ran out of memory", RFC 8210 §12) and drops the session, so a cache
         * that never sends End of Data cannot exhaust the heap. Default 5,000,000 (the global set
         * is about 0.75 million VRPs; each held costs about 150 bytes while a response is collected).
         *
         * @param max positive
         * @return this
         */
        public Builder maxRecords(int max) {
            once(this.maxRecords >= 0, "maxRecords", this.maxRecords);
            if (max <= 0) {
                throw new IllegalArgumentException("maxRecords " + max + " (expected: positive)");
            }
            this.maxRecords = max;
            return this;
        }

        /** Tests only: take End of Data timers as sent, without the RFC 8210 §6 ranges. */
        Builder acceptAnyTimers() {
            once(clampTimersSet, "acceptAnyTimers", !clampTimers);
            clampTimersSet = true;
            this.clampTimers = false;
            return this;
        }

        private static Duration positive(Duration d, String what) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " " + d + " (expected: positive)");
            }
            return d;
        }

        /**
         * Builds the client (not started).
         *
         * @return the client
         * @throws IllegalStateException if no host was given or minVersion exceeds maxVersion
         */
        public RtrClient build() {
            String h = host;
            if (h == null) {
                throw new IllegalStateException("host was not set (expected: builder().host(\"...\"))");
            }
            int max = maxVersion < 0 ? RtrCodec.MAX_VERSION : maxVersion;
            int min = minVersion < 0 ? 0 : minVersion;
            if (min > max) {
                throw new IllegalStateException("minVersion " + min + " exceeds maxVersion " + max);
            }
            return new RtrClient(this, h);
        }
    }
}
