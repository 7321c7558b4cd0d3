package dev.routescope.rislive.tools;

import dev.routescope.model.AsPath;
import dev.routescope.model.AsPathSegment;
import dev.routescope.model.IpAddress;
import dev.routescope.model.SegmentType;
import dev.routescope.mrt.BgpAttributes;
import dev.routescope.mrt.MrtElement;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.MrtReader;
import dev.routescope.mrt.MrtRecord;
import dev.routescope.mrt.MrtStats;
import dev.routescope.mrt.MrtTypes;
import io.netty.buffer.ByteBuf;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Converts MRT updates files (BGP4MP / BGP4MP_ET, as RIS and RouteViews write them) into RIS Live
 * {@code ris_message} frames, one JSON object per line, the way RIS Live would have sent the same
 * BGP messages: one {@code UPDATE} frame per BGP UPDATE, one {@code RIS_PEER_STATE} frame per session
 * going up or down.
 *
 * <pre>{@code
 * MrtToRisLive converter = MrtToRisLive.builder().includeRaw(true).build();
 * List<String> frames = new ArrayList<>();
 * MrtToRisLive.Stats stats = converter.convert(Path.of("updates.20210101.0500.gz"), frames::add);
 * // {"type":"ris_message","data":{"timestamp":1609477200.00,"peer":"80.249.208.34","peer_asn":"1103",
 * //   "id":"80.249.208.34-1609477200.00-1","raw":"FFFF...","host":"rrc12","type":"UPDATE",
 * //   "path":[1103,3356,[64496,64497]],"community":[[1103,1000]],"origin":"igp","med":0,
 * //   "aggregator":"64496:192.0.2.1","announcements":[{"next_hop":"80.249.208.34","prefixes":[...]}],
 * //   "withdrawals":[...]}}
 * }</pre>
 *
 * <p>The shape follows the recorded frames in {@code ../shared/data/rislive} (RIS Live 2019-2021):
 * field order {@code timestamp, peer, peer_asn, id, raw, host, type, ...}; {@code peer_asn} a string;
 * {@code timestamp} float seconds with two decimals (six when the record has microseconds); {@code
 * host} the collector name ({@code rrc12}); {@code origin} lower case; {@code path} with AS_SET and
 * confederation segments as nested arrays (the merged AS4_PATH view); {@code community} RFC 1997
 * pairs; {@code med} and {@code aggregator} only when present; {@code announcements} one object per
 * next hop, an IPv6 link-local next hop comma-joined after the global one; empty arrays left out.
 * {@code raw} (optional, as with {@code includeRaw}) is the BGP message exactly as in the MRT record,
 * upper-case hex, so its ASN width is the session's.
 *
 * <p>What RIS Live also sends but an updates file cannot give: OPEN, NOTIFICATION and KEEPALIVE
 * frames (not converted). State changes that neither enter nor leave ESTABLISHED are skipped and
 * counted. Announcements of an UPDATE that RFC 7606 treats as withdrawn are written as withdrawals,
 * matching the parser's events. RIB dumps (TABLE_DUMP*) are not live traffic: skipped and counted.
 *
 * <p>Run as a tool: {@code java -cp ... dev.routescope.rislive.tools.MrtToRisLive [--raw] [--host
 * rrcNN] <mrt>... <out.ndjson[.gz]|->}.
 *
 * <p>Threading: a converter is immutable; {@link #convert} may run on several threads at once.
 *
 * @since 0.2
 */
public final class MrtToRisLive {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int ESTABLISHED = 6;

    private final boolean includeRaw;
    private final @Nullable String host;

    private MrtToRisLive(Builder b) {
        this.includeRaw = b.includeRaw;
        this.host = b.host;
    }

    /** {@return a builder: no {@code raw}, host inferred from the file name} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Converts one MRT file.
     *
     * @param mrt plain, gzip or bzip2 MRT updates file
     * @param frames receives each frame's JSON text (no line break), in file order
     * @return what was converted and skipped
     * @throws IOException if the file cannot be opened (bad data inside is counted in {@link
     *     Stats#mrt()}, not thrown)
     */
    public Stats convert(Path mrt, Consumer<String> frames) throws IOException {
        MrtReader.Builder rb = MrtReader.builder();
        if (host != null) {
            rb.collector(host);
        }
        try (MrtElementReader elements = new MrtElementReader(rb.open(mrt))) {
            return new Run(elements, frames).run();
        }
    }

    /**
     * Counts of one conversion.
     *
     * @param frames frames written
     * @param updates UPDATE frames
     * @param announcements prefixes announced
     * @param withdrawals prefixes withdrawn (RFC 7606 treat-as-withdraw included)
     * @param treatedAsWithdraw announcements written as withdrawals (RFC 7606)
     * @param states RIS_PEER_STATE frames
     * @param skippedStates state changes neither entering nor leaving ESTABLISHED
     * @param skippedRibEntries RIB entries (not live traffic)
     * @param confederationPaths UPDATE frames whose path has confederation segments (nested arrays)
     * @param mrt the MRT reader's counters (records, problems)
     */
    public record Stats(
            long frames,
            long updates,
            long announcements,
            long withdrawals,
            long treatedAsWithdraw,
            long states,
            long skippedStates,
            long skippedRibEntries,
            long confederationPaths,
            MrtStats mrt) {}

    /** One conversion pass; groups the elements of each record into one frame. */
    private final class Run {
        private final MrtElementReader elements;
        private final Consumer<String> out;
        private final StringBuilder sb = new StringBuilder(1024);
        private final Map<String, List<String>> byNextHop = new LinkedHashMap<>();
        private final List<String> withdrawn = new ArrayList<>();
        private long recordOffset = -1;
        private @Nullable String head;
        private @Nullable String attributesJson;
        private @Nullable String peerText;
        private String timestampText = "";
        private long sequence;
        private long frames;
        private long updates;
        private long announcements;
        private long withdrawals;
        private long treatedAsWithdraw;
        private long states;
        private long skippedStates;
        private long skippedRibEntries;
        private long confederationPaths;

        Run(MrtElementReader elements, Consumer<String> out) {
            this.elements = elements;
            this.out = out;
        }

        Stats run() {
            while (elements.advance()) {
                MrtElement e = elements.element();
                MrtRecord r = elements.reader().record();
                if (r.offset() != recordOffset) {
                    flush();
                    recordOffset = r.offset();
                }
                switch (e.kind()) {
                    case STATE_CHANGE -> state(e);
                    case RIB_ENTRY -> skippedRibEntries++;
                    case WITHDRAWAL -> {
                        start(e, r);
                        withdrawn.add(e.prefix().toString());
                    }
                    case ANNOUNCEMENT -> {
                        start(e, r);
                        if (e.treatAsWithdraw()) {
                            treatedAsWithdraw++;
                            withdrawn.add(e.prefix().toString());
                        } else {
                            if (attributesJson == null) {
                                attributesJson = attributes(e.attributes());
                            }
                            byNextHop
                                    .computeIfAbsent(nextHop(e), k -> new ArrayList<>())
                                    .add(e.prefix().toString());
                        }
                    }
                }
            }
            flush();
            return new Stats(
                    frames,
                    updates,
                    announcements,
                    withdrawals,
                    treatedAsWithdraw,
                    states,
                    skippedStates,
                    skippedRibEntries,
                    confederationPaths,
                    elements.stats());
        }

        /** Starts an UPDATE frame at the first element of a record: envelope and raw hex. */
        private void start(MrtElement e, MrtRecord r) {
            if (head != null) {
                return;
            }
            sb.setLength(0);
            envelope(e);
            if (includeRaw) {
                sb.append(",\"raw\":\"");
                appendRawHex(r);
                sb.append('"');
            }
            sb.append(",\"host\":\"").append(e.collector()).append("\",\"type\":\"UPDATE\"");
            head = sb.toString();
        }

        private void envelope(MrtElement e) {
            peerText = e.peerAddress().toString();
            timestampText = timestamp(e.timestamp(), e.microseconds());
            sb.append("{\"type\":\"ris_message\",\"data\":{\"timestamp\":")
                    .append(timestampText)
                    .append(",\"peer\":\"")
                    .append(peerText)
                    .append("\",\"peer_asn\":\"")
                    .append(e.peerAsn())
                    .append("\",\"id\":\"")
                    .append(peerText)
                    .append('-')
                    .append(timestampText)
                    .append('-')
                    .append(++sequence)
                    .append('"');
        }

        private void state(MrtElement e) {
            String state;
            if (e.newState() == ESTABLISHED && e.oldState() != ESTABLISHED) {
                state = "connected";
            } else if (e.oldState() == ESTABLISHED && e.newState() != ESTABLISHED) {
                state = "down";
            } else {
                skippedStates++;
                return;
            }
            sb.setLength(0);
            envelope(e);
            sb.append(",\"host\":\"")
                    .append(e.collector())
                    .append("\",\"type\":\"RIS_PEER_STATE\",\"state\":\"")
                    .append(state)
                    .append("\"}}");
            emit(sb.toString());
            states++;
        }

        private void flush() {
            String h = head;
            if (h == null) {
                return;
            }
            sb.setLength(0);
            sb.append(h);
            if (!byNextHop.isEmpty()) {
                sb.append(attributesJson).append(",\"announcements\":[");
                boolean firstGroup = true;
                for (Map.Entry<String, List<String>> g : byNextHop.entrySet()) {
                    sb.append(firstGroup ? "" : ",")
                            .append("{\"next_hop\":\"")
                            .append(g.getKey())
                            .append("\",\"prefixes\":");
                    appendStrings(g.getValue());
                    sb.append('}');
                    firstGroup = false;
                    announcements += g.getValue().size();
                }
                sb.append(']');
            }
            if (!withdrawn.isEmpty()) {
                sb.append(",\"withdrawals\":");
                appendStrings(withdrawn);
                withdrawals += withdrawn.size();
            }
            sb.append("}}");
            emit(sb.toString());
            updates++;
            head = null;
            attributesJson = null;
            byNextHop.clear();
            withdrawn.clear();
        }

        private void emit(String frame) {
            out.accept(frame);
            frames++;
        }

        private void appendStrings(List<String> values) {
            sb.append('[');
            for (int i = 0; i < values.size(); i++) {
                sb.append(i == 0 ? "\"" : ",\"").append(values.get(i)).append('"');
            }
            sb.append(']');
        }

        private String attributes(BgpAttributes a) {
            StringBuilder s = new StringBuilder(256);
            AsPath path = a.asPath();
            s.append(",\"path\":[");
            boolean first = true;
            boolean confed = false;
            for (AsPathSegment seg : path.segments()) {
                boolean nested = seg.type() != SegmentType.AS_SEQUENCE;
                confed |= seg.type() == SegmentType.AS_CONFED_SEQUENCE || seg.type() == SegmentType.AS_CONFED_SET;
                if (nested) {
                    s.append(first ? "[" : ",[");
                }
                for (int i = 0; i < seg.size(); i++) {
                    s.append(i == 0 && (nested || first) ? "" : ",").append(seg.asn(i));
                }
                if (nested) {
                    s.append(']');
                }
                first = false;
            }
            s.append(']');
            if (confed) {
                confederationPaths++;
            }
            int n = a.communityCount();
            if (n > 0) {
                s.append(",\"community\":[");
                for (int i = 0; i < n; i++) {
                    long c = a.community(i);
                    s.append(i == 0 ? "[" : ",[")
                            .append(c >>> 16)
                            .append(',')
                            .append(c & 0xFFFF)
                            .append(']');
                }
                s.append(']');
            }
            int origin = a.origin();
            if (origin >= 0) {
                s.append(",\"origin\":\"")
                        .append(origin == 0 ? "igp" : origin == 1 ? "egp" : "incomplete")
                        .append('"');
            }
            long med = a.med();
            if (med >= 0) {
                s.append(",\"med\":").append(med);
            }
            long aggregator = a.aggregatorAsn();
            if (aggregator >= 0) {
                s.append(",\"aggregator\":\"")
                        .append(aggregator)
                        .append(':')
                        .append(IpAddress.ofIpv4(a.aggregatorAddress()))
                        .append('"');
            }
            return s.toString();
        }

        private String nextHop(MrtElement e) {
            IpAddress global = e.nextHop();
            IpAddress linkLocal = e.linkLocalNextHop();
            String g = global == null ? "" : global.toString();
            return linkLocal == null ? g : g + "," + linkLocal;
        }

        /** Appends the BGP message of a BGP4MP MESSAGE record as upper-case hex. */
        private void appendRawHex(MrtRecord r) {
            if (r.type() != MrtTypes.BGP4MP && r.type() != MrtTypes.BGP4MP_ET) {
                return;
            }
            int st = r.subtype();
            int asLen = st == 4 || st == 7 || st == 9 || st == 11 ? 4 : 2;
            ByteBuf b = r.buffer();
            int p = r.bodyIndex();
            int end = p + r.bodyLength();
            int ipLen = b.getUnsignedShort(p + 2 * asLen + 2) == 2 ? 16 : 4;
            int m = p + 2 * asLen + 4 + 2 * ipLen;
            int length = Math.min(b.getUnsignedShort(m + 16), end - m);
            for (int i = m; i < m + length; i++) {
                int v = b.getUnsignedByte(i);
                sb.append(HEX[v >>> 4]).append(HEX[v & 0xF]);
            }
        }
    }

    /**
     * RIS Live's float seconds: two decimals (its usual precision) unless the record has a sub-10 ms
     * part, then six.
     */
    static String timestamp(long seconds, int micros) {
        long us = (micros & 0xFFFF_FFFFL) % 1_000_000L;
        if (us % 10_000 == 0) {
            long cs = us / 10_000;
            return seconds + (cs < 10 ? ".0" : ".") + cs;
        }
        String frac = Long.toString(1_000_000L + us).substring(1);
        return seconds + "." + frac;
    }

    /**
     * Command line: {@code MrtToRisLive [--raw] [--host rrcNN] <mrt>... <out.ndjson[.gz]|->}. Prints
     * the counts of each file on stderr.
     *
     * @param args options, input files, output file ({@code -} for stdout)
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Builder b = builder();
        List<Path> inputs = new ArrayList<>();
        String output = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--raw" -> b.includeRaw(true);
                case "--host" -> {
                    if (++i == args.length) {
                        usage("--host needs a collector name");
                        return;
                    }
                    b.host(args[i]);
                }
                default -> {
                    if (output != null) {
                        inputs.add(Path.of(output));
                    }
                    output = args[i];
                }
            }
        }
        if (output == null || inputs.isEmpty()) {
            usage("expected at least one MRT file and an output file");
            return;
        }
        MrtToRisLive converter = b.build();
        OutputStream os = output.equals("-") ? System.out : Files.newOutputStream(Path.of(output));
        if (output.endsWith(".gz")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        try (Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
            for (Path in : inputs) {
                Stats s = converter.convert(in, frame -> {
                    try {
                        w.write(frame);
                        w.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                System.err.println(in + ": " + s);
            }
        }
    }

    private static void usage(String problem) {
        System.err.println("MrtToRisLive: " + problem);
        System.err.println("usage: MrtToRisLive [--raw] [--host rrcNN] <mrt>... <out.ndjson[.gz]|->");
        System.exit(2);
    }

    /** Builder for {@link MrtToRisLive}; not thread-safe, each setting once. */
    public static final class Builder {
        private boolean includeRaw;
        private boolean rawSet;
        private @Nullable String host;

        private Builder() {}

        /**
         * Adds the {@code raw} hex of each BGP message, as RIS Live does with {@code includeRaw}.
         *
         * @param raw whether to add it
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder includeRaw(boolean raw) {
            if (rawSet) {
                throw new IllegalStateException("includeRaw was already set to " + includeRaw);
            }
            includeRaw = raw;
            rawSet = true;
            return this;
        }

        /**
         * Sets the {@code host} written in every frame (default: the collector inferred from the file
         * path, e.g. {@code rrc12}).
         *
         * @param collector e.g. {@code rrc12} or {@code rrc12.ripe.net}
         * @return this
         * @throws IllegalArgumentException if empty or not a plain host name
         * @throws IllegalStateException if already set
         */
        public Builder host(String collector) {
            if (host != null) {
                throw new IllegalStateException("host was already set to " + host);
            }
            if (!collector.matches("[A-Za-z0-9][A-Za-z0-9.-]*")) {
                throw new IllegalArgumentException(
                        "host '" + collector + "' (expected: a collector name such as rrc12)");
            }
            host = collector;
            return this;
        }

        /** {@return the converter} */
        public MrtToRisLive build() {
            return new MrtToRisLive(this);
        }
    }
}
