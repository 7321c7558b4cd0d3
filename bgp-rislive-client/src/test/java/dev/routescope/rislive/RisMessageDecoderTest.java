package dev.routescope.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Aggregator;
import dev.routescope.model.Announcement;
import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import dev.routescope.model.BgpState;
import dev.routescope.model.Community;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Origin;
import dev.routescope.model.Peer;
import dev.routescope.model.PeerStateChange;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RisMessageDecoderTest {
    private final RisMessageDecoder decoder = RisMessageDecoder.builder().build();

    private RisMessage message(String json) {
        RisFrame frame = decoder.decode(json);
        assertThat(frame).isInstanceOf(RisMessage.class);
        return (RisMessage) frame;
    }

    @Test
    void decode_domainExampleWithAsSet_buildsAnnouncementsWithAllJsonAttributes() {
        RisMessage m = message("{\"type\":\"ris_message\",\"data\":{\"timestamp\":1719514291.43,"
                + "\"peer\":\"2001:7f8:54::1:143\",\"peer_asn\":\"50628\",\"id\":\"2001:7f8:54::1:143-01a019f537900a11\","
                + "\"host\":\"rrc21.ripe.net\",\"type\":\"UPDATE\",\"path\":[50628,6939,3356,64511,[64496,64497]],"
                + "\"community\":[[6939,1000],[50628,2000]],\"origin\":\"IGP\",\"med\":0,\"aggregator\":\"64511:192.0.2.1\","
                + "\"announcements\":[{\"next_hop\":\"2001:7f8:54::1:143,fe80::a8bb:ccff:fedd:eeff\","
                + "\"prefixes\":[\"2001:db8:100::/40\",\"2001:db8:200::/40\"]}],\"withdrawals\":[]}}");

        assertThat(m.type()).isEqualTo(RisMessageType.UPDATE);
        assertThat(m.collector()).isEqualTo("rrc21");
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2024-06-27T18:51:31.430Z"));
        assertThat(m.peer()).isEqualTo(Peer.of("2001:7f8:54::1:143", 50628));
        assertThat(m.events()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(Announcement.class));
        Announcement a = (Announcement) m.events().get(0);
        assertThat(a.prefix()).isEqualTo(Prefix.parse("2001:db8:100::/40"));
        assertThat(a.asPath()).isEqualTo(AsPath.parse("50628 6939 3356 64511 {64496,64497}"));
        assertThat(a.origin()).isEmpty();
        assertThat(a.attributes().origin()).isEqualTo(Origin.IGP);
        assertThat(a.attributes().med()).isEqualTo(0L);
        assertThat(a.attributes().communities()).containsExactly(Community.of(6939, 1000), Community.of(50628, 2000));
        assertThat(a.attributes().aggregator()).isEqualTo(new Aggregator(Asn.of(64511), IpAddress.parse("192.0.2.1")));
        assertThat(a.attributes().nextHop()).isEqualTo(IpAddress.parse("2001:7f8:54::1:143"));
        assertThat(a.attributes().linkLocalNextHop()).isEqualTo(IpAddress.parse("fe80::a8bb:ccff:fedd:eeff"));
        assertThat(((Announcement) m.events().get(1)).prefix()).isEqualTo(Prefix.parse("2001:db8:200::/40"));
    }

    @Test
    void decode_withdrawalsAndAnnouncements_putsWithdrawalsFirst() {
        RisMessage m = message("{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"192.0.2.1\","
                + "\"peer_asn\":64500,\"type\":\"UPDATE\",\"path\":[64500],\"announcements\":[{\"next_hop\":\"192.0.2.1\","
                + "\"prefixes\":[\"198.51.100.0/24\"]}],\"withdrawals\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}}");

        assertThat(m.events()).hasSize(3);
        assertThat(m.events().get(0)).isInstanceOf(Withdrawal.class);
        assertThat(((Withdrawal) m.events().get(1)).prefix()).isEqualTo(Prefix.parse("2001:db8::/32"));
        assertThat(m.events().get(2)).isInstanceOf(Announcement.class);
        assertThat(m.collector()).isEmpty();
        assertThat(m.id()).isEmpty();
    }

    @Test
    void decode_dualNextHopSplitOverTwoObjects_mergesIntoOneAnnouncementPerPrefix() {
        RisMessage m = message("{\"type\":\"ris_message\",\"data\":{\"timestamp\":1609477200.12,"
                + "\"peer\":\"2001:7f8:4::3:2be1:1\",\"peer_asn\":\"13030\",\"type\":\"UPDATE\",\"path\":[13030,3356],"
                + "\"announcements\":[{\"next_hop\":\"2001:7f8:4::3:2be1:1\",\"prefixes\":[\"2001:db8::/32\",\"2001:db9::/32\"]},"
                + "{\"next_hop\":\"fe80::3efd:feff:feee:62ca\",\"prefixes\":[\"2001:db8::/32\",\"2001:db9::/32\"]}]}}");

        assertThat(m.events()).hasSize(2);
        for (RouteEvent e : m.events()) {
            Announcement a = (Announcement) e;
            assertThat(a.attributes().nextHop()).isEqualTo(IpAddress.parse("2001:7f8:4::3:2be1:1"));
            assertThat(a.attributes().linkLocalNextHop()).isEqualTo(IpAddress.parse("fe80::3efd:feff:feee:62ca"));
        }
        assertThat(m.events().get(0).timestamp()).isEqualTo(Instant.parse("2021-01-01T05:00:00.120Z"));
    }

    @Test
    void decode_endOfRibPseudoPrefix_flagsMessageWithoutEvent() {
        RisMessage m = message("{\"type\":\"ris_message\",\"data\":{\"timestamp\":1.5,\"peer\":\"192.0.2.1\","
                + "\"peer_asn\":\"64500\",\"type\":\"UPDATE\",\"announcements\":[],\"withdrawals\":[\"eor\"]}}");

        assertThat(m.endOfRib()).isTrue();
        assertThat(m.events()).isEmpty();
    }

    @Test
    void decode_nonCanonicalIpv6AndHostBits_normalisesPrefix() {
        RisMessage m = message("{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"192.0.2.1\","
                + "\"peer_asn\":\"64500\",\"type\":\"UPDATE\",\"path\":[64500],\"announcements\":[{\"next_hop\":\"192.0.2.1\","
                + "\"prefixes\":[\"2605:de00:bb:0:0:0:0:0/48\",\"192.0.2.1/24\"]}]}}");

        assertThat(m.events())
                .extracting(e -> ((Announcement) e).prefix().toString())
                .containsExactly("2605:de00:bb::/48", "192.0.2.0/24");
    }

    @Test
    void decode_peerStateConnectedAndDown_mapsToSessionUpAndDown() {
        RisMessage up = message("{\"type\":\"ris_message\",\"data\":{\"timestamp\":1719514310.05,"
                + "\"peer\":\"195.208.209.55\",\"peer_asn\":\"29479\",\"id\":\"x\",\"host\":\"rrc13.ripe.net\","
                + "\"type\":\"STATE\",\"state\":\"connected\"}}");
        RisMessage down = message("{\"type\":\"ris_message\",\"data\":{\"timestamp\":1553625081.88,"
                + "\"peer\":\"195.66.224.59\",\"peer_asn\":\"24931\",\"host\":\"rrc01\",\"type\":\"RIS_PEER_STATE\","
                + "\"state\":\"down\"}}");

        assertThat(up.type()).isEqualTo(RisMessageType.RIS_PEER_STATE);
        assertThat(((PeerStateChange) up.events().get(0)).isSessionUp()).isTrue();
        assertThat(((PeerStateChange) down.events().get(0)).isSessionDown()).isTrue();
        assertThat(down.state()).isEqualTo("down");
    }

    @Test
    void decode_unknownFieldsAndFieldOrder_areIgnored() {
        RisMessage m = message(
                "{\"data\":{\"extra\":{\"deep\":[1,[2,{\"x\":null}]]},\"type\":\"KEEPALIVE\","
                        + "\"peer_asn\":\"1\",\"peer\":\"192.0.2.9\",\"timestamp\":1e9},\"type\":\"ris_message\",\"more\":true}");

        assertThat(m.type()).isEqualTo(RisMessageType.KEEPALIVE);
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1_000_000_000));
    }

    @Test
    void decode_controlFrames_becomeTypedFrames() {
        assertThat(decoder.decode("{\"type\":\"ris_error\",\"data\":{\"message\":\"too slow\"}}"))
                .isEqualTo(new RisFrame.ServerError("too slow"));
        assertThat(decoder.decode("{\"type\":\"pong\",\"data\":null}")).isEqualTo(new RisFrame.Pong());
        assertThat(decoder.decode("{\"type\":\"ris_rrc_list\",\"data\":[\"rrc00\",\"rrc01\"]}"))
                .isEqualTo(new RisFrame.CollectorList(List.of("rrc00", "rrc01")));
        RisFrame ok = decoder.decode("{\"type\":\"ris_subscribe_ok\",\"data\":{\"subscription\":{\"host\":\"rrc21\"},"
                + "\"socketOptions\":{\"acknowledge\":true}}}");
        assertThat(ok).isEqualTo(new RisFrame.SubscribeOk("{\"host\":\"rrc21\"}"));
    }

    @Test
    void decode_truncatedFrame_reportsMalformedWithOffsetAndText() {
        String text = "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1.0,\"peer\":\"192.0.2.1\"";

        RisFrame frame = decoder.decode(text);

        assertThat(frame).isInstanceOf(RisFrame.Malformed.class);
        RisFrame.Malformed bad = (RisFrame.Malformed) frame;
        assertThat(bad.text()).isEqualTo(text);
        assertThat(bad.offset()).isEqualTo(text.length());
        assertThat(bad.reason()).contains("end-of-input");
    }

    @Test
    void decode_missingPeerAsn_reportsMalformedNamingTheField() {
        RisFrame frame = decoder.decode("{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"192.0.2.1\"}}");

        assertThat(frame).isInstanceOf(RisFrame.Malformed.class);
        assertThat(((RisFrame.Malformed) frame).reason()).isEqualTo("ris_message without 'peer_asn'");
    }

    @Test
    void decode_outOfRangeValues_reportMalformed() {
        String base = "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"192.0.2.1\",\"peer_asn\":\"1\","
                + "\"type\":\"UPDATE\",";
        assertThat(reason(base + "\"path\":[4294967296]}}")).contains("'path' 4294967296 out of range");
        assertThat(reason(base + "\"community\":[[65536,1]]}}")).contains("'community' 65536:1 out of range");
        assertThat(reason(base + "\"path\":[[]]}}")).contains("empty AS_SET");
        assertThat(reason(base + "\"withdrawals\":[\"10.0.0.0/33\"]}}")).contains("bad prefix in 'withdrawals'");
        assertThat(reason(base + "\"origin\":\"foo\"}}")).contains("bad 'origin' 'foo'");
        assertThat(reason(base + "\"aggregator\":\"1.2.3.4\"}}")).contains("bad 'aggregator'");
        assertThat(reason("{\"type\":\"ris_message\",\"data\":{\"timestamp\":-1,\"peer\":\"x\",\"peer_asn\":1}}"))
                .contains("'timestamp' -1 out of range");
        assertThat(reason("{\"type\":\"nope\"}")).contains("unknown frame type 'nope'");
        assertThat(reason("[]")).contains("not a JSON object");
        assertThat(reason("{\"type\":\"pong\"} {}")).contains("trailing content");
    }

    private String reason(String json) {
        RisFrame frame = decoder.decode(json);
        assertThat(frame).as(json).isInstanceOf(RisFrame.Malformed.class);
        return ((RisFrame.Malformed) frame).reason();
    }

    @Test
    void decode_afterAFrameFailedInsideAnAnnouncement_leaksNothingIntoTheNext() {
        String good = "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"192.0.2.1\",\"peer_asn\":1,"
                + "\"type\":\"UPDATE\",\"announcements\":[{\"next_hop\":\"192.0.2.1\",\"prefixes\":[\"10.0.0.0/8\"]}]}}";
        String failsMidway = good.replace("\"prefixes\":[\"10.0.0.0/8\"]", "\"prefixes\":[\"11.0.0.0/8\",\"bad\"]");

        assertThat(decoder.decode(failsMidway)).isInstanceOf(RisFrame.Malformed.class);
        RisMessage m = message(good);

        assertThat(m.events())
                .singleElement()
                .satisfies(e -> assertThat(((Announcement) e).prefix()).isEqualTo(Prefix.parse("10.0.0.0/8")));
    }

    @Test
    void decode_bytesAndString_giveEqualMessages() {
        String json = "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1553627987.89,\"peer\":\"72.22.223.9\","
                + "\"peer_asn\":\"11708\",\"host\":\"rrc00\",\"type\":\"UPDATE\",\"path\":[11708,32097],"
                + "\"origin\":\"igp\",\"announcements\":[{\"next_hop\":\"72.22.223.9\",\"prefixes\":[\"45.161.192.0/23\"]}]}}";
        byte[] bytes = ("xx" + json).getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.decode(bytes, 2, bytes.length - 2)).isEqualTo(decoder.decode(json));
    }

    @Test
    void decode_realLibbgpstreamCapture_decodesSixFramesAndReportsTheTruncatedLast() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.file("rislive/bgpstream_ris-live-stream.json"));
        List<RisFrame> frames = new ArrayList<>();
        for (String line : lines) {
            frames.add(decoder.decode(line));
        }

        assertThat(frames).hasSize(7);
        RisMessage update = (RisMessage) frames.get(0);
        assertThat(update.collector()).isEqualTo("rrc00");
        assertThat(update.raw()).startsWith("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF005B02");
        Announcement a = (Announcement) update.events().get(0);
        assertThat(a.prefix()).isEqualTo(Prefix.parse("45.161.192.0/23"));
        assertThat(a.origin()).contains(Asn.of(268481));
        assertThat(a.asPath().length()).isEqualTo(12);
        assertThat(((PeerStateChange) ((RisMessage) frames.get(1)).events().get(0)).newState())
                .isEqualTo(BgpState.IDLE);
        assertThat(frames.get(2)).isEqualTo(new RisFrame.ServerError("this is a test error message"));
        assertThat(((RisMessage) frames.get(3)).type()).isEqualTo(RisMessageType.OPEN);
        assertThat(((RisMessage) frames.get(4)).type()).isEqualTo(RisMessageType.NOTIFICATION);
        assertThat(((RisMessage) frames.get(5)).type()).isEqualTo(RisMessageType.KEEPALIVE);
        // The capture's last line lacks its closing brace.
        assertThat(frames.get(6)).isInstanceOf(RisFrame.Malformed.class);
    }

    @Test
    void decode_rawDecoderPresent_usesItsEventsAndCountsFallbacks() {
        List<byte[]> seen = new ArrayList<>();
        Withdrawal fromRaw = new Withdrawal(
                Instant.EPOCH,
                "rrc00",
                Peer.of("72.22.223.9", 11708),
                Prefix.parse("10.0.0.0/8"),
                RouteEvent.NO_PATH_ID);
        RisMessageDecoder withRaw = RisMessageDecoder.builder()
                .rawUpdateDecoder((message, timestamp, collector, peer) -> {
                    seen.add(message);
                    return message.length == 19 ? null : List.of(fromRaw);
                })
                .build();
        String head =
                "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"72.22.223.9\",\"peer_asn\":\"11708\","
                        + "\"type\":\"UPDATE\",\"withdrawals\":[\"192.0.2.0/24\"],\"raw\":";

        RisMessage decoded = (RisMessage) withRaw.decode(head + "\"FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00170200000000\"}}");
        RisMessage fallback = (RisMessage) withRaw.decode(head + "\"FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF001304\"}}");
        RisMessage badHex = (RisMessage) withRaw.decode(head + "\"ZZ\"}}");

        assertThat(decoded.events()).containsExactly(fromRaw);
        assertThat(seen.get(0)).hasSize(23).startsWith((byte) 0xFF);
        assertThat(((Withdrawal) fallback.events().get(0)).prefix()).isEqualTo(Prefix.parse("192.0.2.0/24"));
        assertThat(badHex.events()).hasSize(1);
        assertThat(withRaw.rawFallbacks()).isEqualTo(2);
    }
}
