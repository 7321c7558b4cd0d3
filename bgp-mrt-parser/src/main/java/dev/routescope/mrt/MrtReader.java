package dev.routescope.mrt;

import dev.routescope.model.IpAddress;
import dev.routescope.mrt.internal.ByteWindow;
import dev.routescope.mrt.internal.Inputs;
import io.netty.buffer.ByteBuf;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads MRT records one at a time from a file, a stream or a buffer, exposing each as a reusable {@link MrtRecord}
 * view. gzip and bzip2 are detected by magic bytes; plain files are memory-mapped; compressed input is streamed through
 * a bounded window that grows only up to the record size limit ({@link MrtLimits}). The whole file is never read into
 * memory.
 *
 * <pre>{@code
 * try (MrtReader reader = MrtReader.open(Path.of("updates.20210101.0455.gz"))) {
 *     while (reader.advance()) {
 *         MrtRecord r = reader.record();
 *         System.out.println(r.type() + "/" + r.subtype() + " " + r.bodyLength());
 *     }
 *     System.out.println(reader.stats());
 * }
 * }</pre>
 *
 * <p>Framing and recovery (never an exception for bad data): a header with an unregistered type or a length above
 * {@link MrtLimits#maxRecordLength()} is treated as garbage, and the reader scans forward (up to {@link
 * MrtLimits#maxResyncScan()} bytes) for the next plausible header (registered type, known subtype, sane length,
 * timestamp within a day of the last good record), reporting {@link MrtProblem.Kind#GARBAGE_SKIPPED}. A truncated
 * header or body at the end of input stops reading with a problem; records already returned stay valid. TABLE_DUMP_V2
 * PEER_INDEX_TABLE records are decoded as they pass ({@link #peerIndexTable()}).
 *
 * <p>Threading: not thread-safe; one reader per thread (see {@link MrtElementReader#parallel} for many files).
 * Ownership: the reader owns its window and the mapped file; {@link #close()} releases them. A {@code ByteBuf} given
 * to {@link Builder#wrap} stays owned by the caller.
 *
 * @since 0.1
 */
public final class MrtReader implements Closeable {
    private static final Pattern RIS = Pattern.compile("(rrc\\d{2,3})");
    private static final Pattern ROUTE_VIEWS = Pattern.compile("(route-views(?:\\d+|\\.[a-z][a-z0-9]*)?)");
    private static final long MAX_TIMESTAMP_DRIFT = 86_400;

    private final String source;
    private final String collector;
    private final ByteWindow window;
    private final MrtLimits limits;
    private final MrtProblemListener listener;
    private final MrtStats stats = new MrtStats();
    private final MrtRecord record = new MrtRecord();
    private final PeerIndexTable peers = new PeerIndexTable();
    private boolean hasPeerIndexTable;
    private @Nullable GeoPeerTable geoPeers;
    private boolean stopped;
    private boolean closed;
    private long lastTimestamp = -1;
    private long recordOffset = -1;
    private int recordType = -1;
    private int recordSubtype = -1;

    private MrtReader(String source, String collector, ByteWindow window, MrtLimits limits, MrtProblemListener l) {
        this.source = source;
        this.collector = collector;
        this.window = window;
        this.limits = limits;
        this.listener = l;
    }

    /**
     * Opens a file with default settings; the collector name is inferred from the path.
     *
     * @param path MRT file, plain, gzip or bzip2
     * @return the reader
     * @throws IOException if the file cannot be opened
     */
    public static MrtReader open(Path path) throws IOException {
        return builder().open(path);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Infers a collector name from a path: {@code rrc12} from RIS paths, {@code route-views2} or {@code
     * route-views.jinx} from RouteViews paths.
     *
     * @param path any path or file name
     * @return the name, or an empty string if none is recognisable
     */
    public static String inferCollector(String path) {
        Matcher m = RIS.matcher(path);
        String found = "";
        while (m.find()) {
            found = m.group(1);
        }
        if (!found.isEmpty()) {
            return found;
        }
        m = ROUTE_VIEWS.matcher(path);
        while (m.find()) {
            found = m.group(1);
        }
        return found;
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of input, after a stop, or once closed
     * @throws UncheckedIOException if the underlying file cannot be read (corrupt compressed data is a problem, not an
     *     exception)
     */
    public boolean advance() {
        if (stopped || closed) {
            return false;
        }
        try {
            return advance0();
        } catch (IOException e) {
            if (e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException || isCorruptInput(e)) {
                // Corrupt or truncated compressed input: a data problem, not an I/O failure.
                problem(
                        MrtProblem.Kind.INPUT_ERROR,
                        MrtProblem.Action.STOPPED,
                        window.offsetOf(window.start()),
                        "decompression failed: " + e.getMessage());
                stopped = true;
                return false;
            }
            throw new UncheckedIOException("reading " + source + " at offset " + window.offsetOf(window.start()), e);
        }
    }

    private static boolean isCorruptInput(IOException e) {
        String name = e.getClass().getName();
        return name.startsWith("org.apache.commons.compress") || "Stream corrupted".equals(e.getMessage());
    }

    private boolean advance0() throws IOException {
        recordOffset = -1;
        recordType = -1;
        recordSubtype = -1;
        while (true) {
            if (!window.request(12)) {
                int left = window.available();
                if (left > 0) {
                    problem(
                            MrtProblem.Kind.TRUNCATED_HEADER,
                            MrtProblem.Action.STOPPED,
                            window.offsetOf(window.start()),
                            "incomplete MRT header: " + left + " bytes before end of input (expected 12)");
                    stats.skippedBytes(left);
                    window.consume(left);
                }
                stopped = true;
                return false;
            }
            ByteBuf b = window.buf();
            int s = window.start();
            long ts = b.getUnsignedInt(s);
            int type = b.getUnsignedShort(s + 4);
            int subtype = b.getUnsignedShort(s + 6);
            long len = b.getUnsignedInt(s + 8);
            boolean et = MrtTypes.isExtendedTimestamp(type);
            if (!MrtTypes.isKnownType(type) || len > limits.maxRecordLength() || (et && len < 4)) {
                long at = window.offsetOf(s);
                if (MrtTypes.isKnownType(type) && len > limits.maxRecordLength()) {
                    problem(
                            MrtProblem.Kind.RECORD_TOO_LARGE,
                            MrtProblem.Action.SKIPPED,
                            at,
                            "record length " + len + " exceeds maxRecordLength " + limits.maxRecordLength()
                                    + " (MrtLimits.maxRecordLength)");
                }
                if (!resync(at, type, len)) {
                    stopped = true;
                    return false;
                }
                continue;
            }
            int total = 12 + (int) len;
            if (!window.request(total)) {
                int left = window.available();
                recordOffset = window.offsetOf(window.start());
                recordType = type;
                recordSubtype = subtype;
                problem(
                        MrtProblem.Kind.TRUNCATED_RECORD,
                        MrtProblem.Action.STOPPED,
                        recordOffset + left,
                        "incomplete record: " + (left - 12) + " of " + len + " body bytes before end of input");
                stats.skippedBytes(left);
                window.consume(left);
                stopped = true;
                return false;
            }
            b = window.buf();
            s = window.start();
            int micros = et ? b.getInt(s + 12) : 0;
            int hdr = et ? 16 : 12;
            recordOffset = window.offsetOf(s);
            recordType = type;
            recordSubtype = subtype;
            record.set(b, recordOffset, ts, micros, type, subtype, s + hdr, total - hdr);
            window.consume(total);
            stats.record(total);
            lastTimestamp = ts;
            if (type == MrtTypes.TABLE_DUMP_V2 && subtype == MrtTypes.PEER_INDEX_TABLE) {
                decodePeerIndexTable(b, s + hdr, total - hdr);
            } else if (type == MrtTypes.TABLE_DUMP_V2 && subtype == MrtTypes.GEO_PEER_TABLE) {
                decodeGeoPeerTable(b, s + hdr, total - hdr);
            }
            return true;
        }
    }

    /** Scans for the next plausible header after garbage at {@code at}; false if none within the limit. */
    private boolean resync(long at, int badType, long badLength) throws IOException {
        int max = limits.maxResyncScan();
        for (int skip = 1; skip <= max; skip++) {
            if (!window.request(skip + 12)) {
                int left = window.available();
                problem(
                        MrtProblem.Kind.GARBAGE_SKIPPED,
                        MrtProblem.Action.STOPPED,
                        at,
                        "implausible MRT header (type " + badType + ", length " + badLength + "); no valid header in "
                                + left + " bytes before end of input");
                stats.skippedBytes(left);
                window.consume(left);
                return false;
            }
            ByteBuf b = window.buf();
            int p = window.start() + skip;
            if (plausibleHeader(
                    b.getUnsignedInt(p),
                    b.getUnsignedShort(p + 4),
                    b.getUnsignedShort(p + 6),
                    b.getUnsignedInt(p + 8))) {
                problem(
                        MrtProblem.Kind.GARBAGE_SKIPPED,
                        MrtProblem.Action.SKIPPED,
                        at,
                        "implausible MRT header (type " + badType + ", length " + badLength + "); skipped " + skip
                                + " bytes to the next plausible header");
                stats.skippedBytes(skip);
                window.consume(skip);
                return true;
            }
        }
        problem(
                MrtProblem.Kind.GARBAGE_SKIPPED,
                MrtProblem.Action.STOPPED,
                at,
                "implausible MRT header (type " + badType + ", length " + badLength + "); no valid header within " + max
                        + " bytes (MrtLimits.maxResyncScan)");
        stopped = true;
        return false;
    }

    private boolean plausibleHeader(long ts, int type, int subtype, long len) {
        if (len > limits.maxRecordLength()) {
            return false;
        }
        if (lastTimestamp >= 0 && Math.abs(ts - lastTimestamp) > MAX_TIMESTAMP_DRIFT) {
            return false;
        }
        return switch (type) {
            case MrtTypes.TABLE_DUMP -> subtype >= 1 && subtype <= 4 && len >= 22;
            case MrtTypes.TABLE_DUMP_V2 -> subtype >= 1 && subtype <= 12;
            case MrtTypes.BGP4MP -> subtype <= 11 && len >= 8;
            case MrtTypes.BGP4MP_ET -> subtype <= 11 && len >= 12;
            case MrtTypes.BGP -> subtype <= 13;
            default -> false;
        };
    }

    private void decodePeerIndexTable(ByteBuf b, int p, int len) {
        int end = p + len;
        if (len < 8) {
            malformedPeerTable(p, "body of " + len + " bytes (expected at least 8)");
            return;
        }
        long collectorId = b.getUnsignedInt(p);
        int viewLen = b.getUnsignedShort(p + 4);
        p += 6;
        if (p + viewLen + 2 > end) {
            malformedPeerTable(p, "view name length " + viewLen + " overruns the record");
            return;
        }
        String view = b.toString(p, viewLen, java.nio.charset.StandardCharsets.UTF_8);
        p += viewLen;
        int count = b.getUnsignedShort(p);
        p += 2;
        peers.reset(count, collectorId, view);
        hasPeerIndexTable = true;
        for (int i = 0; i < count; i++) {
            if (p + 1 > end) {
                malformedPeerTable(p, "peer entry " + i + " of " + count + " is truncated");
                return;
            }
            int peerType = b.getUnsignedByte(p);
            boolean v6 = (peerType & 1) != 0;
            int asLen = (peerType & 2) != 0 ? 4 : 2;
            int need = 1 + 4 + (v6 ? 16 : 4) + asLen;
            if (p + need > end) {
                malformedPeerTable(p, "peer entry " + i + " of " + count + " is truncated");
                return;
            }
            long bgpId = b.getUnsignedInt(p + 1);
            int a = p + 5;
            long hi = v6 ? b.getLong(a) : (b.getUnsignedInt(a) << 32);
            long lo = v6 ? b.getLong(a + 8) : 0;
            a += v6 ? 16 : 4;
            long asn = asLen == 4 ? b.getUnsignedInt(a) : b.getUnsignedShort(a);
            peers.add(v6, hi, lo, asn, bgpId);
            p += need;
        }
    }

    /** RFC 6397 GEO_PEER_TABLE; a malformed table is reported and dropped (positions are never guessed). */
    private void decodeGeoPeerTable(ByteBuf b, int p, int len) {
        int end = p + len;
        if (len < 16) {
            malformedGeoTable(p, "body of " + len + " bytes (expected at least 16)");
            return;
        }
        long collectorId = b.getUnsignedInt(p);
        int viewLen = b.getUnsignedShort(p + 4);
        p += 6;
        if (p + viewLen + 10 > end) {
            malformedGeoTable(p, "view name length " + viewLen + " overruns the record");
            return;
        }
        String view = b.toString(p, viewLen, java.nio.charset.StandardCharsets.UTF_8);
        p += viewLen;
        float lat = b.getFloat(p);
        float lon = b.getFloat(p + 4);
        int count = b.getUnsignedShort(p + 8);
        p += 10;
        // Each entry has at least 17 bytes: the declared count cannot make us allocate more than the record holds.
        List<GeoPeerTable.Peer> list = new ArrayList<>(Math.min(count, (end - p) / 17 + 1));
        for (int i = 0; i < count; i++) {
            if (p + 1 > end) {
                malformedGeoTable(p, "peer entry " + i + " of " + count + " is truncated");
                return;
            }
            int peerType = b.getUnsignedByte(p);
            boolean v6 = (peerType & 1) != 0;
            int asLen = (peerType & 2) != 0 ? 4 : 2;
            int need = 1 + 4 + (v6 ? 16 : 4) + asLen + 8;
            if (p + need > end) {
                malformedGeoTable(p, "peer entry " + i + " of " + count + " is truncated");
                return;
            }
            long bgpId = b.getUnsignedInt(p + 1);
            int a = p + 5;
            IpAddress address = v6 ? IpAddress.ofIpv6(b.getLong(a), b.getLong(a + 8)) : IpAddress.ofIpv4(b.getInt(a));
            a += v6 ? 16 : 4;
            long asn = asLen == 4 ? b.getUnsignedInt(a) : b.getUnsignedShort(a);
            a += asLen;
            list.add(new GeoPeerTable.Peer(bgpId, address, asn, b.getFloat(a), b.getFloat(a + 4)));
            p += need;
        }
        if (p != end) {
            problem(
                    MrtProblem.Kind.MALFORMED_RECORD,
                    MrtProblem.Action.NOTED,
                    window.offsetOf(p),
                    "GEO_PEER_TABLE has " + (end - p) + " bytes after its " + count + " peers");
        }
        geoPeers = new GeoPeerTable(collectorId, view, lat, lon, list);
    }

    private void malformedGeoTable(int index, String detail) {
        problem(
                MrtProblem.Kind.MALFORMED_RECORD,
                MrtProblem.Action.SKIPPED,
                window.offsetOf(index),
                "GEO_PEER_TABLE " + detail + "; table dropped");
    }

    private void malformedPeerTable(int index, String detail) {
        problem(
                MrtProblem.Kind.MALFORMED_RECORD,
                MrtProblem.Action.NOTED,
                window.offsetOf(index),
                "PEER_INDEX_TABLE " + detail + "; " + peers.size() + " peers kept");
    }

    /**
     * Reports a problem in the current record (used by the element decoder).
     *
     * @param kind kind
     * @param action action taken
     * @param offset stream offset
     * @param detail reason
     */
    void problem(MrtProblem.Kind kind, MrtProblem.Action action, long offset, String detail) {
        stats.problem(kind);
        if (action == MrtProblem.Action.STOPPED) {
            stoppedByProblem = true;
        }
        listener.onProblem(
                new MrtProblem(source, offset, recordOffset, recordType, recordSubtype, kind, action, detail));
    }

    /**
     * Stream offset of an index in the current record's buffer.
     *
     * @param index buffer index
     * @return stream offset
     */
    long offsetOf(int index) {
        return window.offsetOf(index);
    }

    /** {@return the current record; valid until the next {@link #advance()}} */
    public MrtRecord record() {
        return record;
    }

    /** {@return the last PEER_INDEX_TABLE read (empty before the first one)} */
    public PeerIndexTable peerIndexTable() {
        return peers;
    }

    /** {@return the last well-formed GEO_PEER_TABLE read (RFC 6397), or null if none} */
    public @Nullable GeoPeerTable geoPeerTable() {
        return geoPeers;
    }

    /** {@return whether a PEER_INDEX_TABLE has been read} */
    public boolean hasPeerIndexTable() {
        return hasPeerIndexTable;
    }

    /** {@return counters of this reader} */
    public MrtStats stats() {
        return stats;
    }

    /** {@return the source name used in problems} */
    public String source() {
        return source;
    }

    /** {@return the collector name (set on the builder or inferred from the path; may be empty)} */
    public String collector() {
        return collector;
    }

    /** {@return whether reading stopped early because of unrecoverable bad input (see the last problem)} */
    public boolean stoppedOnProblem() {
        return stoppedByProblem;
    }

    private boolean stoppedByProblem;

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            window.close();
        }
    }

    /**
     * Configures a reader; not thread-safe. Each setting may be set once.
     *
     * <pre>{@code
     * MrtReader r = MrtReader.builder()
     *         .collector("rrc12")
     *         .limits(MrtLimits.DEFAULT.withMaxRecordLength(64 << 20))
     *         .problemListener(p -> System.err.println(p))
     *         .open(path);
     * }</pre>
     */
    public static final class Builder {
        private @Nullable String collector;
        private @Nullable MrtLimits limits;
        private @Nullable MrtProblemListener listener;

        private Builder() {}

        /**
         * Sets the collector name reported in events (default: inferred from the path, else empty).
         *
         * @param name e.g. {@code rrc12}
         * @return this builder
         */
        public Builder collector(String name) {
            if (collector != null) {
                throw new IllegalStateException("collector was already set to " + collector);
            }
            collector = java.util.Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the limits (default {@link MrtLimits#DEFAULT}).
         *
         * @param l the limits
         * @return this builder
         */
        public Builder limits(MrtLimits l) {
            if (limits != null) {
                throw new IllegalStateException("limits were already set to " + limits);
            }
            limits = java.util.Objects.requireNonNull(l, "limits");
            return this;
        }

        /**
         * Sets the problem listener (default: problems are only counted).
         *
         * @param l the listener
         * @return this builder
         */
        public Builder problemListener(MrtProblemListener l) {
            if (listener != null) {
                throw new IllegalStateException("problemListener was already set");
            }
            listener = java.util.Objects.requireNonNull(l, "listener");
            return this;
        }

        /**
         * Opens a file.
         *
         * @param path plain, gzip or bzip2 MRT file
         * @return the reader
         * @throws IOException if the file cannot be opened
         */
        public MrtReader open(Path path) throws IOException {
            MrtLimits l = limits();
            ByteWindow w = Inputs.open(path, l.maxRecordLength() + 16);
            String name = path.toString();
            return new MrtReader(name, collector != null ? collector : inferCollector(name), w, l, listener());
        }

        /**
         * Reads a stream (plain, gzip or bzip2); the reader closes it.
         *
         * @param in the stream
         * @param sourceName name used in problems and for collector inference
         * @return the reader
         * @throws IOException if the compression header cannot be read
         */
        public MrtReader open(InputStream in, String sourceName) throws IOException {
            MrtLimits l = limits();
            ByteWindow w = Inputs.open(in, l.maxRecordLength() + 16);
            return new MrtReader(
                    sourceName, collector != null ? collector : inferCollector(sourceName), w, l, listener());
        }

        /**
         * Reads uncompressed MRT data between the buffer's reader and writer index, without copying. The caller keeps
         * ownership: do not release the buffer before the reader is done; the reader neither retains nor releases it.
         *
         * @param buf the data
         * @param sourceName name used in problems and for collector inference
         * @return the reader
         */
        public MrtReader wrap(ByteBuf buf, String sourceName) {
            return new MrtReader(
                    sourceName,
                    collector != null ? collector : inferCollector(sourceName),
                    ByteWindow.of(buf),
                    limits(),
                    listener());
        }

        private MrtLimits limits() {
            return limits != null ? limits : MrtLimits.DEFAULT;
        }

        private MrtProblemListener listener() {
            return listener != null ? listener : MrtProblemListener.IGNORE;
        }
    }
}
