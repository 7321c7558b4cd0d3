package dev.routescope.rpki.rtr;

import static dev.routescope.rpki.rtr.ScriptedCache.endOfData;
import static dev.routescope.rpki.rtr.ScriptedCache.serves;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.model.AsPath;
import dev.routescope.model.Prefix;
import dev.routescope.rpki.Aspa;
import dev.routescope.rpki.AspaDirection;
import dev.routescope.rpki.AspaState;
import dev.routescope.rpki.RouteOriginValidator;
import dev.routescope.rpki.RovState;
import dev.routescope.rpki.Vrp;
import dev.routescope.rpki.rtr.internal.RtrCodec;
import dev.routescope.rpki.rtr.internal.RtrPdu;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class RtrClientTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Vrp A = Vrp.of("192.0.2.0/24", 24, 64496);
    private static final Vrp B = Vrp.of("2001:db8::/32", 48, 64497);
    private static final Vrp C = Vrp.of("198.51.100.0/22", 24, 64498);

    private static RtrPdu.PrefixPdu ann(int v, Vrp vrp) {
        return new RtrPdu.PrefixPdu(v, true, vrp);
    }

    private static RtrPdu.PrefixPdu wd(int v, Vrp vrp) {
        return new RtrPdu.PrefixPdu(v, false, vrp);
    }

    private static RtrClient.Builder client(ScriptedCache cache) {
        return client(cache, Duration.ofSeconds(2));
    }

    private static RtrClient.Builder client(ScriptedCache cache, Duration responseTimeout) {
        return RtrClient.builder()
                .host("127.0.0.1")
                .port(cache.port())
                .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .responseTimeout(responseTimeout);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void resetQuery_v2Cache_validatorAndAspasEqualTheCacheData() throws Exception {
        RouteOriginValidator rov = RouteOriginValidator.empty();
        List<RtrSync> syncs = Collections.synchronizedList(new ArrayList<>());
        try (ScriptedCache cache = new ScriptedCache(serves(
                        2, 4711, 42, ann(2, A), ann(2, B), new RtrPdu.AspaPdu(2, true, 64496, new long[] {64510, 64511
                        })));
                RtrClient c = client(cache)
                        .validator(rov)
                        .listener(new RtrListener() {
                            @Override
                            public void synced(RtrSync sync) {
                                syncs.add(sync);
                            }
                        })
                        .build()) {
            c.start();
            c.awaitSynced(WAIT);
            assertThat(c.state()).isEqualTo(RtrState.SYNCED);
            assertThat(c.version()).isEqualTo(2);
            assertThat(c.sessionId()).isEqualTo(4711);
            assertThat(c.serial()).isEqualTo(42);
            assertThat(rov.snapshot().vrps()).containsExactlyInAnyOrder(A, B);
            assertThat(rov.validateState(Prefix.parse("192.0.2.0/24"), 64496)).isEqualTo(RovState.VALID);
            assertThat(c.aspas().aspas()).containsExactly(Aspa.of(64496, 64510, 64511));
            assertThat(c.aspaVerifier()
                            .verify(AsPath.parse("64511 64496"), AspaDirection.UPSTREAM, 64511)
                            .state())
                    .isEqualTo(AspaState.VALID);
            assertThat(syncs).hasSize(1);
            RtrSync s = syncs.get(0);
            assertThat(s.reset()).isTrue();
            assertThat(s.vrpsAnnounced()).isEqualTo(2);
            assertThat(s.aspasAnnounced()).isEqualTo(1);
            assertThat(s.refresh()).isEqualTo(Duration.ofHours(1));
            assertThat(cache.nextReceived(WAIT)).isEqualTo(new RtrPdu.ResetQuery(2));
            assertThat(cache.failures()).isEmpty();
        }
    }

    @Test
    void serialNotify_deltaWithAnnounceWithdrawAndAspaChanges_isAppliedAtEndOfData() throws Exception {
        List<RtrSync> syncs = Collections.synchronizedList(new ArrayList<>());
        try (ScriptedCache cache = new ScriptedCache(c -> {
                    c.read(); // Reset Query
                    c.send(
                            new RtrPdu.CacheResponse(1, 9),
                            ann(1, A),
                            ann(1, B),
                            new RtrPdu.EndOfData(1, 9, 100, 3600, 600, 7200));
                    c.send(new RtrPdu.SerialNotify(1, 9, 101));
                    RtrPdu q = c.read();
                    if (!q.equals(new RtrPdu.SerialQuery(1, 9, 100))) {
                        throw new AssertionError("expected Serial Query for serial 100, got " + q);
                    }
                    // withdraw and re-announce of A in one response is legal (one withdrawal, then one announcement)
                    c.send(
                            new RtrPdu.CacheResponse(1, 9),
                            wd(1, B),
                            ann(1, C),
                            wd(1, A),
                            ann(1, A),
                            new RtrPdu.EndOfData(1, 9, 101, 3600, 600, 7200));
                    c.readUntilClosed(Duration.ofSeconds(30));
                });
                RtrClient c = client(cache)
                        .maxVersion(1)
                        .listener(new RtrListener() {
                            @Override
                            public void synced(RtrSync sync) {
                                syncs.add(sync);
                            }
                        })
                        .build()) {
            c.start();
            await("serial 101", () -> c.serial() == 101);
            assertThat(c.vrps().vrps()).containsExactlyInAnyOrder(A, C);
            assertThat(c.validator().snapshot().vrps()).containsExactlyInAnyOrder(A, C);
            assertThat(syncs).hasSize(2);
            assertThat(syncs.get(1).reset()).isFalse();
            assertThat(syncs.get(1).vrpsWithdrawn()).isEqualTo(2); // B, and A before its re-announcement
            assertThat(c.stats().serialQueries()).isEqualTo(1);
            assertThat(c.stats().errorReportsSent()).isZero();
            assertThat(cache.failures()).isEmpty();
        }
    }

    @Test
    void aspaDelta_announceReplacesProvidersAndWithdrawRemovesCustomer() throws Exception {
        try (ScriptedCache cache = new ScriptedCache(c -> {
                    c.read();
                    c.send(
                            new RtrPdu.CacheResponse(2, 1),
                            new RtrPdu.AspaPdu(2, true, 64500, new long[] {1, 2}),
                            new RtrPdu.AspaPdu(2, true, 64501, new long[] {0}),
                            endOfData(2, 1, 1));
                    c.send(new RtrPdu.SerialNotify(2, 1, 2));
                    c.read();
                    c.send(
                            new RtrPdu.CacheResponse(2, 1),
                            new RtrPdu.AspaPdu(2, true, 64500, new long[] {3}),
                            new RtrPdu.AspaPdu(2, false, 64501, new long[0]),
                            endOfData(2, 1, 2));
                    c.readUntilClosed(Duration.ofSeconds(30));
                });
                RtrClient c = client(cache).build()) {
            c.start();
            await("serial 2", () -> c.serial() == 2);
            assertThat(c.aspas().aspas()).containsExactly(Aspa.of(64500, 3));
            assertThat(cache.failures()).isEmpty();
        }
    }

    @Test
    void cacheReset_answerToSerialQuery_fallsBackToResetQuery() throws Exception {
        try (ScriptedCache cache = new ScriptedCache(c -> {
                    c.read();
                    c.send(new RtrPdu.CacheResponse(1, 5), ann(1, A), endOfData(1, 5, 1));
                    c.send(new RtrPdu.SerialNotify(1, 5, 2));
                    c.read(); // Serial Query
                    c.send(new RtrPdu.CacheReset(1));
                    RtrPdu q = c.read();
                    if (!(q instanceof RtrPdu.ResetQuery)) {
                        throw new AssertionError("expected Reset Query after Cache Reset, got " + q);
                    }
                    c.send(new RtrPdu.CacheResponse(1, 6), ann(1, B), endOfData(1, 6, 7));
                    c.readUntilClosed(Duration.ofSeconds(30));
                });
                RtrClient c = client(cache).maxVersion(1).build()) {
            c.start();
            await("session 6", () -> c.serial() == 7);
            assertThat(c.sessionId()).isEqualTo(6);
            assertThat(c.vrps().vrps()).containsExactly(B);
            assertThat(c.stats().resetQueries()).isEqualTo(2);
            assertThat(cache.failures()).isEmpty();
        }
    }

    @Test
    void versionNegotiation_unsupportedVersionErrors_downgradeStepwiseToWhatTheCacheSpeaks() throws Exception {
        // a v0-only cache answering Unsupported Protocol Version in its own version (stayrtr does so)
        ScriptedCache.Script v0Only = c -> {
            RtrPdu q = c.read();
            if (q.version() > 0) {
                c.send(new RtrPdu.ErrorReport(0, 4, RtrCodec.encode(q), "Bad protocol version"));
                c.close();
                return;
            }
            c.send(new RtrPdu.CacheResponse(0, 3), ann(0, A), endOfData(0, 3, 1));
            c.readUntilClosed(Duration.ofSeconds(30));
        };
        try (ScriptedCache cache = new ScriptedCache(v0Only);
                RtrClient c = client(cache).build()) {
            c.start();
            c.awaitSynced(WAIT);
            assertThat(c.version()).isZero();
            assertThat(c.vrps().vrps()).containsExactly(A);
            assertThat(c.stats().downgrades()).isEqualTo(1);
            assertThat(c.stats().errorReportsReceived()).isEqualTo(1);
            // the v0 End of Data carries no timers: RFC defaults apply
            assertThat(c.stats().errorReportsSent()).isZero();
        }
        // a v1 cache whose error names its own version: one step 2 -> 1
        ScriptedCache.Script v1Only = c -> {
            RtrPdu q = c.read();
            if (q.version() > 1) {
                c.send(new RtrPdu.ErrorReport(1, 4, RtrCodec.encode(q), "version 1 only"));
                c.close();
                return;
            }
            c.send(new RtrPdu.CacheResponse(1, 3), ann(1, A), endOfData(1, 3, 1));
            c.readUntilClosed(Duration.ofSeconds(30));
        };
        try (ScriptedCache cache = new ScriptedCache(v1Only);
                RtrClient c = client(cache).build()) {
            c.start();
            c.awaitSynced(WAIT);
            assertThat(c.version()).isEqualTo(1);
        }
    }

    @Test
    void noDataAvailable_keepsConnectionAndQueriesAgainOnNotify() throws Exception {
        try (ScriptedCache cache = new ScriptedCache(c -> {
                    RtrPdu q = c.read();
                    c.send(new RtrPdu.ErrorReport(1, 2, RtrCodec.encode(q), "still loading"));
                    c.send(new RtrPdu.SerialNotify(1, 5, 1));
                    RtrPdu again = c.read();
                    if (!(again instanceof RtrPdu.ResetQuery)) {
                        throw new AssertionError("expected a second Reset Query, got " + again);
                    }
                    c.send(new RtrPdu.CacheResponse(1, 5), ann(1, A), endOfData(1, 5, 1));
                    c.readUntilClosed(Duration.ofSeconds(30));
                });
                RtrClient c = client(cache).maxVersion(1).build()) {
            c.start();
            c.awaitSynced(WAIT);
            assertThat(c.vrps().vrps()).containsExactly(A);
            assertThat(cache.connections()).isEqualTo(1);
            assertThat(c.stats().errorReportsReceived()).isEqualTo(1);
            assertThat(c.stats().errorReportsSent()).isZero();
            assertThat(cache.failures()).isEmpty();
        }
    }

    @Test
    void versionNegotiation_cacheAnswersInLowerVersion_isAccepted() throws Exception {
        // stayrtr -protocol 1 answers a v2 Reset Query directly in version 1
        try (ScriptedCache cache = new ScriptedCache(c -> {
                    c.read();
                    c.send(new RtrPdu.CacheResponse(1, 8), ann(1, C), endOfData(1, 8, 3));
                    c.readUntilClosed(Duration.ofSeconds(30));
                });
                RtrClient c = client(cache).build()) {
            c.start();
            c.awaitSynced(WAIT);
            assertThat(c.version()).isEqualTo(1);
            assertThat(c.vrps().vrps()).containsExactly(C);
        }
    }

    @Test
    void versionNegotiation_cacheRefusesMinVersion_failsWithRtrException() throws Exception {
        try (ScriptedCache cache = new ScriptedCache(c -> {
                    RtrPdu q = c.read();
                    c.send(new RtrPdu.ErrorReport(q.version(), 4, RtrCodec.encode(q), "go away"));
                    c.close();
                });
                RtrClient c = client(cache).minVersion(1).build()) {
            c.start();
            assertThatThrownBy(() -> c.awaitSynced(WAIT))
                    .isInstanceOf(RtrException.class)
                    .hasMessageContaining("FAILED")
                    .hasMessageContaining("refuses protocol versions 1..1");
            assertThat(c.state()).isEqualTo(RtrState.FAILED);
            assertThat(cache.connections()).isEqualTo(2); // v2, then v1, then give up
        }
    }

    @Test
    void unreachableCache_awaitSynced_throwsNamingTheFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (RtrClient c = RtrClient.builder()
                .host("127.0.0.1")
                .port(port)
                .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(50))
                .build()) {
            c.start();
            assertThatThrownBy(() -> c.awaitSynced(Duration.ofMillis(700)))
                    .isInstanceOf(RtrException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("not synced within PT0.7S")
                    .hasMessageContaining("connect:")
                    .satisfies(e -> assertThat(((RtrException) e).state()).isEqualTo(RtrState.CONNECTING));
            assertThat(c.stats().connectAttempts()).isGreaterThan(2);
            assertThat(c.stats().connects()).isZero();
        }
    }

    @Test
    void expireWithoutSync_goesStaleAndFlushes_thenRecovers() throws Exception {
        List<RtrState> states = Collections.synchronizedList(new ArrayList<>());
        try (ScriptedCache cache = new ScriptedCache(
                        c -> {
                            c.read();
                            c.send(new RtrPdu.CacheResponse(1, 2), ann(1, A), new RtrPdu.EndOfData(1, 2, 1, 1, 1, 2));
                            // then never answer the refresh Serial Queries
                            c.readUntilClosed(Duration.ofSeconds(4));
                        },
                        serves(1, 3, 9, ann(1, B)));
                RtrClient c = client(cache, Duration.ofSeconds(5))
                        .acceptAnyTimers()
                        .listener(new RtrListener() {
                            @Override
                            public void stateChanged(RtrState previous, RtrState current) {
                                states.add(current);
                            }
                        })
                        .build()) {
            c.start();
            c.awaitSynced(WAIT);
            assertThat(c.validator().snapshot().size()).isEqualTo(1);
            await("STALE", () -> c.state() == RtrState.STALE);
            assertThat(c.validator().snapshot().size()).isZero();
            assertThat(c.lastFailure()).get().asString().contains("expired");
            // the first connection times out (no response in 5 s); the second serves fresh data
            await("recovery", () -> c.state() == RtrState.SYNCED && c.serial() == 9);
            assertThat(c.validator().snapshot().vrps()).containsExactly(B);
            assertThat(states).containsSubsequence(RtrState.SYNCED, RtrState.STALE, RtrState.SYNCED);
        }
    }

    @Test
    void expireWithoutSync_flushOnExpireFalse_keepsData() throws Exception {
        try (ScriptedCache cache = new ScriptedCache(c -> {
                    c.read();
                    c.send(new RtrPdu.CacheResponse(1, 2), ann(1, A), new RtrPdu.EndOfData(1, 2, 1, 1, 1, 2));
                    c.readUntilClosed(Duration.ofSeconds(30));
                });
                RtrClient c = client(cache, Duration.ofSeconds(20))
                        .acceptAnyTimers()
                        .flushOnExpire(false)
                        .build()) {
            c.start();
            c.awaitSynced(WAIT);
            await("STALE", () -> c.state() == RtrState.STALE);
            assertThat(c.validator().snapshot().vrps()).containsExactly(A);
        }
    }

    @Test
    void refreshTimer_fromEndOfData_sendsSerialQueryWithoutNotify() throws Exception {
        try (ScriptedCache cache = new ScriptedCache(c -> {
                    c.read();
                    c.send(new RtrPdu.CacheResponse(1, 2), ann(1, A), new RtrPdu.EndOfData(1, 2, 1, 1, 1, 600));
                    RtrPdu q = c.read();
                    if (!q.equals(new RtrPdu.SerialQuery(1, 2, 1))) {
                        throw new AssertionError("expected Serial Query, got " + q);
                    }
                    c.send(new RtrPdu.CacheResponse(1, 2), ann(1, B), new RtrPdu.EndOfData(1, 2, 2, 3600, 1, 600));
                    c.readUntilClosed(Duration.ofSeconds(30));
                });
                RtrClient c = client(cache).build()) {
            c.start();
            await("serial 2", () -> c.serial() == 2);
            assertThat(c.vrps().vrps()).containsExactlyInAnyOrder(A, B);
            assertThat(cache.failures()).isEmpty();
        }
    }

    @Test
    void close_whileSynced_endsThreadAndConnection() throws Exception {
        try (ScriptedCache cache = new ScriptedCache(c -> {
            c.read();
            c.send(new RtrPdu.CacheResponse(1, 2), ann(1, A), endOfData(1, 2, 1));
            if (!c.readUntilClosed(Duration.ofSeconds(10))) {
                throw new AssertionError("client did not close its connection");
            }
        })) {
            RtrClient c = client(cache).build();
            c.start();
            c.awaitSynced(WAIT);
            c.close();
            assertThat(c.state()).isEqualTo(RtrState.CLOSED);
            assertThatThrownBy(() -> c.awaitSynced(WAIT)).isInstanceOf(RtrException.class);
            assertThatThrownBy(c::start).isInstanceOf(IllegalStateException.class);
            Thread.sleep(300);
            assertThat(cache.failures()).isEmpty();
            // the data stays in the validator
            assertThat(c.validator().snapshot().vrps()).containsExactly(A);
        }
    }

    @Test
    void builderEndpoint_hostPortForms_parseToHostAndPort() {
        assertThat(RtrClient.builder().endpoint("127.0.0.1:3323").build().endpoint())
                .isEqualTo("127.0.0.1:3323");
        assertThat(RtrClient.builder().endpoint("rtr.example.net").build().endpoint())
                .isEqualTo("rtr.example.net:323");
        assertThat(RtrClient.builder().endpoint("[2001:db8::1]:8282").build().endpoint())
                .isEqualTo("[2001:db8::1]:8282");
        assertThat(RtrClient.builder().endpoint("2001:db8::1").build().endpoint())
                .isEqualTo("[2001:db8::1]:323");
        assertThatThrownBy(() -> RtrClient.builder().endpoint("host:x"))
                .hasMessageContaining("port 'x' is not a number");
        assertThatThrownBy(() -> RtrClient.builder().endpoint("host:0"))
                .hasMessageContaining("port 0 (expected: 1..65535)");
        assertThatThrownBy(() -> RtrClient.builder().endpoint("[::1:323")).hasMessageContaining("no closing ']'");
        assertThatThrownBy(() -> RtrClient.builder().endpoint(":323")).hasMessageContaining("has no host");
        assertThatThrownBy(() -> RtrClient.builder().endpoint("a:1").port(2))
                .hasMessageContaining("port was already set to 1");
    }

    @Test
    void builder_misuse_isRefusedWithClearMessages() {
        assertThatThrownBy(() -> RtrClient.builder().build()).hasMessageContaining("host was not set");
        assertThatThrownBy(() -> RtrClient.builder().port(0)).hasMessageContaining("port 0 (expected: 1..65535)");
        assertThatThrownBy(() -> RtrClient.builder().host("a").host("b"))
                .hasMessageContaining("host was already set to a");
        assertThatThrownBy(() -> RtrClient.builder().maxVersion(3))
                .hasMessageContaining("maxVersion 3 (expected: 0..2)");
        assertThatThrownBy(() -> RtrClient.builder()
                        .host("a")
                        .minVersion(2)
                        .maxVersion(1)
                        .build())
                .hasMessageContaining("minVersion 2 exceeds maxVersion 1");
        assertThatThrownBy(() -> RtrClient.builder().reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("below initial");
        assertThatThrownBy(() -> RtrClient.builder().host("a").build().awaitSynced(WAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not started");
    }
}
