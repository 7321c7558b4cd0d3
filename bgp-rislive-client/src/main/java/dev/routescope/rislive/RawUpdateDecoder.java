package dev.routescope.rislive;

import dev.routescope.model.Peer;
import dev.routescope.model.RouteEvent;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the {@code raw} BGP UPDATE of a {@code ris_message} (sent with {@code includeRaw}) into
 * route events. The JSON fields of a RIS Live UPDATE omit LOCAL_PREF, ATOMIC_AGGREGATE, large and
 * extended communities, OTC and unknown attributes; a raw decoder recovers them. The MRT parser
 * module provides one; until it is plugged in, {@link RisMessageDecoder} builds events from the JSON
 * fields and keeps the hex in {@link RisMessage#raw()}.
 *
 * <pre>{@code
 * RisMessageDecoder decoder = RisMessageDecoder.builder()
 *         .rawUpdateDecoder((message, timestamp, collector, peer) -> myUpdateDecoder.decode(message))
 *         .build();
 * }</pre>
 *
 * <p>Threading: called on the decoding thread, one message at a time per {@link RisMessageDecoder}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RawUpdateDecoder {

    /**
     * Decodes one BGP message.
     *
     * @param message the whole BGP message including the 16-byte marker, as sent in {@code raw}
     * @param timestamp the collector timestamp of the {@code ris_message}
     * @param collector the normalised collector name ({@code rrc21})
     * @param peer the peer the collector received it from
     * @return the events, or null if this decoder cannot decode the message: the events decoded from
     *     the JSON fields are used instead, and the fallback is counted
     */
    @Nullable
    List<RouteEvent> decode(byte[] message, Instant timestamp, String collector, Peer peer);
}
