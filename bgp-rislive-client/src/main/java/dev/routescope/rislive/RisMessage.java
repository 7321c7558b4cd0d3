package dev.routescope.rislive;

import dev.routescope.model.Peer;
import dev.routescope.model.RouteEvent;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One decoded {@code ris_message}: its envelope fields and the route events it carries. An UPDATE
 * gives one {@link dev.routescope.model.Withdrawal} per withdrawn prefix, then one {@link
 * dev.routescope.model.Announcement} per announced prefix (per next hop); a peer-state message
 * gives one {@link dev.routescope.model.PeerStateChange}; OPEN, NOTIFICATION and KEEPALIVE give
 * none (their bytes are in {@link #raw()} when {@code includeRaw} was requested).
 *
 * <pre>{@code
 * RisMessage m = (RisMessage) RisMessageDecoder.builder().build().decode(line);
 * for (RouteEvent e : m.events()) {
 *     System.out.println(e);
 * }
 * }</pre>
 *
 * @param type the message type
 * @param timestamp collector receive time (microsecond precision)
 * @param collector collector name without the {@code .ripe.net} suffix, e.g. {@code rrc21}; empty if
 *     absent
 * @param peer the BGP peer the collector heard it from
 * @param id the message id (opaque, unique per session); empty if absent
 * @param events route events in wire order: withdrawals, then announcements
 * @param endOfRib true if the UPDATE carried the End-of-RIB marker ({@code "eor"} pseudo-prefix),
 *     which produces no event
 * @param state the peer-state text ({@code connected}, {@code down}, ...) for {@link
 *     RisMessageType#RIS_PEER_STATE}, else null
 * @param raw the whole BGP message as upper-case hex, when {@code includeRaw} was requested, else
 *     null
 * @since 0.1
 */
public record RisMessage(
        RisMessageType type,
        Instant timestamp,
        String collector,
        Peer peer,
        String id,
        List<RouteEvent> events,
        boolean endOfRib,
        @Nullable String state,
        @Nullable String raw)
        implements RisFrame {

    /** Copies the event list. */
    public RisMessage {
        events = List.copyOf(events);
    }
}
