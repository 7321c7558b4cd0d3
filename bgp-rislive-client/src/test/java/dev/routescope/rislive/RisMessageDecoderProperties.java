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
import dev.routescope.testsupport.Gen;
import dev.routescope.testsupport.PropertyCheck;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void decode_everyTruncationOfAValidFrame_isMalformedNeverAnException(int which) {
        String frame = REAL.get(which);
        for (int len = 0; len < frame.length(); len++) {
            RisFrame f = decoder.decode(frame.substring(0, len));
            assertThat(f).as("prefix of length %d", len).isInstanceOf(RisFrame.Malformed.class);
        }
        assertThat(decoder.decode(frame)).isNotInstanceOf(RisFrame.Malformed.class);
    }

    @Test
    void decode_mutatedFrames_neverThrowAndKeepValuesValid() {
        PropertyCheck.forAll(2000, g -> {
            int which = g.intBetween(0, 2);
            List<Integer> positions = g.list(1, 8, () -> g.intBetween(0, 100_000));
            StringBuilder sb = new StringBuilder(REAL.get(which));
            for (int position : positions) {
                sb.setCharAt(position % sb.length(), (char) g.intBetween(0, 127));
            }
            String text = g.note("text", sb.toString());
            checkDecodes(text);
        });
    }

    @Test
    void decode_arbitraryText_neverThrows() {
        PropertyCheck.forAll(2000, g -> {
            String text;
            if (g.bool()) {
                text = g.string(255);
            } else {
                // arbitrary text spliced into a real frame reaches the field decoders, not only the tokenizer
                String frame = REAL.get(g.intBetween(0, 2));
                int at = g.intBetween(0, frame.length());
                text = frame.substring(0, at) + g.string(1, 12) + frame.substring(at);
            }
            g.note("text", text);
            checkDecodes(text);
        });
    }

    /** Decodes text and its UTF-8 bytes: no exception, the same result both ways, events consistent with the frame. */
    private void checkDecodes(String text) {
        RisFrame f = decoder.decode(text);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        RisFrame fromBytes = decoder.decode(utf8, 0, utf8.length);

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

    @Test
    void decode_generatedUpdate_roundTripsEveryJsonAttribute() {
        PropertyCheck.forAll(500, g -> {
            Update u = update(g);
            String json = g.note("json", u.json());
            RisFrame f = decoder.decode(json);

            assertThat(f).isInstanceOf(RisMessage.class);
            assertThat(((RisMessage) f).events()).isEqualTo(u.expected());
        });
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

    private static IpAddress address(Gen g) {
        return g.bool() ? IpAddress.ofIpv4(g.ipv4Bits()) : IpAddress.ofIpv6(g.ipv6Word(), g.ipv6Word());
    }

    private static List<Prefix> prefixes(Gen g) {
        List<Prefix> l = g.list(0, 6, () -> {
            IpAddress a = address(g);
            return Prefix.ofMasked(a, Math.min(g.intBetween(0, 128), a.family().bits()));
        });
        return new ArrayList<>(new LinkedHashSet<>(l));
    }

    static Update update(Gen g) {
        long micros = g.longBetween(0, 4_102_444_800_000_000L);
        Peer peer = new Peer(address(g), Asn.of(g.asn()));
        List<Object> path = g.list(0, 12, () -> {
            if (g.intBetween(0, 8) < 8) {
                return (Object) g.asn();
            }
            Set<Long> set = new LinkedHashSet<>(g.list(1, 4, g::asn));
            return set.stream().mapToLong(Long::longValue).sorted().toArray();
        });
        List<int[]> communities = g.list(0, 5, () -> new int[] {g.intBetween(0, 65535), g.intBetween(0, 65535)});
        Origin origin = g.orNull(0.2, () -> g.pick(Origin.class));
        Long med = g.orNull(0.3, () -> g.longBetween(0, 0xFFFF_FFFFL));
        Aggregator aggregator = g.orNull(0.5, () -> new Aggregator(Asn.of(g.asn()), IpAddress.ofIpv4(g.ipv4Bits())));
        IpAddress nextHop;
        do {
            nextHop = address(g);
            // a lone fe80::/10 next hop is read as link-local: keep generated next hops global
        } while (!nextHop.isIpv4() && (nextHop.high() >>> 54) == (0xFE80L >>> 6));
        List<Prefix> announced = prefixes(g);
        List<Prefix> withdrawn = prefixes(g);
        return new Update(micros, peer, path, communities, origin, med, aggregator, nextHop, announced, withdrawn);
    }
}
