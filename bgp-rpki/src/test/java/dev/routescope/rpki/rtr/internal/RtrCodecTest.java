package dev.routescope.rpki.rtr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.routescope.rpki.Vrp;
import dev.routescope.rpki.rtr.RtrErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RtrCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    /** One PDU of every type valid in {@code version}. */
    static List<RtrPdu> samples(int version) {
        List<RtrPdu> l = new ArrayList<>();
        l.add(new RtrPdu.SerialNotify(version, 47051, 0xFFFF_FFFE));
        l.add(new RtrPdu.SerialQuery(version, 1, 7));
        l.add(new RtrPdu.ResetQuery(version));
        l.add(new RtrPdu.CacheResponse(version, 65535));
        l.add(new RtrPdu.PrefixPdu(version, true, Vrp.of("1.0.0.0/24", 24, 13335)));
        l.add(new RtrPdu.PrefixPdu(version, false, Vrp.of("0.0.0.0/0", 32, 4_294_967_295L)));
        l.add(new RtrPdu.PrefixPdu(version, true, Vrp.of("2001:db8::/32", 48, 64500)));
        l.add(new RtrPdu.PrefixPdu(version, false, Vrp.of("2001:db8::1/128", 128, 0)));
        l.add(
                version == 0
                        ? new RtrPdu.EndOfData(0, 3, 99, -1, -1, -1)
                        : new RtrPdu.EndOfData(version, 3, 99, 3600, 600, 7200));
        l.add(new RtrPdu.CacheReset(version));
        l.add(new RtrPdu.ErrorReport(version, 7, new byte[] {1, 2, 3}, "duplicate ✓"));
        l.add(new RtrPdu.ErrorReport(version, 2, new byte[0], ""));
        if (version >= 1) {
            byte[] ski = new byte[20];
            Arrays.fill(ski, (byte) 0x51);
            l.add(new RtrPdu.RouterKey(version, true, ski, 64496, new byte[] {0x30, 0x59, 0x30, 0x13}));
        }
        if (version >= 2) {
            l.add(new RtrPdu.AspaPdu(version, true, 64500, new long[] {64510, 64511, 4_294_967_295L}));
            l.add(new RtrPdu.AspaPdu(version, true, 64501, new long[] {0}));
            l.add(new RtrPdu.AspaPdu(version, false, 64500, new long[0]));
        }
        return l;
    }

    @Test
    void encodeThenDecode_everyPduOfEveryVersion_roundTrips() throws RtrDecodeException {
        for (int v = 0; v <= 2; v++) {
            for (RtrPdu p : samples(v)) {
                byte[] wire = RtrCodec.encode(p);
                assertThat(RtrCodec.pduLength(wire)).as("%s", p).isEqualTo(wire.length);
                assertThat(RtrCodec.decode(wire)).as("v%d %s", v, p).isEqualTo(p);
            }
        }
    }

    @Test
    void decode_bytesCapturedFromStayrtr_giveTheServedRecords() throws RtrDecodeException {
        // captured from stayrtr 0.5.1 serving 1.0.0.0/24-24 AS13335 and 2001:db8::/32-48 AS64500
        assertThat(RtrCodec.decode(HEX.parseHex("0204000000000014011818000100000000003417")))
                .isEqualTo(new RtrPdu.PrefixPdu(2, true, Vrp.of("1.0.0.0/24", 24, 13335)));
        assertThat(RtrCodec.decode(HEX.parseHex("01060000000000200120300020010db80000000000000000000000000000fbf4")))
                .isEqualTo(new RtrPdu.PrefixPdu(1, true, Vrp.of("2001:db8::/32", 48, 64500)));
        assertThat(RtrCodec.decode(HEX.parseHex("010763220000001800000001" + "00000e100000025800001c20")))
                .isEqualTo(new RtrPdu.EndOfData(1, 25378, 1, 3600, 600, 7200));
        assertThat(RtrCodec.decode(HEX.parseHex("000763220000000c00000002")))
                .isEqualTo(new RtrPdu.EndOfData(0, 25378, 2, -1, -1, -1));
        // stayrtr's answer to a version 3 Reset Query
        RtrPdu err = RtrCodec.decode(
                HEX.parseHex("000a0004000000250000000000000015" + "426164" + "2070726f746f636f6c2076657273696f6e00"));
        assertThat(err).isInstanceOf(RtrPdu.ErrorReport.class);
        assertThat(((RtrPdu.ErrorReport) err).errorCode()).isEqualTo(4);
        assertThat(((RtrPdu.ErrorReport) err).text()).isEqualTo("Bad protocol version\0");
    }

    @Test
    void decode_aspaCurrentLayout_matchesDraftBytes() throws RtrDecodeException {
        // 8210bis: flags in header byte 2, customer, providers; 12 + 4n bytes
        byte[] wire = HEX.parseHex("020b0100000000140000fbf40000fbfe0000fbff");
        RtrPdu.AspaPdu a = (RtrPdu.AspaPdu) RtrCodec.decode(wire);
        assertThat(a.announce()).isTrue();
        assertThat(a.customerAsn()).isEqualTo(64500);
        assertThat(a.providers()).containsExactly(64510, 64511);
        assertThat(RtrCodec.encode(a)).isEqualTo(wire);
    }

    @Test
    void decode_aspaDraft10LayoutOfStayrtr_isRejectedAsProviderListError() {
        // stayrtr 0.5.1: zero header field, then flags, AFI flags, provider count (draft -10 layout)
        byte[] wire = HEX.parseHex("020b000000000018010000020000fbf40000fbfe0000fbff");
        assertCode(wire, RtrErrorCode.ASPA_PROVIDER_LIST_ERROR);
    }

    @Test
    void decode_wrongLengthForFixedSizePdus_isCorruptData() {
        for (int v = 0; v <= 2; v++) {
            for (RtrPdu p : samples(v)) {
                if (p instanceof RtrPdu.ErrorReport || p instanceof RtrPdu.RouterKey || p instanceof RtrPdu.AspaPdu) {
                    continue;
                }
                byte[] wire = RtrCodec.encode(p);
                byte[] longer = withLength(Arrays.copyOf(wire, wire.length + 4), wire.length + 4);
                assertCode(longer, RtrErrorCode.CORRUPT_DATA);
                if (wire.length - 4 >= RtrCodec.HEADER_LENGTH) {
                    assertCode(
                            withLength(Arrays.copyOf(wire, wire.length - 4), wire.length - 4),
                            RtrErrorCode.CORRUPT_DATA);
                }
            }
        }
        // v1 End of Data with the v0 size
        assertCode(HEX.parseHex("010700010000000c00000001"), RtrErrorCode.CORRUPT_DATA);
    }

    @Test
    void decode_lengthFieldDisagreesWithBytes_isCorruptData() {
        byte[] wire = RtrCodec.encode(new RtrPdu.ResetQuery(1));
        assertCode(withLength(wire, 9), RtrErrorCode.CORRUPT_DATA);
    }

    @Test
    void decode_unknownOrMisplacedType_isUnsupportedPduType() {
        for (int type : new int[] {5, 12, 13, 255}) {
            assertCode(new byte[] {1, (byte) type, 0, 0, 0, 0, 0, 8}, RtrErrorCode.UNSUPPORTED_PDU_TYPE);
        }
        byte[] key = RtrCodec.encode(samples(1).stream()
                .filter(p -> p instanceof RtrPdu.RouterKey)
                .findFirst()
                .orElseThrow());
        key[0] = 0;
        assertCode(key, RtrErrorCode.UNSUPPORTED_PDU_TYPE);
        byte[] aspa = RtrCodec.encode(new RtrPdu.AspaPdu(2, true, 1, new long[] {2}));
        aspa[0] = 1;
        assertCode(aspa, RtrErrorCode.UNSUPPORTED_PDU_TYPE);
    }

    @Test
    void decode_versionAbove2_isUnsupportedProtocolVersion() {
        assertCode(new byte[] {3, 2, 0, 0, 0, 0, 0, 8}, RtrErrorCode.UNSUPPORTED_PROTOCOL_VERSION);
        assertCode(
                new byte[] {(byte) 0xFF, 0, 0, 1, 0, 0, 0, 12, 0, 0, 0, 1}, RtrErrorCode.UNSUPPORTED_PROTOCOL_VERSION);
    }

    @Test
    void decode_prefixFieldRules_areEnforced() {
        // prefix length 33
        assertCode(HEX.parseHex("0104000000000014012121000100000000003417"), RtrErrorCode.CORRUPT_DATA);
        // maxLength 23 < length 24
        assertCode(HEX.parseHex("0104000000000014011817000100000000003417"), RtrErrorCode.CORRUPT_DATA);
        // maxLength 33
        assertCode(HEX.parseHex("0104000000000014011821000100000000003417"), RtrErrorCode.CORRUPT_DATA);
        // host bits: 1.0.0.1/24
        assertCode(HEX.parseHex("0104000000000014011818000100000100003417"), RtrErrorCode.CORRUPT_DATA);
        // IPv6 prefix length 129
        assertCode(
                HEX.parseHex("01060000000000200181810020010db80000000000000000000000000000fbf4"),
                RtrErrorCode.CORRUPT_DATA);
        // IPv6 host bit in the low word: 2001:db8::1/64
        assertCode(
                HEX.parseHex("01060000000000200140400020010db80000000000000000000000010000fbf4"),
                RtrErrorCode.CORRUPT_DATA);
    }

    @Test
    void decode_aspaProviderRules_areProviderListErrors() {
        assertCode(aspa(true, 64500), RtrErrorCode.ASPA_PROVIDER_LIST_ERROR); // no providers
        assertCode(aspa(true, 64500, 20, 10), RtrErrorCode.ASPA_PROVIDER_LIST_ERROR); // unsorted
        assertCode(aspa(true, 64500, 10, 10), RtrErrorCode.ASPA_PROVIDER_LIST_ERROR); // duplicate
        assertCode(aspa(true, 64500, 0, 10), RtrErrorCode.ASPA_PROVIDER_LIST_ERROR); // AS0 mixed
        assertCode(aspa(false, 64500, 10), RtrErrorCode.ASPA_PROVIDER_LIST_ERROR); // withdrawal with providers
        byte[] odd = withLength(Arrays.copyOf(aspa(true, 64500, 10), 18), 18);
        assertCode(odd, RtrErrorCode.CORRUPT_DATA);
    }

    @Test
    void decode_errorReportInconsistentLengths_isCorruptData() {
        byte[] ok = RtrCodec.encode(new RtrPdu.ErrorReport(1, 0, new byte[] {9, 9}, "bad"));
        byte[] encTooLong = ok.clone();
        encTooLong[11] = 100; // encapsulated length 100 > PDU
        assertCode(encTooLong, RtrErrorCode.CORRUPT_DATA);
        byte[] textTooShort = ok.clone();
        textTooShort[12 + 2 + 3] = 2; // text length 2 of 3 bytes
        assertCode(textTooShort, RtrErrorCode.CORRUPT_DATA);
        byte[] notUtf8 = ok.clone();
        notUtf8[notUtf8.length - 1] = (byte) 0xC3;
        assertCode(notUtf8, RtrErrorCode.CORRUPT_DATA);
    }

    @Test
    void pduLength_hostileLength_isRefusedBeforeAllocation() {
        assertThatThrownBy(() -> RtrCodec.pduLength(new byte[] {1, 4, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, -1}))
                .isInstanceOf(RtrDecodeException.class)
                .hasMessageContaining("PDU length 4294967295");
        assertThatThrownBy(() -> RtrCodec.pduLength(new byte[] {1, 4, 0, 0, 0, 0, 0, 7}))
                .isInstanceOf(RtrDecodeException.class)
                .hasMessageContaining("PDU length 7");
    }

    @Test
    void errorReport_hugeErroneousPdu_isCutToFitOnePdu() throws RtrDecodeException {
        RtrPdu.ErrorReport r = RtrCodec.errorReport(2, RtrErrorCode.CORRUPT_DATA, new byte[70_000], "too big");
        byte[] wire = RtrCodec.encode(r);
        assertThat(wire.length).isEqualTo(RtrCodec.MAX_PDU_LENGTH);
        assertThat(RtrCodec.decode(wire)).isEqualTo(r);
    }

    @Test
    void pduReader_streamOfPdusThenCut_returnsEachThenReportsTruncation() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<RtrPdu> pdus = samples(2);
        for (RtrPdu p : pdus) {
            out.write(RtrCodec.encode(p));
        }
        out.write(RtrCodec.encode(new RtrPdu.ResetQuery(2)), 0, 5);
        PduReader r = new PduReader(new ByteArrayInputStream(out.toByteArray()));
        for (RtrPdu p : pdus) {
            byte[] raw = r.next();
            if (raw == null) {
                throw new AssertionError("a ByteArrayInputStream never times out");
            }
            assertThat(RtrCodec.decode(raw)).isEqualTo(p);
        }
        assertThatThrownBy(r::next).isInstanceOf(EOFException.class).hasMessageContaining("(5 of 8 bytes)");
    }

    /**
     * Mutation property: any mutation of a valid PDU either decodes to a PDU that re-encodes to a
     * decodable equal PDU, or fails with an RTR error code and the exact input bytes; nothing else
     * is thrown.
     */
    @Test
    void decode_seededMutationsOfValidPdus_giveAPduOrACodedError() {
        long seed = 0x5EED_2026_1123L;
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> valid = new ArrayList<>();
        for (int v = 0; v <= 2; v++) {
            for (RtrPdu p : samples(v)) {
                valid.add(RtrCodec.encode(p));
            }
        }
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] base = valid.get(random.nextInt(valid.size()));
            byte[] m = mutate(base, random);
            try {
                RtrPdu p = RtrCodec.decode(m);
                decoded++;
                byte[] again = RtrCodec.encode(p);
                assertThat(RtrCodec.decode(again))
                        .as("seed %x try %d: %s", seed, i, HEX.formatHex(m))
                        .isEqualTo(p);
                assertThat(again.length).as("seed %x try %d", seed, i).isEqualTo(m.length);
            } catch (RtrDecodeException e) {
                refused++;
                assertThat(e.pdu()).as("seed %x try %d", seed, i).isEqualTo(m);
                assertThat(e.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                fail("seed %x try %d: %s threw %s", seed, i, HEX.formatHex(m), e);
            }
        }
        // both outcomes must be exercised, or the mutator is not testing anything
        assertThat(decoded).as("decoded").isGreaterThan(10_000);
        assertThat(refused).as("refused").isGreaterThan(10_000);
    }

    @Test
    void pduReader_seededRandomStreams_giveWholePdusOrTypedErrors() {
        long seed = 0xC0DE_0525L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            byte[] stream = new byte[random.nextInt(0, 200)];
            for (int j = 0; j < stream.length; j++) {
                stream[j] = (byte) random.nextInt(256);
            }
            if (stream.length >= 8 && random.nextBoolean()) {
                stream[4] = 0; // plausible lengths more often
                stream[5] = 0;
                stream[6] = 0;
            }
            PduReader r = new PduReader(new ByteArrayInputStream(stream));
            long consumed = 0;
            try {
                byte[] raw;
                while ((raw = r.next()) != null) {
                    assertThat(raw.length).as("seed %x try %d", seed, i).isBetween(8, RtrCodec.MAX_PDU_LENGTH);
                    consumed += raw.length;
                    try {
                        RtrCodec.decode(raw);
                    } catch (RtrDecodeException expected) {
                        assertThat(expected.code()).isNotNull();
                    }
                }
                fail("seed %x try %d: a ByteArrayInputStream never times out", seed, i);
            } catch (EOFException end) {
                assertThat(consumed).as("seed %x try %d", seed, i).isLessThanOrEqualTo(stream.length);
            } catch (RtrDecodeException badHeader) {
                assertThat(badHeader.code()).isEqualTo(RtrErrorCode.CORRUPT_DATA);
            } catch (IOException e) {
                fail("seed %x try %d: %s", seed, i, e);
            }
        }
    }

    private static byte[] mutate(byte[] base, SplittableRandom random) {
        byte[] m = base.clone();
        switch (random.nextInt(5)) {
            case 0 -> m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            case 1 -> m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
            case 2 -> {
                int cut = random.nextInt(m.length);
                m = withLength(Arrays.copyOf(m, Math.max(8, cut)), Math.max(8, cut));
            }
            case 3 -> {
                int extra = random.nextInt(1, 9);
                m = withLength(Arrays.copyOf(m, m.length + extra), m.length + extra);
            }
            default -> {
                // header fields only: version, type, 16-bit field
                m[random.nextInt(4)] = (byte) random.nextInt(256);
            }
        }
        return m;
    }

    private static byte[] aspa(boolean announce, long customer, long... providers) {
        // encode() writes values as given, so it also builds PDUs the decoder must refuse
        return RtrCodec.encode(new RtrPdu.AspaPdu(2, announce, customer, providers));
    }

    private static byte[] withLength(byte[] pdu, int length) {
        pdu[4] = (byte) (length >>> 24);
        pdu[5] = (byte) (length >>> 16);
        pdu[6] = (byte) (length >>> 8);
        pdu[7] = (byte) length;
        return pdu;
    }

    private static void assertCode(byte[] pdu, RtrErrorCode code) {
        try {
            RtrPdu p = RtrCodec.decode(pdu);
            fail("decoded %s from %s, expected %s", p, HEX.formatHex(pdu), code);
        } catch (RtrDecodeException e) {
            assertThat(e.code())
                    .as("%s: %s", HEX.formatHex(pdu), e.getMessage())
                    .isEqualTo(code);
            assertThat(e.pdu()).isEqualTo(pdu);
        }
    }
}
