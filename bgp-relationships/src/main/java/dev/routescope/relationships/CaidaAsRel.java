package dev.routescope.relationships;

import dev.routescope.relationships.internal.Inputs;
import dev.routescope.relationships.internal.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Loads CAIDA AS-relationship files into an {@link AsGraph.Builder}.
 *
 * <p>Formats (plain, gzip or bzip2, detected by magic bytes):
 *
 * <ul>
 *   <li>serial-1 {@code YYYYMMDD.as-rel.txt}: {@code <provider>|<customer>|-1} and {@code
 *       <peer>|<peer>|0};
 *   <li>serial-2 {@code YYYYMMDD.as-rel2.txt}: the same plus a fourth field, the source ({@code bgp},
 *       {@code mlp}, ...), which is accepted and ignored.
 * </ul>
 *
 * <p>Comment lines start with {@code #}; {@code # inferred clique:} / {@code # input clique:} and
 * {@code # IXP ASes:} are captured into the {@link LoadReport} and handed to the builder as the
 * default clique and route-server list. A malformed line (field count, number, relationship code,
 * self-loop, or a second label for an already-loaded pair) is skipped and reported with its line
 * number and byte offset; loading continues.
 *
 * <pre>{@code
 * AsGraph.Builder builder = AsGraph.builder();
 * LoadReport report = CaidaAsRel.load(Path.of("20180101.as-rel.txt.bz2"), builder);
 * AsGraph graph = builder.build();
 * }</pre>
 *
 * <p>Thread-safe (stateless); the builder it fills is not. Parses bytes directly (no per-line
 * {@code String}); see the module README for load time and heap.
 *
 * @since 0.1
 */
public final class CaidaAsRel {
    static final int MAX_LINE = 64 * 1024;

    private CaidaAsRel() {}

    /**
     * Loads a file.
     *
     * @param file serial-1 or serial-2 file, plain/.gz/.bz2
     * @param into the builder receiving the links
     * @return what was read and skipped
     * @throws IOException if the file cannot be read or decompressed
     */
    public static LoadReport load(Path file, AsGraph.Builder into) throws IOException {
        // Pre-size from the file: serial-1 lines average ~14 bytes, compressed files ~5x smaller.
        into.expectLinks(java.nio.file.Files.size(file) / 14);
        try (InputStream in = Inputs.open(file)) {
            return load(in, String.valueOf(file.getFileName()), into);
        }
    }

    /**
     * Loads from a stream, which may be compressed; the caller closes it.
     *
     * @param in the input
     * @param source a label for problems, e.g. the file name
     * @param into the builder receiving the links
     * @return what was read and skipped
     * @throws IOException if reading fails
     */
    public static LoadReport load(InputStream in, String source, AsGraph.Builder into) throws IOException {
        LoadReport.Counter c = new LoadReport.Counter(source);
        LineReader r = new LineReader(Inputs.decompress(in), MAX_LINE);
        long[] fields = new long[3];
        while (r.next()) {
            c.lines++;
            int len = r.length();
            byte[] b = r.bytes();
            if (r.tooLong()) {
                c.problem(r.lineNumber(), r.lineOffset(), "line longer than " + MAX_LINE + " bytes", r.excerpt(80));
                continue;
            }
            if (len == 0 || isBlank(b, len)) {
                continue;
            }
            if (b[0] == '#') {
                header(r.text(), c);
                continue;
            }
            String error = parseFields(b, len, fields);
            if (error != null) {
                c.problem(r.lineNumber(), r.lineOffset(), error, r.excerpt(80));
                continue;
            }
            Relationship roleOfB = fields[2] == -1 ? Relationship.CUSTOMER : Relationship.PEER;
            switch (into.addLink(fields[0], fields[1], roleOfB)) {
                case ADDED -> c.records++;
                case DUPLICATE -> c.duplicates++;
                case SELF_LOOP ->
                    c.problem(r.lineNumber(), r.lineOffset(), "link from AS" + fields[0] + " to itself", r.excerpt(80));
                case CONFLICT ->
                    c.problem(
                            r.lineNumber(),
                            r.lineOffset(),
                            "AS" + fields[0] + "-AS" + fields[1] + " already loaded with another relationship"
                                    + " (first label kept)",
                            r.excerpt(80));
            }
        }
        if (c.headerClique.length > 0) {
            into.dataClique(c.headerClique);
        }
        if (c.headerIxpAsns.length > 0) {
            into.dataRouteServers(c.headerIxpAsns);
        }
        return c.report();
    }

    private static boolean isBlank(byte[] b, int len) {
        for (int i = 0; i < len; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code a|b|rel[|source]} into {@code out}; returns an error text or null. */
    static @Nullable String parseFields(byte[] b, int len, long[] out) {
        int pos = 0;
        for (int f = 0; f < 3; f++) {
            int start = pos;
            boolean negative = false;
            if (f == 2 && pos < len && b[pos] == '-') {
                negative = true;
                pos++;
            }
            long v = 0;
            int digits = 0;
            while (pos < len && b[pos] >= '0' && b[pos] <= '9') {
                v = v * 10 + (b[pos] - '0');
                pos++;
                if (++digits > 10) {
                    return "field " + (f + 1) + " is not a number in range";
                }
            }
            if (digits == 0) {
                return "field " + (f + 1) + " '" + field(b, len, start) + "' is not a number";
            }
            boolean end = pos == len;
            if (!end && b[pos] != '|') {
                return "field " + (f + 1) + " '" + field(b, len, start) + "' is not a number";
            }
            if (f < 2) {
                if (end) {
                    return "expected 3 or 4 '|'-separated fields, got " + (f + 1);
                }
                if (v > 0xFFFF_FFFFL) {
                    return "ASN " + v + " out of range (expected: 0..4294967295)";
                }
                out[f] = v;
                pos++;
            } else {
                long rel = negative ? -v : v;
                if (rel != -1 && rel != 0) {
                    return "relationship code '" + rel + "' (expected -1 for provider|customer or 0 for peers)";
                }
                out[2] = rel;
                if (!end) {
                    // serial-2 source field: anything without a further separator.
                    for (int i = pos + 1; i < len; i++) {
                        if (b[i] == '|') {
                            return "expected 3 or 4 '|'-separated fields, got more";
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String field(byte[] b, int len, int start) {
        int end = start;
        while (end < len && b[end] != '|' && end - start < 20) {
            end++;
        }
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private static void header(String line, LoadReport.Counter c) {
        String body = line.substring(1).trim();
        if (body.startsWith("inferred clique:") || body.startsWith("input clique:")) {
            long[] asns = asnList(body.substring(body.indexOf(':') + 1));
            // Newer files carry both; the inferred one is CAIDA's result and wins.
            if (body.startsWith("inferred") || c.headerClique.length == 0) {
                c.headerClique = asns;
            }
        } else if (body.startsWith("IXP ASes:")) {
            c.headerIxpAsns = asnList(body.substring(body.indexOf(':') + 1));
        }
    }

    private static long[] asnList(String text) {
        String[] parts = text.trim().split("\\s+");
        long[] out = new long[parts.length];
        int n = 0;
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            try {
                long v = Long.parseLong(p);
                if (v >= 0 && v <= 0xFFFF_FFFFL) {
                    out[n++] = v;
                }
            } catch (NumberFormatException e) {
                // A header is informational: ignore a stray token rather than the whole list.
            }
        }
        return Arrays.copyOf(out, n);
    }
}
