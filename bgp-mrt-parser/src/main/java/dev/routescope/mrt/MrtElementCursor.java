package dev.routescope.mrt;

import dev.routescope.model.RouteEvent;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A forward-only cursor over MRT elements (one per prefix, like one {@code bgpdump -m} line): the
 * allocation-free {@link #advance()}/{@link #element()} loop, a callback form and event
 * iteration/streams that build one {@link RouteEvent} per element. {@link MrtElementReader} (one
 * file or stream) and the archive module's time-ordered merge of many files both are one, so code
 * written against this type reads either.
 *
 * <pre>{@code
 * try (MrtElementCursor c = MrtElementReader.open(Path.of("updates.20210101.0500.gz"))) {
 *     while (c.advance()) {
 *         MrtElement e = c.element();          // a view, valid until the next advance()
 *         if (e.kind() == MrtElement.Kind.ANNOUNCEMENT) { ... }
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface MrtElementCursor extends Closeable, Iterable<RouteEvent> {
    /**
     * Moves to the next element.
     *
     * @return false at the end
     */
    boolean advance();

    /**
     * The current element: a view over the parser's buffers, valid until the next {@link
     * #advance()}; call {@link MrtElement#toEvent()} to keep it.
     *
     * @return the element (its content is unspecified before the first {@link #advance()} and after
     *     the end)
     */
    MrtElement element();

    /**
     * Feeds every remaining element to a handler.
     *
     * @param handler receives each element (a view, valid during the call); returning false stops
     * @return false if the handler stopped early
     */
    default boolean forEachElement(MrtElementHandler handler) {
        while (advance()) {
            if (!handler.onElement(element())) {
                return false;
            }
        }
        return true;
    }

    /** {@return the remaining elements as immutable events (allocates one event per element)} */
    @Override
    default Iterator<RouteEvent> iterator() {
        return new Iterator<>() {
            private boolean ready;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (!ready && !done) {
                    ready = advance();
                    done = !ready;
                }
                return ready;
            }

            @Override
            public RouteEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more MRT elements in " + MrtElementCursor.this);
                }
                ready = false;
                return element().toEvent();
            }
        };
    }

    /** {@return the remaining elements as a sequential stream of events; closing the stream closes this cursor} */
    default Stream<RouteEvent> events() {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                        false)
                .onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
