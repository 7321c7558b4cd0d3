package dev.routescope.detect;

import dev.routescope.model.RouteEvent;
import java.io.IOException;
import java.util.Iterator;
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
        return new dev.routescope.detect.internal.PublisherSource(publisher, buffer);
    }
}
