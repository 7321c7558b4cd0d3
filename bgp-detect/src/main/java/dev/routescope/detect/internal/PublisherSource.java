package dev.routescope.detect.internal;

import dev.routescope.detect.EventSource;
import dev.routescope.model.RouteEvent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/** Bridges a push publisher to the pull interface with a bounded queue. */
public final class PublisherSource implements EventSource, Flow.Subscriber<RouteEvent> {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final int buffer;
    private volatile Flow.@Nullable Subscription subscription;
    private boolean done;

    /**
     * Subscribes at once.
     *
     * @param publisher the publisher
     * @param buffer events buffered at most
     */
    public PublisherSource(Flow.Publisher<? extends RouteEvent> publisher, int buffer) {
        this.buffer = buffer;
        this.queue = new ArrayBlockingQueue<>(buffer + 1);
        publisher.subscribe(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(buffer);
    }

    @Override
    public void onNext(RouteEvent item) {
        // Cannot overflow: at most `buffer` outstanding requests plus the END marker.
        queue.offer(item);
    }

    @Override
    public void onError(Throwable t) {
        queue.offer(t);
    }

    @Override
    public void onComplete() {
        queue.offer(END);
    }

    @Override
    public @Nullable RouteEvent next() throws IOException {
        if (done) {
            return null;
        }
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the publisher");
        }
        if (o == END) {
            done = true;
            return null;
        }
        if (o instanceof Throwable t) {
            done = true;
            throw new IOException("publisher failed: " + t, t);
        }
        Flow.Subscription s = subscription;
        if (s != null) {
            s.request(1);
        }
        return (RouteEvent) o;
    }

    @Override
    public String name() {
        return "publisher";
    }

    @Override
    public void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        // Wakes a next() blocked in take(); the queue always has room for one marker.
        queue.offer(END);
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null && !done) {
            s.cancel();
        }
    }
}
