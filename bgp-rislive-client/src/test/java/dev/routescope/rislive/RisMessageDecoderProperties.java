package dev.routescope.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.routescope.model.Aggregator;
import dev.routescope.model.Announcement;
import dev.routescope.model.AsPath;
import dev.routescope.model.AsPathSegment;
import dev.routescope.model.Asn;
import dev.routescope.model.Community;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Origin;
import dev.routescope.model.PathAttributes;
import dev.routescope.model.Peer;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.SegmentType;
import dev.routescope.model.Withdrawal;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Round trips and hostile input for {@link RisMessageDecoder}. */
class RisMessageDecoderProperties {
    private static final JsonFactory JSON = new JsonFactory();

    private static final List<String> REAL = List.of(
            "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1553627987.89,\"peer\":\"72.22.223.9\",\"peer_asn\":\"11708\","
                    + "\"id\":\"72.22.223.9-1553627987.89-1829343\",\"raw\":\"FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF005B02\","
                    + "\"host\":\"rrc00\",\"type\":\"UPDATE\",\"path\":[11708,32097,1299,52320,263009,[52993,268481]],"
                    + "\"community\":[[1,2]],\"origin\":\"igp\",\"med\":5,\"aggregator\":\"65000:8.42.232.1\","
                    + "\"announcements\":[{\"next_hop\":\"72.22.223.9\",\"prefixes\":[\"45.161.192.0/23\"]}],"
                    + "\"withdrawals\":[\"10.0.0.0/8\",\"eor\"]}}",
            "{\"type\": \"ris_message\", \"data\": {\"timestamp\": 1553625081.88, \"peer\": \"195.66.224.59\", "
                    + "\"peer_asn\": \"24931\", \"id\": \"x\", \"host\": \"rrc01\", \"type\": \"RIS_PEER_STATE\", "
                    + "\"state\": \"down\"}}",
            "{\"type\":\"ris_error\",\"data\":{\"message\":\"this is a test error message\"}}");

    private final RisMessageDecoder decoder = RisMessageDecoder.builder().build();

    @Property(tries = 300)
    void decode_everyTruncationOfAValidFrame_isMalformedNeverAnException(
            @ForAll @IntRange(min = 0, max = 2) int which) {
        String frame = REAL.get(which);
        for (int len = 0; len < frame.length(); len++) {
            RisFrame f = decoder.decode(frame.substring(0, len));
            assertThat(f).as("prefix of length %d", len).isInstanceOf(RisFrame.Malformed.class);
        }
        assertThat(decoder.decode(frame)).isNotInstanceOf(RisFrame.Malformed.class);
    }

