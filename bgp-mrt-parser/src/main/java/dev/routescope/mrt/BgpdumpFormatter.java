package dev.routescope.mrt;

import io.netty.buffer.ByteBuf;

/**
 * Formats elements as {@code bgpdump -m} lines (bgpdump 1.6.2), byte for byte, including bgpdump's quirks: its IPv6
 * text form (the longest zero run is compressed even when it is a single group), {@code 255.255.255.255} /
 * {@code INCOMPLETE} / {@code 0} for absent NEXT_HOP / ORIGIN / MED / LOCAL_PREF, its AS4_PATH merge, signed MED and
 * LOCAL_PREF for IPv4 MP_REACH announcements, the MP next hop shown for every TABLE_DUMP_V2 entry with an IPv6 next
 * hop, and the missing separator after MED in legacy BGP (type 5) lines.
 *
 * <pre>{@code
 * BgpdumpFormatter fmt = new BgpdumpFormatter();
 * StringBuilder line = new StringBuilder();
 * elements.forEachElement(e -> {
 *     line.setLength(0);
 *     if (fmt.format(e, line)) out.append(line);   // line ends with '\n'
 *     return true;
 * });
 * }</pre>
 *
 * <p>Elements that bgpdump does not print (multicast and RIB_GENERIC RIB entries, legacy MP prefixes) return false.
 * Known, intentional differences (where bgpdump is demonstrably wrong) are listed in the module README: prefixes
 * longer than the address are dropped (bgpdump prints e.g. {@code 0.0.0.0/238}); TABLE_DUMP records carrying several
 * entries yield all of them (bgpdump prints the first and loses the stream).
 *
 * <p>Threading: not thread-safe (scratch buffers); use one per thread. Allocation: none per line in steady state.
 *
 * @since 0.1
 */
public final class BgpdumpFormatter {
    private static final int MAX_ASPATH_LEN = 8000;

    private final StringBuilder path = new StringBuilder(256);
    private final byte[] merged = new byte[4096];

    /** Creates a formatter. */
    public BgpdumpFormatter() {}

    /**
     * Appends the {@code -m} line of an element, newline included.
     *
     * @param e the element
     * @param out where to append
     * @return false if bgpdump prints nothing for this element (nothing appended)
     */
    public boolean format(MrtElement e, StringBuilder out) {
        int type = e.recordType();
        return switch (type) {
            case MrtTypes.BGP4MP, MrtTypes.BGP4MP_ET -> bgp4mp(e, out);
            case MrtTypes.TABLE_DUMP_V2 -> tableDumpV2(e, out);
            case MrtTypes.TABLE_DUMP -> tableDump(e, out);
            case MrtTypes.BGP -> legacy(e, out);
            default -> false;
        };
    }

    private static void time(MrtElement e, StringBuilder out) {
        out.append(e.timestamp());
        if (e.recordType() == MrtTypes.BGP4MP_ET) {
            out.append('.');
            long us = e.microseconds() & 0xFFFF_FFFFL;
            String s = Long.toString(us);
            for (int i = s.length(); i < 6; i++) {
                out.append('0');
            }
            out.append(s);
        }
    }

    private boolean bgp4mp(MrtElement e, StringBuilder out) {
        boolean et = e.recordType() == MrtTypes.BGP4MP_ET;
        out.append(et ? "BGP4MP_ET" : "BGP4MP");
        if (e.kind() == MrtElement.Kind.STATE_CHANGE) {
            out.append('|');
            time(e, out);
            out.append("|STATE|");
            peer(e, out);
            out.append('|')
                    .append(e.peerAsn())
                    .append('|')
                    .append(e.oldState())
                    .append('|')
                    .append(e.newState());
            out.append('\n');
            return true;
        }
        int st = e.recordSubtype();
        boolean local = st == 6 || st == 7 || st == 10 || st == 11;
        boolean ap = st >= 8;
        if (local) {
            out.append("_LOCAL");
        }
        if (ap) {
            out.append("_AP");
        }
        out.append('|');
        time(e, out);
        boolean mp = e.nlriSource() == MrtElement.NlriSource.MULTIPROTOCOL;
        if (e.kind() == MrtElement.Kind.WITHDRAWAL) {
            out.append("|W|");
            if (mp && e.prefixIpv6() && !e.peerIpv6() && local) {
                // bgpdump formats the IPv4 peer of a _LOCAL IPv6 withdrawal with its IPv6 formatter.
                ipv6(out, e.peerAddressHigh(), 0);
            } else {
                peer(e, out);
            }
            out.append('|').append(e.peerAsn()).append('|');
            prefix(e, out);
            if (ap) {
                out.append('|').append(e.pathId());
            }
            out.append('\n');
            return true;
        }
        out.append("|A|");
        peer(e, out);
        out.append('|').append(e.peerAsn()).append('|');
        prefix(e, out);
        out.append('|');
        if (ap) {
            out.append(e.pathId()).append('|');
        }
        BgpAttributes a = e.attributes();
        asPath(a, out);
        out.append('|').append(origin(a)).append('|');
        boolean signed = false;
        if (!mp) {
            nextHopAttr(a, out);
        } else if (!e.prefixIpv6()) {
            // table_line_announce_1: first 4 next-hop bytes, MED/LOCAL_PREF printed with %d.
            ipv4(out, (int) readZeroFilled(a.buf(), e.mpNextHopIndex(), e.mpNextHopLength(), 4));
            signed = true;
        } else {
            mpIpv6NextHop(a, e.mpNextHopIndex(), out);
        }
        tail(a, out, signed);
        return true;
    }

