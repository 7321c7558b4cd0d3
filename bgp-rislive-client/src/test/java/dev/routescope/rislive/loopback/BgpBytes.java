package dev.routescope.rislive.loopback;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Builds BGP messages and MRT records byte by byte for tests. */
public final class BgpBytes {
    private BgpBytes() {}

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Bytes from values 0..255. */
    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** Big-endian unsigned 16-bit. */
    public static byte[] u16(int v) {
        return bytes(v >>> 8 & 0xFF, v & 0xFF);
    }

    /** Big-endian unsigned 32-bit. */
    public static byte[] u32(long v) {
        return bytes((int) (v >>> 24 & 0xFF), (int) (v >>> 16 & 0xFF), (int) (v >>> 8 & 0xFF), (int) (v & 0xFF));
    }

    /** Upper- or lower-case hex to bytes. */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** Upper-case hex, as RIS Live's {@code raw}. */
    public static String toHex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    /** One path attribute; extended length when the value is longer than 255 bytes. */
    public static byte[] attr(int flags, int type, byte[] value) {
        if (value.length > 255) {
            return concat(bytes(flags | 0x10, type), u16(value.length), value);
        }
        return concat(bytes(flags, type, value.length), value);
    }

    /** An AS_PATH segment with ASNs of the given width. */
    public static byte[] segment(int type, int width, long... asns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        out.write(asns.length);
        for (long a : asns) {
            out.writeBytes(width == 4 ? u32(a) : u16((int) a));
        }
        return out.toByteArray();
    }

    /** A whole BGP UPDATE message, marker included. */
    public static byte[] update(byte[] withdrawn, byte[] attributes, byte[] nlri) {
        byte[] body = concat(u16(withdrawn.length), withdrawn, u16(attributes.length), attributes, nlri);
        return concat(marker(), u16(19 + body.length), bytes(2), body);
    }

    /** The 16-byte all-ones marker. */
    public static byte[] marker() {
        byte[] m = new byte[16];
        java.util.Arrays.fill(m, (byte) 0xFF);
        return m;
    }

    /** An MRT record; BGP4MP_ET (17) records carry {@code micros} in the header. */
    public static byte[] mrt(long seconds, int micros, int type, int subtype, byte[] body) {
        boolean et = type == 17;
        return concat(
                u32(seconds),
                u16(type),
                u16(subtype),
                u32(body.length + (et ? 4 : 0)),
                et ? u32(micros) : new byte[0],
                body);
    }

    /** A BGP4MP MESSAGE_AS4 body (IPv4 peer) around a BGP message. */
    public static byte[] messageAs4(long peerAs, long localAs, byte[] peerIp, byte[] localIp, byte[] message) {
        return concat(u32(peerAs), u32(localAs), u16(0), u16(1), peerIp, localIp, message);
    }

    /** A BGP4MP STATE_CHANGE_AS4 body (IPv4 peer). */
    public static byte[] stateChangeAs4(long peerAs, long localAs, byte[] peerIp, int oldState, int newState) {
        return concat(u32(peerAs), u32(localAs), u16(0), u16(1), peerIp, new byte[4], u16(oldState), u16(newState));
    }
}
