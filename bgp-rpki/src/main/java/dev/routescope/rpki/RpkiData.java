package dev.routescope.rpki;

import java.util.List;

/**
 * What a {@link RpkiReader} loaded from one input.
 *
 * <pre>{@code
 * RpkiData d = RpkiReader.read(Path.of("rpki-client.json.bz2"));
 * RouteOriginValidator rov = RouteOriginValidator.of(d.vrps());
 * AspaVerifier aspa = AspaVerifier.of(d.aspas());
 * if (d.skipped() > 0) log.warn("{} bad entries, first: {}", d.skipped(), d.problems().get(0));
 * }</pre>
 *
 * @param source the input name
 * @param format the detected format
 * @param vrps the VRPs (duplicates merged)
 * @param aspas the ASPAs (none for CSV inputs)
 * @param vrpRecords VRP entries read, before duplicate merging, bad ones excluded
 * @param skipped bad entries skipped (VRPs and ASPAs)
 * @param problems the first problems (at most the reader's {@code maxReportedProblems}); {@code
 *     skipped} counts them all
 * @since 0.1
 */
public record RpkiData(
        String source,
        RpkiFormat format,
        VrpSnapshot vrps,
        AspaSet aspas,
        long vrpRecords,
        long skipped,
        List<RpkiProblem> problems) {

    /** Copies the problem list. */
    public RpkiData {
        problems = List.copyOf(problems);
    }
}
