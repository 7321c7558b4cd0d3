package dev.routescope.rislive;

import dev.routescope.rislive.internal.Connection;
import dev.routescope.rislive.internal.FirehoseTransport;
import dev.routescope.rislive.internal.FrameQueue;
import dev.routescope.rislive.internal.ReplayTransport;
import dev.routescope.rislive.internal.Transport;
import dev.routescope.rislive.internal.WebSocketTransport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A RIS Live client: connects (WebSocket, firehose HTTP, or an NDJSON replay), subscribes, decodes
 * frames into {@link RisMessage}s and hands them to one consumer, surviving disconnects, stalls and
 * slow consumers.
 *
 * <pre>{@code
 * RisLiveClient client = RisLiveClient.builder()
 *         .clientName("acme-noc-monitor")
 *         .subscription(RisSubscription.builder().type(RisMessageType.UPDATE).path("13335$").build())
 *         .listener(new RisLiveListener() {
 *             public void onGap(RisGap gap) { backfill(gap); }
 *         })
 *         .build();
 * client.start(message -> detector.accept(message.events()));   // or messages() / publisher()
 * ...
 * client.close();
 * }</pre>
 *
 * <p>Consumption: pick one of {@link #messages()} (blocking iterator on the caller's thread), {@link
 * #start(Consumer)} (callback on a client thread), {@link #publisher()} (a {@link Flow.Publisher}
 * honouring {@code request(n)}) or {@link #startViews(Consumer)} (callback with a reused {@link
 * RisMessageView}, no model objects unless asked); the connection opens on that first call. Frames are decoded on the
 * consuming thread, not on the network thread.
 *
 * <p>Resilience: a lost connection is re-opened with exponential backoff and jitter, the
 * subscriptions are sent again, and the lost window is reported as a {@link RisGap}. A connection
 * that delivers no frame for the stall timeout (while the client is not holding it back) is
 * treated as lost. WebSocket connections are pinged so that quiet subscriptions are not mistaken for
 * stalls.
 *
 * <p>Backpressure: a bounded queue sits between the network and the consumer; {@link
 * OverflowPolicy} decides what a full queue does. {@link #metrics()} gives exact counters.
 *
 * <p>Threading: thread-safe. One connector thread per client; the network threads belong to the
 * {@link HttpClient}. {@link #close()} stops everything and ends the message stream.
 *
 * @since 0.1
 */
public final class RisLiveClient implements AutoCloseable {
    /** The public RIS Live WebSocket endpoint. */
    public static final URI RIS_LIVE_WEBSOCKET = URI.create("wss://ris-live.ripe.net/v1/ws/");
    /** The public RIS Live firehose endpoint. */
    public static final URI RIS_LIVE_FIREHOSE = URI.create("https://ris-live.ripe.net/v1/stream/?format=json");

    private static final Logger LOG = LoggerFactory.getLogger(RisLiveClient.class);
    private static final String PING = "{\"type\":\"ping\",\"data\":null}";
    private static final String REQUEST_RRC_LIST = "{\"type\":\"request_rrc_list\",\"data\":null}";
    private static final int BATCH = 256;

    private final Builder config;
    private final Transport transport;
    private final FrameQueue queue;
    private final RisMessageDecoder decoder;
    private final RisLiveListener listener;
    private final @Nullable RisRecorder recorder;
    // Guarded by itself: changed by subscribe/unsubscribe, read by the connector when it (re)subscribes.
    private final List<RisSubscription> subscriptions;
    private final AtomicReference<String> mode = new AtomicReference<>("");
    private final AtomicReference<@Nullable Connection> current = new AtomicReference<>();
    private final CountDownLatch closeSignal = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong control = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile long lastLagMillis;
    private volatile long maxLagMillis;
    private volatile boolean closing;
    private @Nullable Thread connector;

    // Consumer-side state: touched only by the one consuming thread.
    private final List<String> batch = new ArrayList<>(BATCH);
    private final RisMessageView consumerView = new RisMessageView();
    private int batchIndex;
    private boolean ended;

    private RisLiveClient(Builder b, Transport transport) {
        this.config = b;
        this.transport = transport;
        this.subscriptions = new ArrayList<>(b.subscriptions);
        this.listener = b.listener;
        this.recorder = b.recorder;
        RisMessageDecoder.Builder decoderBuilder = RisMessageDecoder.builder().maxStringChars(b.maxFrameChars);
        if (b.rawUpdateDecoder != null) {
            decoderBuilder.rawUpdateDecoder(b.rawUpdateDecoder);
        }
        this.decoder = decoderBuilder.build();
        this.queue = new FrameQueue(b.queueCapacity, b.overflowPolicy == OverflowPolicy.DROP_OLDEST, (head, length) -> {
            malformed.incrementAndGet();
            safely(() -> listener.onMalformed(new RisFrame.Malformed(
                    head, -1, "frame of " + length + " characters exceeds maxFrameChars " + b.maxFrameChars)));
        });
    }

    /** {@return a builder with the defaults (public WebSocket endpoint, BLOCK, 10,000 frames)} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The messages as a blocking iterator on the caller's thread; opens the connection. Single use.
     *
     * @return the stream; it ends when the client is closed or a replay reaches its end
     * @throws IllegalStateException if the client is already being consumed another way
     */
    public RisMessageStream messages() {
        begin("messages()");
        return new RisMessageStream(this);
    }

    /**
     * Delivers every message to a callback on a client thread ({@code rislive-consumer}); opens the
     * connection. An exception thrown by the callback is logged and the message skipped.
     *
     * @param consumer the callback
     * @throws IllegalStateException if the client is already being consumed another way
     */
    public void start(Consumer<? super RisMessage> consumer) {
        begin("start(Consumer)");
        Thread t = new Thread(
                () -> {
                    RisMessage m;
                    while ((m = poll(Long.MAX_VALUE)) != null) {
                        try {
                            consumer.accept(m);
                        } catch (RuntimeException e) {
                            LOG.warn("RIS Live consumer failed on message {}; continuing", m.id(), e);
                        }
                    }
                },
                "rislive-consumer");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Delivers every message as a {@link RisMessageView} to a callback on a client thread ({@code
     * rislive-consumer}); opens the connection. The view is reused: it is valid only during the call
     * (copy what you keep, or call {@link RisMessageView#toMessage()} for model objects). This is the
     * allocation-free delivery for monitors that look at every message but need events for few;
     * backpressure, counters, listeners and recording are the same as for {@link #start(Consumer)}.
     * An exception thrown by the callback is logged and the message skipped.
     *
     * <pre>{@code
     * client.startViews(view -> {
     *     if (watchedOrigins.contains(view.originAsn())) {
     *         alerts.add(view.toEvents());
     *     }
     * });
     * }</pre>
     *
     * @param consumer the callback
     * @throws IllegalStateException if the client is already being consumed another way
     * @since 0.3
     */
    public void startViews(Consumer<? super RisMessageView> consumer) {
        begin("startViews(Consumer)");
        Thread t = new Thread(
                () -> {
                    RisMessageView view = new RisMessageView();
                    while (next(view, Long.MAX_VALUE)) {
                        try {
                            consumer.accept(view);
                        } catch (RuntimeException e) {
                            LOG.warn("RIS Live consumer failed on message {}; continuing", view.id(), e);
                        }
                    }
                },
                "rislive-consumer");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The messages as a {@link Flow.Publisher} for one subscriber; subscribing opens the connection.
     * Demand is honoured exactly: under {@link OverflowPolicy#BLOCK} an unrequested message stays
     * queued and eventually holds back the network. Cancelling closes the client.
     *
     * @return the publisher
     */
    public Flow.Publisher<RisMessage> publisher() {
        return subscriber -> {
            Objects.requireNonNull(subscriber, "subscriber");
            try {
                begin("publisher()");
            } catch (IllegalStateException e) {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {}

                    @Override
                    public void cancel() {}
                });
                subscriber.onError(e);
                return;
            }
            new RisPublication(this, subscriber).start();
        };
    }

    /**
     * Asks the server for the collector list; the answer arrives as {@link
     * RisLiveListener#onCollectorList}.
     *
     * @return false if not connected over WebSocket
     */
    public boolean requestCollectorList() {
        Connection c = current.get();
        return c != null && c.send(REQUEST_RRC_LIST);
    }

    /**
     * Adds a subscription to a WebSocket client: sent at once if connected, and on every reconnect.
     * Subscriptions on one connection are OR-ed by the server.
     *
     * <pre>{@code
     * client.subscribe(RisSubscription.builder().prefix(Prefix.parse("192.0.2.0/24")).build());
     * }</pre>
     *
     * @param subscription the subscription
     * @return true if it was sent now, false if it will be sent when the connection is (re)opened
     * @throws IllegalStateException if this client is not a WebSocket client (firehose, replay), the
     *     subscription is already active, or it disagrees with the others on a socket option
     * @since 0.2
     */
    public boolean subscribe(RisSubscription subscription) {
        requireWebSocket("subscribe");
        synchronized (subscriptions) {
            if (subscriptions.contains(subscription)) {
                throw new IllegalStateException("already subscribed: " + subscription.toJson());
            }
            List<RisSubscription> all = new ArrayList<>(subscriptions);
            all.add(subscription);
            Builder.checkSocketOptions(all);
            subscriptions.add(subscription);
            Connection c = current.get();
            return c != null && c.send(subscription.toSubscribeFrame());
        }
    }

    /**
     * Removes a subscription: sends {@code ris_unsubscribe} with the same data if connected, and no
     * longer subscribes it after a reconnect. Messages already queued stay readable.
     *
     * @param subscription a subscription equal to an active one
     * @return false if it was not active
     * @throws IllegalStateException if this client is not a WebSocket client
     * @since 0.2
     */
    public boolean unsubscribe(RisSubscription subscription) {
        requireWebSocket("unsubscribe");
        synchronized (subscriptions) {
            if (!subscriptions.remove(subscription)) {
                return false;
            }
            Connection c = current.get();
            if (c != null) {
                c.send(subscription.toUnsubscribeFrame());
            }
            return true;
        }
    }

    /** {@return the active subscriptions, in the order they were added} */
    public List<RisSubscription> subscriptions() {
        synchronized (subscriptions) {
            return List.copyOf(subscriptions);
        }
    }

    private void requireWebSocket(String what) {
        if (!(transport instanceof WebSocketTransport)) {
            throw new IllegalStateException(what + " needs a WebSocket client; this one reads " + transport.describe()
                    + " (the firehose filter and a replay are fixed when the client is built)");
        }
    }

    /** {@return a snapshot of the counters} */
    public RisLiveMetrics metrics() {
        long dropped = queue.dropped();
        long decodedNow = decoded.get();
        long controlNow = control.get();
        long malformedNow = malformed.get();
        long received = queue.received();
        // Frames the consumer has taken in its batch but not handled yet are still "queued": derive the
        // count from the counters so that the five outcomes always add up to received.
        long queued = Math.max(0, received - decodedNow - controlNow - malformedNow - dropped);
        return new RisLiveMetrics(
                received,
                decodedNow,
                controlNow,
                malformedNow,
                dropped,
                queued,
                serverErrors.get(),
                reconnects.get(),
                Duration.ofMillis(lastLagMillis),
                Duration.ofMillis(maxLagMillis));
    }

    /**
     * Waits until the message stream has ended (closed, or a replay fully consumed).
     *
     * @param timeout how long to wait
     * @return true if it ended
     * @throws InterruptedException if interrupted
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Closes the connection and ends the message stream; frames already queued are still delivered
     * to a consumer that keeps reading. Idempotent. Does not close the recorder.
     */
    @Override
    public void close() {
        closing = true;
        closeSignal.countDown();
        Connection c = current.get();
        if (c != null) {
            c.close();
        }
        Thread t;
        synchronized (this) {
            t = connector;
        }
        if (t == null) {
            queue.end();
            terminated.countDown();
        } else if (t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void begin(String how) {
        if (!mode.compareAndSet("", how)) {
            throw new IllegalStateException("this client is already consumed through " + mode.get()
                    + "; use one of messages(), start(Consumer), startViews(Consumer) or publisher() once per client");
        }
        synchronized (this) {
            if (closing) {
                queue.end();
                return;
            }
            Thread t = new Thread(this::superviseConnections, "rislive-connector");
            t.setDaemon(true);
            connector = t;
            t.start();
        }
    }

    /**
     * Takes the next message, decoding frames and handling control frames on the way.
     *
     * @param timeoutNanos how long to wait; {@link Long#MAX_VALUE} for ever
     * @return the message; null at the end of the stream or on timeout (see {@link #isEnded()})
     */
    @Nullable
    RisMessage poll(long timeoutNanos) {
        RisMessageView view = consumerView;
        return next(view, timeoutNanos) ? view.toMessage() : null;
    }

    /**
     * Decodes frames into the view until one is a message, handling control frames on the way.
     *
     * @return true if a message is in the view; false at the end of the stream or on timeout
     */
    private boolean next(RisMessageView view, long timeoutNanos) {
        long deadline = timeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
        while (!ended) {
            if (batchIndex == batch.size()) {
                batch.clear();
                batchIndex = 0;
                long wait = deadline == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(1) : deadline - System.nanoTime();
                int n;
                try {
                    n = queue.drainTo(batch, BATCH, Math.max(0, wait));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                if (n < 0) {
                    ended = true;
                    terminated.countDown();
                    return false;
                }
                if (n == 0) {
                    if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) {
                        return false;
                    }
                    continue;
                }
            }
            String frame = batch.get(batchIndex);
            batch.set(batchIndex++, ""); // let the frame text be collected early
            if (handle(frame, view)) {
                return true;
            }
        }
        return false;
    }

    boolean isEnded() {
        return ended;
    }

    boolean isClosing() {
        return closing;
    }

    private boolean handle(String frame, RisMessageView view) {
        RisRecorder r = recorder;
        if (r != null) {
            r.record(frame);
        }
        if (decoder.decodeInto(frame, view)) {
            decoded.incrementAndGet();
            long lag = System.currentTimeMillis() - Math.floorDiv(view.timestampMicros(), 1000);
            lastLagMillis = lag;
            if (lag > maxLagMillis) {
                maxLagMillis = lag;
            }
            return true;
        }
        RisFrame f = view.nonMessage();
        if (f instanceof RisFrame.Malformed bad) {
            malformed.incrementAndGet();
            safely(() -> listener.onMalformed(bad));
            return false;
        }
        control.incrementAndGet();
        if (f instanceof RisFrame.ServerError error) {
            serverErrors.incrementAndGet();
            safely(() -> listener.onServerError(error));
        } else if (f instanceof RisFrame.SubscribeOk ok) {
            safely(() -> listener.onSubscribed(ok));
        } else if (f instanceof RisFrame.CollectorList list) {
            safely(() -> listener.onCollectorList(list));
        }
        return false;
    }

    private void superviseConnections() {
        int attempt = 0;
        long gapFromMillis = -1;
        String gapReason = "";
        try {
            while (!closing) {
                Connection c;
                try {
                    queue.touch();
                    c = transport.open(queue, config.connectTimeout);
                } catch (IOException e) {
                    if (!transport.reconnects()) {
                        String reason = String.valueOf(e.getMessage());
                        LOG.warn("RIS Live: {}", reason);
                        safely(() -> listener.onDisconnected(reason));
                        return;
                    }
                    String reason = "connect failed: " + e.getMessage();
                    safely(() -> listener.onDisconnected(reason));
                    if (!sleepBackoff(attempt++)) {
                        return;
                    }
                    continue;
                }
                synchronized (subscriptions) {
                    // Under the lock, so a concurrent subscribe() is sent exactly once: by us or by it.
                    current.set(c);
                    if (!closing && transport instanceof WebSocketTransport) {
                        for (RisSubscription s : subscriptions) {
                            c.send(s.toSubscribeFrame());
                        }
                    }
                }
                if (closing) {
                    c.close();
                    return;
                }
                long openedMillis = System.currentTimeMillis();
                long receivedAtOpen = queue.received();
                if (gapFromMillis >= 0) {
                    RisGap gap = new RisGap(
                            Instant.ofEpochMilli(gapFromMillis), Instant.ofEpochMilli(openedMillis), gapReason);
                    safely(() -> listener.onGap(gap));
                    gapFromMillis = -1;
                }
                safely(() -> listener.onConnected(transport.describe()));
                String reason = awaitEnd(c);
                current.set(null);
                if (closing || !transport.reconnects()) {
                    return;
                }
                reconnects.incrementAndGet();
                boolean gotFrames = queue.received() > receivedAtOpen;
                gapFromMillis = gotFrames ? queue.lastFrameMillis() : openedMillis;
                gapReason = reason;
                safely(() -> listener.onDisconnected(reason));
                attempt = gotFrames ? 0 : attempt + 1;
                if (!sleepBackoff(attempt)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            current.set(null);
            queue.end();
            if (!"".equals(mode.get()) && closing) {
                // a consumer may never come back to see the end (closed while idle): release waiters
                terminated.countDown();
            }
        }
    }

    private String awaitEnd(Connection c) throws InterruptedException {
        long stallNanos = transport instanceof ReplayTransport ? 0 : config.stallTimeout.toNanos();
        long pingNanos = transport instanceof WebSocketTransport ? config.pingInterval.toNanos() : 0;
        long tick = TimeUnit.MILLISECONDS.toNanos(500);
        if (stallNanos > 0) {
            tick = Math.min(tick, Math.max(TimeUnit.MILLISECONDS.toNanos(5), stallNanos / 4));
        }
        if (pingNanos > 0) {
            tick = Math.min(tick, Math.max(TimeUnit.MILLISECONDS.toNanos(5), pingNanos / 2));
        }
        long nextPing = System.nanoTime() + pingNanos;
        while (true) {
            try {
                return c.closed().get(tick, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // fall through to the periodic checks
            } catch (ExecutionException e) {
                return "connection failed: " + e.getCause();
            }
            if (closing) {
                c.close();
                return "client closed";
            }
            long now = System.nanoTime();
            if (stallNanos > 0 && !queue.paused() && queue.idleNanos(now) > stallNanos) {
                c.abort();
                return "stalled: no frame for " + config.stallTimeout;
            }
            if (pingNanos > 0 && now - nextPing >= 0) {
                c.send(PING);
                nextPing = now + pingNanos;
            }
        }
    }

    private boolean sleepBackoff(int attempt) throws InterruptedException {
        long initial = config.initialBackoff.toNanos();
        long max = config.maxBackoff.toNanos();
        long delay = initial;
        for (int i = 0; i < attempt && delay < max; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, max);
        // Jitter spreads the reconnects of many clients after a server restart.
        long jittered =
                (long) (delay * (1 - config.jitter * ThreadLocalRandom.current().nextDouble()));
        return !closeSignal.await(Math.max(0, jittered), TimeUnit.NANOSECONDS);
    }

    private static void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("RIS Live listener failed; ignoring", e);
        }
    }

    /**
     * Builder for {@link RisLiveClient}; not thread-safe. Each setting may be set once and is checked
     * at once; {@link #build()} checks combinations.
     */
    public static final class Builder {
        private @Nullable URI webSocket;
        private @Nullable URI firehose;
        private @Nullable Path replay;
        private @Nullable String clientName;
        private final List<RisSubscription> subscriptions = new ArrayList<>();
        private int queueCapacity = 10_000;
        private boolean queueCapacitySet;
        private OverflowPolicy overflowPolicy = OverflowPolicy.BLOCK;
        private boolean overflowSet;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(60);
        private boolean backoffSet;
        private double jitter = 0.5;
        private boolean jitterSet;
        private Duration stallTimeout = Duration.ofSeconds(90);
        private boolean stallSet;
        private Duration pingInterval = Duration.ofSeconds(30);
        private boolean pingSet;
        private Duration connectTimeout = Duration.ofSeconds(15);
        private boolean connectTimeoutSet;
        private RisLiveListener listener = new RisLiveListener() {};
        private boolean listenerSet;
        private @Nullable RisRecorder recorder;
        private @Nullable RawUpdateDecoder rawUpdateDecoder;
        private int maxFrameChars = 16 << 20;
        private boolean maxFrameSet;
        private @Nullable HttpClient httpClient;

        private Builder() {}

        /**
         * Connects over WebSocket to this endpoint (default {@link #RIS_LIVE_WEBSOCKET}).
         *
         * @param endpoint a {@code ws:} or {@code wss:} URI
         * @return this
         * @throws IllegalArgumentException for another scheme
         * @throws IllegalStateException if a source was already chosen
         */
        public Builder webSocket(URI endpoint) {
            checkNoSource();
            String scheme = endpoint.getScheme();
            if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
                throw new IllegalArgumentException("webSocket endpoint " + endpoint + " (expected: a ws: or wss: URI)");
            }
            webSocket = endpoint;
            return this;
        }

        /**
         * Reads the firehose (HTTP NDJSON stream) at this endpoint instead of a WebSocket; at most one
         * subscription, sent as the {@code X-RIS-Subscribe} header.
         *
         * @param endpoint an {@code http:} or {@code https:} URI, e.g. {@link #RIS_LIVE_FIREHOSE}
         * @return this
         * @throws IllegalArgumentException for another scheme
         * @throws IllegalStateException if a source was already chosen
         */
        public Builder firehose(URI endpoint) {
            checkNoSource();
            String scheme = endpoint.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException(
                        "firehose endpoint " + endpoint + " (expected: an http: or https: URI)");
            }
            firehose = endpoint;
            return this;
        }

        /**
         * Replays an NDJSON recording (see {@link RisRecorder}; a firehose capture works too) through
         * the same API; the stream ends at the end of the file. No subscriptions, no reconnects.
         *
         * @param recording the file ({@code .gz} allowed)
         * @return this
         * @throws IllegalStateException if a source was already chosen
         */
        public Builder replay(Path recording) {
            checkNoSource();
            replay = recording;
            return this;
        }

        private void checkNoSource() {
            if (webSocket != null || firehose != null || replay != null) {
                throw new IllegalStateException("the source was already set to "
                        + (webSocket != null ? webSocket : firehose != null ? firehose : "replay of " + replay));
            }
        }

        /**
         * Identifies this client to RIS Live ({@code ?client=}); RIPE asks every client to say who it
         * is. Default {@code routescope}.
         *
         * @param name e.g. {@code acme-noc-monitor}
         * @return this
         * @throws IllegalArgumentException if blank or longer than 100 characters
         * @throws IllegalStateException if already set
         */
        public Builder clientName(String name) {
            if (clientName != null) {
                throw new IllegalStateException("clientName was already set to '" + clientName + "'");
            }
            if (name.isBlank() || name.length() > 100) {
                throw new IllegalArgumentException("clientName '" + name + "' (expected: 1..100 characters)");
            }
            clientName = name;
            return this;
        }

        /**
         * Adds a subscription; several are OR-ed by the server and re-sent after every reconnect.
         *
         * @param subscription the filter
         * @return this
         * @throws IllegalArgumentException if the same subscription was already added
         */
        public Builder subscription(RisSubscription subscription) {
            if (subscriptions.contains(subscription)) {
                throw new IllegalArgumentException("subscription " + subscription + " was already added");
            }
            subscriptions.add(subscription);
            return this;
        }

        /**
         * Frames held between the network and the consumer (default 10,000). At the public stream's
         * average of ~30k msg/s (RIS Live frames are ~0.5-1 KB) 10,000 frames are ~10 MB and a third
         * of a second of slack.
         *
         * @param frames 1..10,000,000
         * @return this
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder queueCapacity(int frames) {
            if (queueCapacitySet) {
                throw new IllegalStateException("queueCapacity was already set to " + queueCapacity);
            }
            if (frames < 1 || frames > 10_000_000) {
                throw new IllegalArgumentException("queueCapacity " + frames + " (expected: 1..10000000)");
            }
            queueCapacity = frames;
            queueCapacitySet = true;
            return this;
        }

        /**
         * What a full queue does (default {@link OverflowPolicy#BLOCK}).
         *
         * @param policy the policy
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder overflowPolicy(OverflowPolicy policy) {
            if (overflowSet) {
                throw new IllegalStateException("overflowPolicy was already set to " + overflowPolicy);
            }
            overflowPolicy = policy;
            overflowSet = true;
            return this;
        }

        /**
         * Reconnect delays: {@code initial}, doubling per failed attempt up to {@code max} (defaults 1 s
         * and 60 s); reset after a connection that delivered frames.
         *
         * @param initial first delay, at least 1 ms
         * @param max largest delay, at least {@code initial}
         * @return this
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder reconnectBackoff(Duration initial, Duration max) {
            if (backoffSet) {
                throw new IllegalStateException(
                        "reconnectBackoff was already set to " + initialBackoff + ".." + maxBackoff);
            }
            if (initial.compareTo(Duration.ofMillis(1)) < 0 || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("reconnectBackoff " + initial + ".." + max
                        + " (expected: initial >= PT0.001S and max >= initial)");
            }
            initialBackoff = initial;
            maxBackoff = max;
            backoffSet = true;
            return this;
        }

        /**
         * Random fraction taken off each reconnect delay (default 0.5: a delay d becomes 0.5d..d).
         *
         * @param fraction 0 (none) .. 1
         * @return this
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder jitter(double fraction) {
            if (jitterSet) {
                throw new IllegalStateException("jitter was already set to " + jitter);
            }
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("jitter " + fraction + " (expected: 0..1)");
            }
            jitter = fraction;
            jitterSet = true;
            return this;
        }

        /**
         * A connection that delivers no frame for this long, while the client is not holding it back,
         * is dropped and re-opened (default 90 s; {@link Duration#ZERO} disables).
         *
         * @param timeout the timeout
         * @return this
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if already set
         */
        public Builder stallTimeout(Duration timeout) {
            if (stallSet) {
                throw new IllegalStateException("stallTimeout was already set to " + stallTimeout);
            }
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("stallTimeout " + timeout + " (expected: >= 0)");
            }
            stallTimeout = timeout;
            stallSet = true;
            return this;
        }

        /**
         * Interval of {@code ping} frames on WebSocket connections (default 30 s; {@link Duration#ZERO}
         * disables); the {@code pong} answers keep a quiet subscription from looking stalled.
         *
         * @param interval the interval
         * @return this
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if already set
         */
        public Builder pingInterval(Duration interval) {
            if (pingSet) {
                throw new IllegalStateException("pingInterval was already set to " + pingInterval);
            }
            if (interval.isNegative()) {
                throw new IllegalArgumentException("pingInterval " + interval + " (expected: >= 0)");
            }
            pingInterval = interval;
            pingSet = true;
            return this;
        }

        /**
         * How long opening a connection may take (default 15 s).
         *
         * @param timeout at least 1 ms
         * @return this
         * @throws IllegalArgumentException if shorter
         * @throws IllegalStateException if already set
         */
        public Builder connectTimeout(Duration timeout) {
            if (connectTimeoutSet) {
                throw new IllegalStateException("connectTimeout was already set to " + connectTimeout);
            }
            if (timeout.compareTo(Duration.ofMillis(1)) < 0) {
                throw new IllegalArgumentException("connectTimeout " + timeout + " (expected: >= PT0.001S)");
            }
            connectTimeout = timeout;
            connectTimeoutSet = true;
            return this;
        }

        /**
         * Receives connection, gap and problem callbacks.
         *
         * @param l the listener
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder listener(RisLiveListener l) {
            if (listenerSet) {
                throw new IllegalStateException("listener was already set to " + listener);
            }
            listener = l;
            listenerSet = true;
            return this;
        }

        /**
         * Records every frame the consumer takes (see {@link RisRecorder}); the caller closes it.
         *
         * @param r the recorder
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder recorder(RisRecorder r) {
            if (recorder != null) {
                throw new IllegalStateException("recorder was already set");
            }
            recorder = r;
            return this;
        }

        /**
         * Decodes {@code raw} UPDATE hex with this decoder (see {@link RawUpdateDecoder}).
         *
         * @param d the decoder
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder rawUpdateDecoder(RawUpdateDecoder d) {
            if (rawUpdateDecoder != null) {
                throw new IllegalStateException("rawUpdateDecoder was already set to " + rawUpdateDecoder);
            }
            rawUpdateDecoder = d;
            return this;
        }

        /**
         * Longest frame accepted (default 16 Mi characters); longer frames are skipped and reported as
         * malformed instead of exhausting the heap.
         *
         * @param chars 1 Ki .. 1 Gi
         * @return this
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder maxFrameChars(int chars) {
            if (maxFrameSet) {
                throw new IllegalStateException("maxFrameChars was already set to " + maxFrameChars);
            }
            if (chars < 1024 || chars > 1 << 30) {
                throw new IllegalArgumentException("maxFrameChars " + chars + " (expected: 1024..1073741824)");
            }
            maxFrameChars = chars;
            maxFrameSet = true;
            return this;
        }

        /**
         * Uses this HTTP client (proxy, TLS, executor) instead of a default one.
         *
         * @param client the client
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder httpClient(HttpClient client) {
            if (httpClient != null) {
                throw new IllegalStateException("httpClient was already set");
            }
            httpClient = client;
            return this;
        }

        /**
         * Checks the combination and builds a client; nothing connects until it is consumed.
         *
         * @return the client
         * @throws IllegalStateException if the settings conflict (see the message)
         */
        public RisLiveClient build() {
            Boolean acknowledge = checkSocketOptions(subscriptions);
            if (replay != null) {
                if (!subscriptions.isEmpty()) {
                    throw new IllegalStateException(
                            "a replay delivers the recording as it is: subscriptions do not apply (remove them)");
                }
                return new RisLiveClient(this, new ReplayTransport(replay, maxFrameChars));
            }
            if (!stallTimeout.isZero() && !pingInterval.isZero() && stallTimeout.compareTo(pingInterval) <= 0) {
                throw new IllegalStateException("stallTimeout " + stallTimeout + " must exceed pingInterval "
                        + pingInterval + ", or a quiet subscription would look stalled");
            }
            HttpClient http = httpClient != null
                    ? httpClient
                    : HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build();
            String name = clientName == null ? "routescope" : clientName;
            if (firehose != null) {
                if (subscriptions.size() > 1) {
                    throw new IllegalStateException("the firehose takes one filter (X-RIS-Subscribe header), got "
                            + subscriptions.size() + " subscriptions");
                }
                if (Boolean.TRUE.equals(acknowledge)) {
                    throw new IllegalStateException("acknowledge needs a WebSocket; the firehose cannot answer");
                }
                String header =
                        subscriptions.isEmpty() ? null : subscriptions.get(0).toJson();
                return new RisLiveClient(
                        this, new FirehoseTransport(http, withClient(firehose, name), header, maxFrameChars));
            }
            URI ws = webSocket != null ? webSocket : RIS_LIVE_WEBSOCKET;
            return new RisLiveClient(this, new WebSocketTransport(http, withClient(ws, name), maxFrameChars));
        }

        /** Checks that the subscriptions agree on socket options; returns the acknowledge option. */
        static @Nullable Boolean checkSocketOptions(List<RisSubscription> all) {
            Boolean includeRaw = null;
            Boolean acknowledge = null;
            for (RisSubscription s : all) {
                includeRaw = sameSocketOption("includeRaw", includeRaw, s.includeRaw());
                acknowledge = sameSocketOption("acknowledge", acknowledge, s.acknowledge());
            }
            return acknowledge;
        }

        private static @Nullable Boolean sameSocketOption(
                String name, @Nullable Boolean seen, @Nullable Boolean value) {
            if (value == null) {
                return seen;
            }
            if (seen != null && !seen.equals(value)) {
                throw new IllegalStateException(name + " is a socket option shared by all subscriptions of a"
                        + " connection; the subscriptions set it to both true and false");
            }
            return value;
        }

        private static URI withClient(URI uri, String name) {
            String query = uri.getRawQuery();
            if (query != null && (query.startsWith("client=") || query.contains("&client="))) {
                return uri;
            }
            String param = "client=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
            String s = uri.toString();
            return URI.create(s + (query == null ? "?" : "&") + param);
        }
    }
}
