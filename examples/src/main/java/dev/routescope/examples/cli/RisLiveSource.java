package dev.routescope.examples.cli;

import dev.routescope.detect.EventSource;
import dev.routescope.detect.MonitoredPrefix;
import dev.routescope.detect.MonitoredResources;
import dev.routescope.model.RouteEvent;
import dev.routescope.rislive.RisLiveClient;
import dev.routescope.rislive.RisMessage;
import dev.routescope.rislive.RisMessageStream;
import dev.routescope.rislive.RisMessageType;
import dev.routescope.rislive.RisSubscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/** RIS Live (or a recording of it) as an event source; ends at the deadline or when closed. */
final class RisLiveSource implements EventSource {
    private final RisLiveClient client;
    private final RisMessageStream messages;
    private final long deadlineNanos;
    private Iterator<RouteEvent> pending = Collections.emptyIterator();

    private RisLiveSource(RisLiveClient client, @Nullable Duration duration) {
        this.client = client;
        this.messages = client.messages();
        this.deadlineNanos = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    }

    /** Subscribes to the monitored prefixes and their more-specifics, or to everything if none. */
    static RisLiveSource live(MonitoredResources monitored, @Nullable Duration duration) {
        RisSubscription.Builder sub = RisSubscription.builder().type(RisMessageType.UPDATE);
        if (!monitored.prefixes().isEmpty()) {
            sub.moreSpecific(true);
            for (MonitoredPrefix p : monitored.prefixes()) {
                sub.prefix(p.prefix());
            }
        }
        return new RisLiveSource(
                RisLiveClient.builder()
                        .clientName("routescope-cli")
                        .subscription(sub.build())
                        .build(),
                duration);
    }

    static RisLiveSource replay(Path recording) {
        return new RisLiveSource(RisLiveClient.builder().replay(recording).build(), null);
    }

    static String describe(MonitoredResources monitored) {
        return monitored.prefixes().isEmpty()
                ? "(every update)"
                : "(" + monitored.prefixes().size() + " monitored prefixes and their more-specifics)";
    }

    @Override
    public @Nullable RouteEvent next() {
        while (!pending.hasNext()) {
            RisMessage m;
            if (deadlineNanos == Long.MAX_VALUE) {
                if (!messages.hasNext()) {
                    return null;
                }
                m = messages.next();
            } else {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0 || messages.isEnded()) {
                    return null;
                }
                m = messages.poll(
                        Duration.ofNanos(Math.min(left, Duration.ofSeconds(1).toNanos())));
                if (m == null) {
                    continue;
                }
            }
            pending = m.events().iterator();
        }
        return pending.next();
    }

    @Override
    public String name() {
        return "rislive";
    }

    @Override
    public void close() {
        messages.close();
        client.close();
    }
}
