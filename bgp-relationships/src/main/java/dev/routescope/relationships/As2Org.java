package dev.routescope.relationships;

import dev.routescope.relationships.internal.Inputs;
import dev.routescope.relationships.internal.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Loads CAIDA's AS-to-organisation mapping ({@code YYYYMMDD.as-org2info.txt[.gz]}) so that ASes of
 * one organisation become {@link Relationship#SIBLING siblings} in the {@link AsGraph}.
 *
 * <p>The file holds two tables, each introduced by a format comment:
 *
 * <pre>
 * # format:org_id|changed|org_name|country|source
 * LVLT-ARIN|20120130|Level 3 Communications, Inc.|US|ARIN
 * # format:aut|changed|aut_name|org_id|opaque_id|source
 * 3356|20120130|LEVEL3|LVLT-ARIN|e5e3b9c13678dfc483fb1f819d70883c_ARIN|ARIN
 * </pre>
 *
 * Only the {@code aut} table is needed (ASN and {@code org_id}); older files without {@code
 * opaque_id} (5 fields) are accepted. Lines before any format comment, with a bad ASN or an empty
 * org id, or assigning an AS to a second organisation are skipped and reported.
 *
 * <pre>{@code
 * AsGraph.Builder b = AsGraph.builder();
 * CaidaAsRel.load(asRelFile, b);
 * LoadReport orgs = As2Org.load(Path.of("20180101.as-org2info.txt.gz"), b);
 * AsGraph g = b.build();
 * g.siblings(3356);   // other ASNs of LVLT-ARIN
 * }</pre>
 *
 * <p>Thread-safe (stateless). The JSON-lines variant ({@code .jsonl.gz}) is not read yet.
 *
 * @since 0.1
 */
public final class As2Org {
    private As2Org() {}

    /**
     * Loads a file.
     *
     * @param file plain or gzip/bzip2 as2org text file
     * @param into builder receiving {@link AsGraph.Builder#organization} calls
     * @return what was read and skipped
     * @throws IOException if the file cannot be read
     */
    public static LoadReport load(Path file, AsGraph.Builder into) throws IOException {
        try (InputStream in = Inputs.open(file)) {
            return load(in, String.valueOf(file.getFileName()), into);
        }
    }

    /**
     * Loads from a stream, which may be compressed; the caller closes it.
     *
     * @param in the input
     * @param source label for problems
     * @param into builder receiving the organisations
     * @return what was read and skipped
     * @throws IOException if reading fails
     */
    public static LoadReport load(InputStream in, String source, AsGraph.Builder into) throws IOException {
        LoadReport.Counter c = new LoadReport.Counter(source);
        LineReader r = new LineReader(Inputs.decompress(in), CaidaAsRel.MAX_LINE);
        int table = 0; // 0 none yet, 1 organisations, 2 ASes
        while (r.next()) {
            c.lines++;
            if (r.tooLong()) {
                c.problem(
                        r.lineNumber(),
                        r.lineOffset(),
                        "line longer than " + CaidaAsRel.MAX_LINE + " bytes",
                        r.excerpt(80));
                continue;
            }
            String line = r.text();
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String body = line.substring(1).trim();
                if (body.startsWith("format:org_id")) {
                    table = 1;
                } else if (body.startsWith("format:aut")) {
                    table = 2;
                }
                continue;
            }
            String[] f = line.split("\\|", -1);
            switch (table) {
                case 0 -> c.problem(r.lineNumber(), r.lineOffset(), "data before any '# format:' line", r.excerpt(80));
                case 1 -> {
                    if (f.length < 5) {
                        c.problem(
                                r.lineNumber(),
                                r.lineOffset(),
                                "organisation line has " + f.length
                                        + " fields (expected: org_id|changed|org_name|country|source)",
                                r.excerpt(80));
                    } else {
                        c.records++;
                    }
                }
                default -> aut(f, r, c, into);
            }
        }
        return c.report();
    }

    private static void aut(String[] f, LineReader r, LoadReport.Counter c, AsGraph.Builder into) {
        if (f.length != 5 && f.length != 6) {
            c.problem(
                    r.lineNumber(),
                    r.lineOffset(),
                    "AS line has " + f.length + " fields (expected: aut|changed|aut_name|org_id[|opaque_id]|source)",
                    r.excerpt(80));
            return;
        }
        long asn;
        try {
            asn = Long.parseLong(f[0]);
        } catch (NumberFormatException e) {
            c.problem(r.lineNumber(), r.lineOffset(), "ASN '" + f[0] + "' is not a number", r.excerpt(80));
            return;
        }
        if (asn < 0 || asn > 0xFFFF_FFFFL) {
            c.problem(
                    r.lineNumber(),
                    r.lineOffset(),
                    "ASN " + asn + " out of range (expected: 0..4294967295)",
                    r.excerpt(80));
            return;
        }
        String org = f[3].trim();
        if (org.isEmpty()) {
            c.problem(r.lineNumber(), r.lineOffset(), "empty org_id", r.excerpt(80));
            return;
        }
        try {
            into.organization(asn, org);
            c.records++;
        } catch (IllegalArgumentException e) {
            c.problem(r.lineNumber(), r.lineOffset(), String.valueOf(e.getMessage()), r.excerpt(80));
        }
    }
}
