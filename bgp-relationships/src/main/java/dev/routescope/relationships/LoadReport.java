package dev.routescope.relationships;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a loader read: line and record counts, the skipped lines (the first {@link
 * #MAX_KEPT_PROBLEMS} in detail, all of them counted), and data from CAIDA header comments.
 *
 * <pre>{@code
 * LoadReport r = CaidaAsRel.load(file, builder);
 * if (r.skipped() > 0) log.warn("{}: {} bad lines, first: {}", r.source(), r.skipped(), r.problems().get(0));
 * }</pre>
 *
 * @since 0.1
 */
public final class LoadReport {
    /** How many problems are kept in detail; later ones are only counted. */
    public static final int MAX_KEPT_PROBLEMS = 100;

    private final String source;
    private final long lines;
    private final long records;
    private final long duplicates;
    private final long skipped;
    private final List<LoadProblem> problems;
    private final long[] headerClique;
    private final long[] headerIxpAsns;

    private LoadReport(Counter c) {
        source = c.source;
        lines = c.lines;
        records = c.records;
        duplicates = c.duplicates;
        skipped = c.skipped;
        problems = List.copyOf(c.problems);
        headerClique = c.headerClique;
        headerIxpAsns = c.headerIxpAsns;
    }

    /** {@return the file name or source label} */
    public String source() {
        return source;
    }

    /** {@return the number of lines read, including comments} */
    public long lines() {
        return lines;
    }

    /** {@return the number of data lines accepted} */
    public long records() {
        return records;
    }

    /** {@return data lines that repeated an earlier link with the same relationship (ignored)} */
    public long duplicates() {
        return duplicates;
    }

    /** {@return the number of lines skipped because they were malformed or conflicting} */
    public long skipped() {
        return skipped;
    }

    /** {@return the first {@link #MAX_KEPT_PROBLEMS} skipped lines, in input order} */
    public List<LoadProblem> problems() {
        return problems;
    }

    /** {@return ASNs of CAIDA's {@code # inferred clique:} (or {@code # input clique:}) header; empty if none} */
    public long[] headerClique() {
        return headerClique.clone();
    }

    /** {@return ASNs of CAIDA's {@code # IXP ASes:} header (IXP route servers); empty if none} */
    public long[] headerIxpAsns() {
        return headerIxpAsns.clone();
    }

    @Override
    public String toString() {
        return "LoadReport[" + source + ": " + lines + " lines, " + records + " records, " + duplicates
                + " duplicates, " + skipped + " skipped" + (problems.isEmpty() ? "" : ", first: " + problems.get(0))
                + "]";
    }

    /** Mutable tally used by the loaders while reading. */
    static final class Counter {
        final String source;
        long lines;
        long records;
        long duplicates;
        long skipped;
        final List<LoadProblem> problems = new ArrayList<>();
        long[] headerClique = new long[0];
        long[] headerIxpAsns = new long[0];

        Counter(String source) {
            this.source = source;
        }

        void problem(long line, long offset, String reason, String excerpt) {
            skipped++;
            if (problems.size() < MAX_KEPT_PROBLEMS) {
                problems.add(new LoadProblem(source, line, offset, reason, excerpt));
            }
        }

        LoadReport report() {
            return new LoadReport(this);
        }

        @Override
        public String toString() {
            return source + " " + records + " records " + Arrays.toString(headerClique);
        }
    }
}
