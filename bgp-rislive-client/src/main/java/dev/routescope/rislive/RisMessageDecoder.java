package dev.routescope.rislive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import dev.routescope.model.AddressFamily;
import dev.routescope.model.Aggregator;
import dev.routescope.model.Announcement;
import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import dev.routescope.model.BgpState;
import dev.routescope.model.Community;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Origin;
import dev.routescope.model.PathAttributes;
import dev.routescope.model.Peer;
import dev.routescope.model.PeerStateChange;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.SegmentType;
import dev.routescope.model.Withdrawal;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decodes RIS Live frames ({@code {"type": ..., "data": ...}} JSON text, one frame per WebSocket
 * message or firehose line) into {@link RisFrame}s with jackson-core's streaming parser: no data
 * binding, no reflection, one pass.
 *
 * <pre>{@code
 * RisMessageDecoder decoder = RisMessageDecoder.builder().build();
 * RisFrame frame = decoder.decode("{\"type\":\"ris_message\",\"data\":{...}}");
 * if (frame instanceof RisMessage m) {
 *     m.events().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>What it accepts, from real frames of several years: {@code peer_asn} as a string or a number;
 * {@code host} with or without {@code .ripe.net}; {@code origin} in any case; {@code path} with
 * AS_SETs as nested arrays; dual IPv6 next hops comma-joined in one announcement or split over two
 * (merged into next hop + link-local next hop, prefixes de-duplicated); the {@code "eor"} End-of-RIB
 * pseudo-prefix ({@link RisMessage#endOfRib()}); peer state as {@code STATE} or {@code RIS_PEER_STATE}.
 * Unknown fields are skipped. Prefixes with host bits set are masked, as routers and bgpdump do.
 *
 * <p>Errors are data: a frame that is not valid JSON, misses a required field ({@code timestamp},
 * {@code peer}, {@code peer_asn} of a {@code ris_message}), or holds an out-of-range value decodes to
 * {@link RisFrame.Malformed} with the offset and the reason; {@link #decode} never throws on input.
 *
 * <p>For consumers that need model objects for few messages, {@link #decodeInto(String,
 * RisMessageView)} fills a reused {@link RisMessageView} instead and allocates nothing in steady
 * state; {@link RisMessageView#toMessage()} then gives what {@code decode} would have.
 *
 * <p>Threading: not thread-safe (it caches peers, next hops, collector names, AS paths, community
 * lists and path attributes between frames, all bounded); use one decoder per thread. Performance:
 * one pass over the characters for frames of the usual shape (jackson-core for the rest), no
 * intermediate tree; per frame {@code decode} allocates the message, its events and their prefixes,
 * and attribute values not seen recently.
 *
 * @since 0.1
 */
public final class RisMessageDecoder {
    private static final int MAX_CACHE = 8192;
    private static final int MAX_NESTING = 64;
    private static final String RIPE_SUFFIX = ".ripe.net";

    private final JsonFactory json;
    private final RawUpdateDecoder rawUpdateDecoder;
    private final Map<String, Peer> peers = new HashMap<>();
    private final Map<String, IpAddress[]> nextHops = new HashMap<>();
    private final Map<String, String> collectors = new HashMap<>();
    private final Fields f = new Fields();
    // the view the model-returning decode methods fill and build from
    private final RisMessageView own = new RisMessageView();
    private final @Nullable FastFrameScanner scanner;
    private final ModelCache cache = new ModelCache();
    private final List<RouteEvent> scratchEvents = new ArrayList<>();
    private final int maxStringChars;
    private long rawFallbacks;
    private long fastPathFrames;

    private RisMessageDecoder(Builder b) {
        this.rawUpdateDecoder = b.rawUpdateDecoder != null ? b.rawUpdateDecoder : RawUpdateDecoder.mrtParser();
        this.scanner = b.fastPath ? new FastFrameScanner() : null;
        this.maxStringChars = b.maxFrameChars;
        this.json = JsonFactory.builder()
                .recyclerPool(new OwnerPool())
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(b.maxFrameChars)
                        .maxNumberLength(64)
                        .build())
                .build();
    }

    /**
     * {@return a builder with the defaults: {@code raw} decoded with {@link RawUpdateDecoder#mrtParser()},
     * 16 Mi characters per string}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Number of UPDATEs whose {@code raw} hex the {@link RawUpdateDecoder} could not decode (so their
     * events were built from the JSON fields instead).
     *
     * @return the count since this decoder was built
     */
    public long rawFallbacks() {
        return rawFallbacks;
    }

    /** {@return frames decoded by the built-in scanner rather than jackson-core (for tests)} */
    long fastPathFrames() {
        return fastPathFrames;
    }

    /**
     * Decodes one frame.
     *
     * @param text the JSON text of one frame
     * @return the frame; {@link RisFrame.Malformed} if it is not valid RIS Live
     */
    public RisFrame decode(String text) {
        RisMessageView v = own;
        if (decodeInto(text, v)) {
            return v.toMessage();
        }
        return Objects.requireNonNull(v.other);
    }

    /**
     * Decodes one frame into a reusable view, without building model objects: the allocation-free
     * path for consumers that look at every message but need events for few (see {@link
     * RisMessageView}).
     *
     * @param text the JSON text of one frame
     * @param view the view to overwrite
     * @return true if the frame is a {@code ris_message} (now in the view); false for a control frame
     *     or a malformed one, then in {@link RisMessageView#nonMessage()}
     * @since 0.3
     */
    public boolean decodeInto(String text, RisMessageView view) {
        view.reset(this, text);
        FastFrameScanner fast = scanner;
        if (fast != null && text.length() <= maxStringChars) {
            if (fast.scan(text, view)) {
                fastPathFrames++;
                return true;
            }
            view.clearMessage();
        }
        RisFrame other;
        try (JsonParser p = json.createParser(text)) {
            other = decode(p, view);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            other = new RisFrame.Malformed(text, at == null ? -1 : at.getCharOffset(), e.getOriginalMessage());
        } catch (IOException e) {
            other = new RisFrame.Malformed(text, -1, e.toString());
        }
        view.other = other;
        return other == null;
    }

    /**
     * Decodes one frame given as UTF-8 bytes (a firehose line, a recording line).
     *
     * @param utf8 buffer holding the frame
     * @param offset start of the frame
     * @param length length of the frame in bytes
     * @return the frame; {@link RisFrame.Malformed} if it is not valid RIS Live (offset in bytes)
     */
    public RisFrame decode(byte[] utf8, int offset, int length) {
        RisMessageView v = own;
        if (decodeInto(utf8, offset, length, v)) {
            return v.toMessage();
        }
        return Objects.requireNonNull(v.other);
    }

    /**
     * Decodes one frame given as UTF-8 bytes into a reusable view (see {@link #decodeInto(String,
     * RisMessageView)}); the frame text is decoded to a String first (one allocation per frame).
     *
     * @param utf8 buffer holding the frame
     * @param offset start of the frame
     * @param length length of the frame in bytes
     * @param view the view to overwrite
     * @return true if the frame is a {@code ris_message} (now in the view); false for a control frame
     *     or a malformed one (offset in bytes), then in {@link RisMessageView#nonMessage()}
     * @since 0.3
     */
    public boolean decodeInto(byte[] utf8, int offset, int length, RisMessageView view) {
        FastFrameScanner fast = scanner;
        boolean withinLimit = length <= maxStringChars;
        // Decoding to a String first is cheap for ASCII frames (an intrinsic) and lets one scanner serve both.
        String text = withinLimit ? new String(utf8, offset, length, StandardCharsets.UTF_8) : "";
        view.reset(this, text);
        if (fast != null && withinLimit) {
            if (fast.scan(text, view)) {
                fastPathFrames++;
                return true;
            }
            view.clearMessage();
        }
        RisFrame other;
        try (JsonParser p = json.createParser(utf8, offset, length)) {
            other = decode(p, view);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            other = new RisFrame.Malformed(
                    new String(utf8, offset, length, StandardCharsets.UTF_8),
                    at == null ? -1 : at.getByteOffset(),
                    e.getOriginalMessage());
        } catch (IOException e) {
            other = new RisFrame.Malformed(new String(utf8, offset, length, StandardCharsets.UTF_8), -1, e.toString());
        }
        view.other = other;
        return other == null;
    }

    /** {@return null if a ris_message is now in the view, else the other frame} */
    private @Nullable RisFrame decode(JsonParser p, RisMessageView v) throws IOException {
        f.reset();
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw problem(p, "frame is not a JSON object");
        }
        String frameType = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("type".equals(name)) {
                frameType = expectString(p, t, "type");
            } else if ("data".equals(name)) {
                readData(p, t, v);
            } else {
                p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw problem(p, "trailing content after the frame object");
        }
        if (frameType == null) {
            throw problem(p, "missing field 'type'");
        }
        return switch (frameType) {
            case "ris_message" -> fillMessage(p, v);
            case "ris_error" -> new RisFrame.ServerError(f.message == null ? "" : f.message);
            case "ris_subscribe_ok" -> new RisFrame.SubscribeOk(f.subscription == null ? "" : f.subscription);
            case "ris_rrc_list" -> new RisFrame.CollectorList(f.rrcList);
            case "pong" -> new RisFrame.Pong();
            default -> throw problem(p, "unknown frame type '" + frameType + "'");
        };
    }

    private void readData(JsonParser p, JsonToken t, RisMessageView v) throws IOException {
        f.hasData = true;
        if (t == JsonToken.START_ARRAY) {
            // ris_rrc_list: a list of collector names (shape not pinned down: keep strings, skip the rest)
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.VALUE_STRING) {
                    f.rrcList.add(p.getText());
                } else {
                    p.skipChildren();
                }
            }
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            switch (name) {
                case "timestamp" -> v.timestampMicros = readTimestamp(p, t);
                case "peer" -> f.peer = expectString(p, t, "peer");
                case "peer_asn" -> v.peerAsn = readAsnValue(p, t, "peer_asn");
                case "id" -> f.id = expectString(p, t, "id");
                case "host" -> f.host = expectString(p, t, "host");
                case "type" -> f.messageType = expectString(p, t, "type");
                case "raw" -> f.raw = t == JsonToken.VALUE_NULL ? null : expectString(p, t, "raw");
                case "path" -> readPath(p, t, v);
                case "community" -> readCommunities(p, t, v);
                case "origin" -> v.origin = t == JsonToken.VALUE_NULL ? null : readOrigin(p, t);
                case "med" -> v.med = t == JsonToken.VALUE_NULL ? -1 : readUnsigned32(p, t, "med");
                case "aggregator" -> v.aggregator = t == JsonToken.VALUE_NULL ? null : readAggregator(p, t);
                case "announcements" -> readAnnouncements(p, t, v);
                case "withdrawals" -> readWithdrawals(p, t, v);
                case "state" -> f.state = expectString(p, t, "state");
                case "message" -> {
                    if (t == JsonToken.VALUE_STRING) {
                        f.message = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                case "subscription" -> f.subscription = captureSubtree(p, t);
                default -> p.skipChildren();
            }
        }
    }

    /** Validates the envelope of a ris_message read into the view and resolves its values; null = done. */
    private @Nullable RisFrame fillMessage(JsonParser p, RisMessageView v) throws IOException {
        if (!f.hasData) {
            throw problem(p, "ris_message without 'data'");
        }
        if (v.timestampMicros < 0) {
            throw problem(p, "ris_message without 'timestamp'");
        }
        String peerText = f.peer;
        if (peerText == null) {
            throw problem(p, "ris_message without 'peer'");
        }
        if (v.peerAsn < 0) {
            throw problem(p, "ris_message without 'peer_asn'");
        }
        v.peer = peer(p, peerText, v.peerAsn);
        v.collector = f.host == null ? "" : collector(f.host);
        v.type = f.messageType == null ? RisMessageType.UNKNOWN : RisMessageType.ofWire(f.messageType);
        v.idString = f.id;
        v.rawString = f.raw;
        v.stateString = f.state;
        return null;
    }

    /** Builds the model message of a view filled by either path. */
    RisMessage toMessage(RisMessageView v) {
        Instant timestamp = v.timestamp();
        Peer peer = v.peer();
        String collector = v.collector;
        String state = v.state();
        List<RouteEvent> events = switch (v.type) {
            case UPDATE -> updateEvents(v, timestamp, collector, peer);
            case RIS_PEER_STATE -> List.of(stateChange(timestamp, collector, peer, state));
            default -> List.of();
        };
        return new RisMessage(v.type, timestamp, collector, peer, v.id(), events, v.endOfRib, state, v.raw());
    }

    private List<RouteEvent> updateEvents(RisMessageView v, Instant timestamp, String collector, Peer peer) {
        RawUpdateDecoder rawDecoder = rawUpdateDecoder;
        if (rawDecoder != RawUpdateDecoder.JSON_ONLY && v.hasRaw()) {
            byte[] bytes = hexToBytes(Objects.requireNonNull(v.raw()));
            List<RouteEvent> fromRaw = null;
            if (bytes != null) {
                try {
                    fromRaw = rawDecoder.decode(bytes, timestamp, collector, peer);
                } catch (RuntimeException e) {
                    // A raw decoder that throws is a decoder bug or a hostile message; fall back, but count it.
                    fromRaw = null;
                }
            }
            if (fromRaw != null) {
                return fromRaw;
            }
            rawFallbacks++;
        }
        int announced = v.announcedCount;
        List<RouteEvent> events = scratchEvents;
        events.clear();
        for (int w = 0; w < v.withdrawnCount; w++) {
            events.add(new Withdrawal(timestamp, collector, peer, v.withdrawn(w), RouteEvent.NO_PATH_ID));
        }
        if (announced == 0) {
            return immutable(events);
        }
        AsPath path = cache.path(v);
        List<Community> communities = cache.communities(v);
        Long med = v.med < 0 ? null : v.med;
        Aggregator aggregator = v.aggregator();
        if (v.groupCount == 1) {
            IpAddress[] hop = v.groupHops[0];
            PathAttributes a = cache.attributes(v.origin, path, hop[0], hop[1], med, aggregator, communities);
            for (int k = 0; k < announced; k++) {
                events.add(
                        new Announcement(timestamp, collector, peer, v.announced(k), RouteEvent.NO_PATH_ID, a, false));
            }
            return immutable(events);
        }
        // Several next-hop objects: the 2021 encoder split a dual IPv6 next hop into two objects listing
        // the same prefixes. Merge per prefix, keeping the first global and first link-local next hop.
        Map<Prefix, IpAddress[]> merged = new LinkedHashMap<>();
        for (int g = 0; g < v.groupCount; g++) {
            IpAddress[] hop = v.groupHops[g];
            for (int k = v.groupStart(g); k < v.groupEnds[g]; k++) {
                Prefix prefix = v.announced(k);
                IpAddress[] known = merged.get(prefix);
                if (known == null) {
                    merged.put(prefix, new IpAddress[] {hop[0], hop[1]});
                } else {
                    if (known[0] == null) {
                        known[0] = hop[0];
                    }
                    if (known[1] == null) {
                        known[1] = hop[1];
                    }
                }
            }
        }
        Map<List<@Nullable IpAddress>, PathAttributes> byHop = new HashMap<>();
        for (Map.Entry<Prefix, IpAddress[]> e : merged.entrySet()) {
            IpAddress[] hop = e.getValue();
            List<@Nullable IpAddress> key = Arrays.asList(hop[0], hop[1]);
            PathAttributes a = byHop.get(key);
            if (a == null) {
                a = cache.attributes(v.origin, path, hop[0], hop[1], med, aggregator, communities);
                byHop.put(key, a);
            }
            events.add(new Announcement(timestamp, collector, peer, e.getKey(), RouteEvent.NO_PATH_ID, a, false));
        }
        return immutable(events);
    }

    /** The events as the immutable list RisMessage keeps as it is (one copy, none for one or two events). */
    private static List<RouteEvent> immutable(List<RouteEvent> events) {
        return switch (events.size()) {
            case 0 -> List.of();
            case 1 -> List.of(events.get(0));
            case 2 -> List.of(events.get(0), events.get(1));
            default -> List.copyOf(events);
        };
    }

    private static PeerStateChange stateChange(
            Instant timestamp, String collector, Peer peer, @Nullable String stateText) {
        String state = stateText == null ? "" : stateText.toLowerCase(Locale.ROOT);
        return switch (state) {
            case "connected", "established", "up" ->
                new PeerStateChange(timestamp, collector, peer, BgpState.UNKNOWN, BgpState.ESTABLISHED);
            // "down" reports that an established session ended: model it as ESTABLISHED -> IDLE so
            // isSessionDown() holds and monitors drop the peer's routes.
            case "down", "disconnected" ->
                new PeerStateChange(timestamp, collector, peer, BgpState.ESTABLISHED, BgpState.IDLE);
            default -> new PeerStateChange(timestamp, collector, peer, BgpState.UNKNOWN, BgpState.UNKNOWN);
        };
    }

    private Peer peer(JsonParser p, String text, long asn) throws IOException {
        Peer cached = peers.get(text);
        if (cached != null && cached.asn().value() == asn) {
            return cached;
        }
        Peer peer;
        try {
            peer = new Peer(IpAddress.parse(text), Asn.of(asn));
        } catch (IllegalArgumentException e) {
            throw problem(p, "bad 'peer': " + e.getMessage());
        }
        if (peers.size() >= MAX_CACHE) {
            peers.clear();
        }
        peers.put(text, peer);
        return peer;
    }

    private String collector(String host) {
        String cached = collectors.get(host);
        if (cached != null) {
            return cached;
        }
        String name = normaliseCollector(host);
        if (collectors.size() >= MAX_CACHE) {
            collectors.clear();
        }
        collectors.put(host, name);
        return name;
    }

    /** {@return the collector name of a {@code host}: lower case, {@code .ripe.net} stripped} */
    static String normaliseCollector(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(RIPE_SUFFIX)) {
            name = name.substring(0, name.length() - RIPE_SUFFIX.length());
        }
        return name;
    }

    private static long readTimestamp(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            long seconds = p.getLongValue();
            if (seconds < 0 || seconds > Instant.MAX.getEpochSecond() / 1_000_000) {
                throw problem(p, "'timestamp' " + seconds + " out of range");
            }
            return seconds * 1_000_000;
        }
        if (t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw problem(p, "'timestamp' is " + t + ", expected a number");
        }
        char[] c = p.getTextCharacters();
        int i = p.getTextOffset();
        int end = i + p.getTextLength();
        long seconds = 0;
        int digits = 0;
        while (i < end && c[i] >= '0' && c[i] <= '9') {
            seconds = seconds * 10 + (c[i++] - '0');
            if (++digits > 12) {
                throw problem(p, "'timestamp' " + p.getText() + " out of range");
            }
        }
        if (digits == 0 || i == end || c[i] != '.') {
            return fromDecimal(p);
        }
        i++;
        long micros = 0;
        int scale = 0;
        while (i < end && c[i] >= '0' && c[i] <= '9') {
            if (scale < 6) {
                micros = micros * 10 + (c[i] - '0');
                scale++;
            }
            i++;
        }
        if (i != end) {
            return fromDecimal(p);
        }
        while (scale++ < 6) {
            micros *= 10;
        }
        return seconds * 1_000_000 + micros;
    }

    private static long fromDecimal(JsonParser p) throws IOException {
        // Exponent or sign: rare, so go through a double (exact to the microsecond below 2^40 s).
        double seconds;
        try {
            seconds = p.getDoubleValue();
        } catch (NumberFormatException e) {
            throw problem(p, "'timestamp' " + p.getText() + " is not a number: " + e.getMessage());
        }
        if (!(seconds >= 0 && seconds <= (double) (1L << 40))) {
            throw problem(p, "'timestamp' " + p.getText() + " out of range");
        }
        return Math.round(seconds * 1e6);
    }

    private static long readAsnValue(JsonParser p, JsonToken t, String field) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Asn.parse(p.getText()).value();
            } catch (IllegalArgumentException e) {
                throw problem(p, "bad '" + field + "': " + e.getMessage());
            }
        }
        return readUnsigned32(p, t, field);
    }

    private static long readUnsigned32(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw problem(p, "'" + field + "' is " + t + ", expected an integer");
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw problem(p, "'" + field + "' " + p.getText() + " out of range (expected: 0..4294967295)");
        }
        long v = p.getLongValue();
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw problem(p, "'" + field + "' " + v + " out of range (expected: 0..4294967295)");
        }
        return v;
    }

    private static void readPath(JsonParser p, JsonToken t, RisMessageView v) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            throw problem(p, "'path' is " + t + ", expected an array");
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_ARRAY) {
                v.flushSequence();
                int start = v.asnCount;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    v.addAsn(readUnsigned32(p, t, "path"));
                }
                if (v.asnCount == start) {
                    throw problem(p, "empty AS_SET in 'path'");
                }
                v.addSegment(SegmentType.AS_SET);
            } else {
                v.addAsn(readUnsigned32(p, t, "path"));
            }
        }
        v.flushSequence();
    }

    private static void readCommunities(JsonParser p, JsonToken t, RisMessageView v) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            throw problem(p, "'community' is " + t + ", expected an array");
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) {
                throw problem(p, "'community' element is " + t + ", expected an [asn, value] pair");
            }
            long high = readUnsigned32(p, p.nextToken(), "community");
            long low = readUnsigned32(p, p.nextToken(), "community");
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw problem(p, "'community' element has more than two numbers");
            }
            if (high > 0xFFFF || low > 0xFFFF) {
                throw problem(p, "'community' " + high + ":" + low + " out of range (expected: 0..65535 each)");
            }
            v.addCommunity(high << 16 | low);
        }
    }

    private static Origin readOrigin(JsonParser p, JsonToken t) throws IOException {
        String s = expectString(p, t, "origin");
        if (s.equalsIgnoreCase("igp")) {
            return Origin.IGP;
        } else if (s.equalsIgnoreCase("egp")) {
            return Origin.EGP;
        } else if (s.equalsIgnoreCase("incomplete")) {
            return Origin.INCOMPLETE;
        }
        throw problem(p, "bad 'origin' '" + s + "' (expected: IGP, EGP or INCOMPLETE)");
    }

    private static Aggregator readAggregator(JsonParser p, JsonToken t) throws IOException {
        String s = expectString(p, t, "aggregator");
        try {
            return parseAggregator(s);
        } catch (IllegalArgumentException e) {
            throw problem(p, String.valueOf(e.getMessage()));
        }
    }

    /** Parses {@code <asn>:<ipv4>}; the message of the exception is the whole problem. */
    static Aggregator parseAggregator(String s) {
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("bad 'aggregator' '" + s + "' (expected: <asn>:<ipv4>)");
        }
        try {
            return new Aggregator(Asn.parse(s.substring(0, colon)), IpAddress.parse(s.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad 'aggregator' '" + s + "': " + e.getMessage(), e);
        }
    }

    private void readAnnouncements(JsonParser p, JsonToken t, RisMessageView v) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            throw problem(p, "'announcements' is " + t + ", expected an array");
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw problem(p, "'announcements' element is " + t + ", expected an object");
            }
            IpAddress[] hop = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                if ("next_hop".equals(name)) {
                    hop = nextHop(p, expectString(p, t, "next_hop"));
                } else if ("prefixes".equals(name)) {
                    readPrefixes(p, t, v, true, "prefixes");
                } else {
                    p.skipChildren();
                }
            }
            if (hop == null) {
                throw problem(p, "announcement without 'next_hop'");
            }
            v.endGroup(hop);
        }
    }

    private static void readWithdrawals(JsonParser p, JsonToken t, RisMessageView v) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        readPrefixes(p, t, v, false, "withdrawals");
    }

    private static void readPrefixes(JsonParser p, JsonToken t, RisMessageView v, boolean announced, String field)
            throws IOException {
        if (t != JsonToken.START_ARRAY) {
            throw problem(p, "'" + field + "' is " + t + ", expected an array");
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String s = expectString(p, t, field);
            if (s.equals("eor")) {
                v.endOfRib = true;
                continue;
            }
            try {
                v.addPrefix(announced, Prefix.parseLenient(s));
            } catch (IllegalArgumentException e) {
                throw problem(p, "bad prefix in '" + field + "': " + e.getMessage());
            }
        }
    }

    private IpAddress[] nextHop(JsonParser p, String text) throws IOException {
        IpAddress[] cached = nextHops.get(text);
        if (cached != null) {
            return cached;
        }
        IpAddress[] hop;
        try {
            hop = parseNextHop(text);
        } catch (IllegalArgumentException e) {
            throw problem(p, "bad 'next_hop': " + e.getMessage());
        }
        if (nextHops.size() >= MAX_CACHE) {
            nextHops.clear();
        }
        nextHops.put(text, hop);
        return hop;
    }

    /** {@return [global, link-local] of a next hop text (either may be null)} */
    static IpAddress[] parseNextHop(String text) {
        IpAddress[] hop = new IpAddress[2];
        int comma = text.indexOf(',');
        IpAddress first = IpAddress.parse(comma < 0 ? text : text.substring(0, comma));
        if (comma >= 0) {
            hop[0] = first;
            hop[1] = IpAddress.parse(text.substring(comma + 1));
        } else if (isLinkLocal(first)) {
            hop[1] = first;
        } else {
            hop[0] = first;
        }
        return hop;
    }

    private static boolean isLinkLocal(IpAddress a) {
        return a.family() == AddressFamily.IPV6 && (a.high() >>> 54) == (0xFE80L >>> 6);
    }

    private String captureSubtree(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        // Re-serialise the subtree: the acknowledgement is rare and small, so a generator is fine here.
        StringWriter out = new StringWriter();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.copyCurrentStructure(p);
        }
        return out.toString();
    }

    private static String expectString(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw problem(p, "'" + field + "' is " + t + ", expected a string");
        }
        return p.getText();
    }

    private static byte @Nullable [] hexToBytes(String hex) {
        int n = hex.length();
        if ((n & 1) != 0) {
            return null;
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < n; i += 2) {
            int hi = Character.digit(hex.charAt(i), 16);
            int lo = Character.digit(hex.charAt(i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i / 2] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    private static JsonProcessingException problem(JsonParser p, String reason) {
        return new com.fasterxml.jackson.core.JsonParseException(p, reason);
    }

    /**
     * Buffer pool for a single-threaded decoder: hands the one recycler back and forth, which is
     * cheaper per frame than jackson's default thread-local lookup.
     */
    private static final class OwnerPool implements RecyclerPool<BufferRecycler> {
        private static final long serialVersionUID = 1L;
        private transient @Nullable BufferRecycler held;

        @Override
        public BufferRecycler acquirePooled() {
            BufferRecycler r = held;
            if (r == null) {
                return new BufferRecycler();
            }
            held = null;
            return r;
        }

        @Override
        public void releasePooled(BufferRecycler recycler) {
            held = recycler;
        }
    }

    /** Per-frame text fields of the jackson path, reused across frames; values go to the view. */
    static final class Fields {
        @Nullable
        String peer;

        @Nullable
        String id;

        @Nullable
        String host;

        @Nullable
        String messageType;

        @Nullable
        String raw;

        @Nullable
        String state;

        @Nullable
        String message;

        @Nullable
        String subscription;

        boolean hasData;
        final List<String> rrcList = new ArrayList<>();

        void reset() {
            peer = null;
            id = null;
            host = null;
            messageType = null;
            raw = null;
            state = null;
            message = null;
            subscription = null;
            hasData = false;
            rrcList.clear();
        }
    }

    /** Builder for {@link RisMessageDecoder}; not thread-safe. */
    public static final class Builder {
        private @Nullable RawUpdateDecoder rawUpdateDecoder;
        private boolean rawSet;
        private int maxFrameChars = 16 << 20;
        private boolean maxSet;
        private boolean fastPath = true;
        private boolean fastPathSet;

        private Builder() {}

        /**
         * Decodes the {@code raw} hex of UPDATEs with this decoder when present (see {@link
         * RawUpdateDecoder}); default {@link RawUpdateDecoder#mrtParser()}, {@link
         * RawUpdateDecoder#JSON_ONLY} builds events from the JSON fields only.
         *
         * @param decoder the raw UPDATE decoder
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder rawUpdateDecoder(RawUpdateDecoder decoder) {
            if (rawSet) {
                throw new IllegalStateException("rawUpdateDecoder was already set to " + rawUpdateDecoder);
            }
            rawUpdateDecoder = decoder;
            rawSet = true;
            return this;
        }

        /**
         * Longest JSON string value accepted (a longer one makes the frame malformed rather than
         * exhausting memory).
         *
         * @param chars at least 1024
         * @return this
         * @throws IllegalArgumentException if below 1024
         * @throws IllegalStateException if already set
         */
        public Builder maxStringChars(int chars) {
            if (maxSet) {
                throw new IllegalStateException("maxStringChars was already set to " + maxFrameChars);
            }
            if (chars < 1024) {
                throw new IllegalArgumentException("maxStringChars " + chars + " (expected: >= 1024)");
            }
            maxFrameChars = chars;
            maxSet = true;
            return this;
        }

        /**
         * Whether frames of the usual shape are read by the built-in scanner (default true); frames it
         * does not take (escapes, unknown or repeated fields, control frames, errors) always go through
         * jackson-core. Both paths give equal results; switch it off only to compare or to debug.
         *
         * @param enabled false to decode every frame with jackson-core
         * @return this
         * @throws IllegalStateException if already set
         * @since 0.2
         */
        public Builder fastPath(boolean enabled) {
            if (fastPathSet) {
                throw new IllegalStateException("fastPath was already set to " + fastPath);
            }
            fastPath = enabled;
            fastPathSet = true;
            return this;
        }

        /** {@return a new decoder} */
        public RisMessageDecoder build() {
            return new RisMessageDecoder(this);
        }
    }
}
