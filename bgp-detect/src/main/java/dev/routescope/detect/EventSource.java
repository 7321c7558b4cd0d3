package dev.routescope.detect;

import dev.routescope.detect.internal.MrtSource;
import dev.routescope.detect.internal.PublisherSource;
import dev.routescope.detect.internal.RisLiveSource;
import dev.routescope.model.RouteEvent;
import dev.routescope.rislive.RisLiveClient;
import dev.routescope.rislive.RisMessageStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Where a pipeline reads events from, in event-time order. Pull-based: the pipeline calls {@link
 * #next()} from one thread and blocks on it, which is how back-pressure reaches the producer.
 *
 * <pre>{@code
 * EventSource files = EventSource.mrt(List.of(Path.of("rrc12/updates.20210101.0455.gz"),
 *         Path.of("rrc00/updates.20210101.0455.gz")));        // time-ordered merge, collector from the path
 * EventSource live = EventSource.risLive(RisLiveClient.builder().clientName("acme-noc").build());
 * EventSource replay = EventSource.risLiveReplay(Path.of("ris-live.ndjson.gz"));
 * EventSource a = EventSource.of(listOfEvents);
 * EventSource b = EventSource.of(publisher, 4096);           // any Flow.Publisher<RouteEvent>
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

    /**
     * Problems the source met and skipped so far (corrupt MRT records, unreadable files, malformed
     * or dropped RIS Live frames); shown in {@link PipelineMetrics#sourceProblems()}. Called from any
     * thread. Default: 0.
     *
     * @return the count
     */
    default long problems() {
        return 0;
    }

    /**
     * Unblocks a {@link #next()} waiting for live input so that it returns null soon; called by
     * {@link Pipeline#stop()} from another thread. Default: nothing (finite sources end anyway).
     */
    default void cancel() {}

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

    /**
     * MRT files (BGP4MP updates and TABLE_DUMP/TABLE_DUMP_V2 RIBs; gzip, bzip2 or plain) of any
     * number of collectors, merged into one stream in timestamp order ({@code bgp-mrt-archive}'s
     * k-way merge: files are opened when the merge reaches the time in their name, so a day of
     * files keeps about one open per collector). A RIB given with the updates comes first and its
     * entries teach the baselines. The collector of each file is taken from its path ({@code
     * rrc12/updates.20210101.0455.gz}, {@code rrc12/2021.01/updates…}: {@code rrc12}).
     * Corrupt records are skipped by the parser and counted in {@link #problems()}.
     *
     * @param files the files
     * @return the source (files are opened lazily)
     * @throws IllegalArgumentException if the list is empty or a file does not exist
     */
    static EventSource mrt(List<Path> files) {
        return new MrtSource(files, null);
    }

    /**
     * Like {@link #mrt(List)}, with one collector name for every file.
     *
     * @param files the files
     * @param collector the collector name events carry
     * @return the source
     * @throws IllegalArgumentException if the list is empty or a file does not exist
     */
    static EventSource mrt(List<Path> files, String collector) {
        return new MrtSource(files, collector);
    }

    /**
     * A RIS Live client's messages, flattened into their route events (withdrawals, then
     * announcements, then peer-state changes). Opens the connection on the first {@link #next()}.
     * Malformed and dropped frames count as {@link #problems()}; {@link Pipeline#stop()} closes the
     * client.
     *
     * @param client a client not consumed otherwise (the source calls its {@code messages()})
     * @return the source; closing it closes the client
     */
    static EventSource risLive(RisLiveClient client) {
        return new RisLiveSource(client.messages(), client, "ris-live");
    }

    /**
     * A RIS Live message stream already obtained from a client.
     *
     * @param messages the stream
     * @return the source; closing it closes the stream's client
     */
    static EventSource risLive(RisMessageStream messages) {
        return new RisLiveSource(messages, null, "ris-live");
    }

    /**
     * Replays a RIS Live NDJSON recording (from {@code RisRecorder} or a firehose capture, {@code
     * .gz} allowed) as fast as the pipeline reads it.
     *
     * @param ndjson the recording
     * @return the source
     * @throws IllegalArgumentException if the file does not exist
     */
    static EventSource risLiveReplay(Path ndjson) {
        if (!java.nio.file.Files.isRegularFile(ndjson)) {
            throw new IllegalArgumentException("RIS Live recording " + ndjson + " does not exist or is not a file");
        }
        RisLiveClient client = RisLiveClient.builder().replay(ndjson).build();
        return new RisLiveSource(client.messages(), client, "ris-live-replay(" + ndjson.getFileName() + ")");
    }
}