    private boolean tableDumpV2(MrtElement e, StringBuilder out) {
        int st = e.recordSubtype();
        if (st != 2 && st != 4 && st != 8 && st != 10) {
            return false;
        }
        out.append(st >= 8 ? "TABLE_DUMP2_AP|" : "TABLE_DUMP2|");
        ribLine(e, out, st >= 8);
        return true;
    }

    private boolean tableDump(MrtElement e, StringBuilder out) {
        out.append("TABLE_DUMP|");
        ribLine(e, out, false);
        return true;
    }

    private void ribLine(MrtElement e, StringBuilder out, boolean ap) {
        out.append(e.timestamp()).append("|B|");
        peer(e, out);
        out.append('|').append(e.peerAsn()).append('|');
        prefix(e, out);
        out.append('|');
        if (ap) {
            out.append(e.pathId()).append('|');
        }
        BgpAttributes a = e.attributes();
        asPath(a, out);
        out.append('|').append(origin(a)).append('|');
        // bgpdump shows announce[AFI_IP6][SAFI_UNICAST]'s next hop if there is one (the abbreviated form is filed
        // there whatever the RIB's family), else NEXT_HOP.
        int slot = BgpAttributes.slot(2, 1);
        if (a.abbreviated) {
            mpIpv6NextHop(a, a.abbreviatedNh, out);
        } else if (a.reachNlri[slot] >= 0) {
            mpIpv6NextHop(a, a.reachNh[slot], out);
        } else {
            nextHopAttr(a, out);
        }
        tail(a, out, false);
    }

    private boolean legacy(MrtElement e, StringBuilder out) {
        if (e.kind() == MrtElement.Kind.STATE_CHANGE) {
            out.append("BGP|").append(e.timestamp()).append("|STATE|");
            ipv4(out, (int) (e.peerAddressHigh() >>> 32));
            out.append('|')
                    .append(e.peerAsn())
                    .append('|')
                    .append(e.oldState())
                    .append('|')
                    .append(e.newState());
            out.append('\n');
            return true;
        }
        if (e.nlriSource() != MrtElement.NlriSource.CLASSIC) {
            return false;
        }
        out.append("BGP|").append(e.timestamp());
        out.append(e.kind() == MrtElement.Kind.WITHDRAWAL ? "|W|" : "|A|");
        ipv4(out, (int) (e.peerAddressHigh() >>> 32));
        out.append('|').append(e.peerAsn()).append('|');
        prefix(e, out);
        if (e.kind() == MrtElement.Kind.WITHDRAWAL) {
            out.append('\n');
            return true;
        }
        BgpAttributes a = e.attributes();
        out.append('|');
        asPath(a, out);
        out.append('|').append(origin(a)).append('|');
        nextHopAttr(a, out);
        out.append('|').append(rawU32(a, BgpAttributes.LOCAL_PREF)).append('|').append(rawU32(a, BgpAttributes.MED));
        // mrtd_table_line_announce prints the communities right after MED, without a separator.
        if (a.rawIndex(BgpAttributes.COMMUNITIES) >= 0) {
            communities(a, out);
            out.append('|');
        } else {
            out.append('|');
        }
        out.append(a.rawIndex(BgpAttributes.ATOMIC_AGGREGATE) >= 0 ? "AG" : "NAG")
                .append('|');
        aggregator(a, out);
        out.append('\n');
        return true;
    }

