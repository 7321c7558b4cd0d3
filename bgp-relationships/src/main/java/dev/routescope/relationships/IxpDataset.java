package dev.routescope.relationships;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.routescope.relationships.internal.Inputs;
import dev.routescope.relationships.internal.LineReader;
import dev.routescope.relationships.internal.LongIntHashMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * IXP membership from CAIDA's IXP dataset (JSON lines): {@code ixs_YYYYMM.jsonl} (one IXP per line:
 * {@code ix_id}, {@code name}, {@code country}, ...) and {@code ix-asns_YYYYMM.jsonl} (one membership
 * per line: {@code asn}, {@code ix_id}, {@code ipv4}, {@code ipv6}).
 *
 * <pre>{@code
 * IxpDataset ixps = IxpDataset.load(Path.of("ixs_201910.json"), Path.of("ix-asns_201910.json"));
 * ixps.ixpsOf(3356);               // ix_ids where AS3356 is present
 * ixps.shareIxp(3356, 1299);       // true if both are members of one IXP
 * }</pre>
 *
 * <p><b>Route servers.</b> The dataset lists members, but does not mark which member ASN runs the
 * IXP's route server. The route-server list used by {@link ValleyFreeChecker} therefore comes from
 * CAIDA's {@code # IXP ASes} header ({@link AsGraph#routeServers()}) or from the user; this class
 * answers co-location questions ({@link #shareIxp}), which inference and leak triage use as
 * evidence for peering.
 *
 * <p><b>Data caveat.</b> {@code ix_id} is not unique in CAIDA's 2019-10 IXP file: 962 lines carry
 * 837 distinct ids (e.g. id 917 names six different IXPs). The first name per id is kept and the
 * repeats are counted as {@link LoadReport#duplicates()}; membership is keyed by id as CAIDA gives
 * it, so IXPs sharing an id share a member list.
 *
 * <p>Immutable and thread-safe once loaded. Malformed lines are skipped and listed in {@link
 * #reports()}.
 *
 * @since 0.1
 */
public final class IxpDataset {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(CaidaAsRel.MAX_LINE)
                    .maxNestingDepth(8)
                    .build())
            .build();

    private final Map<Integer, String> names;
    private final LongIntHashMap asnSlot;
    private final int[][] ixpsByAsn;
    private final Map<Integer, long[]> membersByIxp;
    private final List<LoadReport> reports;

    private IxpDataset(
            Map<Integer, String> names,
            LongIntHashMap asnSlot,
            int[][] ixpsByAsn,
            Map<Integer, long[]> membersByIxp,
            List<LoadReport> reports) {
        this.names = names;
        this.asnSlot = asnSlot;
        this.ixpsByAsn = ixpsByAsn;
        this.membersByIxp = membersByIxp;
        this.reports = reports;
    }

    /**
     * Loads both files (plain, gzip or bzip2).
     *
     * @param ixsFile IXP list ({@code ixs_*.json[l]})
     * @param ixAsnsFile membership list ({@code ix-asns_*.json[l]})
     * @return the dataset
     * @throws IOException if a file cannot be read
     */
    public static IxpDataset load(Path ixsFile, Path ixAsnsFile) throws IOException {
        Map<Integer, String> names = new TreeMap<>();
        LoadReport ixsReport;
        try (InputStream in = Inputs.open(ixsFile)) {
            ixsReport = readLines(in, String.valueOf(ixsFile.getFileName()), (p, c, r) -> {
                long id = -1;
                String name = "";
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    if ("ix_id".equals(field) && t == JsonToken.VALUE_NUMBER_INT) {
                        id = p.getLongValue();
                    } else if ("name".equals(field) && t == JsonToken.VALUE_STRING) {
                        name = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                if (id < 0 || id > Integer.MAX_VALUE) {
                    c.problem(r.lineNumber(), r.lineOffset(), "missing or invalid ix_id", r.excerpt(80));
                    return;
                }
                // CAIDA's 201910 file reuses some ix_ids for different IXPs: keep the first, count the rest.
                if (names.putIfAbsent((int) id, name) == null) {
                    c.records++;
                } else {
                    c.duplicates++;
                }
            });
        }
        LongIntHashMap slot = new LongIntHashMap(16_384);
        List<long[]> pairs = new ArrayList<>();
        LoadReport asnReport;
        try (InputStream in = Inputs.open(ixAsnsFile)) {
            asnReport = readLines(in, String.valueOf(ixAsnsFile.getFileName()), (p, c, r) -> {
                long asn = -1;
                long id = -1;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    if ("asn".equals(field) && t == JsonToken.VALUE_NUMBER_INT) {
                        asn = p.getLongValue();
                    } else if ("ix_id".equals(field) && t == JsonToken.VALUE_NUMBER_INT) {
                        id = p.getLongValue();
                    } else {
                        p.skipChildren();
                    }
                }
                if (asn < 0 || asn > 0xFFFF_FFFFL) {
                    c.problem(r.lineNumber(), r.lineOffset(), "missing or out-of-range asn", r.excerpt(80));
                    return;
                }
                if (id < 0 || id > Integer.MAX_VALUE) {
                    c.problem(r.lineNumber(), r.lineOffset(), "missing or invalid ix_id", r.excerpt(80));
                    return;
                }
                pairs.add(new long[] {asn, id});
                c.records++;
            });
        }
        Map<Integer, List<Long>> members = new HashMap<>();
        List<List<Integer>> byAsn = new ArrayList<>();
        for (long[] pair : pairs) {
            int s = slot.putIfAbsent(pair[0], byAsn.size());
            if (s == byAsn.size()) {
                byAsn.add(new ArrayList<>());
            }
            List<Integer> ids = byAsn.get(s);
            if (!ids.contains((int) pair[1])) {
                ids.add((int) pair[1]);
                members.computeIfAbsent((int) pair[1], k -> new ArrayList<>()).add(pair[0]);
            }
        }
        int[][] ixps = new int[byAsn.size()][];
        for (int i = 0; i < ixps.length; i++) {
            ixps[i] = byAsn.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        Map<Integer, long[]> memberArrays = new HashMap<>();
        members.forEach((k, v) -> memberArrays.put(
                k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
        return new IxpDataset(names, slot, ixps, memberArrays, List.of(ixsReport, asnReport));
    }

    @FunctionalInterface
    private interface LineHandler {
        void object(JsonParser p, LoadReport.Counter c, LineReader r) throws IOException;
    }

    private static LoadReport readLines(InputStream in, String source, LineHandler handler) throws IOException {
        LoadReport.Counter c = new LoadReport.Counter(source);
        LineReader r = new LineReader(Inputs.decompress(in), CaidaAsRel.MAX_LINE);
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
            if (r.length() == 0) {
                continue;
            }
            try (JsonParser p = JSON.createParser(r.bytes(), 0, r.length())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    c.problem(r.lineNumber(), r.lineOffset(), "expected a JSON object", r.excerpt(80));
                    continue;
                }
                handler.object(p, c, r);
            } catch (IOException e) {
                // Jackson's parse errors are IOExceptions; a bad line is data, not an I/O failure.
                c.problem(r.lineNumber(), r.lineOffset(), "invalid JSON: " + firstLine(e.getMessage()), r.excerpt(80));
            }
        }
        return c.report();
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** {@return the number of distinct ix_ids in the IXP file} */
    public int ixpCount() {
        return names.size();
    }

    /** {@return the number of distinct member ASNs} */
    public int memberAsnCount() {
        return ixpsByAsn.length;
    }

    /**
     * The IXPs where an AS is a member.
     *
     * @param asn an ASN
     * @return ix_ids, ascending; empty if none
     */
    public int[] ixpsOf(long asn) {
        int s = asnSlot.get(asn);
        return s < 0 ? new int[0] : ixpsByAsn[s].clone();
    }

    /**
     * The members of an IXP.
     *
     * @param ixId the IXP id
     * @return member ASNs, ascending; empty if unknown
     */
    public long[] members(int ixId) {
        long[] m = membersByIxp.get(ixId);
        return m == null ? new long[0] : m.clone();
    }

    /**
     * The IXP's name.
     *
     * @param ixId the IXP id
     * @return its name, or null if not in the IXP file
     */
    public @Nullable String name(int ixId) {
        return names.get(ixId);
    }

    /**
     * Whether two ASes are members of at least one common IXP.
     *
     * @param a an ASN
     * @param b another ASN
     * @return true if co-located at an IXP
     */
    public boolean shareIxp(long a, long b) {
        int sa = asnSlot.get(a);
        int sb = asnSlot.get(b);
        if (sa < 0 || sb < 0) {
            return false;
        }
        int[] x = ixpsByAsn[sa];
        int[] y = ixpsByAsn[sb];
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                return true;
            }
            if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** {@return the load reports of the IXP file and the membership file, in that order} */
    public List<LoadReport> reports() {
        return reports;
    }

    @Override
    public String toString() {
        return "IxpDataset[" + names.size() + " IXPs, " + ixpsByAsn.length + " member ASNs, "
                + Arrays.toString(
                        reports.stream().mapToLong(LoadReport::skipped).toArray()) + " skipped]";
    }
}
