package dev.routescope.rpki;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.routescope.rpki.internal.PrefixText;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads VRPs and ASPAs from validator output: rpki-client JSON and CSV, Routinator {@code
 * json}/{@code jsonext}/{@code csv}/{@code csvcompat}/{@code csvext}, stayrtr JSON, the RIPE daily
 * archive, plain {@code asn,prefix,maxlen} CSV. gzip and bzip2 are detected from the first bytes and
 * decompressed transparently.
 *
 * <pre>{@code
 * RpkiData data = RpkiReader.read(Path.of("rpki-client.json.bz2"));
 * VrpSnapshot vrps = data.vrps();          // 723,521 VRPs for the 2025-07-20 global set
 * AspaSet aspas = data.aspas();
 * data.problems().forEach(System.err::println);
 *
 * RpkiReader csv = RpkiReader.builder().format(RpkiFormat.CSV).maxReportedProblems(10).build();
 * RpkiData d2 = csv.read(inputStream, "routinator.csv");
 * }</pre>
 *
 * <h2>Bad input</h2>
 *
 * A bad entry (unparsable or non-canonical prefix, maxLength below the prefix length or above
 * 32/128, ASN outside 0..2^32-1, missing field, bad ASPA) is skipped and reported as an {@link
 * RpkiProblem} with its position; the rest loads. Input that cannot be read as a whole (malformed or
 * truncated JSON, an unknown CSV header, xz compression) throws {@link RpkiFormatException} with the
 * byte offset: a truncated VRP set must not silently validate routes as if it were complete.
 *
 * <h2>Threading and cost</h2>
 *
 * A reader is immutable and thread-safe; each call parses on the calling thread with Jackson's
 * streaming parser (no data binding) and an allocation-free prefix parser. Loading the 75 MB
 * rpki-client JSON of 723k VRPs takes well under a second plus bzip2 time when compressed.
 *
 * @since 0.1
 */
