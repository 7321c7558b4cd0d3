package dev.routescope.rpki.rtr;

import static dev.routescope.rpki.rtr.ScriptedCache.endOfData;
import static dev.routescope.rpki.rtr.ScriptedCache.serves;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.Prefix;
import dev.routescope.rpki.Vrp;
import dev.routescope.rpki.rtr.internal.RtrCodec;
import dev.routescope.rpki.rtr.internal.RtrPdu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A hostile cache sends malformed or inconsistent PDUs: the client answers with the right Error
 * Report encapsulating the offending PDU (unless the connection is gone or the PDU was itself an
 * Error Report), drops the session, reconnects with a Reset Query and ends up equal to the good data
 * of the next connection. Never a crash, a hang or a FAILED state.
 */
class RtrClientHostileCacheTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HexFormat HEX = HexFormat.of();
    private static final Vrp A = Vrp.of("192.0.2.0/24", 24, 64496);
    private static final Vrp GOOD = Vrp.of("203.0.113.0/24", 24, 64511);

    private static byte[] pdu(RtrPdu p) {
        return RtrCodec.encode(p);
    }

    private static byte[] withLength(byte[] b, long length) {
        byte[] c = b.clone();
        c[4] = (byte) (length >>> 24);
        c[5] = (byte) (length >>> 16);
        c[6] = (byte) (length >>> 8);
        c[7] = (byte) length;
        return c;
    }

    /**
     * Connection 0 answers the Reset Query with Cache Response, then {@code hostile}; later
     * connections serve {@link #GOOD}. Returns the Error Report the client sent (null if none).
     */
    private static RtrPdu.@Nullable ErrorReport exchange(
            byte[] hostile, boolean closeAfter, @Nullable RtrErrorCode expected) throws Exception {
        try (ScriptedCache cache = new ScriptedCache(
                        c -> {
                            c.read();
                            c.send(new RtrPdu.CacheResponse(2, 77));
                            c.sendRaw(hostile);
                            if (closeAfter) {
                                c.close();
                            } else {
                                c.readUntilClosed(Duration.ofSeconds(3));
                            }
                        },
                        serves(2, 78, 5, new RtrPdu.PrefixPdu(2, true, GOOD)));
                RtrClient client = RtrClient.builder()
                        .host("127.0.0.1")
                        .port(cache.port())
                        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
                        .responseTimeout(Duration.ofSeconds(2))
                        .build()) {
            client.start();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!(client.state() == RtrState.SYNCED && client.sessionId() == 78)) {
                assertThat(client.state()).isNotEqualTo(RtrState.FAILED);
                assertThat(System.nanoTime())
                        .as("recovery after %s", HEX.formatHex(hostile))
                        .isLessThan(deadline);
                Thread.sleep(10);
            }
            assertThat(client.vrps().vrps()).containsExactly(GOOD);
            assertThat(cache.connections()).isGreaterThanOrEqualTo(2);
            assertThat(cache.failures()).isEmpty();
            RtrPdu.ErrorReport report = cache.nextErrorReport(Duration.ofMillis(200));
            if (!closeAfter) {
                // what the client counts is what the cache got (after a close the report may be lost)
                assertThat(client.stats().errorReportsSent()).isEqualTo(report == null ? 0 : 1);
            }
            if (expected != null) {
                assertThat(report)
                        .as("Error Report for %s", HEX.formatHex(hostile))
                        .isNotNull();
                if (report != null) {
                    assertThat(report.errorCode()).as(report.text()).isEqualTo(expected.code());
                    assertThat(report.version()).isEqualTo(2);
                    assertThat(report.text()).isNotBlank();
                }
            }
            return report;
        }
    }

    private static void reports(byte[] hostile, RtrErrorCode code, byte[] encapsulated) throws Exception {
        RtrPdu.ErrorReport r = exchange(hostile, false, code);
        assertThat(r).isNotNull();
        if (r != null) {
            assertThat(HEX.formatHex(r.erroneousPdu())).isEqualTo(HEX.formatHex(encapsulated));
        }
    }

    private static void reports(byte[] hostile, RtrErrorCode code) throws Exception {
        reports(hostile, code, hostile);
    }

    @Test
    void prefixPduWithWrongLength_reportsCorruptData() throws Exception {
        byte[] p = pdu(new RtrPdu.PrefixPdu(2, true, A));
        reports(withLength(Arrays.copyOf(p, 24), 24), RtrErrorCode.CORRUPT_DATA);
    }

    @Test
    void headerLengthBelowHeaderSize_reportsCorruptDataWithTheHeader() throws Exception {
        byte[] h = withLength(pdu(new RtrPdu.CacheReset(2)), 4);
        reports(h, RtrErrorCode.CORRUPT_DATA);
    }

    @Test
    void headerLengthOf2GiB_reportsCorruptDataWithoutAllocating() throws Exception {
        byte[] h = withLength(Arrays.copyOf(pdu(new RtrPdu.PrefixPdu(2, true, A)), 8), 0x7FFF_FFFFL);
        reports(h, RtrErrorCode.CORRUPT_DATA);
    }

    @Test
    void unknownPduType_reportsUnsupportedPduType() throws Exception {
        reports(new byte[] {2, 12, 0, 0, 0, 0, 0, 8}, RtrErrorCode.UNSUPPORTED_PDU_TYPE);
    }

    @Test
    void versionAbove2_reportsUnsupportedProtocolVersion() throws Exception {
        byte[] p = pdu(new RtrPdu.PrefixPdu(2, true, A));
        p[0] = 3;
        reports(p, RtrErrorCode.UNSUPPORTED_PROTOCOL_VERSION);
    }

    @Test
    void otherVersionAfterNegotiation_reportsUnexpectedProtocolVersion() throws Exception {
        reports(pdu(new RtrPdu.PrefixPdu(1, true, A)), RtrErrorCode.UNEXPECTED_PROTOCOL_VERSION);
    }

    @Test
    void maxLengthBelowPrefixLength_reportsCorruptData() throws Exception {
        byte[] p = pdu(new RtrPdu.PrefixPdu(2, true, A));
        p[10] = 16; // /24 with maxLength 16
        reports(p, RtrErrorCode.CORRUPT_DATA);
    }

    @Test
    void prefixWithHostBits_reportsCorruptData() throws Exception {
        byte[] p = pdu(new RtrPdu.PrefixPdu(2, true, A));
        p[15] = 1; // 192.0.2.1/24
        reports(p, RtrErrorCode.CORRUPT_DATA);
    }

    @Test
    void endOfDataForAnotherSession_reportsCorruptData() throws Exception {
        reports(pdu(endOfData(2, 99, 1)), RtrErrorCode.CORRUPT_DATA);
    }

    @Test
    void duplicateAnnouncementInReset_reportsDuplicateAnnouncement() throws Exception {
        byte[] a = pdu(new RtrPdu.PrefixPdu(2, true, A));
        byte[] stream = concat(a, a, pdu(endOfData(2, 77, 1)));
        reports(stream, RtrErrorCode.DUPLICATE_ANNOUNCEMENT, a);
    }

    @Test
    void withdrawalInReset_reportsWithdrawalOfUnknownRecord() throws Exception {
        reports(pdu(new RtrPdu.PrefixPdu(2, false, A)), RtrErrorCode.WITHDRAWAL_OF_UNKNOWN_RECORD);
    }

    @Test
    void aspaProvidersUnsorted_reportsAspaProviderListError() throws Exception {
        reports(pdu(new RtrPdu.AspaPdu(2, true, 64500, new long[] {20, 10})), RtrErrorCode.ASPA_PROVIDER_LIST_ERROR);
    }

    @Test
    void aspaPduInVersion1Framing_reportsUnsupportedPduType() throws Exception {
        byte[] p = pdu(new RtrPdu.AspaPdu(2, true, 64500, new long[] {10}));
        p[0] = 1;
        reports(p, RtrErrorCode.UNSUPPORTED_PDU_TYPE);
    }

    @Test
    void queryPduFromTheCache_reportsUnsupportedPduType() throws Exception {
        reports(pdu(new RtrPdu.ResetQuery(2)), RtrErrorCode.UNSUPPORTED_PDU_TYPE);
    }

    @Test
    void truncatedPduThenClose_reconnectsWithoutReport() throws Exception {
        byte[] p = pdu(new RtrPdu.PrefixPdu(2, true, A));
        assertThat(exchange(Arrays.copyOf(p, 10), true, null)).isNull();
    }

    @Test
    void truncatedPduThenSilence_dropsAfterResponseTimeoutAndReconnects() throws Exception {
        byte[] p = pdu(new RtrPdu.PrefixPdu(2, true, A));
        assertThat(exchange(Arrays.copyOf(p, 10), false, null)).isNull();
    }

    @Test
    void malformedErrorReportFromCache_isNeverAnsweredWithAnErrorReport() throws Exception {
        byte[] er = pdu(new RtrPdu.ErrorReport(2, 1, new byte[0], "oops"));
        er[11] = 50; // encapsulated length beyond the PDU
        assertThat(exchange(er, false, null)).isNull();
    }

    @Test
    void errorReportInAnotherVersionAfterNegotiation_isNotAnswered() throws Exception {
        assertThat(exchange(pdu(new RtrPdu.ErrorReport(1, 0, new byte[0], "v1 error in a v2 session")), false, null))
                .isNull();
    }

    @Test
    void fatalErrorReportFromCache_dropsSessionAndReconnects() throws Exception {
        assertThat(exchange(pdu(new RtrPdu.ErrorReport(2, 1, new byte[0], "internal")), false, null))
                .isNull();
    }

    @Test
    void deltaErrors_duplicateUnknownWithdrawalAndWrongSession_areReportedThenResetRecovers() throws Exception {
        Vrp unknown = Vrp.of("198.51.100.0/24", 24, 1);
        Object[][] cases = {
            {
                new RtrPdu[] {new RtrPdu.CacheResponse(2, 77), new RtrPdu.PrefixPdu(2, true, A)},
                RtrErrorCode.DUPLICATE_ANNOUNCEMENT
            },
            {
                new RtrPdu[] {new RtrPdu.CacheResponse(2, 77), new RtrPdu.PrefixPdu(2, false, unknown)},
                RtrErrorCode.WITHDRAWAL_OF_UNKNOWN_RECORD
            },
            {new RtrPdu[] {new RtrPdu.CacheResponse(2, 99)}, RtrErrorCode.CORRUPT_DATA},
            {new RtrPdu[] {new RtrPdu.SerialNotify(2, 98, 5)}, RtrErrorCode.CORRUPT_DATA},
            {
                new RtrPdu[] {new RtrPdu.CacheResponse(2, 77), new RtrPdu.AspaPdu(2, false, 64999, new long[0])},
                RtrErrorCode.WITHDRAWAL_OF_UNKNOWN_RECORD
            },
        };
        for (Object[] k : cases) {
            RtrPdu[] delta = (RtrPdu[]) k[0];
            RtrErrorCode code = (RtrErrorCode) k[1];
            try (ScriptedCache cache = new ScriptedCache(
                            c -> {
                                c.read();
                                c.send(
                                        new RtrPdu.CacheResponse(2, 77),
                                        new RtrPdu.PrefixPdu(2, true, A),
                                        endOfData(2, 77, 1));
                                c.send(new RtrPdu.SerialNotify(2, 77, 2));
                                RtrPdu q = c.read();
                                if (!q.equals(new RtrPdu.SerialQuery(2, 77, 1))) {
                                    throw new AssertionError("expected Serial Query, got " + q);
                                }
                                c.send(delta);
                                c.readUntilClosed(Duration.ofSeconds(10));
                            },
                            serves(2, 78, 5, new RtrPdu.PrefixPdu(2, true, GOOD)));
                    RtrClient client = RtrClient.builder()
                            .host("127.0.0.1")
                            .port(cache.port())
                            .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
                            .build()) {
                client.start();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (client.sessionId() != 78 || client.state() != RtrState.SYNCED) {
                    assertThat(System.nanoTime()).as("recovery after %s", code).isLessThan(deadline);
                    Thread.sleep(10);
                }
                assertThat(client.vrps().vrps()).containsExactly(GOOD);
                RtrPdu.ErrorReport r = cache.nextErrorReport(WAIT);
                assertThat(r).as("report for %s", code).isNotNull();
                if (r != null) {
                    assertThat(r.errorCode()).as(r.text()).isEqualTo(code.code());
                    assertThat(r.erroneousPdu()).isEqualTo(pdu(delta[delta.length - 1]));
                }
                assertThat(client.stats().resetQueries())
                        .as("reset after %s", code)
                        .isEqualTo(2);
                assertThat(cache.failures()).isEmpty();
            }
        }
    }

    @Test
    void endlessPayloadWithoutEndOfData_isCutAtMaxRecordsWithInternalError() throws Exception {
        List<RtrErrorReport> sent = Collections.synchronizedList(new ArrayList<>());
        try (ScriptedCache cache = new ScriptedCache(
                        c -> {
                            c.read();
                            c.send(new RtrPdu.CacheResponse(2, 77));
                            for (int i = 0; i < 5_000; i++) {
                                c.send(new RtrPdu.PrefixPdu(2, true, Vrp.of(Prefix.ipv4(i << 8, 24), 1)));
                            }
                            c.readUntilClosed(Duration.ofSeconds(5));
                        },
                        serves(2, 78, 5, new RtrPdu.PrefixPdu(2, true, GOOD)));
                RtrClient client = RtrClient.builder()
                        .host("127.0.0.1")
                        .port(cache.port())
                        .maxRecords(1_000)
                        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
                        .listener(new RtrListener() {
                            @Override
                            public void errorReport(RtrErrorReport report) {
                                sent.add(report);
                            }
                        })
                        .build()) {
            client.start();
            client.awaitSynced(WAIT);
            assertThat(client.vrps().vrps()).containsExactly(GOOD);
            // the cache is still busy writing when the client hangs up, so the report is checked on
            // the client side
            assertThat(sent).hasSize(1);
            RtrErrorReport r = sent.get(0);
            assertThat(r.sent()).isTrue();
            assertThat(r.errorCode()).isEqualTo(RtrErrorCode.INTERNAL_ERROR);
            assertThat(r.text()).contains("maxRecords 1000");
            assertThat(r.erroneousPduType()).isEqualTo(RtrPdu.IPV4_PREFIX);
        }
    }

    /** Seeded garbage after the Cache Response: whatever comes, the client recovers with the next connection. */
    @Test
    void randomGarbage_seeded_clientAlwaysRecovers() throws Exception {
        long seed = 0xBAD_CAFEL;
        SplittableRandom random = new SplittableRandom(seed);
        RtrPdu[] valid = {
            new RtrPdu.PrefixPdu(2, true, A),
            new RtrPdu.PrefixPdu(2, true, Vrp.of("2001:db8::/32", 48, 1)),
            endOfData(2, 77, 1),
            new RtrPdu.AspaPdu(2, true, 1, new long[] {2, 3}),
            new RtrPdu.ErrorReport(2, 2, new byte[0], "x"),
            new RtrPdu.SerialNotify(2, 77, 1),
        };
        for (int i = 0; i < 25; i++) {
            byte[] b = pdu(valid[random.nextInt(valid.length)]);
            int flips = random.nextInt(1, 4);
            for (int f = 0; f < flips; f++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                b = Arrays.copyOf(b, random.nextInt(1, b.length + 1));
            }
            byte[] hostile = b;
            try {
                exchange(hostile, random.nextBoolean(), null);
            } catch (AssertionError e) {
                throw new AssertionError(
                        "seed " + Long.toHexString(seed) + " try " + i + ": " + HEX.formatHex(hostile), e);
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
