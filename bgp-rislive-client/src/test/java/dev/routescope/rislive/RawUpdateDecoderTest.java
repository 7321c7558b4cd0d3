package dev.routescope.rislive;

import static dev.routescope.rislive.loopback.BgpBytes.attr;
import static dev.routescope.rislive.loopback.BgpBytes.bytes;
import static dev.routescope.rislive.loopback.BgpBytes.concat;
import static dev.routescope.rislive.loopback.BgpBytes.segment;
import static dev.routescope.rislive.loopback.BgpBytes.toHex;
import static dev.routescope.rislive.loopback.BgpBytes.u16;
import static dev.routescope.rislive.loopback.BgpBytes.u32;
import static dev.routescope.rislive.loopback.BgpBytes.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Announcement;
import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import dev.routescope.model.LargeCommunity;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import dev.routescope.testsupport.SharedData;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawUpdateDecoderTest {
    private static final String JSON_FIELDS = "\"path\":[64500,4200000000],\"origin\":\"igp\","
            + "\"announcements\":[{\"next_hop\":\"192.0.2.1\",\"prefixes\":[\"203.0.113.0/24\"]}]";

    private static String frame(String rawHex, String fields) {
        return "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1609477200.25,\"peer\":\"192.0.2.1\","
                + "\"peer_asn\":\"64500\",\"id\":\"x\",\"raw\":\"" + rawHex + "\",\"host\":\"rrc12\","
                + "\"type\":\"UPDATE\"," + fields + "}}";
    }

    private static byte[] announcement(byte[] asPath, byte[]... more) {
        byte[] attributes = concat(
                attr(0x40, 1, bytes(0)), attr(0x40, 2, asPath), attr(0x40, 3, bytes(192, 0, 2, 1)), concat(more));
        return update(new byte[0], attributes, bytes(24, 203, 0, 113));
    }

    private static List<RouteEvent> events(RisMessageDecoder decoder, String frame) {
        RisFrame f = decoder.decode(frame);
        assertThat(f).as(frame).isInstanceOf(RisMessage.class);
        return ((RisMessage) f).events();
    }

    @Test
    void recordedFrameWithRaw_decodedFromRaw_equalsDecodedFromJson() throws Exception {
        String recorded = Files.readAllLines(SharedData.file("rislive/bgpstream_ris-live-stream.json"))
                .get(0);
        RisMessageDecoder fromRaw = RisMessageDecoder.builder().build();
        RisMessageDecoder fromJson = RisMessageDecoder.builder()
                .rawUpdateDecoder(RawUpdateDecoder.JSON_ONLY)
                .build();

        List<RouteEvent> raw = events(fromRaw, recorded);

        assertThat(raw).hasSize(1).isEqualTo(events(fromJson, recorded));
        assertThat(((Announcement) raw.get(0)).prefix()).isEqualTo(Prefix.parse("45.161.192.0/23"));
        assertThat(fromRaw.rawFallbacks()).isZero();
    }

    @Test
    void raw_attributesJsonLacks_areDecoded() {
        byte[] message = announcement(
                segment(2, 4, 64500, 4200000000L),
                attr(0x40, 5, u32(150)), // LOCAL_PREF
                attr(0xC0, 32, concat(u32(64500), u32(1), u32(2))), // large community
                attr(0xC0, 35, u32(64500))); // OTC

        Announcement a = (Announcement) events(RisMessageDecoder.builder().build(), frame(toHex(message), JSON_FIELDS))
                .get(0);

        assertThat(a.attributes().localPref()).isEqualTo(150L);
        assertThat(a.attributes().largeCommunities()).containsExactly(new LargeCommunity(64500, 1, 2));
        assertThat(a.attributes().onlyToCustomer()).isEqualTo(Asn.of(64500));
        assertThat(a.asPath()).isEqualTo(AsPath.ofSequence(64500, 4200000000L));
        assertThat(a.timestamp().toString()).isEqualTo("2021-01-01T05:00:00.250Z");
        assertThat(a.collector()).isEqualTo("rrc12");
    }

    @Test
    void raw_twoByteSessionWithAs4Path_mergedAs4Path() {
        // A 2-byte session: AS_PATH carries AS_TRANS, AS4_PATH the real 4-byte ASN.
        byte[] message = announcement(segment(2, 2, 64500, 23456), attr(0xC0, 17, segment(2, 4, 64500, 4200000000L)));

        RisMessageDecoder decoder = RisMessageDecoder.builder().build();
        Announcement a = (Announcement)
                events(decoder, frame(toHex(message), JSON_FIELDS)).get(0);

        assertThat(a.asPath()).isEqualTo(AsPath.ofSequence(64500, 4200000000L));
        assertThat(decoder.rawFallbacks()).isZero();
    }

    @Test
    void raw_twoBytePathWithoutAs4Path_readAsTwoByte() {
        byte[] message = announcement(segment(2, 2, 64500, 3356, 13335));

        Announcement a = (Announcement) events(RisMessageDecoder.builder().build(), frame(toHex(message), JSON_FIELDS))
                .get(0);

        assertThat(a.asPath()).isEqualTo(AsPath.ofSequence(64500, 3356, 13335));
    }

    @Test
    void raw_withdrawalOnly_decoded() {
        byte[] message = update(bytes(16, 10, 1), new byte[0], new byte[0]);

        List<RouteEvent> events =
                events(RisMessageDecoder.builder().build(), frame(toHex(message), "\"withdrawals\":[\"10.1.0.0/16\"]"));

        assertThat(events).singleElement().isInstanceOf(Withdrawal.class);
        assertThat(((Withdrawal) events.get(0)).prefix()).isEqualTo(Prefix.parse("10.1.0.0/16"));
    }

    @Test
    void raw_undecodable_fallsBackToJsonAndCounts() {
        byte[] good = announcement(segment(2, 4, 64500, 4200000000L));
        byte[] badMarker = good.clone();
        badMarker[3] = 0;
        byte[] lengthMismatch = concat(good, bytes(0));
        byte[] keepalive = concat(java.util.Arrays.copyOf(good, 16), u16(19), bytes(4));
        byte[] truncatedNlri = good.clone();
        truncatedNlri[truncatedNlri.length - 4] = 32; // /32 needs 4 bytes, 3 follow
        List<String> raws =
                List.of("ABC", "ZZ", toHex(badMarker), toHex(lengthMismatch), toHex(keepalive), toHex(truncatedNlri));
        RisMessageDecoder decoder = RisMessageDecoder.builder().build();
        RisMessageDecoder jsonOnly = RisMessageDecoder.builder()
                .rawUpdateDecoder(RawUpdateDecoder.JSON_ONLY)
                .build();

        for (String raw : raws) {
            String frame = frame(raw, JSON_FIELDS);
            assertThat(events(decoder, frame)).as(raw).isEqualTo(events(jsonOnly, frame));
        }

        assertThat(decoder.rawFallbacks()).isEqualTo(raws.size());
        assertThat(jsonOnly.rawFallbacks()).isZero();
    }

    @Test
    void raw_decoderThatThrows_fallsBackAndCounts() {
        RisMessageDecoder decoder = RisMessageDecoder.builder()
                .rawUpdateDecoder((m, t, c, p) -> {
                    throw new IllegalStateException("bug");
                })
                .build();
        String frame = frame(toHex(announcement(segment(2, 4, 64500, 4200000000L))), JSON_FIELDS);

        assertThat(events(decoder, frame)).hasSize(1);
        assertThat(decoder.rawFallbacks()).isEqualTo(1);
    }

    @Test
    void jsonOnly_keepsRawText() {
        String hex = toHex(announcement(segment(2, 4, 64500, 4200000000L)));
        RisMessage m = (RisMessage) RisMessageDecoder.builder()
                .rawUpdateDecoder(RawUpdateDecoder.JSON_ONLY)
                .build()
                .decode(frame(hex, JSON_FIELDS));

        assertThat(m.raw()).isEqualTo(hex);
        assertThat(((Announcement) m.events().get(0)).attributes().localPref()).isNull();
    }
}
