package dev.routescope.rislive.internal;

import dev.routescope.model.Announcement;
import dev.routescope.model.Peer;
import dev.routescope.model.PeerStateChange;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.MrtProblem;
import dev.routescope.mrt.MrtReader;
import dev.routescope.mrt.MrtTypes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a bare BGP UPDATE (RIS Live {@code raw}) with {@code bgp-mrt-parser}: the message is wrapped
 * in a synthetic BGP4MP MESSAGE record so that the parser's UPDATE decoder (RFC 7606 handling,
 * MP_REACH/UNREACH, AS4_PATH merge, ADD-PATH detection, every attribute) runs unchanged. The events
 * are then re-stamped with the RIS Live timestamp, collector and peer.
 *
 * <p>The ASN width of {@code raw} follows the session's 4-octet capability, which the message does not
 * carry (domain.md §4 #2): the AS_PATH is walked both ways. 4-byte wins when it consumes the attribute
 * exactly, unless 2-byte also fits and an AS4_PATH is present (AS4_PATH is only sent on 2-byte
 * sessions); else 2-byte if it fits; else 4-byte and the parser reports the malformed path.
 *
 * <p>Not thread-safe: it reuses one buffer. One instance per {@code RisMessageDecoder}.
 */
public final class MrtRawUpdateDecoder {
    private static final int UPDATE = 2;
    private static final int AS_PATH = 2;
    private static final int AS4_PATH = 17;

    private final ByteBuf buf = Unpooled.buffer(4096);
    private boolean rejected;

    /**
     * Decodes one BGP message.
     *
     * @return the events, or null when the message is not a well-framed UPDATE or the parser skipped
     *     it or dropped part of it (the caller then falls back to the JSON fields)
     */
    public @Nullable List<RouteEvent> decode(byte[] m, Instant timestamp, String collector, Peer peer) {
        if (m.length < 19 || (m[18] & 0xFF) != UPDATE || u16(m, 16) != m.length) {
            return null;
        }
        boolean as4 = asnWidth(m) == 4;
        buf.clear();
        int bodyLength = (as4 ? 8 : 4) + 2 + 2 + 4 + 4 + m.length;
        buf.writeInt(0)
                .writeShort(MrtTypes.BGP4MP)
                .writeShort(as4 ? 4 : 1) // MESSAGE_AS4 or MESSAGE: sets the AS_PATH width
                .writeInt(bodyLength);
        long asn = peer.asn().value();
        if (as4) {
            buf.writeInt((int) asn).writeInt(0);
        } else {
            buf.writeShort(asn > 0xFFFF ? 23456 : (int) asn).writeShort(0);
        }
        buf.writeShort(0).writeShort(1).writeInt(0).writeInt(0).writeBytes(m);
        rejected = false;
        List<RouteEvent> events = new ArrayList<>();
        MrtReader reader = MrtReader.builder()
                .collector(collector)
                .problemListener(this::onProblem)
                .wrap(buf, "ris-live raw");
        // The reader works on our heap buffer only: closing it releases nothing we still need.
        MrtElementReader elements = new MrtElementReader(reader);
        while (elements.advance()) {
            events.add(restamp(elements.element().toEvent(), timestamp, collector, peer));
        }
        return rejected ? null : events;
    }

    private void onProblem(MrtProblem p) {
        switch (p.action()) {
            case SKIPPED, STOPPED, ELEMENT_DROPPED -> rejected = true;
            default -> {} // treat-as-withdraw, discarded attributes, notes: the decoded view stands
        }
    }

    private static RouteEvent restamp(RouteEvent e, Instant t, String collector, Peer peer) {
        if (e instanceof Announcement a) {
            return new Announcement(t, collector, peer, a.prefix(), a.pathId(), a.attributes(), false);
        }
        if (e instanceof Withdrawal w) {
            return new Withdrawal(t, collector, peer, w.prefix(), w.pathId());
        }
        PeerStateChange s = (PeerStateChange) e;
        return new PeerStateChange(t, collector, peer, s.oldState(), s.newState());
    }

    /** The AS_PATH width (2 or 4) of an UPDATE, decided by walking its AS_PATH both ways. */
    static int asnWidth(byte[] m) {
        int end = m.length;
        if (end < 23) {
            return 4;
        }
        int p = 21 + u16(m, 19);
        if (p + 2 > end) {
            return 4;
        }
        int attrEnd = Math.min(end, p + 2 + u16(m, p));
        p += 2;
        int pathFrom = -1;
        int pathTo = -1;
        boolean hasAs4Path = false;
        while (p + 3 <= attrEnd) {
            int flags = m[p] & 0xFF;
            int type = m[p + 1] & 0xFF;
            boolean extended = (flags & 0x10) != 0;
            if (extended && p + 4 > attrEnd) {
                break;
            }
            int length = extended ? u16(m, p + 2) : m[p + 2] & 0xFF;
            int value = p + (extended ? 4 : 3);
            if (value + length > attrEnd) {
                break;
            }
            if (type == AS_PATH && pathFrom < 0) {
                pathFrom = value;
                pathTo = value + length;
            } else if (type == AS4_PATH) {
                hasAs4Path = true;
            }
            p = value + length;
        }
        if (pathFrom < 0) {
            return 4;
        }
        boolean fits4 = fits(m, pathFrom, pathTo, 4);
        boolean fits2 = fits(m, pathFrom, pathTo, 2);
        if (fits4 && !(fits2 && hasAs4Path)) {
            return 4;
        }
        return fits2 ? 2 : 4;
    }

    private static boolean fits(byte[] m, int from, int to, int width) {
        int p = from;
        while (p < to) {
            if (p + 2 > to) {
                return false;
            }
            int type = m[p] & 0xFF;
            int count = m[p + 1] & 0xFF;
            if (type < 1 || type > 4 || count == 0) {
                return false;
            }
            p += 2 + count * width;
        }
        return p == to;
    }

    private static int u16(byte[] m, int at) {
        return (m[at] & 0xFF) << 8 | (m[at + 1] & 0xFF);
    }
}