    @Property(tries = 2000)
    void decode_mutatedFrames_neverThrowAndKeepValuesValid(
            @ForAll @IntRange(min = 0, max = 2) int which,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 100_000) Integer> positions,
            @ForAll @Size(min = 8, max = 8) List<@IntRange(min = 0, max = 127) Integer> chars) {
        StringBuilder sb = new StringBuilder(REAL.get(which));
        for (int i = 0; i < positions.size(); i++) {
            int at = positions.get(i) % sb.length();
            sb.setCharAt(at, (char) (int) chars.get(i));
        }
        String text = sb.toString();
        RisFrame f = decoder.decode(text);
        RisFrame fromBytes = decoder.decode(text.getBytes(StandardCharsets.UTF_8), 0, text.length());

        assertThat(f).isNotNull();
        assertThat(fromBytes.getClass()).isEqualTo(f.getClass());
        if (f instanceof RisMessage m) {
            assertThat(fromBytes).isEqualTo(m);
            for (RouteEvent e : m.events()) {
                assertThat(e.peer()).isEqualTo(m.peer());
                assertThat(e.timestamp()).isEqualTo(m.timestamp());
            }
        }
    }

    @Property(tries = 2000)
    void decode_arbitraryText_neverThrows(@ForAll String text) {
        assertThat(decoder.decode(text)).isNotNull();
    }

    @Property(tries = 500)
    void decode_generatedUpdate_roundTripsEveryJsonAttribute(@ForAll("updates") Update u) throws IOException {
        RisFrame f = decoder.decode(u.json());

        assertThat(f).isInstanceOf(RisMessage.class);
        assertThat(((RisMessage) f).events()).isEqualTo(u.expected());
    }

    record Update(
            long micros,
            Peer peer,
            List<Object> path,
            List<int[]> communities,
            @Nullable Origin origin,
            @Nullable Long med,
            @Nullable Aggregator aggregator,
            IpAddress nextHop,
            List<Prefix> announced,
            List<Prefix> withdrawn) {

        String json() throws IOException {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = JSON.createGenerator(w)) {
                g.writeStartObject();
                g.writeStringField("type", "ris_message");
                g.writeObjectFieldStart("data");
                g.writeFieldName("timestamp");
                g.writeNumber(micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000));
                g.writeStringField("peer", peer.address().toString());
                g.writeStringField("peer_asn", Long.toString(peer.asn().value()));
                g.writeStringField("type", "UPDATE");
                g.writeArrayFieldStart("path");
                for (Object o : path) {
                    if (o instanceof long[] set) {
                        g.writeArray(set, 0, set.length);
                    } else {
                        g.writeNumber((Long) o);
                    }
                }
                g.writeEndArray();
                g.writeArrayFieldStart("community");
                for (int[] c : communities) {
                    g.writeArray(c, 0, 2);
                }
                g.writeEndArray();
                if (origin != null) {
                    g.writeStringField("origin", origin.name().toLowerCase(java.util.Locale.ROOT));
                }
                if (med != null) {
                    g.writeNumberField("med", med);
                }
                if (aggregator != null) {
                    g.writeStringField("aggregator", aggregator.asn().value() + ":" + aggregator.address());
                }
                g.writeArrayFieldStart("announcements");
                if (!announced.isEmpty()) {
                    g.writeStartObject();
                    g.writeStringField("next_hop", nextHop.toString());
                    g.writeArrayFieldStart("prefixes");
                    for (Prefix p : announced) {
                        g.writeString(p.toString());
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("withdrawals");
                for (Prefix p : withdrawn) {
                    g.writeString(p.toString());
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
            return w.toString();
        }

        List<RouteEvent> expected() {
            Instant t = Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000);
            List<RouteEvent> out = new ArrayList<>();
            for (Prefix p : withdrawn) {
                out.add(new Withdrawal(t, "", peer, p, RouteEvent.NO_PATH_ID));
            }
            List<AsPathSegment> segments = new ArrayList<>();
            List<Long> seq = new ArrayList<>();
            for (Object o : path) {
                if (o instanceof long[] set) {
                    if (!seq.isEmpty()) {
                        segments.add(AsPathSegment.of(
                                SegmentType.AS_SEQUENCE,
                                seq.stream().mapToLong(Long::longValue).toArray()));
                        seq.clear();
                    }
                    segments.add(AsPathSegment.of(SegmentType.AS_SET, set));
                } else {
                    seq.add((Long) o);
                }
            }
            if (!seq.isEmpty()) {
                segments.add(AsPathSegment.of(
                        SegmentType.AS_SEQUENCE,
                        seq.stream().mapToLong(Long::longValue).toArray()));
            }
            List<Community> cs = new ArrayList<>();
            for (int[] c : communities) {
                cs.add(Community.of(c[0], c[1]));
            }
            PathAttributes attrs = PathAttributes.builder()
                    .asPath(AsPath.of(segments))
                    .origin(origin)
                    .med(med)
                    .aggregator(aggregator)
                    .communities(cs)
                    .nextHop(nextHop)
                    .build();
            for (Prefix p : announced) {
                out.add(new Announcement(t, "", peer, p, RouteEvent.NO_PATH_ID, attrs, false));
            }
            return out;
        }
    }

    @Provide
    Arbitrary<Update> updates() {
        Arbitrary<Long> asn = Arbitraries.longs().between(0, Asn.MAX_VALUE);
        Arbitrary<IpAddress> v4 = Arbitraries.integers().map(IpAddress::ofIpv4);
        Arbitrary<IpAddress> v6 =
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(IpAddress::ofIpv6);
        Arbitrary<IpAddress> address = Arbitraries.oneOf(v4, v6);
        Arbitrary<Prefix> prefix = Combinators.combine(
                        address, Arbitraries.integers().between(0, 128))
                .as((a, len) -> Prefix.ofMasked(a, Math.min(len, a.family().bits())));
        Arbitrary<Object> hop = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, asn.map(a -> (Object) a)),
                net.jqwik.api.Tuple.of(1, asn.set().ofMinSize(1).ofMaxSize(4).map(s ->
                        (Object) s.stream().mapToLong(Long::longValue).sorted().toArray())));
        Arbitrary<int[]> community = Combinators.combine(
                        Arbitraries.integers().between(0, 65535),
                        Arbitraries.integers().between(0, 65535))
                .as((h, l) -> new int[] {h, l});
        Arbitrary<Aggregator> aggregator = Combinators.combine(asn, v4).as((a, ip) -> new Aggregator(Asn.of(a), ip));
        Arbitrary<List<Prefix>> prefixes = prefix.list().ofMaxSize(6).map(l -> new ArrayList<>(new LinkedHashSet<>(l)));
        return Combinators.combine(
                        Combinators.combine(
                                        Arbitraries.longs().between(0, 4_102_444_800_000_000L),
                                        Combinators.combine(address, asn).as((a, n) -> new Peer(a, Asn.of(n))),
                                        hop.list().ofMaxSize(12),
                                        community.list().ofMaxSize(5))
                                .as(List::of),
                        Arbitraries.of(Origin.values()).injectNull(0.2),
                        Arbitraries.longs().between(0, 0xFFFF_FFFFL).injectNull(0.3),
                        aggregator.injectNull(0.5),
                        // a lone fe80::/10 next hop is read as link-local: keep generated next hops global
                        address.filter(a -> a.isIpv4() || (a.high() >>> 54) != (0xFE80L >>> 6)),
                        prefixes,
                        prefixes)
                .as((head, origin, med, agg, nextHop, announced, withdrawn) -> {
                    @SuppressWarnings("unchecked")
                    List<Object> path = (List<Object>) head.get(2);
                    @SuppressWarnings("unchecked")
                    List<int[]> cs = (List<int[]>) head.get(3);
                    Set<Prefix> w = new LinkedHashSet<>(withdrawn);
                    return new Update(
                            (Long) head.get(0),
                            (Peer) head.get(1),
                            path,
                            cs,
                            origin,
                            med,
                            agg,
                            nextHop,
                            announced,
                            new ArrayList<>(w));
                });
    }
}
