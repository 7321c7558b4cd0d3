package dev.routescope.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Announcement;
import dev.routescope.model.PathAttributes;
import dev.routescope.model.PeerStateChange;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.rislive.loopback.LoopbackRisServer;
import dev.routescope.rislive.tools.MrtToRisLive;
import dev.routescope.testsupport.SharedData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real rrc12 routing data (2021-01-01 05:00, ~224k elements) converted to RIS Live frames by {@link
 * MrtToRisLive}, decoded by {@link RisMessageDecoder}, and compared event by event with what {@code
 * bgp-mrt-parser} reads from the same file: from the JSON fields (the attributes RIS Live's JSON
 * carries) and from {@code raw} (every attribute).
 */
@Timeout(300)
class RealTrafficTest {
    private static final String FILE = "mrt/ris-2021-01-01/rrc12/updates.20210101.0500.gz";
    private static final List<String> FRAMES = new ArrayList<>();
    private static MrtToRisLive.Stats stats;

    @BeforeAll
    static void convert() throws Exception {
        stats = MrtToRisLive.builder().build().convert(SharedData.file(FILE), FRAMES::add);
    }

    @Test
    void jsonFields_wholeFile_equalMrtParserEventsOnTheJsonVisibleAttributes() throws Exception {
        RisMessageDecoder decoder = RisMessageDecoder.builder()
                .rawUpdateDecoder(RawUpdateDecoder.JSON_ONLY)
                .build();
        long compared = 0;
        try (MrtElementReader mrt = MrtElementReader.open(SharedData.file(FILE))) {
            Iterator<RouteEvent> expected = liveVisible(mrt.iterator());
            for (String frame : FRAMES) {
                RisFrame f = decoder.decode(frame);
                assertThat(f).as(frame).isInstanceOf(RisMessage.class);
                for (RouteEvent e : ((RisMessage) f).events()) {
                    assertThat(expected.hasNext()).as(frame).isTrue();
                    assertSameEvent(e, expected.next(), true, frame);
                    compared++;
                }
            }
            assertThat(expected.hasNext()).isFalse();
        }
        assertThat(stats.announcements()).isGreaterThan(200_000);
        assertThat(stats.withdrawals()).isGreaterThan(10_000);
        assertThat(stats.states()).isGreaterThan(100);
        assertThat(compared).isEqualTo(stats.announcements() + stats.withdrawals() + stats.states());
    }

    @Test
    void raw_wholeFile_decodedFromRawEqualsMrtParserEventsAndJsonDecoding() throws Exception {
        RisMessageDecoder fromRaw = RisMessageDecoder.builder().build();
        RisMessageDecoder fromJson = RisMessageDecoder.builder()
                .rawUpdateDecoder(RawUpdateDecoder.JSON_ONLY)
                .build();
        long[] compared = new long[2];
        try (MrtElementReader mrt = MrtElementReader.open(SharedData.file(FILE))) {
            Iterator<RouteEvent> expected = liveVisible(mrt.iterator());
            MrtToRisLive.builder().includeRaw(true).build().convert(SharedData.file(FILE), frame -> {
                RisMessage raw = (RisMessage) fromRaw.decode(frame);
                RisMessage json = (RisMessage) fromJson.decode(frame);
                assertThat(raw.events()).as(frame).hasSameSizeAs(json.events());
                for (int i = 0; i < raw.events().size(); i++) {
                    RouteEvent r = raw.events().get(i);
                    assertSameEvent(json.events().get(i), r, true, frame);
                    // from raw, nothing is lost: every attribute equals the MRT parser's
                    assertSameEvent(r, expected.next(), false, frame);
                    if (r instanceof Announcement a
                            && !a.attributes().largeCommunities().isEmpty()) {
                        compared[1]++;
                    }
                    compared[0]++;
                }
            });
            assertThat(expected.hasNext()).isFalse();
        }
        assertThat(fromRaw.rawFallbacks()).isZero();
        assertThat(compared[0]).isEqualTo(stats.announcements() + stats.withdrawals() + stats.states());
        // large communities travel only in raw: the raw path really carries more than the JSON
        assertThat(compared[1]).isGreaterThan(1_000);
    }

