package dev.routescope.rislive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.model.Announcement;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import dev.routescope.rislive.loopback.LoopbackRisServer;
import dev.routescope.rislive.loopback.LoopbackRisServer.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RisLiveClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private LoopbackRisServer server;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void startServer() {
        server = new LoopbackRisServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static String update(int seq) {
        return "{\"type\":\"ris_message\",\"data\":{\"timestamp\":1609477200.25,\"peer\":\"192.0.2.1\","
                + "\"peer_asn\":\"64500\",\"id\":\"n-" + seq + "\",\"host\":\"rrc12.ripe.net\",\"type\":\"UPDATE\","
                + "\"path\":[64500,64501],\"origin\":\"IGP\",\"announcements\":[{\"next_hop\":\"192.0.2.1\","
                + "\"prefixes\":[\"10." + (seq >> 8 & 255) + "." + (seq & 255) + ".0/24\"]}],\"withdrawals\":[]}}";
    }

    static List<String> updates(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(update(i));
        }
        return out;
    }

    private RisLiveClient.Builder webSocketClient() {
        return RisLiveClient.builder()
                .webSocket(server.webSocketUri())
                .clientName("routescope-test")
                .listener(events)
                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    @Test
    void webSocket_twoSubscriptions_sentOnConnectWithClientName() throws Exception {
        RisSubscription updates = RisSubscription.builder()
                .host("rrc21")
                .type(RisMessageType.UPDATE)
                .build();
        RisSubscription beacons = RisSubscription.builder()
                .prefix(Prefix.parse("84.205.64.0/24"))
                .path(Asn.of(12654))
                .build();
        try (RisLiveClient client =
                webSocketClient().subscription(updates).subscription(beacons).build()) {
            client.start(m -> {});
            Session s = server.nextSession(WAIT);

            assertThat(s.uri()).isEqualTo("/v1/ws/?client=routescope-test");
            assertThat(s.nextClientFrame(WAIT))
                    .isEqualTo("{\"type\":\"ris_subscribe\",\"data\":{\"host\":\"rrc21\",\"type\":\"UPDATE\"}}");
            assertThat(s.nextClientFrame(WAIT))
                    .isEqualTo(
                            "{\"type\":\"ris_subscribe\",\"data\":{\"prefix\":[\"84.205.64.0/24\"],\"path\":12654}}");
        }
    }

    @Test
    void webSocket_acknowledgeAndCollectorList_reachTheListener() throws Exception {
        RisSubscription s =
                RisSubscription.builder().host("rrc00").acknowledge(true).build();
        try (RisLiveClient client = webSocketClient().subscription(s).build()) {
            client.start(m -> {});
            server.nextSession(WAIT);
            await("subscribe ok", () -> !events.subscribed.isEmpty());
            assertThat(client.requestCollectorList()).isTrue();
            await("collector list", () -> !events.collectorLists.isEmpty());

            assertThat(events.subscribed.get(0).subscriptionJson())
                    .isEqualTo("{\"host\":\"rrc00\",\"socketOptions\":{\"acknowledge\":true}}");
            assertThat(events.collectorLists.get(0).collectors()).containsExactly("rrc00", "rrc01", "rrc12");
            assertThat(client.metrics().control()).isEqualTo(2);
        }
    }

    @Test
    void webSocket_framesIncludingFragmentedOne_arriveDecodedInOrder() throws Exception {
        try (RisLiveClient client = webSocketClient().build();
                RisMessageStream stream = client.messages()) {
            Session s = server.nextSession(WAIT);
            s.send(update(0));
            s.sendFragmented(update(1), 5);
            s.send(update(2));

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(stream.next().id());
            }
            assertThat(ids).containsExactly("n-0", "n-1", "n-2");
            assertThat(client.metrics().decoded()).isEqualTo(3);
        }
    }

    @Test
    void webSocket_serverDropsMidFrame_reconnectsResubscribesAndReportsGap() throws Exception {
        RisSubscription sub = RisSubscription.builder().host("rrc12").build();
        try (RisLiveClient client = webSocketClient().subscription(sub).build();
                RisMessageStream stream = client.messages()) {
            Session first = server.nextSession(WAIT);
            String subscribe = first.nextClientFrame(WAIT);
            first.send(update(0));
            assertThat(stream.next().id()).isEqualTo("n-0");

            first.dropMidFrame(update(1));
            Session second = server.nextSession(WAIT);
            assertThat(second.nextClientFrame(WAIT)).isEqualTo(subscribe);
            second.send(update(2));

            assertThat(stream.next().id()).isEqualTo("n-2");
            await("gap", () -> !events.gaps.isEmpty());
            RisGap gap = events.gaps.get(0);
            assertThat(gap.to()).isAfterOrEqualTo(gap.from());
            assertThat(gap.reason()).isNotEmpty();
            assertThat(client.metrics().reconnects()).isEqualTo(1);
            assertThat(client.metrics().malformed()).isZero();
        }
    }

    @Test
    void webSocket_serverStopsSending_stallDetectedAndReconnected() throws Exception {
        try (RisLiveClient client = webSocketClient()
                        .pingInterval(Duration.ZERO)
                        .stallTimeout(Duration.ofSeconds(1))
                        .build();
                RisMessageStream stream = client.messages()) {
            Session first = server.nextSession(WAIT);
            first.send(update(0));
            assertThat(stream.next().id()).isEqualTo("n-0");

            Session second = server.nextSession(WAIT);
            await("first connection closed", () -> !first.isOpen());
            assertThat(events.disconnects).anySatisfy(r -> assertThat(r).startsWith("stalled: no frame for PT1S"));
            second.send(update(1));
            assertThat(stream.next().id()).isEqualTo("n-1");
        }
    }

    @Test
    void webSocket_quietSubscriptionAnsweringPings_isNotTakenForAStall() throws Exception {
        try (RisLiveClient client = webSocketClient()
                .pingInterval(Duration.ofMillis(50))
                .stallTimeout(Duration.ofMillis(1500))
                .build()) {
            client.start(m -> {});
            server.nextSession(WAIT);
            await("pongs", () -> client.metrics().control() >= 45); // 45 pongs: well past the stall timeout

            assertThat(server.connections()).isEqualTo(1);
            assertThat(client.metrics().reconnects()).isZero();
        }
    }

    @Test
    void webSocket_malformedFrameAndRisError_areReportedAndTheStreamGoesOn() throws Exception {
        try (RisLiveClient client = webSocketClient().build();
                RisMessageStream stream = client.messages()) {
            Session s = server.nextSession(WAIT);
            s.send("{\"type\":\"ris_message\",\"data\":{\"timestamp\":");
            s.send("{\"type\":\"ris_error\",\"data\":{\"message\":\"Client is too slow\"}}");
            s.send(update(7));

            assertThat(stream.next().id()).isEqualTo("n-7");
            assertThat(events.malformed).hasSize(1);
            assertThat(events.malformed.get(0).text()).isEqualTo("{\"type\":\"ris_message\",\"data\":{\"timestamp\":");
            assertThat(events.serverErrors).containsExactly(new RisFrame.ServerError("Client is too slow"));
            RisLiveMetrics m = client.metrics();
            assertThat(m.received()).isEqualTo(3);
            assertThat(m.malformed()).isEqualTo(1);
            assertThat(m.serverErrors()).isEqualTo(1);
            assertThat(m.decoded()).isEqualTo(1);
        }
    }

    @Test
    void webSocket_frameLongerThanTheLimit_isSkippedAndReportedAndTheNextArrives() throws Exception {
        try (RisLiveClient client = webSocketClient().maxFrameChars(1024).build();
                RisMessageStream stream = client.messages()) {
            Session s = server.nextSession(WAIT);
            String huge = "{\"type\":\"ris_message\",\"data\":{\"junk\":\"" + "x".repeat(5000) + "\"}}";
            s.sendFragmented(huge, 7);
            s.send(update(3));

            assertThat(stream.next().id()).isEqualTo("n-3");
            assertThat(events.malformed).singleElement().satisfies(m -> {
                assertThat(m.reason())
                        .isEqualTo("frame of " + huge.length() + " characters exceeds maxFrameChars 1024");
                assertThat(m.text()).startsWith("{\"type\":\"ris_message\"").hasSizeLessThanOrEqualTo(256);
            });
            assertThat(client.metrics().received()).isEqualTo(2);
            assertThat(client.metrics().malformed()).isEqualTo(1);
        }
    }

    @Test
    void close_sendsAWebSocketCloseFrame() throws Exception {
        RisLiveClient client = webSocketClient().build();
        client.start(m -> {});
        Session s = server.nextSession(WAIT);
        await("client connected", () -> events.connected.size() == 1);

        client.close();

        await("server saw the close", () -> !s.isOpen());
        assertThat(s.closeStatus()).isEqualTo(1000);
    }

    @Test
    void publisher_nonPositiveRequest_signalsOnError() throws Exception {
        try (RisLiveClient client = webSocketClient().build()) {
            BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
            client.publisher().subscribe(new Flow.Subscriber<RisMessage>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    s.request(0);
                }

                @Override
                public void onNext(RisMessage item) {}

                @Override
                public void onError(Throwable throwable) {
                    errors.add(throwable);
                }

                @Override
                public void onComplete() {}
            });

            assertThat(errors.poll(10, TimeUnit.SECONDS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rule 3.9");
        }
    }

    @Test
    void webSocket_slowConsumerUnderBlock_losesNothing() throws Exception {
        int total = 20_000; // ~7 MB: more than socket buffers can hide, so the server must feel the pause
        try (RisLiveClient client = webSocketClient().queueCapacity(16).build();
                RisMessageStream stream = client.messages()) {
            Session s = server.nextSession(WAIT);
            var written = s.stream(updates(total), 1);
            // Do not consume until the client has stopped reading: the queue is full and paused.
            await("queue full", () -> client.metrics().queued() >= 16);
            assertThat(written).isNotDone();

            for (int i = 0; i < total; i++) {
                assertThat(stream.next().id()).isEqualTo("n-" + i);
            }
            RisLiveMetrics m = client.metrics();
            assertThat(m.received()).isEqualTo(total);
            assertThat(m.decoded()).isEqualTo(total);
            assertThat(m.dropped()).isZero();
            assertThat(written.get(10, TimeUnit.SECONDS)).isEqualTo(total);
        }
    }

    @Test
    void webSocket_slowConsumerUnderDropOldest_keepsNewestAndCountsExactly() throws Exception {
        int total = 2_000;
        try (RisLiveClient client = webSocketClient()
                        .queueCapacity(16)
                        .overflowPolicy(OverflowPolicy.DROP_OLDEST)
                        .build();
                RisMessageStream stream = client.messages()) {
            Session s = server.nextSession(WAIT);
            s.stream(updates(total), 1).get(10, TimeUnit.SECONDS);
            await("all received", () -> client.metrics().received() == total);

            List<String> ids = new ArrayList<>();
            RisMessage m;
            while ((m = stream.poll(Duration.ofMillis(100))) != null) {
                ids.add(m.id());
            }
            assertThat(ids).hasSize(16).first().isEqualTo("n-" + (total - 16));
            assertThat(ids).last().isEqualTo("n-" + (total - 1));
            RisLiveMetrics metrics = client.metrics();
            assertThat(metrics.dropped()).isEqualTo(total - 16);
            assertThat(metrics.decoded() + metrics.dropped()).isEqualTo(metrics.received());
        }
    }

    @Test
    void firehose_subscriptionHeaderAndLines_decodedUnderBlockWithoutLoss() throws Exception {
        int total = 3_000;
        server.onFirehose(s -> {
            var unused = s.stream(updates(total), 1).thenRun(s::endFirehose);
        });
        RisSubscription sub =
                RisSubscription.builder().type(RisMessageType.UPDATE).build();
        try (RisLiveClient client = RisLiveClient.builder()
                .firehose(server.firehoseUri())
                .clientName("routescope-test")
                .subscription(sub)
                .queueCapacity(32)
                .listener(events)
                .reconnectBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .build()) {
            RisMessageStream stream = client.messages();
            Session s = server.nextSession(WAIT);
            assertThat(s.uri()).isEqualTo("/v1/stream/?format=json&client=routescope-test");
            assertThat(s.subscribeHeader()).isEqualTo("{\"type\":\"UPDATE\"}");
            for (int i = 0; i < total; i++) {
                assertThat(stream.next().id()).isEqualTo("n-" + i);
            }
            assertThat(client.metrics().dropped()).isZero();
            await("end of body reported", () -> !events.disconnects.isEmpty());
            assertThat(events.disconnects.get(0)).isEqualTo("firehose stream ended");
        }
    }

    @Test
    void recorderAndReplay_reproduceTheSameMessagesOffline(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("session.ndjson.gz");
        List<RisMessage> live = new ArrayList<>();
        try (RisRecorder recorder = RisRecorder.create(file);
                RisLiveClient client = webSocketClient().recorder(recorder).build();
                RisMessageStream stream = client.messages()) {
            Session s = server.nextSession(WAIT);
            s.send(update(1));
            s.send("not json");
            s.send(update(2));
            live.add(stream.next());
            live.add(stream.next());
        }
        assertThat(Files.size(file)).isPositive();

        RecordingListener replayEvents = new RecordingListener();
        List<RisMessage> replayed = new ArrayList<>();
        try (RisLiveClient replay =
                RisLiveClient.builder().replay(file).listener(replayEvents).build()) {
            replay.messages().forEachRemaining(replayed::add);
            assertThat(replay.awaitTermination(WAIT)).isTrue();
        }
        assertThat(replayed).isEqualTo(live);
        assertThat(replayEvents.malformed).extracting(RisFrame.Malformed::text).containsExactly("not json");
    }

    @Test
    void publisher_deliversExactlyTheRequestedNumber() throws Exception {
        try (RisLiveClient client = webSocketClient().build()) {
            BlockingQueue<RisMessage> got = new LinkedBlockingQueue<>();
            Flow.Subscription[] subscription = new Flow.Subscription[1];
            CountDownLatch subscribed = new CountDownLatch(1);
            client.publisher().subscribe(new Flow.Subscriber<RisMessage>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription[0] = s;
                    subscribed.countDown();
                }

                @Override
                public void onNext(RisMessage item) {
                    got.add(item);
                }

                @Override
                public void onError(Throwable throwable) {}

                @Override
                public void onComplete() {}
            });
            assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
            Session s = server.nextSession(WAIT);
            for (int i = 0; i < 5; i++) {
                s.send(update(i));
            }
            subscription[0].request(2);
            assertThat(got.poll(10, TimeUnit.SECONDS).id()).isEqualTo("n-0");
            assertThat(got.poll(10, TimeUnit.SECONDS).id()).isEqualTo("n-1");
            await(
                    "remaining frames queued",
                    () -> client.metrics().queued() + client.metrics().decoded() >= 3);
            assertThat(got.poll(50, TimeUnit.MILLISECONDS)).isNull();
            assertThat(client.metrics().decoded()).isEqualTo(2);

            subscription[0].request(3);
            for (int i = 2; i < 5; i++) {
                assertThat(got.poll(10, TimeUnit.SECONDS).id()).isEqualTo("n-" + i);
            }
        }
    }

    @Test
    void publisher_secondSubscriber_getsAnError() {
        try (RisLiveClient client = webSocketClient().build()) {
            client.start(m -> {});
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            client.publisher().subscribe(new Flow.Subscriber<RisMessage>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {}

                @Override
                public void onNext(RisMessage item) {}

                @Override
                public void onError(Throwable throwable) {
                    errors.add(throwable);
                }

                @Override
                public void onComplete() {}
            });
            assertThat(errors)
                    .singleElement()
                    .satisfies(e -> assertThat(e)
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("already consumed through start(Consumer)"));
        }
    }

    @Test
    void close_endsTheStreamAndStopsReconnecting() throws Exception {
        RisLiveClient client = webSocketClient().build();
        RisMessageStream stream = client.messages();
        Session s = server.nextSession(WAIT);
        s.send(update(0));
        assertThat(stream.next().id()).isEqualTo("n-0");

        client.close();

        assertThat(stream.hasNext()).isFalse();
        assertThat(client.awaitTermination(WAIT)).isTrue();
        await("server saw the close", () -> !s.isOpen());
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void connectFailures_backOffExponentiallyWithoutJitter() throws Exception {
        server.close();
        List<Long> failures = new CopyOnWriteArrayList<>();
        RisLiveListener listener = new RisLiveListener() {
            @Override
            public void onDisconnected(String reason) {
                if (reason.startsWith("connect failed")) {
                    failures.add(System.nanoTime());
                }
            }
        };
        try (RisLiveClient client = RisLiveClient.builder()
                .webSocket(server.webSocketUri())
                .listener(listener)
                .reconnectBackoff(Duration.ofMillis(40), Duration.ofMillis(160))
                .jitter(0)
                .build()) {
            client.start(m -> {});
            await("five failed attempts", () -> failures.size() >= 5);
        }
        // delays after failures 1..4: 40, 80, 160, 160 ms (capped); only lower bounds are certain
        long[] minGapsMillis = {40, 80, 160, 160};
        for (int i = 0; i < 4; i++) {
            long gap = TimeUnit.NANOSECONDS.toMillis(failures.get(i + 1) - failures.get(i));
            assertThat(gap).as("gap after failure %d", i + 1).isGreaterThanOrEqualTo(minGapsMillis[i]);
        }
        server = new LoopbackRisServer(); // for @AfterEach
    }

    @Test
    void replay_realLibbgpstreamCapture_deliversMessagesAndReportsTheRest() throws Exception {
        Path capture = dev.routescope.testsupport.SharedData.file("rislive/bgpstream_ris-live-stream.json");
        RecordingListener l = new RecordingListener();
        List<RisMessage> got = new ArrayList<>();
        try (RisLiveClient replay =
                RisLiveClient.builder().replay(capture).listener(l).build()) {
            replay.messages().forEachRemaining(got::add);
            RisLiveMetrics m = replay.metrics();
            assertThat(m.received()).isEqualTo(7);
            assertThat(m.decoded()).isEqualTo(5);
            assertThat(m.serverErrors()).isEqualTo(1);
            assertThat(m.malformed()).isEqualTo(1);
        }
        assertThat(got)
                .extracting(RisMessage::type)
                .containsExactly(
                        RisMessageType.UPDATE,
                        RisMessageType.RIS_PEER_STATE,
                        RisMessageType.OPEN,
                        RisMessageType.NOTIFICATION,
                        RisMessageType.KEEPALIVE);
        assertThat(((Announcement) got.get(0).events().get(0)).prefix()).isEqualTo(Prefix.parse("45.161.192.0/23"));
    }

    @Test
    void startViews_slowConsumerUnderBlockWithMalformedAndControlFrames_losesNothingAndCountsExactly()
            throws Exception {
        int total = 20_000;
        List<String> frames = new ArrayList<>(updates(total));
        frames.add(5_000, "{\"type\":\"ris_message\",\"data\":{\"timestamp\":");
        frames.add(10_000, "{\"type\":\"ris_error\",\"data\":{\"message\":\"Client is too slow\"}}");
        RisMessageDecoder reference = RisMessageDecoder.builder().build();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> mismatches = new CopyOnWriteArrayList<>();
        CountDownLatch open = new CountDownLatch(1);
        try (RisLiveClient client = webSocketClient().queueCapacity(16).build()) {
            client.startViews(view -> {
                try {
                    open.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ids.add(view.id());
                // every 1000th message: the model built on demand equals a plain decode of the frame
                if (ids.size() % 1000 == 1 && !view.toMessage().equals(reference.decode(view.text()))) {
                    mismatches.add(view.text());
                }
            });
            Session s = server.nextSession(WAIT);
            var written = s.stream(frames, 1);
            // the consumer is held: the queue fills and the client stops reading
            await("queue full", () -> client.metrics().queued() >= 16);
            assertThat(written).isNotDone();
            open.countDown();

            await("all decoded", () -> client.metrics().decoded() == total);
            assertThat(written.get(10, TimeUnit.SECONDS)).isEqualTo(total + 2);
            RisLiveMetrics m = client.metrics();
            assertThat(m.received()).isEqualTo(total + 2);
            assertThat(m.malformed()).isEqualTo(1);
            assertThat(m.control()).isEqualTo(1);
            assertThat(m.serverErrors()).isEqualTo(1);
            assertThat(m.dropped()).isZero();
            await("consumer done", () -> ids.size() == total);
        }
        for (int i = 0; i < total; i++) {
            assertThat(ids.get(i)).isEqualTo("n-" + i);
        }
        assertThat(mismatches).isEmpty();
        assertThat(events.malformed)
                .singleElement()
                .satisfies(
                        bad -> assertThat(bad.text()).isEqualTo("{\"type\":\"ris_message\",\"data\":{\"timestamp\":"));
        assertThat(events.serverErrors).containsExactly(new RisFrame.ServerError("Client is too slow"));
    }

    @Test
    void startViews_replayOfRealCapture_viewsEqualTheMessagesOfMessages() throws Exception {
        Path capture = dev.routescope.testsupport.SharedData.file("rislive/bgpstream_ris-live-stream.json");
        List<RisMessage> expected = new ArrayList<>();
        try (RisLiveClient replay = RisLiveClient.builder().replay(capture).build()) {
            replay.messages().forEachRemaining(expected::add);
        }
        List<RisMessage> viaViews = new CopyOnWriteArrayList<>();
        List<Long> originAsns = new CopyOnWriteArrayList<>();
        try (RisLiveClient replay = RisLiveClient.builder().replay(capture).build()) {
            replay.startViews(view -> {
                originAsns.add(view.originAsn());
                viaViews.add(view.toMessage());
            });
            assertThat(replay.awaitTermination(WAIT)).isTrue();
            assertThat(replay.metrics().decoded()).isEqualTo(5);
            assertThat(replay.metrics().malformed()).isEqualTo(1);
        }
        assertThat(viaViews).isEqualTo(expected);
        Announcement first = (Announcement) expected.get(0).events().get(0);
        assertThat(originAsns.get(0)).isEqualTo(first.origin().orElseThrow().value());
    }

    static final class RecordingListener implements RisLiveListener {
        final List<String> connected = new CopyOnWriteArrayList<>();
        final List<RisGap> gaps = new CopyOnWriteArrayList<>();
        final List<String> disconnects = new CopyOnWriteArrayList<>();
        final List<RisFrame.Malformed> malformed = new CopyOnWriteArrayList<>();
        final List<RisFrame.ServerError> serverErrors = new CopyOnWriteArrayList<>();
        final List<RisFrame.SubscribeOk> subscribed = new CopyOnWriteArrayList<>();
        final List<RisFrame.CollectorList> collectorLists = new CopyOnWriteArrayList<>();

        @Override
        public void onConnected(String endpoint) {
            connected.add(endpoint);
        }

        @Override
        public void onDisconnected(String reason) {
            disconnects.add(reason);
        }

        @Override
        public void onGap(RisGap gap) {
            gaps.add(gap);
        }

        @Override
        public void onMalformed(RisFrame.Malformed m) {
            malformed.add(m);
        }

        @Override
        public void onServerError(RisFrame.ServerError error) {
            serverErrors.add(error);
        }

        @Override
        public void onSubscribed(RisFrame.SubscribeOk ok) {
            subscribed.add(ok);
        }

        @Override
        public void onCollectorList(RisFrame.CollectorList list) {
            collectorLists.add(list);
        }
    }

    @Test
    void webSocket_subscribeAndUnsubscribeWhileConnected_sentAtOnceAndRememberedOnReconnect() throws Exception {
        RisSubscription rrc12 = RisSubscription.builder().host("rrc12").build();
        RisSubscription beacon =
                RisSubscription.builder().prefix(Prefix.parse("84.205.64.0/24")).build();
        try (RisLiveClient client = webSocketClient().subscription(rrc12).build();
                RisMessageStream stream = client.messages()) {
            Session first = server.nextSession(WAIT);
            assertThat(first.nextClientFrame(WAIT)).isEqualTo(rrc12.toSubscribeFrame());
            first.send(update(0));
            assertThat(stream.next().id()).isEqualTo("n-0"); // connected for sure

            assertThat(client.subscribe(beacon)).isTrue();
            assertThat(first.nextClientFrame(WAIT))
                    .isEqualTo("{\"type\":\"ris_subscribe\",\"data\":{\"prefix\":[\"84.205.64.0/24\"]}}");
            assertThat(client.unsubscribe(rrc12)).isTrue();
            assertThat(first.nextClientFrame(WAIT))
                    .isEqualTo("{\"type\":\"ris_unsubscribe\",\"data\":{\"host\":\"rrc12\"}}");
            assertThat(client.unsubscribe(rrc12)).isFalse();
            assertThat(client.subscriptions()).containsExactly(beacon);

            first.drop();
            Session second = server.nextSession(WAIT);
            assertThat(second.nextClientFrame(WAIT)).isEqualTo(beacon.toSubscribeFrame());
            second.send(update(1));
            assertThat(stream.next().id()).isEqualTo("n-1");
            assertThatThrownBy(() -> second.nextClientFrame(Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class); // the unsubscribed one is not sent again
        }
    }

    @Test
    void subscribe_conflictingSocketOptionOrDuplicateOrFirehose_refused() {
        RisSubscription raw = RisSubscription.builder().includeRaw(true).build();
        RisSubscription noRaw =
                RisSubscription.builder().host("rrc00").includeRaw(false).build();
        try (RisLiveClient client = webSocketClient().subscription(raw).build()) {
            assertThatThrownBy(() -> client.subscribe(noRaw))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("includeRaw is a socket option");
            assertThatThrownBy(() -> client.subscribe(raw))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already subscribed");
            assertThat(client.subscriptions()).containsExactly(raw);
        }
        try (RisLiveClient firehose =
                RisLiveClient.builder().firehose(server.firehoseUri()).build()) {
            assertThatThrownBy(() -> firehose.unsubscribe(raw))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("unsubscribe needs a WebSocket client");
        }
    }
}