    private void tail(BgpAttributes a, StringBuilder out, boolean signed) {
        long lp = rawU32(a, BgpAttributes.LOCAL_PREF);
        long med = rawU32(a, BgpAttributes.MED);
        out.append('|')
                .append(signed ? (int) lp : lp)
                .append('|')
                .append(signed ? (int) med : med)
                .append('|');
        if (a.rawIndex(BgpAttributes.COMMUNITIES) >= 0) {
            communities(a, out);
        }
        out.append('|')
                .append(a.rawIndex(BgpAttributes.ATOMIC_AGGREGATE) >= 0 ? "AG" : "NAG")
                .append('|');
        aggregator(a, out);
        out.append('\n');
    }

    private void aggregator(BgpAttributes a, StringBuilder out) {
        int v = a.rawIndex(BgpAttributes.AGGREGATOR);
        if (v >= 0) {
            ByteBuf b = a.buf();
            int w = a.asnWidth();
            int l = a.rawLength(BgpAttributes.AGGREGATOR);
            long asn = readZeroFilled(b, v, l, w) & 0xFFFF_FFFFL;
            int addr = (int) readZeroFilled(b, v + w, Math.max(0, l - w), 4);
            if (w == 2) {
                asn &= 0xFFFF;
                int v4 = a.rawIndex(BgpAttributes.AS4_AGGREGATOR);
                if (asn == BgpAttributes.AS_TRANS && v4 >= 0) {
                    int l4 = a.rawLength(BgpAttributes.AS4_AGGREGATOR);
                    asn = readZeroFilled(b, v4, l4, 4) & 0xFFFF_FFFFL;
                    addr = (int) readZeroFilled(b, v4 + 4, Math.max(0, l4 - 4), 4);
                }
            }
            if (addr != -1) {
                out.append(asn).append(' ');
                ipv4(out, addr);
            }
        }
        out.append('|');
    }

    private static String origin(BgpAttributes a) {
        int v = a.rawIndex(BgpAttributes.ORIGIN);
        int o = v < 0
                ? 255
                : a.rawLength(BgpAttributes.ORIGIN) == 0 ? 0 : a.buf().getUnsignedByte(v);
        return o == 0 ? "IGP" : o == 1 ? "EGP" : "INCOMPLETE";
    }

    private static long rawU32(BgpAttributes a, int type) {
        int v = a.rawIndex(type);
        return v < 0 ? 0 : readZeroFilled(a.buf(), v, a.rawLength(type), 4) & 0xFFFF_FFFFL;
    }

    private static void nextHopAttr(BgpAttributes a, StringBuilder out) {
        int v = a.rawIndex(BgpAttributes.NEXT_HOP);
        ipv4(out, v < 0 ? -1 : (int) readZeroFilled(a.buf(), v, a.rawLength(BgpAttributes.NEXT_HOP), 4));
    }