public final class RpkiReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final RpkiFormat format;
    private final int maxReportedProblems;

    private RpkiReader(RpkiFormat format, int maxReportedProblems) {
        this.format = format;
        this.maxReportedProblems = maxReportedProblems;
    }

    /** {@return a builder; defaults: {@link RpkiFormat#AUTO}, 1000 reported problems} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file with the default settings.
     *
     * @param file the file, plain, gzip or bzip2
     * @return the data
     * @throws IOException on I/O failure or input that is not readable as a whole
     */
    public static RpkiData read(Path file) throws IOException {
        return builder().build().readFile(file);
    }

    /**
     * Reads a file.
     *
     * @param file the file, plain, gzip or bzip2
     * @return the data
     * @throws IOException on I/O failure or input that is not readable as a whole
     */
    public RpkiData readFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a stream; the caller closes it.
     *
     * @param in the bytes, plain, gzip or bzip2
     * @param source name used in problems and errors
     * @return the data
     * @throws IOException on I/O failure or input that is not readable as a whole
     */
    public RpkiData read(InputStream in, String source) throws IOException {
        InputStream data = decompress(in, source);
        RpkiFormat actual = format == RpkiFormat.AUTO ? detect(data) : format;
        Load load = new Load(source, maxReportedProblems);
        if (actual == RpkiFormat.JSON) {
            load.json(data);
        } else {
            load.csv(data);
        }
        return new RpkiData(
                source, actual, load.vrps.build(), AspaSet.of(load.aspas), load.records, load.skipped, load.problems);
    }

    static InputStream decompress(InputStream in, String source) throws IOException {
        BufferedInputStream buf = new BufferedInputStream(in, 1 << 16);
        buf.mark(8);
        byte[] magic = new byte[6];
        int n = buf.readNBytes(magic, 0, 6);
        buf.reset();
        if (n >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
            return new BufferedInputStream(new GZIPInputStream(buf, 1 << 16), 1 << 16);
        }
        if (n >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
            return new BufferedInputStream(new BZip2CompressorInputStream(buf, true), 1 << 16);
        }
        if (n >= 6 && (magic[0] & 0xFF) == 0xFD && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X') {
            throw new RpkiFormatException(
                    source, 0, "xz-compressed input is not supported; decompress it first (xz -d)", null);
        }
        return buf;
    }

    private static RpkiFormat detect(InputStream data) throws IOException {
        data.mark(4096);
        try {
            for (int i = 0; i < 4096; i++) {
                int c = data.read();
                if (c < 0) {
                    return RpkiFormat.CSV;
                }
                if (c == '{' || c == '[') {
                    return RpkiFormat.JSON;
                }
                if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF)) {
                    return RpkiFormat.CSV;
                }
            }
            return RpkiFormat.CSV;
        } finally {
            data.reset();
        }
    }

    /** One read: the builders, counters and reusable parse buffers. Not thread-safe. */
    private static final class Load {
        final String source;
        final int maxProblems;
        final VrpSnapshot.Builder vrps = VrpSnapshot.builder();
        final List<Aspa> aspas = new ArrayList<>();
        final List<RpkiProblem> problems = new ArrayList<>();
        final PrefixText prefix = new PrefixText();
        long records;
        long skipped;
        // last trust anchor seen, to avoid a String per record
        char[] lastTa = new char[0];
        short lastTaIndex;

        Load(String source, int maxProblems) {
            this.source = source;
            this.maxProblems = maxProblems;
        }

        void problem(long line, long column, long offset, String entry, String reason) {
            skipped++;
            if (problems.size() < maxProblems) {
                problems.add(new RpkiProblem(source, line, column, offset, entry, reason));
            }
        }

        short taIndex(char[] chars, int off, int len) {
            if (len == lastTa.length && Arrays.equals(chars, off, off + len, lastTa, 0, len)) {
                return lastTaIndex;
            }
            lastTa = Arrays.copyOfRange(chars, off, off + len);
            lastTaIndex = vrps.trustAnchorIndex(new String(lastTa));
            return lastTaIndex;
        }

        // ---------------------------------------------------------------- JSON

        void json(InputStream in) throws IOException {
            try (JsonParser p = JSON.createParser(in)) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    roaArray(p, "");
                } else if (t == JsonToken.START_OBJECT) {
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        t = p.nextToken();
                        if ("roas".equals(name) && t == JsonToken.START_ARRAY) {
                            roaArray(p, "roas");
                        } else if ("aspas".equals(name) && t == JsonToken.START_ARRAY) {
                            aspaArray(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (t != JsonToken.END_OBJECT) {
                        throw fail(p, "expected a field name or '}'", null);
                    }
                } else {
                    throw fail(p, "expected a JSON object with \"roas\" or an array of ROAs", null);
                }
                // reading to the end also surfaces truncated compressed streams
                if (p.nextToken() != null) {
                    throw fail(p, "unexpected content after the JSON document", null);
                }
            } catch (JsonProcessingException e) {
                JsonLocation loc = e.getLocation();
                long offset = loc == null ? -1 : loc.getByteOffset();
                String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
                throw new RpkiFormatException(
                        source,
                        offset,
                        "malformed JSON" + where + " (byte " + offset + "): " + e.getOriginalMessage(),
                        e);
            }
        }

        RpkiFormatException fail(JsonParser p, String reason, @Nullable Throwable cause) {
            JsonLocation loc = p.currentTokenLocation();
            return new RpkiFormatException(
                    source,
                    loc.getByteOffset(),
                    reason + " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() + " (byte "
                            + loc.getByteOffset() + ")",
                    cause);
        }

        void roaArray(JsonParser p, String field) throws IOException {
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw fail(p, "unexpected end of input in \"" + field + "\"", null);
                }
                String entry = field + "[" + index++ + "]";
                if (t != JsonToken.START_OBJECT) {
                    JsonLocation loc = p.currentTokenLocation();
                    problem(
                            loc.getLineNr(),
                            loc.getColumnNr(),
                            loc.getByteOffset(),
                            entry,
                            "expected an object, found " + t);
                    p.skipChildren();
                    continue;
                }
                roa(p, entry);
            }
        }

        void roa(JsonParser p, String entry) throws IOException {
            JsonLocation start = p.currentTokenLocation();
            long asn = -1;
            boolean hasPrefix = false;
            int maxLength = -1;
            short ta = 0;
            long expires = 0;
            String error = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                t = p.nextToken();
                switch (f) {
                    case "asn" -> {
                        asn = asnValue(p, t);
                        if (asn < 0 && error == null) {
                            error = "invalid ASN " + p.getText() + " (expected: 0..4294967295, optionally AS-prefixed)";
                        }
                    }
                    case "prefix" -> {
                        if (t != JsonToken.VALUE_STRING) {
                            error = error != null ? error : "prefix is not a string";
                            p.skipChildren();
                            break;
                        }
                        String e = prefix.parse(
                                p.getTextCharacters(), p.getTextOffset(), p.getTextOffset() + p.getTextLength());
                        if (e != null) {
                            error = error != null ? error : "invalid prefix '" + p.getText() + "': " + e;
                        } else {
                            hasPrefix = true;
                        }
                    }
                    case "maxLength", "max_length", "maxlen" -> {
                        long v = intValue(p, t);
                        if (v < 0 || v > 255) {
                            error = error != null ? error : "invalid maxLength " + p.getText();
                        } else {
                            maxLength = (int) v;
                        }
                    }
                    case "ta" -> {
                        if (t == JsonToken.VALUE_STRING) {
                            ta = taIndex(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "expires" -> {
                        long v = intValue(p, t);
                        if (v >= 0) {
                            expires = v;
                        }
                    }
                    case "source" -> ta = jsonextSource(p, t, ta);
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw fail(p, "expected a field name or '}' in " + entry, null);
            }
            if (error == null && !hasPrefix) {
                error = "missing \"prefix\"";
            }
            if (error == null && asn < 0) {
                error = "missing \"asn\"";
            }
            if (error == null) {
                int bits = prefix.ipv4 ? 32 : 128;
                if (maxLength < 0) {
                    maxLength = prefix.length; // RFC 6482: absent maxLength = prefix length
                }
                if (maxLength < prefix.length || maxLength > bits) {
                    error = "maxLength " + maxLength + " for /" + prefix.length + " (expected: " + prefix.length + ".."
                            + bits + ")";
                }
            }
            if (error != null) {
                problem(start.getLineNr(), start.getColumnNr(), start.getByteOffset(), entry, error);
                return;
            }
            records++;
            vrps.addRaw(prefix.ipv4, prefix.high, prefix.low, prefix.length, maxLength, asn, ta, expires);
        }

        // Routinator jsonext: "source":[{"type":"roa","tal":"ripe",...}]; the first tal wins
        short jsonextSource(JsonParser p, JsonToken t, short ta) throws IOException {
            if (t != JsonToken.START_ARRAY) {
                p.skipChildren();
                return ta;
            }
            short result = ta;
            JsonToken e;
            while ((e = p.nextToken()) == JsonToken.START_OBJECT) {
                JsonToken f;
                while ((f = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("tal".equals(name) && v == JsonToken.VALUE_STRING && result == 0) {
                        result = taIndex(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    } else {
                        p.skipChildren();
                    }
                }
                if (f != JsonToken.END_OBJECT) {
                    throw fail(p, "malformed \"source\" entry", null);
                }
            }
            if (e != JsonToken.END_ARRAY) {
                p.skipChildren();
                while (e != null && e != JsonToken.END_ARRAY) {
                    e = p.nextToken();
                    p.skipChildren();
                }
            }
            return result;
        }

        void aspaArray(JsonParser p) throws IOException {
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw fail(p, "unexpected end of input in \"aspas\"", null);
                }
                String entry = "aspas[" + index++ + "]";
                JsonLocation start = p.currentTokenLocation();
                if (t != JsonToken.START_OBJECT) {
                    problem(
                            start.getLineNr(),
                            start.getColumnNr(),
                            start.getByteOffset(),
                            entry,
                            "expected an object, found " + t);
                    p.skipChildren();
                    continue;
                }
                long customer = -1;
                List<Long> providers = new ArrayList<>();
                String error = null;
                JsonToken f;
                while ((f = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (name) {
                        case "customer_asid", "customer" -> {
                            customer = asnValue(p, v);
                            if (customer < 0) {
                                error = "invalid customer ASN " + p.getText();
                            }
                        }
                        case "providers" -> error = asnList(p, v, providers, error);
                        case "provider_authorizations" -> {
                            // older rpki-client: {"ipv4":[...],"ipv6":[...]}; the current profile has no AFI
                            if (v != JsonToken.START_OBJECT) {
                                p.skipChildren();
                                break;
                            }
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                error = asnList(p, p.nextToken(), providers, error);
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
                if (f != JsonToken.END_OBJECT) {
                    throw fail(p, "expected a field name or '}' in " + entry, null);
                }
                if (error == null && customer < 0) {
                    error = "missing customer ASN";
                }
                if (error == null && providers.isEmpty()) {
                    error = "no providers (an AS0 ASPA lists provider 0)";
                }
                if (error != null) {
                    problem(start.getLineNr(), start.getColumnNr(), start.getByteOffset(), entry, error);
                    continue;
                }
                long[] ps = new long[providers.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = providers.get(i);
                }
                aspas.add(new Aspa(customer, ps));
            }
        }

        @Nullable
        String asnList(JsonParser p, JsonToken t, List<Long> out, @Nullable String error) throws IOException {
            if (t != JsonToken.START_ARRAY) {
                p.skipChildren();
                return error != null ? error : "providers is not an array";
            }
            String result = error;
            JsonToken v;
            while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                if (v == null) {
                    throw fail(p, "unexpected end of input in provider list", null);
                }
                long a = asnValue(p, v);
                if (a < 0) {
                    result = result != null ? result : "invalid provider ASN " + p.getText();
                } else {
                    out.add(a);
                }
            }
            return result;
        }

        /** An ASN from an integer or an {@code AS}-prefixed/plain string; -1 if invalid. */
        static long asnValue(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return -1;
                }
                long v = p.getLongValue();
                return v < 0 || v > 0xFFFF_FFFFL ? -1 : v;
            }
            if (t == JsonToken.VALUE_STRING) {
                return parseAsn(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            }
            p.skipChildren();
            return -1;
        }

        /** A non-negative integer from a number or a numeric string (old rpki-client); -1 if invalid. */
        static long intValue(JsonParser p, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return -1;
                }
                long v = p.getLongValue();
                return v < 0 ? -1 : v;
            }
            if (t == JsonToken.VALUE_STRING) {
                return parseDigits(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), Long.MAX_VALUE / 10);
            }
            p.skipChildren();
            return -1;
        }

        // ---------------------------------------------------------------- CSV

        void csv(InputStream in) throws IOException {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            char[] buf = new char[256];
            int[] starts = new int[16];
            int[] ends = new int[16];
            int colAsn = 0;
            int colPrefix = 1;
            int colMax = 2;
            int colTa = 3;
            int colExpires = 4;
            boolean expiresIsDate = false;
            boolean first = true;
            long lineNo = 0;
            long offset = 0;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                long lineOffset = offset;
                offset += line.length() + 1;
                int n = line.length();
                if (n > buf.length) {
                    buf = new char[Math.max(n, buf.length * 2)];
                }
                line.getChars(0, n, buf, 0);
                int fields = split(buf, n, starts, ends);
                if ((fields == 1 && starts[0] == ends[0]) || (starts[0] < ends[0] && buf[starts[0]] == '#')) {
                    continue;
                }
                if (fields > starts.length) {
                    problem(lineNo, -1, lineOffset, "line " + lineNo, "more than " + starts.length + " fields");
                    continue;
                }
                if (first) {
                    first = false;
                    if (parseAsn(buf, starts[0], ends[0] - starts[0]) < 0) {
                        // a header: map the columns by name
                        colAsn = colPrefix = colMax = colTa = colExpires = -1;
                        for (int c = 0; c < fields; c++) {
                            String h = new String(buf, starts[c], ends[c] - starts[c])
                                    .toLowerCase(Locale.ROOT)
                                    .replace(" ", "")
                                    .replace("_", "");
                            switch (h) {
                                case "asn", "as", "originas" -> colAsn = c;
                                case "ipprefix", "prefix" -> colPrefix = c;
                                case "maxlength", "maxlen", "maxprefixlength" -> colMax = c;
                                case "trustanchor", "ta", "tal" -> colTa = c;
                                case "expires" -> colExpires = c;
                                case "notafter" -> {
                                    colExpires = c;
                                    expiresIsDate = true;
                                }
                                default -> {}
                            }
                        }
                        if (colAsn < 0 || colPrefix < 0) {
                            throw new RpkiFormatException(
                                    source,
                                    lineOffset,
                                    "line " + lineNo + ": CSV header '" + line + "' has no ASN and prefix columns",
                                    null);
                        }
                        continue;
                    }
                }
                csvRow(
                        buf,
                        fields,
                        starts,
                        ends,
                        lineNo,
                        lineOffset,
                        colAsn,
                        colPrefix,
                        colMax,
                        colTa,
                        colExpires,
                        expiresIsDate);
            }
        }

        private void csvRow(
                char[] buf,
                int fields,
                int[] starts,
                int[] ends,
                long lineNo,
                long lineOffset,
                int colAsn,
                int colPrefix,
                int colMax,
                int colTa,
                int colExpires,
                boolean expiresIsDate) {
            String entry = "line " + lineNo;
            if (colAsn >= fields || colPrefix >= fields) {
                problem(
                        lineNo,
                        -1,
                        lineOffset,
                        entry,
                        "expected at least " + (Math.max(colAsn, colPrefix) + 1) + " fields, found " + fields);
                return;
            }
            long asn = parseAsn(buf, starts[colAsn], ends[colAsn] - starts[colAsn]);
            if (asn < 0) {
                problem(
                        lineNo,
                        starts[colAsn] + 1,
                        lineOffset + starts[colAsn],
                        entry,
                        "invalid ASN '" + text(buf, starts[colAsn], ends[colAsn])
                                + "' (expected: 0..4294967295, optionally AS-prefixed)");
                return;
            }
            String e = prefix.parse(buf, starts[colPrefix], ends[colPrefix]);
            if (e != null) {
                problem(
                        lineNo,
                        starts[colPrefix] + 1,
                        lineOffset + starts[colPrefix],
                        entry,
                        "invalid prefix '" + text(buf, starts[colPrefix], ends[colPrefix]) + "': " + e);
                return;
            }
            int maxLength = prefix.length;
            if (colMax >= 0 && colMax < fields && ends[colMax] > starts[colMax]) {
                long v = parseDigits(buf, starts[colMax], ends[colMax] - starts[colMax], 1000);
                int bits = prefix.ipv4 ? 32 : 128;
                if (v < prefix.length || v > bits) {
                    problem(
                            lineNo,
                            starts[colMax] + 1,
                            lineOffset + starts[colMax],
                            entry,
                            "maxLength '" + text(buf, starts[colMax], ends[colMax]) + "' for /" + prefix.length
                                    + " (expected: " + prefix.length + ".." + bits + ")");
                    return;
                }
                maxLength = (int) v;
            }
            short ta = 0;
            if (colTa >= 0 && colTa < fields) {
                ta = taIndex(buf, starts[colTa], ends[colTa] - starts[colTa]);
            }
            long expires = 0;
            if (colExpires >= 0 && colExpires < fields && ends[colExpires] > starts[colExpires]) {
                if (expiresIsDate) {
                    try {
                        expires = LocalDateTime.parse(text(buf, starts[colExpires], ends[colExpires]), CSV_TIME)
                                .toEpochSecond(ZoneOffset.UTC);
                    } catch (DateTimeParseException ex) {
                        expires = 0; // metadata only: keep the VRP
                    }
                } else {
                    expires = Math.max(
                            0,
                            parseDigits(
                                    buf,
                                    starts[colExpires],
                                    ends[colExpires] - starts[colExpires],
                                    Long.MAX_VALUE / 10));
                }
            }
            records++;
            vrps.addRaw(prefix.ipv4, prefix.high, prefix.low, prefix.length, maxLength, asn, ta, expires);
        }

        private static String text(char[] buf, int from, int to) {
            return new String(buf, from, to - from);
        }

        /** Splits on commas, trimming blanks and surrounding double quotes; returns the field count. */
        private static int split(char[] buf, int n, int[] starts, int[] ends) {
            int fields = 0;
            int i = 0;
            while (i <= n) {
                while (i < n && (buf[i] == ' ' || buf[i] == '\t')) {
                    i++;
                }
                int s;
                int e;
                if (i < n && buf[i] == '"') {
                    s = ++i;
                    while (i < n && buf[i] != '"') {
                        i++;
                    }
                    e = i;
                    while (i < n && buf[i] != ',') {
                        i++;
                    }
                } else {
                    s = i;
                    while (i < n && buf[i] != ',') {
                        i++;
                    }
                    e = i;
                    while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t' || buf[e - 1] == '\r')) {
                        e--;
                    }
                }
                if (fields < starts.length) {
                    starts[fields] = s;
                    ends[fields] = e;
                }
                fields++;
                i++; // skip the comma (or step past the end)
            }
            return fields;
        }
    }

    /** Parses {@code 64496}, {@code AS64496} or {@code as64496}; -1 if not an ASN in range. */
    static long parseAsn(char[] s, int off, int len) {
        if (len >= 2 && (s[off] == 'A' || s[off] == 'a') && (s[off + 1] == 'S' || s[off + 1] == 's')) {
            off += 2;
            len -= 2;
        }
        long v = parseDigits(s, off, len, 0xFFFF_FFFFL);
        return v;
    }

    /** Decimal digits up to {@code max}; -1 if empty, not digits, or above max. */
    static long parseDigits(char[] s, int off, int len, long max) {
        if (len <= 0 || len > 19) {
            return -1;
        }
        long v = 0;
        for (int i = off; i < off + len; i++) {
            char c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
            if (v > max) {
                return -1;
            }
        }
        return v;
    }

    /**
     * Configures a {@link RpkiReader}. Each setting may be set once. Not thread-safe.
     *
     * <pre>{@code
     * RpkiReader r = RpkiReader.builder().format(RpkiFormat.JSON).maxReportedProblems(100).build();
     * }</pre>
     */
    public static final class Builder {
        private @Nullable RpkiFormat format;
        private int maxReportedProblems = -1;

        private Builder() {}

        /**
         * The input format.
         *
         * @param format the format; {@link RpkiFormat#AUTO} by default
         * @return this
         */
        public Builder format(RpkiFormat format) {
            if (this.format != null) {
                throw new IllegalStateException("format was already set to " + this.format);
            }
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * How many problems to keep in {@link RpkiData#problems()}; all are counted in {@link
         * RpkiData#skipped()}. Bounds memory on hostile input.
         *
         * @param max {@code >= 0}; 1000 by default
         * @return this
         */
        public Builder maxReportedProblems(int max) {
            if (maxReportedProblems >= 0) {
                throw new IllegalStateException("maxReportedProblems was already set to " + maxReportedProblems);
            }
            if (max < 0) {
                throw new IllegalArgumentException("maxReportedProblems " + max + " (expected: >= 0)");
            }
            this.maxReportedProblems = max;
            return this;
        }

        /** {@return the reader} */
        public RpkiReader build() {
            return new RpkiReader(
                    format == null ? RpkiFormat.AUTO : format, maxReportedProblems < 0 ? 1000 : maxReportedProblems);
        }
    }
}
