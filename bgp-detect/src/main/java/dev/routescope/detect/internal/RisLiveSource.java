package dev.routescope.detect.internal;

import dev.routescope.detect.EventSource;
import dev.routescope.model.RouteEvent;
import dev.routescope.rislive.RisLiveClient;
import dev.routescope.rislive.RisLiveMetrics;
import dev.routescope.rislive.RisMessage;
import dev.routescope.rislive.RisMessageStream;
import java.util.Collections;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * RIS Live messages flattened into their route events. Blocks in {@link #next()} while the stream
 * waits for data; {@link #cancel()} (from {@code Pipeline.stop()}) closes the client, which ends
 * the stream.
 */
public final class RisLiveSource implements EventSource {
    private final RisMessageStream messages;
    private final @Nullable RisLiveClient client;
    private final String name;
    private Iterator<RouteEvent> pending = Collections.emptyIterator();

    /**
     * Wraps a message stream.
     *
     * @param messages the stream (closed with this source)
     * @param client its client, for the malformed/dropped counters, or null if unknown
     * @param name a name for logs
     */
    public RisLiveSource(RisMessageStream messages, @Nullable RisLiveClient client, String name) {
        this.messages = messages;
        this.client = client;
        this.name = name;
    }

    @Override
    public @Nullable RouteEvent next() {
        while (!pending.hasNext()) {
            if (!messages.hasNext()) {
                return null;
            }
            RisMessage m = messages.next();
            pending = m.events().iterator();
        }
        return pending.next();
    }

    /** {@return frames that could not be decoded plus frames dropped by the client's overflow policy} */
    @Override
    public long problems() {
        RisLiveClient c = client;
        if (c == null) {
            return 0;
        }
        RisLiveMetrics m = c.metrics();
        return m.malformed() + m.dropped();
    }

    @Override
    public void cancel() {
        messages.close();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        messages.close();
    }
}
