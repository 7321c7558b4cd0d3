package dev.routescope.rpki.rtr.internal;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.Prefix;
import dev.routescope.rpki.Vrp;
import dev.routescope.rpki.rtr.RtrErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict RTR PDU codec for versions 0 (RFC 6810), 1 (RFC 8210) and 2 (draft-ietf-sidrops-8210bis,
 * ASPA PDU without the AFI flags and provider count of drafts up to -10).
 *
 * <p>Decoding checks every length and field rule that affects the meaning of a PDU and maps each
 * failure to the error code the RFCs name, so the caller can send the Error Report as is. Reserved
 * zero fields are not checked: the RFCs only oblige the sender to zero them, and rejecting them
 * would break sessions over bits that mean nothing.
 */
// every ByteBuffer here comes from header(), which allocates a heap buffer of the exact PDU size
@SuppressWarnings("ByteBufferBackingArray")
public final class RtrCodec {
    /** Header size: version, type, 16-bit field, 32-bit length. */
    public static final int HEADER_LENGTH = 8;

    /**
     * Largest PDU accepted. 8210bis caps every PDU at 65535 bytes; v0/v1 give no cap, and nothing
     * legitimate there comes near it (the largest is a Router Key with its ~91-byte SPKI).
     */
    public static final int MAX_PDU_LENGTH = 65_535;

    /** Highest protocol version implemented. */
    public static final int MAX_VERSION = 2;

    private RtrCodec() {}

    /**
     * Checks a PDU header before its body is read, so a hostile length never drives an allocation.
     *
     * @param header at least {@link #HEADER_LENGTH} bytes
     * @return the total PDU length
     * @throws RtrDecodeException CORRUPT_DATA for a length below the header size or above the cap
     */
    public static int pduLength(byte[] header) throws RtrDecodeException {
        long length = u32(header, 4);
        if (length < HEADER_LENGTH || length > MAX_PDU_LENGTH) {
            throw new RtrDecodeException(
                    RtrErrorCode.CORRUPT_DATA,
                    Arrays.copyOf(header, HEADER_LENGTH),
                    "PDU length " + length + " (expected: " + HEADER_LENGTH + ".." + MAX_PDU_LENGTH + ")");
        }
        return (int) length;
    }

    /**
     * Decodes one complete PDU.
     *
     * @param pdu exactly the PDU bytes (header included); not modified or retained
     * @return the PDU
     * @throws RtrDecodeException with the error code to report and the PDU bytes
     */
    public static RtrPdu decode(byte[] pdu) throws RtrDecodeException {
        if (pdu.length < HEADER_LENGTH) {
            throw fail(RtrErrorCode.CORRUPT_DATA, pdu, "PDU of " + pdu.length + " bytes is shorter than the header");
        }
        int version = pdu[0] & 0xFF;
        int type = pdu[1] & 0xFF;
        long declared = u32(pdu, 4);
        if (declared != pdu.length) {
            throw fail(
                    RtrErrorCode.CORRUPT_DATA,
                    pdu,
                    "PDU length field " + declared + " but " + pdu.length + " bytes given");
        }
        if (version > MAX_VERSION) {
            throw fail(
                    RtrErrorCode.UNSUPPORTED_PROTOCOL_VERSION,
                    pdu,
                    "protocol version " + version + " (expected: 0.." + MAX_VERSION + ")");
        }
        int field = u16(pdu, 2);
        return switch (type) {
            case RtrPdu.SERIAL_NOTIFY -> {
                expectLength(pdu, 12, "Serial Notify");
                yield new RtrPdu.SerialNotify(version, field, (int) u32(pdu, 8));
            }
            case RtrPdu.SERIAL_QUERY -> {
                expectLength(pdu, 12, "Serial Query");
                yield new RtrPdu.SerialQuery(version, field, (int) u32(pdu, 8));
            }
            case RtrPdu.RESET_QUERY -> {
                expectLength(pdu, 8, "Reset Query");
                yield new RtrPdu.ResetQuery(version);
            }
            case RtrPdu.CACHE_RESPONSE -> {
                expectLength(pdu, 8, "Cache Response");
                yield new RtrPdu.CacheResponse(version, field);
            }
            case RtrPdu.IPV4_PREFIX -> {
                expectLength(pdu, 20, "IPv4 Prefix");
                yield decodePrefix(pdu, version, AddressFamily.IPV4);
            }
            case RtrPdu.IPV6_PREFIX -> {
                expectLength(pdu, 32, "IPv6 Prefix");
                yield decodePrefix(pdu, version, AddressFamily.IPV6);
            }
            case RtrPdu.END_OF_DATA -> {
                if (version == 0) {
                    expectLength(pdu, 12, "End of Data (version 0)");
                    yield new RtrPdu.EndOfData(0, field, (int) u32(pdu, 8), -1, -1, -1);
                }
                expectLength(pdu, 24, "End of Data (version " + version + ")");
                yield new RtrPdu.EndOfData(version, field, (int) u32(pdu, 8), u32(pdu, 12), u32(pdu, 16), u32(pdu, 20));
            }
            case RtrPdu.CACHE_RESET -> {
                expectLength(pdu, 8, "Cache Reset");
                yield new RtrPdu.CacheReset(version);
            }
            case RtrPdu.ROUTER_KEY -> decodeRouterKey(pdu, version);
            case RtrPdu.ERROR_REPORT -> decodeErrorReport(pdu, version, field);
            case RtrPdu.ASPA -> decodeAspa(pdu, version);
            default -> throw fail(RtrErrorCode.UNSUPPORTED_PDU_TYPE, pdu, "unknown PDU type " + type);
        };
    }

