package dev.routescope.mrt;

import dev.routescope.model.RouteEvent;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Splits MRT records into elements, one per prefix (or RIB entry, or state change), in {@code bgpdump -m} order: per
 * UPDATE all withdrawals (withdrawn routes, then MP_UNREACH_NLRI IPv4 then IPv6, SAFI 1, 2, 3), then all
 * announcements (NLRI, then MP_REACH_NLRI in the same order).
 *
 * <pre>{@code
 * try (MrtElementReader elements = MrtElementReader.open(Path.of("updates.20210101.0455.gz"))) {
 *     // hot path: a reusable view, nothing allocated per element
 *     elements.forEachElement(e -> { count(e.prefixLength(), e.attributes().originAsn()); return true; });
 * }
 * try (MrtElementReader elements = MrtElementReader.open(path)) {
 *     // convenient: immutable events (allocates per element)
 *     elements.events().filter(ev -> ev instanceof Withdrawal).forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Three forms: pull ({@link #advance()} + {@link #element()}), callback ({@link #forEachElement}) and events ({@link
 * #iterator()}, {@link #events()}); {@link #parallel} reads many files on several threads, each file in order.
 * Malformed data is reported through the underlying {@link MrtReader}'s listener and {@link MrtStats}; RFC 7606
 * treat-as-withdraw is applied by {@link MrtElement#toEvent()}.
 *
 * <p>Threading: not thread-safe. Lifetime: the element view is valid until the next advance.
 *
 * @since 0.1
 */
public final class MrtElementReader implements MrtElementCursor {
    private static final int NONE = 0;
    private static final int UPDATE = 1;
    private static final int RIB_V2 = 2;
    private static final int RIB_V1 = 3;
    private static final int SINGLE = 4;
    private static final int LAST_PHASE = 13;

    private final MrtReader reader;
    private final BgpAttributes attributes = new BgpAttributes();
    private final MrtElement element;
    private final BgpAttributes.Reporter reporter;

    private int mode = NONE;
    private ByteBuf buf = io.netty.buffer.Unpooled.EMPTY_BUFFER;
    // UPDATE cursor
    private int phase;
    private int pos;
    private int end;
    private boolean addPath;
    // Per NLRI field: whether it carries ADD-PATH identifiers (declared by the subtype or detected, see addPathFor).
    private boolean withdrawnAddPath;
    private boolean nlriAddPath;
    private final boolean[] unreachAddPath = new boolean[BgpAttributes.MP_SLOTS];
    private final boolean[] reachAddPath = new boolean[BgpAttributes.MP_SLOTS];
    private boolean phaseAddPath;
    private int withdrawnStart;
    private int withdrawnEnd;
    private int nlriStart;
    private int nlriEnd;
    private boolean phaseIpv6;
    private int phaseSafi;
    private int phaseSlot;
    private MrtElement.Kind phaseKind = MrtElement.Kind.WITHDRAWAL;
    private MrtElement.NlriSource phaseSource = MrtElement.NlriSource.CLASSIC;
    // RIB cursor
    private int ribLeft;
    private int ribIndex;
    private int ribCount;
    private boolean ribIpv6;
    private int ribSafi;
    private long ribHigh;
    private long ribLow;
    private int ribBits;
    private int ribAsnWidth;

    /**
     * Wraps a record reader; closing this closes it.
     *
     * @param reader the record reader, positioned before its first record
     */
    public MrtElementReader(MrtReader reader) {
        this.reader = reader;
        this.element = new MrtElement(reader.collector(), attributes);
        this.reporter = (kind, action, index, detail) -> reader.problem(kind, action, reader.offsetOf(index), detail);
    }

    /**
     * Opens a file with default settings.
     *
     * @param path plain, gzip or bzip2 MRT file
     * @return the element reader
     * @throws IOException if the file cannot be opened
     */
    public static MrtElementReader open(Path path) throws IOException {
        return new MrtElementReader(MrtReader.open(path));
    }

    /** {@return the underlying record reader (for stats, the current record and the peer index table)} */
    public MrtReader reader() {
        return reader;
    }

    /** {@return the current element; valid until the next advance} */
    @Override
    public MrtElement element() {
        return element;
    }

    /** {@return the reader's counters} */
    public MrtStats stats() {
        return reader.stats();
    }

    /**
     * Moves to the next element, reading records as needed.
     *
     * @return false at the end of input
     */
    @Override
    public boolean advance() {
        while (true) {
            if (mode != NONE && nextInRecord()) {
                reader.stats().element(element.kind());
                return true;
            }
            mode = NONE;
            if (!reader.advance()) {
                return false;
            }
            startRecord(reader.record());
        }
    }

    /**
     * Reads many files on a pool of threads, each file sequentially in its own order, one handler per file.
     *
     * <pre>{@code
     * List<MrtStats> stats = MrtElementReader.parallel(files, Runtime.getRuntime().availableProcessors(),
     *         file -> new MyPerFileCounter());
     * }</pre>
     *
     * @param files the files; results come back in this order
     * @param threads pool size, at least 1
     * @param handlers creates the handler for one file (called on the worker thread)
     * @return the counters of each file, in input order
     * @throws IOException if a file cannot be opened or read
     * @throws InterruptedException if interrupted while waiting
     */
    public static List<MrtStats> parallel(
            List<Path> files, int threads, Function<Path, ? extends MrtElementHandler> handlers)
            throws IOException, InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " (expected: >= 1)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mrt-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<MrtStats>> futures = new ArrayList<>(files.size());
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    try (MrtElementReader r = open(file)) {
                        r.forEachElement(handlers.apply(file));
                        return r.stats();
                    }
                }));
            }
            List<MrtStats> out = new ArrayList<>(files.size());
            for (Future<MrtStats> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException("reading failed", c);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    // ---- record dispatch

    private void problem(MrtProblem.Kind kind, MrtProblem.Action action, int index, String detail) {
        reporter.report(kind, action, index, detail);
    }

    private void skip(MrtProblem.Kind kind, int index, String detail) {
        reader.stats().skippedRecord();
        problem(kind, MrtProblem.Action.SKIPPED, index, detail);
    }

    private void startRecord(MrtRecord r) {
        buf = r.buffer();
        element.setRecord(r);
        attributes.clear();
        int type = r.type();
        int st = r.subtype();
        int p = r.bodyIndex();
        int len = r.bodyLength();
        switch (type) {
            case MrtTypes.BGP4MP, MrtTypes.BGP4MP_ET -> {
                switch (st) {
                    case 0, 5 -> bgp4mpStateChange(p, len, st == 5 ? 4 : 2);
                    case 1, 4, 6, 7, 8, 9, 10, 11 -> bgp4mpMessage(p, len, st);
                    default ->
                        skip(
                                MrtProblem.Kind.UNSUPPORTED_SUBTYPE,
                                p,
                                MrtTypes.typeName(type) + " subtype " + st + " is not decoded");
                }
            }
            case MrtTypes.TABLE_DUMP_V2 -> {
                switch (st) {
                    case MrtTypes.PEER_INDEX_TABLE -> {}
                    case 2, 3, 4, 5, 6, 8, 9, 10, 11, 12 -> ribV2(p, len, st);
                    case MrtTypes.GEO_PEER_TABLE -> reader.stats().skippedRecord();
                    default ->
                        skip(MrtProblem.Kind.UNSUPPORTED_SUBTYPE, p, "TABLE_DUMP_V2 subtype " + st + " is not defined");
                }
            }
            case MrtTypes.TABLE_DUMP -> {
                if (st >= 1 && st <= 4) {
                    ribV1Start(p, len, st);
                } else {
                    skip(MrtProblem.Kind.UNSUPPORTED_SUBTYPE, p, "TABLE_DUMP subtype " + st + " (expected: 1..4)");
                }
            }
            case MrtTypes.BGP -> legacyBgp(p, len, st);
            default -> skip(MrtProblem.Kind.UNSUPPORTED_TYPE, p, MrtTypes.typeName(type) + " records are not decoded");
        }
    }

    private boolean nextInRecord() {
        return switch (mode) {
            case UPDATE -> nextPrefix();
            case RIB_V2 -> nextRibV2();
            case RIB_V1 -> nextRibV1();
            case SINGLE -> {
                mode = NONE;
                yield true;
            }
            default -> false;
        };
    }

    // ---- BGP4MP

    private void bgp4mpStateChange(int p, int len, int asLen) {
        int end = p + len;
        if (len == 8) {
            // Zebra wrote 8-byte state changes without interface, AFI and addresses (bgpdump: "zebra bug?").
            element.peerAsn = buf.getUnsignedShort(p);
            element.localAsn = buf.getUnsignedShort(p + 2);
            setPeer(false, 0, 0);
            element.setState(buf.getUnsignedShort(p + 4), buf.getUnsignedShort(p + 6));
            mode = SINGLE;
            return;
        }
        if (len < 2 * asLen + 4) {
            skip(MrtProblem.Kind.MALFORMED_RECORD, p, "state change body of " + len + " bytes is too short");
            return;
        }
        long peerAs = readAsn(p, asLen);
        long localAs = readAsn(p + asLen, asLen);
        int afi = buf.getUnsignedShort(p + 2 * asLen + 2);
        int ipLen = afi == 1 ? 4 : afi == 2 ? 16 : -1;
        if (ipLen < 0) {
            skip(
                    MrtProblem.Kind.MALFORMED_RECORD,
                    p + 2 * asLen + 2,
                    "state change address family " + afi + " (expected: 1 IPv4 or 2 IPv6)");
            return;
        }
        int expected = 2 * asLen + 4 + 2 * ipLen + 4;
        if (len != expected) {
            skip(
                    MrtProblem.Kind.MALFORMED_RECORD,
                    p,
                    "state change body of " + len + " bytes (expected: " + expected + ")");
            return;
        }
        int a = p + 2 * asLen + 4;
        element.peerAsn = peerAs;
        element.localAsn = localAs;
        readPeerAddress(a, ipLen == 16);
        int s = a + 2 * ipLen;
        if (s + 4 > end) {
            skip(MrtProblem.Kind.MALFORMED_RECORD, s, "state change truncated");
            return;
        }
        element.setState(buf.getUnsignedShort(s), buf.getUnsignedShort(s + 2));
        mode = SINGLE;
    }

    private void bgp4mpMessage(int p, int len, int st) {
        int asLen = st == 4 || st == 7 || st == 9 || st == 11 ? 4 : 2;
        int end = p + len;
        int fixed = 2 * asLen + 4;
        if (len < fixed) {
            skip(MrtProblem.Kind.MALFORMED_RECORD, p, "BGP4MP message body of " + len + " bytes is too short");
            return;
        }
        int afi = buf.getUnsignedShort(p + 2 * asLen + 2);
        int ipLen = afi == 1 ? 4 : afi == 2 ? 16 : -1;
        if (ipLen < 0) {
            skip(
                    MrtProblem.Kind.MALFORMED_RECORD,
                    p + 2 * asLen + 2,
                    "BGP4MP address family " + afi + " (expected: 1 IPv4 or 2 IPv6)");
            return;
        }
        int m = p + fixed + 2 * ipLen;
        if (m + 19 > end) {
            skip(
                    MrtProblem.Kind.MALFORMED_RECORD,
                    Math.min(m, end),
                    "BGP4MP record ends before a complete BGP header (" + (end - m) + " bytes left)");
            return;
        }
        element.peerAsn = readAsn(p, asLen);
        element.localAsn = readAsn(p + asLen, asLen);
        readPeerAddress(p + fixed, ipLen == 16);
        if (buf.getLong(m) != -1L || buf.getLong(m + 8) != -1L) {
            skip(MrtProblem.Kind.BAD_BGP_MARKER, m, "BGP marker is not all ones");
            return;
        }
        int bgpLen = buf.getUnsignedShort(m + 16);
        int msgType = buf.getUnsignedByte(m + 18);
        reader.stats().bgpMessage(msgType);
        if (bgpLen < 19) {
            skip(MrtProblem.Kind.BAD_BGP_LENGTH, m + 16, "BGP message length " + bgpLen + " (expected: 19..65535)");
            return;
        }
        int msgEnd = m + bgpLen;
        if (msgEnd > end) {
            problem(
                    MrtProblem.Kind.BAD_BGP_LENGTH,
                    MrtProblem.Action.NOTED,
                    m + 16,
                    "BGP message length " + bgpLen + " exceeds the record by " + (msgEnd - end)
                            + " bytes; decoding the bytes present");
            msgEnd = end;
        }
        switch (msgType) {
            case 2 -> update(m + 19, msgEnd, asLen, st >= 8);
            case 1, 3, 4, 5 -> {}
            default ->
                skip(
                        MrtProblem.Kind.UNKNOWN_BGP_MESSAGE_TYPE,
                        m + 18,
                        "BGP message type " + msgType + " (expected: 1..5)");
        }
    }

    private void update(int p, int end, int asnWidth, boolean addPathNlri) {
        addPath = addPathNlri;
        if (end - p < 2) {
            skip(MrtProblem.Kind.MALFORMED_RECORD, p, "UPDATE without withdrawn-routes length");
            return;
        }
        int wlen = buf.getUnsignedShort(p);
        withdrawnStart = p + 2;
        withdrawnEnd = withdrawnStart + wlen;
        if (withdrawnEnd > end) {
            // RFC 7606 §4: a session-reset condition; nothing in this message can be trusted.
            skip(
                    MrtProblem.Kind.MALFORMED_RECORD,
                    p,
                    "withdrawn routes length " + wlen + " overruns the message by " + (withdrawnEnd - end)
                            + " bytes (RFC 7606: session reset); UPDATE skipped");
            return;
        }
        int a = withdrawnEnd;
        if (end - a < 2) {
            skip(MrtProblem.Kind.MALFORMED_RECORD, a, "UPDATE ends before the total path attribute length");
            return;
        }
        int total = buf.getUnsignedShort(a);
        a += 2;
        int attrEnd = a + total;
        if (attrEnd > end) {
            skip(
                    MrtProblem.Kind.MALFORMED_RECORD,
                    a - 2,
                    "total path attribute length " + total + " overruns the message by " + (attrEnd - end)
                            + " bytes (RFC 7606: session reset); UPDATE skipped");
            return;
        }
        attributes.parse(buf, a, attrEnd - a, asnWidth, reporter);
        nlriStart = attrEnd;
        nlriEnd = end;
        withdrawnAddPath = addPathFor(withdrawnStart, withdrawnEnd, false, addPathNlri, "withdrawn routes");
        nlriAddPath = addPathFor(nlriStart, nlriEnd, false, addPathNlri, "NLRI");
        for (int s = 0; s < BgpAttributes.MP_SLOTS; s++) {
            int u = attributes.unreachNlri[s];
            unreachAddPath[s] = u >= 0
                    ? addPathFor(u, attributes.unreachEnd[s], s >= 3, addPathNlri, "MP_UNREACH_NLRI")
                    : addPathNlri;
            int r = attributes.reachNlri[s];
            reachAddPath[s] =
                    r >= 0 ? addPathFor(r, attributes.reachEnd[s], s >= 3, addPathNlri, "MP_REACH_NLRI") : addPathNlri;
        }
        if (nlriEnd > nlriStart || hasMpReachNlri()) {
            if (attributes.rawIndex(BgpAttributes.ORIGIN) < 0
                    || attributes.rawIndex(BgpAttributes.AS_PATH) < 0
                    || (nlriEnd > nlriStart && attributes.rawIndex(BgpAttributes.NEXT_HOP) < 0)) {
                if (!attributes.treatAsWithdraw()) {
                    markTreatAsWithdraw(a);
                }
            }
        }
        mode = UPDATE;
        phase = 0;
        setPhase();
    }

    /**
     * Decides whether an NLRI field carries ADD-PATH path identifiers (domain.md §3.6). The MRT subtype declares it,
     * but some writers (BIRD, RouteViews route-views3/amsix 2020-21) put ADD-PATH NLRI under plain subtypes. The field
     * is walked both ways: the declared encoding wins whenever it consumes the field exactly with every prefix length
     * in range; otherwise the other encoding is used if it does, with a NOTED problem. If neither fits, the declared
     * encoding is decoded and its errors reported as usual.
     */
    private boolean addPathFor(int from, int to, boolean v6, boolean declared, String field) {
        if (from >= to || fits(from, to, v6, declared)) {
            return declared;
        }
        if (!fits(from, to, v6, !declared)) {
            return declared;
        }
        problem(
                MrtProblem.Kind.MALFORMED_NLRI,
                MrtProblem.Action.NOTED,
                from,
                declared
                        ? field + " declared ADD-PATH by the subtype parses only without path identifiers; decoded so"
                        : field
                                + " parses only with ADD-PATH path identifiers (undeclared by the subtype); decoded so");
        return !declared;
    }

    /** Whether the field is a whole number of prefixes in this encoding, each no longer than the address. */
    private boolean fits(int from, int to, boolean v6, boolean withPathIds) {
        int max = v6 ? 128 : 32;
        int skip = withPathIds ? 4 : 0;
        int p = from;
        while (p < to) {
            p += skip;
            if (p >= to) {
                return false;
            }
            int bits = buf.getUnsignedByte(p);
            if (bits > max) {
                return false;
            }
            p += 1 + ((bits + 7) >>> 3);
        }
        return p == to;
    }

    private void markTreatAsWithdraw(int at) {
        String missing = (attributes.rawIndex(BgpAttributes.ORIGIN) < 0 ? " ORIGIN" : "")
                + (attributes.rawIndex(BgpAttributes.AS_PATH) < 0 ? " AS_PATH" : "")
                + (nlriEnd > nlriStart && attributes.rawIndex(BgpAttributes.NEXT_HOP) < 0 ? " NEXT_HOP" : "");
        attributes.forceTreatAsWithdraw();
        problem(
                MrtProblem.Kind.MALFORMED_ATTRIBUTE,
                MrtProblem.Action.TREAT_AS_WITHDRAW,
                at,
                "missing well-known attribute(s):" + missing);
    }

    private boolean hasMpReachNlri() {
        for (int s = 0; s < BgpAttributes.MP_SLOTS; s++) {
            if (attributes.reachNlri[s] >= 0 && attributes.reachEnd[s] > attributes.reachNlri[s]) {
                return true;
            }
        }
        return false;
    }

    /** Sets up the region of the current phase: 0 withdrawn, 1-6 MP_UNREACH slots, 7 NLRI, 8-13 MP_REACH slots. */
    private void setPhase() {
        if (phase == 0) {
            region(
                    withdrawnStart,
                    withdrawnEnd,
                    false,
                    1,
                    -1,
                    MrtElement.Kind.WITHDRAWAL,
                    MrtElement.NlriSource.CLASSIC);
            phaseAddPath = withdrawnAddPath;
        } else if (phase <= 6) {
            int s = phase - 1;
            int from = attributes.unreachNlri[s];
            region(
                    from,
                    from < 0 ? from : attributes.unreachEnd[s],
                    s >= 3,
                    s % 3 + 1,
                    s,
                    MrtElement.Kind.WITHDRAWAL,
                    MrtElement.NlriSource.MULTIPROTOCOL);
            phaseAddPath = unreachAddPath[s];
        } else if (phase == 7) {
            region(nlriStart, nlriEnd, false, 1, -1, MrtElement.Kind.ANNOUNCEMENT, MrtElement.NlriSource.CLASSIC);
            phaseAddPath = nlriAddPath;
        } else {
            int s = phase - 8;
            int from = attributes.reachNlri[s];
            region(
                    from,
                    from < 0 ? from : attributes.reachEnd[s],
                    s >= 3,
                    s % 3 + 1,
                    s,
                    MrtElement.Kind.ANNOUNCEMENT,
                    MrtElement.NlriSource.MULTIPROTOCOL);
            phaseAddPath = reachAddPath[s];
        }
    }

    private void region(
            int from, int to, boolean v6, int safi, int slot, MrtElement.Kind k, MrtElement.NlriSource src) {
        pos = from;
        end = to;
        phaseIpv6 = v6;
        phaseSafi = safi;
        phaseSlot = slot;
        phaseKind = k;
        phaseSource = src;
    }

    private boolean nextPrefix() {
        while (true) {
            if (pos < end) {
                if (decodePrefix()) {
                    return true;
                }
                continue;
            }
            if (phase >= LAST_PHASE) {
                return false;
            }
            phase++;
            setPhase();
        }
    }

    private boolean decodePrefix() {
        int p = pos;
        long pathId = RouteEvent.NO_PATH_ID;
        if (phaseAddPath) {
            if (end - p < 5) {
                problem(
                        MrtProblem.Kind.MALFORMED_NLRI,
                        MrtProblem.Action.ELEMENT_DROPPED,
                        p,
                        "ADD-PATH NLRI truncated: " + (end - p) + " bytes left");
                pos = end;
                return false;
            }
            pathId = buf.getUnsignedInt(p);
            p += 4;
        }
        int bits = buf.getUnsignedByte(p++);
        int bytes = (bits + 7) >>> 3;
        if (bytes > end - p) {
            problem(
                    MrtProblem.Kind.MALFORMED_NLRI,
                    MrtProblem.Action.ELEMENT_DROPPED,
                    p - 1,
                    "prefix length " + bits + " needs " + bytes + " bytes, " + (end - p) + " left in the field");
            pos = end;
            return false;
        }
        pos = p + bytes;
        int max = phaseIpv6 ? 128 : 32;
        if (bits > max) {
            problem(
                    MrtProblem.Kind.MALFORMED_NLRI,
                    MrtProblem.Action.ELEMENT_DROPPED,
                    p - 1,
                    "prefix length " + bits + " exceeds " + max
                            + (phaseAddPath ? "" : " (undeclared ADD-PATH or corruption)"));
            return false;
        }
        long hi = readHigh(p, bytes);
        long lo = bytes > 8 ? readLow(p + 8, bytes - 8) : 0;
        element.setPrefix(
                phaseKind,
                phaseSource,
                phaseIpv6,
                hi & maskHigh(bits),
                lo & maskLow(bits),
                bits,
                phaseSafi,
                pathId,
                phaseSlot);
        return true;
    }

    private long readHigh(int p, int bytes) {
        if (bytes >= 8) {
            return buf.getLong(p);
        }
        if (bytes == 4) {
            return buf.getUnsignedInt(p) << 32;
        }
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (long) buf.getUnsignedByte(p + i) << (56 - 8 * i);
        }
        return v;
    }

    private long readLow(int p, int bytes) {
        if (bytes >= 8) {
            return buf.getLong(p);
        }
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (long) buf.getUnsignedByte(p + i) << (56 - 8 * i);
        }
        return v;
    }

    static long maskHigh(int length) {
        return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    static long maskLow(int length) {
        return length <= 64 ? 0 : length >= 128 ? -1L : -1L << (128 - length);
    }

    private long readAsn(int p, int asLen) {
        return asLen == 4 ? buf.getUnsignedInt(p) : buf.getUnsignedShort(p);
    }

    private void readPeerAddress(int a, boolean v6) {
        if (v6) {
            setPeer(true, buf.getLong(a), buf.getLong(a + 8));
        } else {
            setPeer(false, buf.getUnsignedInt(a) << 32, 0);
        }
    }

    private void setPeer(boolean v6, long hi, long lo) {
        element.peerIpv6 = v6;
        element.peerHigh = hi;
        element.peerLow = lo;
    }

    // ---- legacy BGP (type 5)

    private void legacyBgp(int p, int len, int st) {
        switch (st) {
            case MrtTypes.BGP_UPDATE -> {
                if (len < 12) {
                    skip(MrtProblem.Kind.MALFORMED_RECORD, p, "BGP UPDATE record of " + len + " bytes is too short");
                    return;
                }
                element.peerAsn = buf.getUnsignedShort(p);
                setPeer(false, buf.getUnsignedInt(p + 2) << 32, 0);
                element.localAsn = buf.getUnsignedShort(p + 6);
                reader.stats().bgpMessage(2);
                update(p + 12, p + len, 2, false);
            }
            case MrtTypes.BGP_STATE_CHANGE -> {
                if (len < 10) {
                    skip(
                            MrtProblem.Kind.MALFORMED_RECORD,
                            p,
                            "BGP STATE_CHANGE record of " + len + " bytes is too short");
                    return;
                }
                element.peerAsn = buf.getUnsignedShort(p);
                element.localAsn = 0;
                setPeer(false, buf.getUnsignedInt(p + 2) << 32, 0);
                element.setState(buf.getUnsignedShort(p + 6), buf.getUnsignedShort(p + 8));
                mode = SINGLE;
            }
            case 2, 4, 5, 6, MrtTypes.BGP_KEEPALIVE -> reader.stats().skippedRecord();
            default -> skip(MrtProblem.Kind.UNSUPPORTED_SUBTYPE, p, "BGP (type 5) subtype " + st + " is not decoded");
        }
    }

    // ---- TABLE_DUMP_V2 RIBs

    private void ribV2(int p, int len, int st) {
        int end = p + len;
        boolean generic = st == 6 || st == 12;
        addPath = st >= 8;
        if (len < (generic ? 8 : 5)) {
            skip(MrtProblem.Kind.MALFORMED_RECORD, p, "RIB record of " + len + " bytes is too short");
            return;
        }
        int q = p + 4;
        if (generic) {
            int afi = buf.getUnsignedShort(q);
            int safi = buf.getUnsignedByte(q + 2);
            if (BgpAttributes.slot(afi, safi) < 0) {
                skip(
                        MrtProblem.Kind.UNSUPPORTED_ADDRESS_FAMILY,
                        q,
                        "RIB_GENERIC AFI " + afi + " SAFI " + safi + " (supported: AFI 1/2, SAFI 1/2/3)");
                return;
            }
            ribIpv6 = afi == 2;
            ribSafi = safi;
            q += 3;
        } else {
            ribIpv6 = st == 4 || st == 5 || st == 10 || st == 11;
            ribSafi = st == 3 || st == 5 || st == 9 || st == 11 ? 2 : 1;
        }
        int bits = buf.getUnsignedByte(q);
        int bytes = (bits + 7) >>> 3;
        if (bits > (ribIpv6 ? 128 : 32)) {
            skip(MrtProblem.Kind.MALFORMED_NLRI, q, "RIB prefix length " + bits + " exceeds " + (ribIpv6 ? 128 : 32));
            return;
        }
        if (q + 1 + bytes + 2 > end) {
            skip(MrtProblem.Kind.MALFORMED_RECORD, q, "RIB record ends inside the prefix or entry count");
            return;
        }
        ribBits = bits;
        ribHigh = readHigh(q + 1, bytes) & maskHigh(bits);
        ribLow = bytes > 8 ? readLow(q + 9, bytes - 8) & maskLow(bits) : 0;
        q += 1 + bytes;
        ribCount = buf.getUnsignedShort(q);
        ribLeft = ribCount;
        ribIndex = 0;
        pos = q + 2;
        this.end = end;
        if (!reader.hasPeerIndexTable()) {
            skip(
                    MrtProblem.Kind.MISSING_PEER_INDEX_TABLE,
                    p,
                    "RIB record before any PEER_INDEX_TABLE; " + ribCount + " entries skipped");
            return;
        }
        mode = RIB_V2;
    }

    private boolean nextRibV2() {
        PeerIndexTable peers = reader.peerIndexTable();
        while (ribLeft > 0) {
            ribLeft--;
            ribIndex++;
            int need = addPath ? 12 : 8;
            if (end - pos < need) {
                problem(
                        MrtProblem.Kind.MALFORMED_RECORD,
                        MrtProblem.Action.ELEMENT_DROPPED,
                        pos,
                        "RIB entry " + ribIndex + " of " + ribCount + " truncated: " + (end - pos) + " bytes left");
                ribLeft = 0;
                return false;
            }
            int peerIndex = buf.getUnsignedShort(pos);
            long originated = buf.getUnsignedInt(pos + 2);
            long pathId = addPath ? buf.getUnsignedInt(pos + 6) : RouteEvent.NO_PATH_ID;
            int alenAt = pos + (addPath ? 10 : 6);
            int alen = buf.getUnsignedShort(alenAt);
            int a = alenAt + 2;
            if (a + alen > end) {
                problem(
                        MrtProblem.Kind.MALFORMED_RECORD,
                        MrtProblem.Action.ELEMENT_DROPPED,
                        alenAt,
                        "RIB entry "
                                + ribIndex + " of " + ribCount + ": attribute length " + alen
                                + " overruns the record by "
                                + (a + alen - end) + " bytes");
                ribLeft = 0;
                return false;
            }
            pos = a + alen;
            if (peerIndex >= peers.size()) {
                problem(
                        MrtProblem.Kind.BAD_PEER_INDEX,
                        MrtProblem.Action.ELEMENT_DROPPED,
                        alenAt - 6,
                        "peer index " + peerIndex + " (PEER_INDEX_TABLE has " + peers.size() + " peers)");
                continue;
            }
            element.peerAsn = peers.asn(peerIndex);
            element.localAsn = 0;
            setPeer(peers.isIpv6(peerIndex), peers.addressHigh(peerIndex), peers.addressLow(peerIndex));
            attributes.parse(buf, a, alen, 4, reporter);
            element.setPrefix(
                    MrtElement.Kind.RIB_ENTRY,
                    MrtElement.NlriSource.RIB,
                    ribIpv6,
                    ribHigh,
                    ribLow,
                    ribBits,
                    ribSafi,
                    pathId,
                    -1);
            element.setOriginatedTime(originated);
            return true;
        }
        return false;
    }

    // ---- TABLE_DUMP (v1)

    private void ribV1Start(int p, int len, int st) {
        ribIpv6 = st == 2 || st == 4;
        ribAsnWidth = st >= 3 ? 4 : 2;
        ribSafi = 1;
        pos = p;
        end = p + len;
        ribIndex = 0;
        mode = RIB_V1;
    }

    private boolean nextRibV1() {
        int alen = ribIpv6 ? 16 : 4;
        int fixed = 4 + alen + 2 + 4 + alen + ribAsnWidth + 2;
        // RFC 6396 §4.2: one entry per TABLE_DUMP record. Early RIS dumps packed more entries in another layout (and
        // got the length wrong); the extra bytes are reported and framing recovers at the next plausible header.
        while (pos < end && ribIndex == 0) {
            if (end - pos < fixed) {
                problem(
                        MrtProblem.Kind.MALFORMED_RECORD,
                        ribIndex == 0 ? MrtProblem.Action.SKIPPED : MrtProblem.Action.NOTED,
                        pos,
                        "TABLE_DUMP entry " + (ribIndex + 1) + " truncated: " + (end - pos)
                                + " bytes left (expected at least " + fixed + ")");
                if (ribIndex == 0) {
                    reader.stats().skippedRecord();
                }
                pos = end;
                return false;
            }
            ribIndex++;
            int q = pos + 4;
            long hi = ribIpv6 ? buf.getLong(q) : buf.getUnsignedInt(q) << 32;
            long lo = ribIpv6 ? buf.getLong(q + 8) : 0;
            q += alen;
            int bits = buf.getUnsignedByte(q);
            long originated = buf.getUnsignedInt(q + 2);
            q += 6;
            boolean peerV6 = ribIpv6;
            long phi = ribIpv6 ? buf.getLong(q) : buf.getUnsignedInt(q) << 32;
            long plo = ribIpv6 ? buf.getLong(q + 8) : 0;
            q += alen;
            long peerAs = readAsn(q, ribAsnWidth);
            q += ribAsnWidth;
            int attrLen = buf.getUnsignedShort(q);
            q += 2;
            if (q + attrLen > end) {
                problem(
                        MrtProblem.Kind.MALFORMED_RECORD,
                        MrtProblem.Action.ELEMENT_DROPPED,
                        q - 2,
                        "TABLE_DUMP entry " + ribIndex + ": attribute length " + attrLen + " overruns the record by "
                                + (q + attrLen - end) + " bytes");
                pos = end;
                return false;
            }
            pos = q + attrLen;
            if (pos < end) {
                problem(
                        MrtProblem.Kind.MALFORMED_RECORD,
                        MrtProblem.Action.NOTED,
                        pos,
                        (end - pos) + " bytes after the TABLE_DUMP entry ignored (one entry per record)");
                pos = end;
            }
            if (bits > (ribIpv6 ? 128 : 32)) {
                problem(
                        MrtProblem.Kind.MALFORMED_NLRI,
                        MrtProblem.Action.ELEMENT_DROPPED,
                        q - alen - 7,
                        "TABLE_DUMP prefix length " + bits + " exceeds " + (ribIpv6 ? 128 : 32));
                continue;
            }
            element.peerAsn = peerAs;
            element.localAsn = 0;
            setPeer(peerV6, phi, plo);
            attributes.parse(buf, q, attrLen, ribAsnWidth, reporter);
            element.setPrefix(
                    MrtElement.Kind.RIB_ENTRY,
                    MrtElement.NlriSource.RIB,
                    ribIpv6,
                    hi & maskHigh(bits),
                    lo & maskLow(bits),
                    bits,
                    1,
                    RouteEvent.NO_PATH_ID,
                    -1);
            element.setOriginatedTime(originated);
            return true;
        }
        return false;
    }
}