    @Test
    void fastPath_wholeFileWithAndWithoutRaw_equalsJacksonPathAndTakesNearlyEveryFrame() throws Exception {
        RisMessageDecoder fast = RisMessageDecoder.builder().build();
        RisMessageDecoder jackson = RisMessageDecoder.builder().fastPath(false).build();
        for (String frame : FRAMES) {
            assertThat(fast.decode(frame)).as(frame).isEqualTo(jackson.decode(frame));
        }
        assertThat(fast.fastPathFrames()).isEqualTo(FRAMES.size());
        assertThat(jackson.fastPathFrames()).isZero();

        RisMessageDecoder fastRaw = RisMessageDecoder.builder().build();
        RisMessageDecoder jacksonRaw =
                RisMessageDecoder.builder().fastPath(false).build();
        long[] frames = new long[1];
        MrtToRisLive.builder().includeRaw(true).build().convert(SharedData.file(FILE), frame -> {
            byte[] utf8 = frame.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(fastRaw.decode(utf8, 0, utf8.length)).as(frame).isEqualTo(jacksonRaw.decode(frame));
            frames[0]++;
        });
        assertThat(fastRaw.fastPathFrames()).isEqualTo(frames[0]);
    }

    @Test
    void view_wholeFileWithAndWithoutRaw_toMessageEqualsDecodeAndPrimitivesMatchEvents() throws Exception {
        RisMessageDecoder viewDecoder = RisMessageDecoder.builder()
                .rawUpdateDecoder(RawUpdateDecoder.JSON_ONLY)
                .build();
        RisMessageDecoder reference = RisMessageDecoder.builder()
                .rawUpdateDecoder(RawUpdateDecoder.JSON_ONLY)
                .build();
        RisMessageView view = new RisMessageView();
        long prefixes = 0;
        for (String frame : FRAMES) {
            assertThat(viewDecoder.decodeInto(frame, view)).as(frame).isTrue();
            RisMessage expected = (RisMessage) reference.decode(frame);
            // primitives first, before toMessage() could have touched anything
            assertThat(view.timestamp()).as(frame).isEqualTo(expected.timestamp());
            assertThat(view.timestampMicros() % 1000)
                    .as(frame)
                    .isEqualTo(expected.timestamp().toEpochMilli() % 1000 * 1000);
            assertThat(view.peer()).as(frame).isEqualTo(expected.peer());
            assertThat(view.collector()).as(frame).isEqualTo(expected.collector());
            assertThat(view.type()).as(frame).isEqualTo(expected.type());
            int w = 0;
            int a = 0;
            for (RouteEvent e : expected.events()) {
                if (e instanceof Withdrawal wd) {
                    assertThat(view.withdrawn(w++)).as(frame).isEqualTo(wd.prefix());
                } else if (e instanceof Announcement an) {
                    assertThat(view.announced(a)).as(frame).isEqualTo(an.prefix());
                    assertThat(view.announcedNextHop(a))
                            .as(frame)
                            .isEqualTo(an.attributes().nextHop());
                    a++;
                    PathAttributes attrs = an.attributes();
                    assertThat(asns(view)).as(frame).isEqualTo(attrs.asPath().toAsnArray());
                    assertThat(view.originAsn())
                            .as(frame)
                            .isEqualTo(an.origin().map(asn -> asn.value()).orElse(-1L));
                    assertThat(view.origin()).as(frame).isEqualTo(attrs.origin());
                    assertThat(view.med() < 0 ? null : view.med()).as(frame).isEqualTo(attrs.med());
                    assertThat(view.communityCount())
                            .as(frame)
                            .isEqualTo(attrs.communities().size());
                    for (int c = 0; c < view.communityCount(); c++) {
                        assertThat(view.community(c))
                                .as(frame)
                                .isEqualTo(attrs.communities().get(c).value());
                    }
                }
            }
            assertThat(view.withdrawnCount()).as(frame).isEqualTo(w);
            assertThat(view.announcedCount()).as(frame).isEqualTo(a);
            prefixes += w + a;
            assertThat(view.toMessage()).as(frame).isEqualTo(expected);
        }
        assertThat(prefixes).isEqualTo(stats.announcements() + stats.withdrawals());

        RisMessageDecoder viewRaw = RisMessageDecoder.builder().build();
        RisMessageDecoder referenceRaw = RisMessageDecoder.builder().build();
        long[] frames = new long[1];
        MrtToRisLive.builder().includeRaw(true).build().convert(SharedData.file(FILE), frame -> {
            assertThat(viewRaw.decodeInto(frame, view)).as(frame).isTrue();
            assertThat(view.hasRaw()).as(frame).isEqualTo(view.type() == RisMessageType.UPDATE);
            assertThat(view.toEvents()).as(frame).isEqualTo(((RisMessage) referenceRaw.decode(frame)).events());
            frames[0]++;
        });
        assertThat(viewRaw.fastPathFrames()).isEqualTo(frames[0]);
        assertThat(viewRaw.rawFallbacks()).isZero();
    }

