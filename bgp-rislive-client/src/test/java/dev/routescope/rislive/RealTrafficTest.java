package dev.routescope.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Aggregator;
import dev.routescope.model.Announcement;
import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import dev.routescope.model.Community;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Origin;
import dev.routescope.model.Peer;
import dev.routescope.model.PeerStateChange;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import dev.routescope.rislive.loopback.BgpdumpToRisLive;
import dev.routescope.rislive.loopback.LoopbackRisServer;
import dev.routescope.testsupport.ExternalTool;
import dev.routescope.testsupport.SharedData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real rrc12 routing data (2021-01-01 05:00, ~200k elements) converted to RIS Live frames through
 * bgpdump, decoded, and compared element by element with bgpdump's own lines.
 */
@Timeout(300)
class RealTrafficTest {
    private static final List<String> FRAMES = new ArrayList<>();
    private static BgpdumpToRisLive.Stats stats;

    @BeforeAll
    static void convert() throws Exception {
        Path bgpdump = ExternalTool.require("bgpdump");
        Path mrt = SharedData.file("mrt/ris-2021-01-01/rrc12/updates.20210101.0500.gz");
        stats = BgpdumpToRisLive.convert(bgpdump, mrt, "rrc12.ripe.net", true, FRAMES::add);
    }

    @Test
    void decodedFrames_matchBgpdumpLineByLine() {
        RisMessageDecoder decoder = RisMessageDecoder.builder().build();
        List<RouteEvent> events = new ArrayList<>();
        for (String frame : FRAMES) {
            RisFrame f = decoder.decode(frame);
            assertThat(f).as(frame).isInstanceOf(RisMessage.class);
            events.addAll(((RisMessage) f).events());
        }

        assertThat(stats.announcements).isGreaterThan(100_000);
        assertThat(stats.withdrawals).isGreaterThan(1_000);
        assertThat(events).hasSize(stats.lines.size());
        for (int i = 0; i < events.size(); i++) {
            assertSameElement(stats.lines.get(i), events.get(i));
        }
    }

    private static void assertSameElement(String line, RouteEvent e) {
        String[] f = line.split("\\|", -1);
        assertThat(e.timestamp()).as(line).isEqualTo(Instant.ofEpochSecond(Long.parseLong(f[1])));
        assertThat(e.collector()).isEqualTo("rrc12");
        assertThat(e.peer()).as(line).isEqualTo(new Peer(IpAddress.parse(f[3]), Asn.parse(f[4])));
        switch (f[2]) {
            case "W" -> assertThat(((Withdrawal) e).prefix()).as(line).isEqualTo(Prefix.parse(f[5]));
            case "A" -> {
                Announcement a = (Announcement) e;
                assertThat(a.prefix()).as(line).isEqualTo(Prefix.parse(f[5]));
                assertThat(a.asPath()).as(line).isEqualTo(AsPath.parse(f[6]));
                assertThat(a.attributes().origin()).as(line).isEqualTo(Origin.valueOf(f[7]));
                assertThat(a.attributes().nextHop()).as(line).isEqualTo(IpAddress.parse(f[8]));
                assertThat(a.attributes().med()).as(line).isEqualTo(Long.parseLong(f[10]));
                List<Community> communities = new ArrayList<>();
                for (String c : f[11].trim().split(" ")) {
                    if (!c.isEmpty() && c.chars().filter(ch -> ch == ':').count() == 1) {
                        communities.add(Community.parse(c));
                    }
                }
                assertThat(a.attributes().communities()).as(line).isEqualTo(communities);
                if (f[13].isEmpty()) {
                    assertThat(a.attributes().aggregator()).as(line).isNull();
                } else {
                    String[] agg = f[13].split(" ");
                    assertThat(a.attributes().aggregator())
                            .as(line)
                            .isEqualTo(new Aggregator(Asn.parse(agg[0]), IpAddress.parse(agg[1])));
                }
            }
            default -> {
                PeerStateChange s = (PeerStateChange) e;
                assertThat(s.isSessionUp() || s.isSessionDown()).as(line).isTrue();
                assertThat(s.isSessionUp()).as(line).isEqualTo(f[6].equals("6"));
            }
        }
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
                assertThat(m.id()).endsWith("-" + Long.toHexString(i));
                events += m.events().size();
            }
            assertThat(written.get(30, TimeUnit.SECONDS)).isEqualTo(FRAMES.size());
            assertThat(events).isEqualTo(stats.lines.size());
            RisLiveMetrics metrics = client.metrics();
            assertThat(metrics.received()).isEqualTo(FRAMES.size());
            assertThat(metrics.decoded()).isEqualTo(FRAMES.size());
            assertThat(metrics.dropped()).isZero();
            assertThat(metrics.malformed()).isZero();
        }
    }
}
