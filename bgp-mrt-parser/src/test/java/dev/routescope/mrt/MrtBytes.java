package dev.routescope.mrt;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;

/** Builds MRT records and BGP messages byte by byte for tests of record types no shared file contains. */
final class MrtBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static MrtBytes bytes() {
        return new MrtBytes();
    }

    MrtBytes u8(int... vs) {
        for (int v : vs) {
            out.write(v);
        }
        return this;
    }

    MrtBytes u16(int v) {
        return u8(v >>> 8 & 0xFF, v & 0xFF);
    }

    MrtBytes u32(long v) {
        return u16((int) (v >>> 16 & 0xFFFF)).u16((int) (v & 0xFFFF));
    }

    MrtBytes ipv4(int a, int b, int c, int d) {
        return u8(a, b, c, d);
    }

    MrtBytes raw(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    MrtBytes hex(String h) {
        String s = h.replace(" ", "").replace(":", "");
        for (int i = 0; i < s.length(); i += 2) {
            out.write(Integer.parseInt(s.substring(i, i + 2), 16));
        }
        return this;
    }

    /** An attribute with the right length form (extended if forced or longer than 255). */
    MrtBytes attr(int flags, int type, byte[] value) {
        boolean ext = (flags & 0x10) != 0 || value.length > 255;
        u8(ext ? flags | 0x10 : flags, type);
        if (ext) {
            u16(value.length);
        } else {
            u8(value.length);
        }
        return raw(value);
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    int size() {
        return out.size();
    }

    static byte[] record(long ts, int type, int subtype, byte[] body) {
        return bytes().u32(ts).u16(type).u16(subtype).u32(body.length).raw(body).toArray();
    }

    static byte[] recordEt(long ts, int type, int subtype, long micros, byte[] body) {
        return bytes().u32(ts)
                .u16(type)
                .u16(subtype)
                .u32(body.length + 4L)
                .u32(micros)
                .raw(body)
                .toArray();
    }

    /** A BGP message with marker and header. */
    static byte[] bgpMessage(int type, byte[] body) {
        MrtBytes b = bytes();
        for (int i = 0; i < 16; i++) {
            b.u8(0xFF);
        }
        return b.u16(19 + body.length).u8(type).raw(body).toArray();
    }

    /** An UPDATE body. */
    static byte[] update(byte[] withdrawn, byte[] attributes, byte[] nlri) {
        return bytes().u16(withdrawn.length)
                .raw(withdrawn)
                .u16(attributes.length)
                .raw(attributes)
                .raw(nlri)
                .toArray();
    }

    /** A BGP4MP MESSAGE(_AS4) body over IPv4 peering. */
    static byte[] bgp4mpIpv4(boolean as4, long peerAs, long localAs, int[] peerIp, byte[] message) {
        MrtBytes b = bytes();
        if (as4) {
            b.u32(peerAs).u32(localAs);
        } else {
            b.u16((int) peerAs).u16((int) localAs);
        }
        return b.u16(0).u16(1).u8(peerIp).ipv4(10, 0, 0, 1).raw(message).toArray();
    }

    static byte[] concat(byte[]... parts) {
        MrtBytes b = bytes();
        for (byte[] p : parts) {
            b.raw(p);
        }
        return b.toArray();
    }

    static ByteBuf buf(byte[]... records) {
        return Unpooled.wrappedBuffer(concat(records));
    }
}