    private static RtrPdu decodePrefix(byte[] pdu, int version, AddressFamily family) throws RtrDecodeException {
        int flags = pdu[8] & 0xFF;
        int length = pdu[9] & 0xFF;
        int maxLength = pdu[10] & 0xFF;
        int bits = family.bits();
        if (length > bits) {
            throw fail(RtrErrorCode.CORRUPT_DATA, pdu, "prefix length " + length + " (expected: 0.." + bits + ")");
        }
        if (maxLength < length || maxLength > bits) {
            throw fail(
                    RtrErrorCode.CORRUPT_DATA,
                    pdu,
                    "max length " + maxLength + " for prefix length " + length + " (expected: " + length + ".." + bits
                            + ")");
        }
        Prefix prefix;
        long asn;
        if (family == AddressFamily.IPV4) {
            int address = (int) u32(pdu, 12);
            int mask = length == 0 ? 0 : -1 << (32 - length);
            if ((address & ~mask) != 0) {
                throw fail(RtrErrorCode.CORRUPT_DATA, pdu, "IPv4 prefix has bits set beyond length " + length);
            }
            prefix = Prefix.ipv4(address, length);
            asn = u32(pdu, 16);
        } else {
            long high = u64(pdu, 12);
            long low = u64(pdu, 20);
            Prefix masked = Prefix.ofMasked(AddressFamily.IPV6, high, low, length);
            if (masked.high() != high || masked.low() != low) {
                throw fail(RtrErrorCode.CORRUPT_DATA, pdu, "IPv6 prefix has bits set beyond length " + length);
            }
            prefix = masked;
            asn = u32(pdu, 28);
        }
        return new RtrPdu.PrefixPdu(version, (flags & 1) != 0, new Vrp(prefix, maxLength, asn));
    }

    private static RtrPdu decodeRouterKey(byte[] pdu, int version) throws RtrDecodeException {
        if (version == 0) {
            throw fail(RtrErrorCode.UNSUPPORTED_PDU_TYPE, pdu, "Router Key PDU in protocol version 0");
        }
        // header, SKI (20), ASN (4) and a non-empty SubjectPublicKeyInfo
        if (pdu.length < HEADER_LENGTH + 20 + 4 + 1) {
            throw fail(RtrErrorCode.CORRUPT_DATA, pdu, "Router Key PDU of " + pdu.length + " bytes (expected: >= 33)");
        }
        byte[] ski = Arrays.copyOfRange(pdu, 8, 28);
        long asn = u32(pdu, 28);
        byte[] spki = Arrays.copyOfRange(pdu, 32, pdu.length);
        return new RtrPdu.RouterKey(version, (pdu[2] & 1) != 0, ski, asn, spki);
    }

