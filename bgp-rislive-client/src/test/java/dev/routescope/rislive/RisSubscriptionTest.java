package dev.routescope.rislive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.model.Asn;
import dev.routescope.model.IpAddress;
import dev.routescope.model.Prefix;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RisSubscriptionTest {

    @Test
    void toJson_everyParameter_isSentWithRisLiveNames() {
        RisSubscription s = RisSubscription.builder()
                .host("RRC21")
                .type(RisMessageType.UPDATE)
                .require("announcements")
                .peer(IpAddress.parse("2001:7f8:4::3:2be1:1"))
                .path("^174,3356,[64496,64497]$")
                .prefix(Prefix.parse("192.0.2.0/24"))
                .prefix(Prefix.parse("2001:db8::/32"))
                .moreSpecific(false)
                .lessSpecific(true)
                .includeRaw(true)
                .acknowledge(true)
                .build();

        assertThat(s.toJson())
                .isEqualTo("{\"host\":\"rrc21\",\"type\":\"UPDATE\",\"require\":\"announcements\","
                        + "\"peer\":\"2001:7f8:4::3:2be1:1\",\"prefix\":[\"192.0.2.0/24\",\"2001:db8::/32\"],"
                        + "\"path\":\"^174,3356,[64496,64497]$\",\"moreSpecific\":false,\"lessSpecific\":true,"
                        + "\"socketOptions\":{\"includeRaw\":true,\"acknowledge\":true}}");
        assertThat(s.toSubscribeFrame()).startsWith("{\"type\":\"ris_subscribe\",\"data\":{\"host\":\"rrc21\"");
    }

    @Test
    void toJson_nothingSet_isTheEmptyFilter() {
        assertThat(RisSubscription.all().toJson()).isEqualTo("{}");
    }

    @Test
    void toJson_peerStateType_usesTheFilterName() {
        assertThat(RisSubscription.builder()
                        .type(RisMessageType.RIS_PEER_STATE)
                        .build()
                        .toJson())
                .isEqualTo("{\"type\":\"RIS_PEER_STATE\"}");
    }

    @Test
    void path_validPatterns_areAccepted() {
        for (String p : new String[] {"13335$", "!6666$", "^123,456", "789", "^1,[2,3]$", "4294967295"}) {
            assertThat(RisSubscription.builder().path(p).build().toJson()).contains(p);
        }
        assertThat(RisSubscription.builder().path(Asn.of(8369)).build().toJson())
                .isEqualTo("{\"path\":8369}");
    }

    @Test
    void path_invalidPatterns_areRejectedWithTheReason() {
        assertThatThrownBy(() -> RisSubscription.builder().path("13335 174"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path '13335 174' (expected: comma-separated ASNs");
        assertThatThrownBy(() -> RisSubscription.builder().path(".*13335$"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RisSubscription.builder().path("4294967296"))
                .hasMessageContaining("ASN 4294967296 at index 0 out of range");
        assertThatThrownBy(() -> RisSubscription.builder().path("1,[5,3]"))
                .hasMessageContaining("strictly ascending, 3 at index 5 follows 5");
    }

    @Test
    void builder_settingTwice_isRefusedNamingTheCurrentValue() {
        assertThatThrownBy(() -> RisSubscription.builder().host("rrc00").host("rrc01"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("host was already set to rrc00");
        assertThatThrownBy(() -> RisSubscription.builder().path("1$").path(Asn.of(2)))
                .hasMessage("path was already set to '1$'");
        assertThatThrownBy(() -> RisSubscription.builder()
                        .prefix(Prefix.parse("10.0.0.0/8"))
                        .prefix(Prefix.parse("10.0.0.0/8")))
                .hasMessage("prefix 10.0.0.0/8 was already added");
    }

    @Test
    void builder_badValues_areRefused() {
        assertThatThrownBy(() -> RisSubscription.builder().type(RisMessageType.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type UNKNOWN");
        assertThatThrownBy(() -> RisSubscription.builder().host("rrc 21")).hasMessageContaining("host 'rrc 21'");
        assertThatThrownBy(() -> RisSubscription.builder().require("a\"b")).hasMessageContaining("require 'a\"b'");
        assertThatThrownBy(() -> RisSubscription.builder().moreSpecific(true).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("moreSpecific needs a prefix (set prefix(...))");
    }

    @Test
    void clientBuilder_conflictingSocketOptions_areRefused() {
        RisSubscription raw =
                RisSubscription.builder().host("rrc00").includeRaw(true).build();
        RisSubscription noRaw =
                RisSubscription.builder().host("rrc01").includeRaw(false).build();

        assertThatThrownBy(() -> RisLiveClient.builder()
                        .subscription(raw)
                        .subscription(noRaw)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("includeRaw is a socket option");
    }

    @Test
    void clientBuilder_invalidCombinations_areRefused() {
        RisSubscription a = RisSubscription.builder().host("rrc00").build();
        RisSubscription b = RisSubscription.builder().host("rrc01").build();
        URI firehose = URI.create("http://127.0.0.1:1/v1/stream/");
        assertThatThrownBy(() -> RisLiveClient.builder()
                        .firehose(firehose)
                        .subscription(a)
                        .subscription(b)
                        .build())
                .hasMessageContaining("the firehose takes one filter");
        assertThatThrownBy(() -> RisLiveClient.builder()
                        .replay(Path.of("x.ndjson"))
                        .subscription(a)
                        .build())
                .hasMessageContaining("subscriptions do not apply");
        assertThatThrownBy(() -> RisLiveClient.builder().replay(Path.of("x")).webSocket(URI.create("ws://h/")))
                .hasMessage("the source was already set to replay of x");
        assertThatThrownBy(() -> RisLiveClient.builder().webSocket(URI.create("http://h/")))
                .hasMessageContaining("expected: a ws: or wss: URI");
        assertThatThrownBy(() -> RisLiveClient.builder()
                        .pingInterval(Duration.ofSeconds(60))
                        .stallTimeout(Duration.ofSeconds(30))
                        .build())
                .hasMessageContaining("stallTimeout PT30S must exceed pingInterval PT1M");
        assertThatThrownBy(() -> RisLiveClient.builder().queueCapacity(0))
                .hasMessage("queueCapacity 0 (expected: 1..10000000)");
        assertThatThrownBy(() -> RisLiveClient.builder().jitter(1.5)).hasMessage("jitter 1.5 (expected: 0..1)");
        assertThatThrownBy(() -> RisLiveClient.builder().reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("max >= initial");
        assertThatThrownBy(() -> RisLiveClient.builder().subscription(a).subscription(a))
                .hasMessageContaining("was already added");
    }

    @Test
    void messageType_ofWire_acceptsBothPeerStateNamesAndAnyCase() {
        assertThat(RisMessageType.ofWire("STATE")).isEqualTo(RisMessageType.RIS_PEER_STATE);
        assertThat(RisMessageType.ofWire("RIS_PEER_STATE")).isEqualTo(RisMessageType.RIS_PEER_STATE);
        assertThat(RisMessageType.ofWire("update")).isEqualTo(RisMessageType.UPDATE);
        assertThat(RisMessageType.ofWire("ROUTE-REFRESH")).isEqualTo(RisMessageType.UNKNOWN);
    }
}
