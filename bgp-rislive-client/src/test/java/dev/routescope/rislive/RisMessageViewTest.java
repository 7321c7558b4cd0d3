package dev.routescope.rislive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.Aggregator;
import dev.routescope.model.Asn;
import dev.routescope.model.Community;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Origin;
import dev.routescope.model.Peer;
import dev.routescope.model.Prefix;
import dev.routescope.model.SegmentType;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RisMessageViewTest {
    private static final String UPDATE = "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1719514291.43,"
            + "\"peer\":\"2001:7f8:54::1:143\",\"peer_asn\":\"50628\",\"id\":\"2001:7f8:54::1:143-01a019f537900a11\","
            + "\"host\":\"rrc21.ripe.net\",\"type\":\"UPDATE\",\"path\":[50628,6939,3356,64511,[64496,64497]],"
            + "\"community\":[[6939,1000],[50628,2000]],\"origin\":\"IGP\",\"med\":0,\"aggregator\":\"64511:192.0.2.1\","
            + "\"announcements\":[{\"next_hop\":\"2001:7f8:54::1:143,fe80::a8bb:ccff:fedd:eeff\","
            + "\"prefixes\":[\"2001:db8:100::/40\",\"2001:DB8:2ff::1/40\"]}],\"withdrawals\":[\"192.0.2.77/24\"]}}";

    private final RisMessageDecoder decoder = RisMessageDecoder.builder().build();
    private final RisMessageDecoder reference = RisMessageDecoder.builder().build();
    private final RisMessageView view = new RisMessageView();

    @Test
    void decodeInto_update_exposesEveryJsonFieldAsPrimitives() {
        assertThat(decoder.decodeInto(UPDATE, view)).isTrue();

        assertThat(view.nonMessage()).isNull();
        assertThat(view.type()).isEqualTo(RisMessageType.UPDATE);
        assertThat(view.timestampMicros()).isEqualTo(1_719_514_291_430_000L);
        assertThat(view.collector()).isEqualTo("rrc21");
        assertThat(view.peer()).isEqualTo(Peer.of("2001:7f8:54::1:143", 50628));
        assertThat(view.peerAsn()).isEqualTo(50628);
        assertThat(view.id()).isEqualTo("2001:7f8:54::1:143-01a019f537900a11");
        assertThat(view.hasRaw()).isFalse();
        assertThat(view.raw()).isNull();
        assertThat(view.origin()).isEqualTo(Origin.IGP);
        assertThat(view.med()).isZero();
        assertThat(view.aggregator()).isEqualTo(new Aggregator(Asn.of(64511), IpAddress.parse("192.0.2.1")));
        assertThat(view.asnCount()).isEqualTo(6);
        assertThat(view.asn(0)).isEqualTo(50628);
        assertThat(view.asn(5)).isEqualTo(64497);
        assertThat(view.segmentCount()).isEqualTo(2);
        assertThat(view.segmentType(0)).isEqualTo(SegmentType.AS_SEQUENCE);
        assertThat(view.segmentEnd(0)).isEqualTo(4);
        assertThat(view.segmentType(1)).isEqualTo(SegmentType.AS_SET);
        assertThat(view.segmentEnd(1)).isEqualTo(6);
        assertThat(view.originAsn()).isEqualTo(-1); // ends in an AS_SET
        assertThat(view.communityCount()).isEqualTo(2);
        assertThat(view.community(1)).isEqualTo(Community.of(50628, 2000).value());
        assertThat(view.withdrawnCount()).isOne();
        assertThat(view.withdrawnFamily(0)).isEqualTo(AddressFamily.IPV4);
        assertThat(view.withdrawnHigh(0)).isEqualTo(0xC000_0200L << 32);
        assertThat(view.withdrawnLength(0)).isEqualTo(24);
        assertThat(view.withdrawn(0)).isEqualTo(Prefix.parse("192.0.2.0/24"));
        assertThat(view.announcedCount()).isEqualTo(2);
        assertThat(view.announcedFamily(1)).isEqualTo(AddressFamily.IPV6);
        assertThat(view.announced(0)).isEqualTo(Prefix.parse("2001:db8:100::/40"));
        // upper-case hex and host bits: masked, as the model's lenient parser does
        assertThat(view.announced(1)).isEqualTo(Prefix.parse("2001:db8:200::/40"));
        Prefix second = Prefix.parse("2001:db8:200::/40");
        assertThat(view.announcedHigh(1)).isEqualTo(second.high());
        assertThat(view.announcedLow(1)).isEqualTo(second.low());
        assertThat(view.announcedNextHop(1)).isEqualTo(IpAddress.parse("2001:7f8:54::1:143"));
        assertThat(view.announcedLinkLocalNextHop(0)).isEqualTo(IpAddress.parse("fe80::a8bb:ccff:fedd:eeff"));
        assertThat(view.toMessage()).isEqualTo(reference.decode(UPDATE));
        assertThat(view.toEvents()).isEqualTo(((RisMessage) reference.decode(UPDATE)).events());
    }

    @Test
    void decodeInto_smallerFrameAfterLargerOne_leavesNothingOfTheFirst() {
        decoder.decodeInto(UPDATE, view);
        String state = "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1553625081.88,"
                + "\"peer\":\"195.66.224.59\",\"peer_asn\":\"24931\",\"host\":\"rrc01\",\"type\":\"RIS_PEER_STATE\","
                + "\"state\":\"down\"}}";

        assertThat(decoder.decodeInto(state, view)).isTrue();

        assertThat(view.type()).isEqualTo(RisMessageType.RIS_PEER_STATE);
        assertThat(view.state()).isEqualTo("down");
        assertThat(view.id()).isEmpty();
        assertThat(view.asnCount()).isZero();
        assertThat(view.segmentCount()).isZero();
        assertThat(view.communityCount()).isZero();
        assertThat(view.withdrawnCount()).isZero();
        assertThat(view.announcedCount()).isZero();
        assertThat(view.origin()).isNull();
        assertThat(view.med()).isEqualTo(-1);
        assertThat(view.aggregator()).isNull();
        assertThat(view.originAsn()).isEqualTo(-1);
        assertThat(view.toMessage()).isEqualTo(reference.decode(state));
    }

    @Test
    void decodeInto_controlAndMalformedFrames_returnFalseWithTheFrameDecodeGives() {
        String ok = "{\"type\":\"ris_subscribe_ok\",\"data\":{\"subscription\":{\"host\":\"rrc21\"}}}";
        String pong = "{\"type\":\"pong\",\"data\":null}";
        String bad = "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"192.0.2.1\"}}";

        for (String frame : List.of(ok, pong, bad, "not json", "")) {
            assertThat(decoder.decodeInto(frame, view)).as(frame).isFalse();
            assertThat(view.nonMessage()).as(frame).isEqualTo(reference.decode(frame));
            assertThat(view.text()).isEqualTo(frame);
            assertThatThrownBy(view::toMessage).isInstanceOf(IllegalStateException.class);
        }
        assertThat(view.nonMessage()).isInstanceOf(RisFrame.Malformed.class);
    }

    @Test
    void decodeInto_dualNextHopSplitOverTwoObjects_listsBothObjectsAndMergesInToEvents() {
        String frame = "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1609477200.12,"
                + "\"peer\":\"2001:7f8:4::3:2be1:1\",\"peer_asn\":\"13030\",\"type\":\"UPDATE\",\"path\":[13030,3356],"
                + "\"announcements\":[{\"next_hop\":\"2001:7f8:4::3:2be1:1\",\"prefixes\":[\"2001:db8::/32\",\"2001:db9::/32\"]},"
                + "{\"next_hop\":\"fe80::3efd:feff:feee:62ca\",\"prefixes\":[\"2001:db8::/32\",\"2001:db9::/32\"]}]}}";

        assertThat(decoder.decodeInto(frame, view)).isTrue();

        assertThat(view.announcedCount()).isEqualTo(4);
        assertThat(view.announcedNextHop(1)).isEqualTo(IpAddress.parse("2001:7f8:4::3:2be1:1"));
        assertThat(view.announcedLinkLocalNextHop(1)).isNull();
        assertThat(view.announcedNextHop(2)).isNull();
        assertThat(view.announcedLinkLocalNextHop(3)).isEqualTo(IpAddress.parse("fe80::3efd:feff:feee:62ca"));
        assertThat(view.originAsn()).isEqualTo(3356);
        assertThat(view.toEvents()).hasSize(2).isEqualTo(((RisMessage) reference.decode(frame)).events());
    }

    @Test
    void decodeInto_frameOffTheFastPath_fillsTheViewFromJacksonEqually() {
        // an escape sends the frame through jackson-core
        String escaped = UPDATE.replace("\"rrc21.ripe.net\"", "\"rrc\\u00321.ripe.net\"");
        RisMessageDecoder slow = RisMessageDecoder.builder().fastPath(false).build();
        RisMessageView fastView = new RisMessageView();

        assertThat(slow.decodeInto(escaped, view)).isTrue();
        assertThat(decoder.decodeInto(UPDATE, fastView)).isTrue();

        assertThat(view.collector()).isEqualTo("rrc21");
        assertThat(view.toMessage()).isEqualTo(fastView.toMessage());
        assertThat(view.asnCount()).isEqualTo(fastView.asnCount());
        assertThat(view.segmentEnd(1)).isEqualTo(fastView.segmentEnd(1));
        assertThat(view.community(0)).isEqualTo(fastView.community(0));
        assertThat(view.announcedHigh(1)).isEqualTo(fastView.announcedHigh(1));
        assertThat(view.withdrawnHigh(0)).isEqualTo(fastView.withdrawnHigh(0));
        assertThat(view.aggregator()).isEqualTo(fastView.aggregator());
        assertThat(view.id()).isEqualTo(fastView.id());
    }

    @Test
    void decodeInto_utf8Bytes_equalsStringDecoding() {
        byte[] utf8 = UPDATE.getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.decodeInto(utf8, 0, utf8.length, view)).isTrue();

        assertThat(view.toMessage()).isEqualTo(reference.decode(UPDATE));
        assertThat(view.text()).isEqualTo(UPDATE);
        RisMessageView slowView = new RisMessageView();
        assertThat(RisMessageDecoder.builder().fastPath(false).build().decodeInto(utf8, 0, utf8.length, slowView))
                .isTrue();
        assertThat(slowView.text()).isEqualTo(UPDATE);
        assertThat(slowView.toMessage()).isEqualTo(view.toMessage());
        byte[] bad = "{\"type\":".getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decodeInto(bad, 0, bad.length, view)).isFalse();
        assertThat(view.nonMessage()).isEqualTo(reference.decode(bad, 0, bad.length));
    }

    @Test
    void aggregator_plainAndUnusualTexts_sameAsTheJacksonPath() {
        RisMessageDecoder slow = RisMessageDecoder.builder().fastPath(false).build();
        List<String> texts = List.of(
                "64511:192.0.2.1",
                "4294967295:255.255.255.255",
                "0:0.0.0.0",
                "64511:192.0.2.1/2", // found by the mutation fuzz: must stay malformed
                "64511:192.0.2",
                "64511:192.0.2.1.5",
                "064511:192.0.2.1",
                "4294967296:192.0.2.1",
                "64511:192.000.2.1",
                "64511:2001:db8::1",
                ":192.0.2.1",
                "64511:");
        int messages = 0;
        for (String aggregator : texts) {
            String frame = UPDATE.replace("64511:192.0.2.1", aggregator);
            boolean isMessage = decoder.decodeInto(frame, view);
            RisFrame expected = slow.decode(frame);
            assertThat(isMessage).as(aggregator).isEqualTo(expected instanceof RisMessage);
            if (isMessage) {
                messages++;
                assertThat(view.aggregator())
                        .as(aggregator)
                        .isEqualTo(((RisMessage) expected)
                                .events().stream()
                                        .filter(e -> e instanceof dev.routescope.model.Announcement)
                                        .map(e -> ((dev.routescope.model.Announcement) e)
                                                .attributes()
                                                .aggregator())
                                        .findFirst()
                                        .orElseThrow());
                Aggregator got = java.util.Objects.requireNonNull(view.aggregator());
                assertThat(view.aggregatorAsn())
                        .as(aggregator)
                        .isEqualTo(got.asn().value());
                assertThat(view.toMessage()).as(aggregator).isEqualTo(expected);
            } else {
                assertThat(view.nonMessage()).as(aggregator).isEqualTo(expected);
            }
        }
        assertThat(messages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void accessors_indexOutOfRange_throw() {
        decoder.decodeInto(UPDATE, view);

        assertThatThrownBy(() -> view.asn(6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.announcedHigh(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.announcedNextHop(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.withdrawn(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.community(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /**
     * The scanner parses IPv6 prefixes in place; for every text it accepts, the words must equal the
     * model's lenient parser's, and whatever it refuses must end up as the same result or error.
     */
    @Test
    void prefixes_randomIpv6AndIpv4Texts_equalModelLenientParser() {
        long seed = Long.getLong("rislive.view.seed", 20261124L);
        SplittableRandom random = new SplittableRandom(seed);
        RisMessageDecoder slow = RisMessageDecoder.builder().fastPath(false).build();
        int accepted = 0;
        for (int n = 0; n < 20_000; n++) {
            String text = randomPrefixText(random);
            String frame = "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1,\"peer\":\"192.0.2.1\","
                    + "\"peer_asn\":64500,\"type\":\"UPDATE\",\"path\":[64500],\"announcements\":[{\"next_hop\":\"192.0.2.1\","
                    + "\"prefixes\":[\"" + text + "\"]}],\"withdrawals\":[\"" + text + "\"]}}";
            String context = "seed " + seed + ", iteration " + n + ": " + text;
            Prefix expected;
            try {
                expected = Prefix.parseLenient(text);
            } catch (IllegalArgumentException e) {
                assertThat(decoder.decodeInto(frame, view)).as(context).isFalse();
                assertThat(view.nonMessage()).as(context).isEqualTo(slow.decode(frame));
                continue;
            }
            accepted++;
            assertThat(decoder.decodeInto(frame, view)).as(context).isTrue();
            assertThat(view.announced(0)).as(context).isEqualTo(expected);
            assertThat(view.withdrawn(0)).as(context).isEqualTo(expected);
            assertThat(view.toMessage()).as(context).isEqualTo(slow.decode(frame));
        }
        assertThat(accepted).isGreaterThan(10_000);
    }

    private static String randomPrefixText(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(5) == 0) {
            for (int k = 0; k < 4; k++) {
                b.append(k == 0 ? "" : ".").append(r.nextInt(10) == 0 ? "0" + r.nextInt(10) : r.nextInt(260));
            }
        } else {
            int groups = r.nextInt(10) == 0 ? 7 + r.nextInt(3) : 8;
            int gap = r.nextInt(3) == 0 ? -1 : r.nextInt(groups + 1);
            int gapLength = gap < 0 ? 0 : 1 + r.nextInt(Math.max(1, groups - 1));
            boolean first = true;
            for (int g = 0; g < groups; ) {
                if (g == gap) {
                    b.append("::");
                    g += gapLength;
                    first = true;
                    continue;
                }
                if (!first) {
                    b.append(':');
                }
                first = false;
                int value = r.nextInt(4) == 0 ? 0 : r.nextInt(1 << (4 * (1 + r.nextInt(4))));
                String hex = Integer.toHexString(value);
                if (r.nextInt(3) == 0) {
                    hex = hex.toUpperCase(Locale.ROOT);
                }
                if (r.nextInt(20) == 0) {
                    hex = "0" + hex; // may become five digits
                }
                b.append(hex);
                g++;
            }
            if (r.nextInt(50) == 0) {
                b.insert(r.nextInt(b.length() + 1), r.nextBoolean() ? ":" : "g");
            }
        }
        int max = b.indexOf(":") >= 0 ? 128 : 32;
        int len = r.nextInt(max + 3);
        b.append('/').append(r.nextInt(30) == 0 ? "0" + len : String.valueOf(len));
        return b.toString();
    }

    @Test
    void recordedCaptures_everyLineAndWholeFile_viewEqualsDecode() throws IOException {
        Path dir = SharedData.dir("rislive");
        List<String> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String whole = Files.readString(file);
                frames.add(whole);
                frames.addAll(whole.lines().toList());
            }
        }
        int messages = 0;
        for (String frame : frames) {
            boolean isMessage = decoder.decodeInto(frame, view);
            RisFrame expected = reference.decode(frame);
            if (isMessage) {
                messages++;
                assertThat(view.toMessage()).as(frame).isEqualTo(expected);
            } else {
                assertThat(view.nonMessage()).as(frame).isEqualTo(expected);
            }
        }
        assertThat(messages).isGreaterThanOrEqualTo(5);
        assertThat(decoder.rawFallbacks()).isEqualTo(reference.rawFallbacks());
    }
}
