package dev.routescope.rislive.tools;

import static dev.routescope.rislive.loopback.BgpBytes.attr;
import static dev.routescope.rislive.loopback.BgpBytes.bytes;
import static dev.routescope.rislive.loopback.BgpBytes.concat;
import static dev.routescope.rislive.loopback.BgpBytes.hex;
import static dev.routescope.rislive.loopback.BgpBytes.messageAs4;
import static dev.routescope.rislive.loopback.BgpBytes.mrt;
import static dev.routescope.rislive.loopback.BgpBytes.segment;
import static dev.routescope.rislive.loopback.BgpBytes.stateChangeAs4;
import static dev.routescope.rislive.loopback.BgpBytes.u32;
import static dev.routescope.rislive.loopback.BgpBytes.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MrtToRisLiveTest {
    private static final int BGP4MP_ET = 17;
    private static final int MESSAGE_AS4 = 4;
    private static final int STATE_CHANGE_AS4 = 5;

    @TempDir
    Path dir;

    /** The recorded line's {@code id} counter is the collector's; ours counts frames. */
    private static String normalised(String frame) {
        return frame.replaceAll("\"id\":\"[^\"]*\"", "\"id\":\"?\"");
    }

    private static String withoutSpaces(String json) {
        return json.replace(" ", "");
    }

    private List<String> convert(MrtToRisLive converter, byte[] mrtBytes) throws IOException {
        Path file = dir.resolve("updates.mrt");
        Files.write(file, mrtBytes);
        List<String> frames = new ArrayList<>();
        converter.convert(file, frames::add);
        return frames;
    }

    @Test
    void convert_recordedUpdateWithRaw_writesTheRecordedFrameByteForByte() throws IOException {
        // The first line of the real capture rislive/bgpstream_ris-live-stream.json (rrc00, 2019-03-26):
        // wrap its raw BGP message in an MRT record as RIS writes it, convert, compare with the line.
        String recorded = Files.readAllLines(SharedData.file("rislive/bgpstream_ris-live-stream.json"))
                .get(0);
        String raw = recorded.replaceAll(".*\"raw\":\"([0-9A-F]+)\".*", "$1");
        byte[] body = messageAs4(11708, 12654, bytes(72, 22, 223, 9), bytes(193, 0, 4, 28), hex(raw));

        List<String> frames = convert(
                MrtToRisLive.builder().includeRaw(true).host("rrc00").build(),
                mrt(1553627987, 890_000, BGP4MP_ET, MESSAGE_AS4, body));

        assertThat(frames).hasSize(1);
        assertThat(normalised(frames.get(0))).isEqualTo(normalised(recorded));
        assertThat(frames.get(0)).contains("\"id\":\"72.22.223.9-1553627987.89-1\"");
    }

    @Test
    void convert_recordedPeerDown_writesTheRecordedFrame() throws IOException {
        String recorded = Files.readAllLines(SharedData.file("rislive/bgpstream_ris-live-stream.json"))
                .get(1);
        byte[] body = stateChangeAs4(24931, 12654, bytes(195, 66, 224, 59), 6, 1);

        List<String> frames = convert(
                MrtToRisLive.builder().host("rrc01").build(),
                mrt(1553625081, 880_000, BGP4MP_ET, STATE_CHANGE_AS4, body));

        assertThat(frames).hasSize(1);
        assertThat(normalised(frames.get(0))).isEqualTo(normalised(withoutSpaces(recorded)));
    }

    @Test
    void convert_sessionUpAndTransitionsOutsideEstablished_connectedOnlyForEstablished() throws IOException {
        byte[] peer = bytes(192, 0, 2, 1);
        List<String> frames = convert(
                MrtToRisLive.builder().host("rrc12").build(),
                concat(
                        mrt(1609477200, 0, BGP4MP_ET, STATE_CHANGE_AS4, stateChangeAs4(64500, 12654, peer, 1, 2)),
                        mrt(1609477201, 0, BGP4MP_ET, STATE_CHANGE_AS4, stateChangeAs4(64500, 12654, peer, 5, 6))));

        assertThat(frames).hasSize(1);
        assertThat(frames.get(0))
                .isEqualTo("{\"type\":\"ris_message\",\"data\":{\"timestamp\":1609477201.00,\"peer\":\"192.0.2.1\","
                        + "\"peer_asn\":\"64500\",\"id\":\"192.0.2.1-1609477201.00-1\",\"host\":\"rrc12\","
                        + "\"type\":\"RIS_PEER_STATE\",\"state\":\"connected\"}}");
    }

    @Test
    void convert_updateWithSetMedAggregatorCommunitiesAndIpv6_writesRisLiveFields() throws IOException {
        byte[] mpReach = concat(
                bytes(0, 2, 1, 32), // AFI 2, SAFI 1, next hop length 32: global + link-local
                hex("20010DB8000000000000000000000001"),
                hex("FE800000000000000000000000000001"),
                bytes(0),
                bytes(48, 0x20, 0x01, 0x0D, 0xB8, 0x01, 0x00));
        byte[] attributes = concat(
                attr(0x40, 1, bytes(2)),
                attr(0x40, 2, concat(segment(2, 4, 64500, 3356), segment(1, 4, 64497, 64496))),
                attr(0x80, 4, u32(0)),
                attr(0xC0, 7, concat(u32(64496), bytes(192, 0, 2, 1))),
                attr(0xC0, 8, concat(u32(64500L << 16 | 100), u32(0xFFFFFF01L))),
                attr(0x80, 14, mpReach));
        byte[] message = update(bytes(24, 198, 51, 100), attributes, new byte[0]);
        byte[] body = messageAs4(64500, 12654, bytes(192, 0, 2, 1), new byte[4], message);

        List<String> frames = convert(
                MrtToRisLive.builder().host("rrc12").build(), mrt(1609477200, 123_456, BGP4MP_ET, MESSAGE_AS4, body));

        assertThat(frames)
                .containsExactly("{\"type\":\"ris_message\",\"data\":{\"timestamp\":1609477200.123456,"
                        + "\"peer\":\"192.0.2.1\",\"peer_asn\":\"64500\",\"id\":\"192.0.2.1-1609477200.123456-1\","
                        + "\"host\":\"rrc12\",\"type\":\"UPDATE\",\"path\":[64500,3356,[64497,64496]],"
                        + "\"community\":[[64500,100],[65535,65281]],\"origin\":\"incomplete\",\"med\":0,"
                        + "\"aggregator\":\"64496:192.0.2.1\",\"announcements\":[{\"next_hop\":"
                        + "\"2001:db8::1,fe80::1\",\"prefixes\":[\"2001:db8:100::/48\"]}],"
                        + "\"withdrawals\":[\"198.51.100.0/24\"]}}");
    }

    @Test
    void builder_badHostOrSetTwice_refused() {
        assertThatThrownBy(() -> MrtToRisLive.builder().host("rrc 12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host 'rrc 12'");
        assertThatThrownBy(() -> MrtToRisLive.builder().includeRaw(true).includeRaw(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("includeRaw was already set");
    }

    @Test
    void timestamp_precision_twoDecimalsUnlessFinerTimeIsKnown() {
        assertThat(MrtToRisLive.timestamp(1609477200, 0)).isEqualTo("1609477200.00");
        assertThat(MrtToRisLive.timestamp(1609477200, 50_000)).isEqualTo("1609477200.05");
        assertThat(MrtToRisLive.timestamp(1609477200, 5)).isEqualTo("1609477200.000005");
    }
}
