package dev.routescope.rislive;

import dev.routescope.model.Peer;
import dev.routescope.model.RouteEvent;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the {@code raw} BGP UPDATE of a {@code ris_message} (sent with {@code includeRaw}) into
 * route events. The JSON fields of a RIS Live UPDATE omit LOCAL_PREF, ATOMIC_AGGREGATE, large and
 * extended communities, OTC, ORIGINATOR_ID/CLUSTER_LIST and unknown attributes; a raw decoder
 * recovers them. By default {@link RisMessageDecoder} uses {@link #mrtParser()} (the UPDATE decoder of
 * {@code bgp-mrt-parser}); {@link #JSON_ONLY} builds events from the JSON fields and only keeps the
 * hex in {@link RisMessage#raw()}.
 *
 * <pre>{@code
 * RisMessageDecoder decoder = RisMessageDecoder.builder().build();        // raw decoded when present
 * RisMessage m = (RisMessage) decoder.decode(frameWithRaw);
 * Announcement a = (Announcement) m.events().get(0);
 * Long localPref = a.attributes().localPref();                             // only in raw
 *
 * RisMessageDecoder jsonOnly = RisMessageDecoder.builder()
 *         .rawUpdateDecoder(RawUpdateDecoder.JSON_ONLY)
 *         .build();
 * }</pre>
 *
 * <p>Threading: called on the decoding thread, one message at a time per {@link RisMessageDecoder};
 * an implementation with state (like {@link #mrtParser()}) must not be shared between decoders.
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

    /**
     * Never consulted: events come from the JSON fields, {@code raw} is only kept, and nothing is
     * counted as a fallback.
     */
    RawUpdateDecoder JSON_ONLY = (message, timestamp, collector, peer) -> null;

    /**
     * A new decoder backed by {@code bgp-mrt-parser}'s BGP UPDATE decoder: every attribute (LOCAL_PREF,
     * large/extended communities, OTC, unknown ones kept raw), MP_REACH/MP_UNREACH with link-local next
     * hops, AS4_PATH merge, RFC 7606 treat-as-withdraw. The ASN width of the AS_PATH (the session's
     * 4-octet capability is not in the message) is found by walking the path both ways. It returns null
     * (JSON fallback, counted) for messages the parser skips or from which it drops prefixes.
     *
     * <p>Not thread-safe (it reuses a buffer): use one per {@link RisMessageDecoder}. Allocation: a
     * parser per message, plus the events.
     *
     * @return a new decoder
     */
    static RawUpdateDecoder mrtParser() {
        dev.routescope.rislive.internal.MrtRawUpdateDecoder d =
                new dev.routescope.rislive.internal.MrtRawUpdateDecoder();
        return d::decode;
    }
}
