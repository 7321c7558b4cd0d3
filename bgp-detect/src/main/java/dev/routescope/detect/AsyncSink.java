package dev.routescope.detect;

import dev.routescope.detect.internal.IncidentJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sink on its own thread behind a bounded queue. {@link #publish} never blocks: when the
 * queue is full, or when a notification still fails after the bounded retries (exponential backoff),
 * it is appended to the spill file as a JSON line and counted, so nothing is lost silently.
 * Without a spill file such notifications are logged at ERROR and counted in {@link #lost()}.
 *
 * <pre>{@code
 * AsyncSink webhook = Sinks.async(Sinks.webhook(URI.create("https://hooks.example/T0")),
 *         1024, 3, Duration.ofMillis(200), Path.of("/var/spool/routescope/webhook.spill.jsonl"));
 * webhook.publish(incident); // returns at once
 * webhook.close();           // drains (bounded), then closes the delegate
 * }</pre>
 *
 * @since 0.1
 */
public final class AsyncSink implements IncidentSink {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncSink.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final IncidentSink delegate;
    private final int maxAttempts;
    private final Duration backoff;
    private final @Nullable Path spillFile;
    private final BlockingQueue<Incident> queue;
    private final Thread thread;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private volatile boolean closing;

    AsyncSink(IncidentSink delegate, int capacity, int maxAttempts, Duration backoff, @Nullable Path spillFile) {
        if (capacity < 1 || maxAttempts < 1 || backoff.isNegative()) {
            throw new IllegalArgumentException("async sink capacity " + capacity + ", attempts " + maxAttempts
                    + ", backoff " + backoff + " (expected: >= 1, >= 1, >= 0)");
        }
        this.delegate = delegate;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.spillFile = spillFile;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "routescope-sink-" + delegate.name());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    /**
     * Queues a notification; never blocks. Spills it at once if the queue is full or the sink is
     * closing.
     *
     * @param incident the notification
     */
    @Override
    public void publish(Incident incident) {
        inFlight.incrementAndGet();
        if (closing || !queue.offer(incident)) {
            spill(incident, closing ? "sink closed" : "queue full");
            inFlight.decrementAndGet();
        }
    }

    private void run() {
        while (true) {
            Incident next;
            try {
                next = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (next == null) {
                if (closing && queue.isEmpty()) {
                    break;
                }
                continue;
            }
            try {
                deliver(next);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private void deliver(Incident incident) {
        long wait = backoff.toMillis();
        Exception last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                delegate.publish(incident);
                delivered.incrementAndGet();
                return;
            } catch (Exception e) {
                last = e;
                if (attempt < maxAttempts) {
                    retries.incrementAndGet();
                    if (!closing) {
                        sleep(wait);
                    }
                    wait = Math.min(wait * 2, MAX_BACKOFF.toMillis());
                }
            }
        }
        spill(incident, "failed " + maxAttempts + " attempts: " + last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void spill(Incident incident, String why) {
        Path f = spillFile;
        if (f != null) {
            try (Writer w = Files.newBufferedWriter(
                    f, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                w.write(IncidentJson.toJson(incident));
                w.write('\n');
                spilled.incrementAndGet();
                LOG.warn("sink {}: incident {} spilled to {} ({})", delegate.name(), incident.id(), f, why);
                return;
            } catch (IOException e) {
                LOG.error(
                        "sink {}: cannot spill incident {} to {}: {}", delegate.name(), incident.id(), f, e.toString());
            }
        }
        lost.incrementAndGet();
        LOG.error(
                "sink {}: incident {} NOT delivered ({}): {}", delegate.name(), incident.id(), why, incident.summary());
    }

    /**
     * Waits until everything queued so far was delivered or spilled.
     *
     * @param timeout how long to wait at most
     * @return true if drained, false on timeout
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(5);
        }
        return true;
    }

    /** {@return notifications the delegate accepted} */
    public long delivered() {
        return delivered.get();
    }

    /** {@return failed attempts that were retried} */
    public long retries() {
        return retries.get();
    }

    /** {@return notifications written to the spill file} */
    public long spilled() {
        return spilled.get();
    }

    /** {@return notifications neither delivered nor spilled (no spill file, or it failed); logged at ERROR} */
    public long lost() {
        return lost.get();
    }

    /** {@return notifications waiting in the queue} */
    public int queued() {
        return queue.size();
    }

    /** {@return the spill file, or null} */
    public @Nullable Path spillFile() {
        return spillFile;
    }

    /**
     * Stops accepting, drains the queue for up to 10 s (retries without backoff), spills the rest and
     * closes the delegate.
     */
    @Override
    public void close() throws IOException {
        if (closing) {
            return;
        }
        flush(CLOSE_WAIT);
        closing = true;
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Incident left;
        while ((left = queue.poll()) != null) {
            spill(left, "sink closed before delivery");
            inFlight.decrementAndGet();
        }
        delegate.close();
    }

    @Override
    public String toString() {
        return "AsyncSink[" + delegate.name() + ": delivered " + delivered() + ", retries " + retries() + ", spilled "
                + spilled() + ", lost " + lost() + ", queued " + queued() + "]";
    }
}