    /** Reads {@code n} (≤ 8) bytes big-endian, taking only {@code avail} from the buffer and zeros after (mstream). */
    private static long readZeroFilled(ByteBuf b, int at, int avail, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | (i < avail && at >= 0 ? b.getUnsignedByte(at + i) : 0);
        }
        return v;
    }

    private void mpIpv6NextHop(BgpAttributes a, int at, StringBuilder out) {
        // get_nexthop reads 16 bytes whatever the announced length; bytes past the attribute read as zero.
        ByteBuf b = a.buf();
        int avail = Math.min(16, Math.max(0, attrBytesFrom(a, at)));
        long hi = readZeroFilled(b, at, avail, 8);
        long lo = readZeroFilled(b, at + 8, Math.max(0, avail - 8), 8);
        ipv6(out, hi, lo);
    }

    private static int attrBytesFrom(BgpAttributes a, int at) {
        int v = a.rawIndex(BgpAttributes.MP_REACH_NLRI);
        return v < 0 || at < 0 ? 0 : v + a.rawLength(BgpAttributes.MP_REACH_NLRI) - at;
    }

    private void communities(BgpAttributes a, StringBuilder out) {
        int v = a.rawIndex(BgpAttributes.COMMUNITIES);
        int n = a.rawLength(BgpAttributes.COMMUNITIES) / 4;
        ByteBuf b = a.buf();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(' ');
            }
            int c = b.getInt(v + 4 * i);
            switch (c) {
                case 0xFFFFFF01 -> out.append("no-export");
                case 0xFFFFFF02 -> out.append("no-advertise");
                case 0xFFFFFF03 -> out.append("local-AS");
                default -> out.append(c >>> 16).append(':').append(c & 0xFFFF);
            }
        }
    }

    private static void peer(MrtElement e, StringBuilder out) {
        if (e.peerIpv6()) {
            ipv6Static(out, e.peerAddressHigh(), e.peerAddressLow());
        } else {
            ipv4(out, (int) (e.peerAddressHigh() >>> 32));
        }
    }

    private void prefix(MrtElement e, StringBuilder out) {
        if (e.prefixIpv6()) {
            ipv6(out, e.prefixHigh(), e.prefixLow());
        } else {
            ipv4(out, (int) (e.prefixHigh() >>> 32));
        }
        out.append('/').append(e.prefixLength());
    }

    static void ipv4(StringBuilder out, int bits) {
        out.append(bits >>> 24)
                .append('.')
                .append((bits >>> 16) & 0xFF)
                .append('.')
                .append((bits >>> 8) & 0xFF)
                .append('.')
                .append(bits & 0xFF);
    }

    private void ipv6(StringBuilder out, long hi, long lo) {
        ipv6Static(out, hi, lo);
    }

    /** bgpdump's fmt_ipv6: v4-mapped/compatible forms, then the longest zero run (even a single group) as "::". */
    static void ipv6Static(StringBuilder out, long hi, long lo) {
        if (hi == 0 && (lo >>> 32) == 0xFFFFL) {
            out.append("::ffff:");
            ipv4(out, (int) lo);
            return;
        }
        if (hi == 0 && (lo >>> 32) == 0 && (lo & 0xFFFF_FFFFL) > 1) {
            out.append("::");
            ipv4(out, (int) lo);
            return;
        }
        int bestLen = 0;
        int run = 0;
        for (int i = 0; i < 8; i++) {
            run = group(hi, lo, i) == 0 ? run + 1 : 0;
            bestLen = Math.max(bestLen, run);
        }
        // bgpdump picks the longest run, the leftmost on a tie, even a single zero group.
        int bestStart = leftmostLongest(hi, lo, bestLen);
        for (int i = 0; i < 8; i++) {
            if (bestLen > 0 && i == bestStart) {
                if (i == 0) {
                    out.append(':');
                }
                out.append(':');
                i += bestLen - 1;
                continue;
            }
            out.append(Integer.toHexString(group(hi, lo, i)));
            if (i != 7) {
                out.append(':');
            }
        }
    }

    private static int leftmostLongest(long hi, long lo, int len) {
        if (len == 0) {
            return -1;
        }
        int run = 0;
        for (int i = 0; i < 8; i++) {
            if (group(hi, lo, i) == 0) {
                run++;
                if (run == len) {
                    return i - len + 1;
                }
            } else {
                run = 0;
            }
        }
        return -1;
    }

    private static int group(long hi, long lo, int i) {
        return (int) ((i < 4 ? hi >>> (48 - 16 * i) : lo >>> (48 - 16 * (i - 4))) & 0xFFFF);
    }

    // ---- AS path text exactly as bgpdump builds it

    private void asPath(BgpAttributes a, StringBuilder out) {
        int v = a.rawIndex(BgpAttributes.AS_PATH);
        if (v < 0) {
            return;
        }
        ByteBuf b = a.buf();
        int l = a.rawLength(BgpAttributes.AS_PATH);
        int w = a.asnWidth();
        int v4 = a.rawIndex(BgpAttributes.AS4_PATH);
        if (w == 2 && v4 >= 0 && !aggregatorBlocksMerge(a)) {
            int l4 = a.rawLength(BgpAttributes.AS4_PATH);
            int count = pathCount(b, v, l, 2);
            int newCount = pathCount(b, v4, l4, 4);
            if (count >= newCount && mergeBgpdump(b, v, l, count, v4, l4, newCount, out)) {
                return;
            }
        }
        pathText(b, v, l, w, out);
    }

    private static boolean aggregatorBlocksMerge(BgpAttributes a) {
        int v = a.rawIndex(BgpAttributes.AGGREGATOR);
        if (v < 0 || a.rawIndex(BgpAttributes.AS4_AGGREGATOR) < 0) {
            return false;
        }
        long asn = readZeroFilled(a.buf(), v, a.rawLength(BgpAttributes.AGGREGATOR), 2);
        return asn != BgpAttributes.AS_TRANS;
    }

    /** bgpdump's aspath->count: sequences count their ASNs (confederations too), sets 1; 0 if malformed. */
    private static int pathCount(ByteBuf b, int v, int l, int w) {
        int p = v;
        int end = v + l;
        int count = 0;
        while (p < end) {
            if (end - p < 2) {
                // bgpdump reads the header past the end as zeros: type 0 is an error.
                return 0;
            }
            int st = b.getUnsignedByte(p);
            int n = b.getUnsignedByte(p + 1);
            if (st < 1 || st > 4 || p + 2 + n * w > end) {
                return 0;
            }
            count += st == 1 || st == 4 ? 1 : n;
            p += 2 + n * w;
        }
        return count;
    }

    /**
     * bgpdump's asn32_merge_paths: copies the FIRST AS_PATH segment (it never advances) until enough ASNs are kept,
     * trimming an overlong sequence, then appends AS4_PATH verbatim.
     */
    private boolean mergeBgpdump(ByteBuf b, int v, int l, int count, int v4, int l4, int newCount, StringBuilder out) {
        int want = count - newCount;
        int len = 0;
        int have = 0;
        if (want > 0) {
            if (l < 2) {
                return false;
            }
            int st = b.getUnsignedByte(v);
            int n = b.getUnsignedByte(v + 1);
            if (n == 0) {
                return false; // bgpdump would loop forever here
            }
            while (have < want) {
                if (len + 2 + 4 * n > merged.length) {
                    return false;
                }
                merged[len] = (byte) st;
                int segLenAt = len + 1;
                int segN = n;
                for (int i = 0; i < n; i++) {
                    int asn = b.getUnsignedShort(v + 2 + 2 * i);
                    writeInt(merged, len + 2 + 4 * i, asn);
                }
                len += 2 + 4 * n;
                if (st == 1 || st == 4) {
                    have += 1;
                } else {
                    have += n;
                    if (have > want) {
                        int over = have - want;
                        segN -= over;
                        len -= over * 4;
                    }
                }
                merged[segLenAt] = (byte) segN;
            }
        }
        if (len + l4 > merged.length) {
            return false;
        }
        b.getBytes(v4, merged, len, l4);
        len += l4;
        ByteBuf m = io.netty.buffer.Unpooled.wrappedBuffer(merged, 0, len);
        pathText(m, 0, len, 4, out);
        return true;
    }

    private static void writeInt(byte[] a, int at, int v) {
        a[at] = (byte) (v >>> 24);
        a[at + 1] = (byte) (v >>> 16);
        a[at + 2] = (byte) (v >>> 8);
        a[at + 3] = (byte) v;
    }

    /** bgpdump's process_attr_aspath_string. */
    private void pathText(ByteBuf b, int v, int l, int w, StringBuilder out) {
        StringBuilder s = path;
        s.setLength(0);
        int p = v;
        int end = v + l;
        int prevType = 2;
        boolean space = false;
        int lastType = -1;
        while (p < end) {
            int st = end - p >= 1 ? b.getUnsignedByte(p) : 0;
            int n = end - p >= 2 ? b.getUnsignedByte(p + 1) : 0;
            if (st < 1 || st > 4 || p + n * w + 2 > end) {
                out.append("! Error !");
                return;
            }
            if (prevType != 2) {
                s.append(closing(prevType));
            }
            if (space) {
                s.append(' ');
            }
            if (st != 2) {
                s.append(opening(st));
            }
            space = false;
            for (int i = 0; i < n; i++) {
                if (space) {
                    s.append(st == 1 || st == 4 ? ',' : ' ');
                } else {
                    space = true;
                }
                int a = p + 2 + i * w;
                s.append(w == 4 ? b.getUnsignedInt(a) : b.getUnsignedShort(a));
                if (s.length() > MAX_ASPATH_LEN - 100) {
                    out.append(s).append("...");
                    return;
                }
            }
            prevType = st;
            lastType = st;
            p += n * w + 2;
        }
        if (lastType > 0 && lastType != 2) {
            s.append(closing(lastType));
        }
        out.append(s);
    }

    private static char opening(int type) {
        return switch (type) {
            case 1 -> '{';
            case 3 -> '(';
            case 4 -> '[';
            default -> ' ';
        };
    }

    private static char closing(int type) {
        return switch (type) {
            case 1 -> '}';
            case 3 -> ')';
            case 4 -> ']';
            default -> ' ';
        };
    }
}
