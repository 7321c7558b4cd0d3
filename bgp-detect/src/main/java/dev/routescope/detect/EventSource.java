package dev.routescope.detect;

import dev.routescope.model.RouteEvent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Where a pipeline reads events from, in event-time order (merge several collectors' streams by
 * time before, as the MRT merge source will). Pull-based: the pipeline calls {@link #next()} from
 * one thread and blocks on it, which is how back-pressure reaches the producer.
 *
 * <pre>{@code
 * EventSource a = EventSource.of(listOfEvents);
 * EventSource b = EventSource.of(publisher, 4096);   // any Flow.Publisher<RouteEvent>
 * }</pre>
 *
 * @since 0.1
 */
public interface EventSource extends AutoCloseable {

    /**
     * The next event.
     *
     * @return the event, or null at the end of the input
     * @throws IOException if the input failed
     */
    @Nullable
    RouteEvent next() throws IOException;

    /** {@return a name for logs and metrics} */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Releases resources. Default: nothing. */
    @Override
    default void close() throws IOException {}

    /**
     * A source over an iterable (iterated once).
     *
     * @param events the events
     * @return the source
     */
    static EventSource of(Iterable<? extends RouteEvent> events) {
        return of(events.iterator());
    }

    /**
     * A source over an iterator.
     *
     * @param events the events
     * @return the source
     */
    static EventSource of(Iterator<? extends RouteEvent> events) {
        return new EventSource() {
            @Override
            public @Nullable RouteEvent next() {
                return events.hasNext() ? events.next() : null;
            }

            @Override
            public String name() {
                return "iterator";
            }
        };
    }

    /**
     * A source over a reactive-streams publisher: requests {@code buffer} events up front and one
     * more per consumed event, so the publisher never gets ahead by more than {@code buffer}. An
     * {@code onError} surfaces as an {@link IOException} from {@link #next()}.
     *
     * @param publisher the publisher
     * @param buffer events buffered at most, {@code >= 1}
     * @return the source (subscribes at once)
     */
    static EventSource of(Flow.Publisher<? extends RouteEvent> publisher, int buffer) {
        if (buffer < 1) {
            throw new IllegalArgumentException("buffer " + buffer + " (expected: >= 1)");
        }
        return new PublisherSource(publisher, buffer);
    }

    /** Bridges a push publisher to the pull interface with a bounded queue. */
    final class PublisherSource implements EventSource, Flow.Subscriber<RouteEvent> {
        private static final Object END = new Object();

        private final BlockingQueue<Object> queue;
        private final int buffer;
        private volatile Flow.@Nullable Subscription subscription;
        private boolean done;

        PublisherSource(Flow.Publisher<? extends RouteEvent> publisher, int buffer) {
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
        public void close() {
            Flow.Subscription s = subscription;
            if (s != null && !done) {
                s.cancel();
            }
        }
    }
}
