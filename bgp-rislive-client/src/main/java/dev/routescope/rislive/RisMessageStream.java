package dev.routescope.rislive;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The messages of a {@link RisLiveClient} as a blocking iterator: {@link #hasNext()} waits for the
 * next message and returns false once the stream has ended (client closed, replay finished).
 * Closing it closes the client.
 *
 * <pre>{@code
 * try (RisMessageStream messages = client.messages()) {
 *     while (messages.hasNext()) {
 *         monitor.accept(messages.next());
 *     }
 * }
 * }</pre>
 *
 * <p>Threading: use from one thread; frames are decoded on it.
 *
 * @since 0.1
 */
public final class RisMessageStream implements Iterator<RisMessage>, AutoCloseable {
    private final RisLiveClient client;
    private @Nullable RisMessage next;

    RisMessageStream(RisLiveClient client) {
        this.client = client;
    }

    /** {@return true when a message is available; blocks until one is, or the stream ends} */
    @Override
    public boolean hasNext() {
        while (next == null) {
            next = client.poll(Long.MAX_VALUE);
            if (next == null && (client.isEnded() || Thread.currentThread().isInterrupted())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The next message, waiting for it.
     *
     * @return the message
     * @throws NoSuchElementException if the stream has ended
     */
    @Override
    public RisMessage next() {
        RisMessage m = hasNext() ? next : null;
        if (m == null) {
            throw new NoSuchElementException("the RIS Live stream has ended");
        }
        next = null;
        return m;
    }

    /**
     * The next message, waiting at most the timeout.
     *
     * @param timeout how long to wait
     * @return the message, or null on timeout or at the end (see {@link #isEnded()})
     */
    public @Nullable RisMessage poll(Duration timeout) {
        if (next != null) {
            RisMessage m = next;
            next = null;
            return m;
        }
        return client.poll(Math.min(timeout.toNanos(), TimeUnit.DAYS.toNanos(365)));
    }

    /** {@return true once the stream has ended and every message was taken} */
    public boolean isEnded() {
        return next == null && client.isEnded();
    }

    /** Closes the client. */
    @Override
    public void close() {
        client.close();
    }
}