    private static RtrPdu decodeErrorReport(byte[] pdu, int version, int code) throws RtrDecodeException {
        if (pdu.length < 16) {
            throw fail(RtrErrorCode.CORRUPT_DATA, pdu, "Error Report of " + pdu.length + " bytes (expected: >= 16)");
        }
        long encapsulated = u32(pdu, 8);
        if (encapsulated > pdu.length - 16L) {
            throw fail(
                    RtrErrorCode.CORRUPT_DATA,
                    pdu,
                    "Error Report encapsulates " + encapsulated + " bytes but only " + (pdu.length - 16) + " remain");
        }
        int textAt = 12 + (int) encapsulated;
        long textLength = u32(pdu, textAt);
        if (textAt + 4 + textLength != pdu.length) {
            throw fail(
                    RtrErrorCode.CORRUPT_DATA,
                    pdu,
                    "Error Report text length " + textLength + " does not fill the PDU (" + (pdu.length - textAt - 4)
                            + " bytes remain)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(pdu, textAt + 4, (int) textLength))
                    .toString();
        } catch (CharacterCodingException e) {
            throw fail(RtrErrorCode.CORRUPT_DATA, pdu, "Error Report text is not UTF-8");
        }
        return new RtrPdu.ErrorReport(version, code, Arrays.copyOfRange(pdu, 12, textAt), text);
    }

    private static RtrPdu decodeAspa(byte[] pdu, int version) throws RtrDecodeException {
        if (version < 2) {
            throw fail(RtrErrorCode.UNSUPPORTED_PDU_TYPE, pdu, "ASPA PDU in protocol version " + version);
        }
        if (pdu.length < 12 || (pdu.length - 12) % 4 != 0) {
            throw fail(
                    RtrErrorCode.CORRUPT_DATA,
                    pdu,
                    "ASPA PDU of " + pdu.length + " bytes (expected: 12 + 4 per provider)");
        }
        boolean announce = (pdu[2] & 1) != 0;
        long customer = u32(pdu, 8);
        int n = (pdu.length - 12) / 4;
        long[] providers = new long[n];
        for (int i = 0; i < n; i++) {
            providers[i] = u32(pdu, 12 + 4 * i);
        }
        if (!announce) {
            if (n != 0) {
                throw fail(
                        RtrErrorCode.ASPA_PROVIDER_LIST_ERROR,
                        pdu,
                        "ASPA withdrawal for AS" + customer + " lists " + n + " providers (expected: none)");
            }
            return new RtrPdu.AspaPdu(version, false, customer, providers);
        }
        if (n == 0) {
            throw fail(
                    RtrErrorCode.ASPA_PROVIDER_LIST_ERROR,
                    pdu,
                    "ASPA announcement for AS" + customer + " has no providers");
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && providers[i] <= providers[i - 1]) {
                throw fail(
                        RtrErrorCode.ASPA_PROVIDER_LIST_ERROR,
                        pdu,
                        "ASPA providers of AS" + customer + " not strictly ascending at index " + i + " (AS"
                                + providers[i - 1] + ", AS" + providers[i] + ")");
            }
            if (providers[i] == 0 && n > 1) {
                throw fail(
                        RtrErrorCode.ASPA_PROVIDER_LIST_ERROR,
                        pdu,
                        "ASPA of AS" + customer + " mixes AS0 with " + (n - 1) + " other providers");
            }
        }
        return new RtrPdu.AspaPdu(version, true, customer, providers);
    }