    private static long[] asns(RisMessageView view) {
        long[] out = new long[view.asnCount()];
        for (int k = 0; k < out.length; k++) {
            out[k] = view.asn(k);
        }
        return out;
    }

    /** The MRT events RIS Live shows: state changes only into or out of ESTABLISHED (streamed). */
    private static Iterator<RouteEvent> liveVisible(Iterator<RouteEvent> all) {
        return new Iterator<>() {
            private @Nullable RouteEvent next;

            @Override
            public boolean hasNext() {
                while (next == null && all.hasNext()) {
                    RouteEvent e = all.next();
                    if (!(e instanceof PeerStateChange s) || s.isSessionUp() || s.isSessionDown()) {
                        next = e;
                    }
                }
                return next != null;
            }

            @Override
            public RouteEvent next() {
                RouteEvent e = hasNext() ? next : null;
                if (e == null) {
                    throw new NoSuchElementException();
                }
                next = null;
                return e;
            }
        };
    }

    private static void assertSameEvent(RouteEvent actual, RouteEvent expected, boolean jsonView, String frame) {
        if (expected instanceof Withdrawal w) {
            assertThat(actual).as(frame).isEqualTo(w);
        } else if (expected instanceof Announcement a) {
            assertThat(actual).as(frame).isInstanceOf(Announcement.class);
            Announcement got = (Announcement) actual;
            if (jsonView) {
                assertThat(got.attributes()).as(frame).isEqualTo(jsonVisible(a.attributes()));
                assertThat(new Announcement(
                                got.timestamp(),
                                got.collector(),
                                got.peer(),
                                got.prefix(),
                                got.pathId(),
                                a.attributes(),
                                got.ribEntry()))
                        .as(frame)
                        .isEqualTo(a);
            } else {
                assertThat(got).as(frame).isEqualTo(a);
            }
        } else {
            PeerStateChange s = (PeerStateChange) expected;
            assertThat(actual).as(frame).isInstanceOf(PeerStateChange.class);
            PeerStateChange got = (PeerStateChange) actual;
            assertThat(got.timestamp()).as(frame).isEqualTo(s.timestamp());
            assertThat(got.peer()).as(frame).isEqualTo(s.peer());
            assertThat(got.collector()).as(frame).isEqualTo(s.collector());
            assertThat(got.isSessionUp()).as(frame).isEqualTo(s.isSessionUp());
            assertThat(got.isSessionDown()).as(frame).isEqualTo(s.isSessionDown());
        }
    }

    /** What RIS Live's JSON carries of a route's attributes. */
    static PathAttributes jsonVisible(PathAttributes a) {
        return PathAttributes.builder()
                .origin(a.origin())
                .asPath(a.asPath())
                .nextHop(a.nextHop())
                .linkLocalNextHop(a.linkLocalNextHop())
                .med(a.med())
                .aggregator(a.aggregator())
                .communities(a.communities())
                .build();
    }

    @Test
    void loopbackWebSocket_wholeFileWithSmallQueueUnderBlock_deliversEveryFrameInOrder() throws Exception {
        try (LoopbackRisServer server = new LoopbackRisServer();
                RisLiveClient client = RisLiveClient.builder()
                        .webSocket(server.webSocketUri())
                        .queueCapacity(64)
                        .build();
                RisMessageStream stream = client.messages()) {
            var written = server.nextSession(Duration.ofSeconds(10)).stream(FRAMES, 1);
            long events = 0;
            for (int i = 0; i < FRAMES.size(); i++) {
                RisMessage m = stream.next();
                assertThat(m.id()).endsWith("-" + (i + 1));
                events += m.events().size();
            }
            assertThat(written.get(30, TimeUnit.SECONDS)).isEqualTo(FRAMES.size());
            assertThat(events).isEqualTo(stats.announcements() + stats.withdrawals() + stats.states());
            RisLiveMetrics metrics = client.metrics();
            assertThat(metrics.received()).isEqualTo(FRAMES.size());
            assertThat(metrics.decoded()).isEqualTo(FRAMES.size());
            assertThat(metrics.dropped()).isZero();
            assertThat(metrics.malformed()).isZero();
        }
    }
}