    /**
     * Encodes a PDU. Values are taken as given (the codec does not re-validate what the caller
     * builds), so tests can also produce PDUs the decoder must refuse.
     *
     * @param pdu the PDU
     * @return its wire bytes
     */
    public static byte[] encode(RtrPdu pdu) {
        // if-chain, not a pattern switch: --release 17 has no pattern matching in switch
        if (pdu instanceof RtrPdu.SerialNotify p) {
            return header(p, p.sessionId(), 12).putInt(p.serial()).array();
        } else if (pdu instanceof RtrPdu.SerialQuery p) {
            return header(p, p.sessionId(), 12).putInt(p.serial()).array();
        } else if (pdu instanceof RtrPdu.ResetQuery p) {
            return header(p, 0, 8).array();
        } else if (pdu instanceof RtrPdu.CacheResponse p) {
            return header(p, p.sessionId(), 8).array();
        } else if (pdu instanceof RtrPdu.PrefixPdu p) {
            return encodePrefix(p);
        } else if (pdu instanceof RtrPdu.EndOfData p) {
            return p.version() == 0
                    ? header(p, p.sessionId(), 12).putInt(p.serial()).array()
                    : header(p, p.sessionId(), 24)
                            .putInt(p.serial())
                            .putInt((int) p.refresh())
                            .putInt((int) p.retry())
                            .putInt((int) p.expire())
                            .array();
        } else if (pdu instanceof RtrPdu.CacheReset p) {
            return header(p, 0, 8).array();
        } else if (pdu instanceof RtrPdu.RouterKey p) {
            return header(p, (p.announce() ? 1 : 0) << 8, 32 + p.subjectPublicKeyInfo().length)
                    .put(p.ski())
                    .putInt((int) p.asn())
                    .put(p.subjectPublicKeyInfo())
                    .array();
        } else if (pdu instanceof RtrPdu.ErrorReport p) {
            return encodeErrorReport(p);
        } else if (pdu instanceof RtrPdu.AspaPdu p) {
            ByteBuffer b = header(p, (p.announce() ? 1 : 0) << 8, 12 + 4 * p.providers().length)
                    .putInt((int) p.customerAsn());
            for (long provider : p.providers()) {
                b.putInt((int) provider);
            }
            return b.array();
        }
        throw new IllegalArgumentException("unknown PDU " + pdu);
    }

    private static byte[] encodePrefix(RtrPdu.PrefixPdu p) {
        Prefix prefix = p.vrp().prefix();
        boolean v4 = prefix.isIpv4();
        ByteBuffer b = header(p, 0, v4 ? 20 : 32)
                .put((byte) (p.announce() ? 1 : 0))
                .put((byte) prefix.length())
                .put((byte) p.vrp().maxLength())
                .put((byte) 0);
        if (v4) {
            b.putInt(prefix.ipv4Bits());
        } else {
            b.putLong(prefix.high()).putLong(prefix.low());
        }
        return b.putInt((int) p.vrp().asn()).array();
    }

    private static byte[] encodeErrorReport(RtrPdu.ErrorReport p) {
        byte[] text = p.text().getBytes(StandardCharsets.UTF_8);
        byte[] erroneous = p.erroneousPdu();
        return header(p, p.errorCode(), 16 + erroneous.length + text.length)
                .putInt(erroneous.length)
                .put(erroneous)
                .putInt(text.length)
                .put(text)
                .array();
    }

    /**
     * The Error Report to send: the erroneous PDU encapsulated (cut to what fits in one PDU) and
     * the reason as text.
     *
     * @param version the session's version
     * @param code the error code
     * @param erroneous the offending PDU bytes (may be empty)
     * @param text the reason
     * @return the report
     */
    public static RtrPdu.ErrorReport errorReport(int version, RtrErrorCode code, byte[] erroneous, String text) {
        int room = MAX_PDU_LENGTH - 16 - text.getBytes(StandardCharsets.UTF_8).length;
        byte[] pdu = erroneous.length > room ? Arrays.copyOf(erroneous, Math.max(0, room)) : erroneous.clone();
        return new RtrPdu.ErrorReport(version, code.code(), pdu, text);
    }

    private static ByteBuffer header(RtrPdu p, int field, int length) {
        return ByteBuffer.allocate(length)
                .put((byte) p.version())
                .put((byte) p.type())
                .putShort((short) field)
                .putInt(length);
    }

    private static void expectLength(byte[] pdu, int expected, String what) throws RtrDecodeException {
        if (pdu.length != expected) {
            throw fail(
                    RtrErrorCode.CORRUPT_DATA,
                    pdu,
                    what + " PDU of " + pdu.length + " bytes (expected: " + expected + ")");
        }
    }

    private static RtrDecodeException fail(RtrErrorCode code, byte[] pdu, String message) {
        return new RtrDecodeException(code, pdu.clone(), message);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static long u64(byte[] b, int at) {
        return u32(b, at) << 32 | u32(b, at + 4);
    }
}
