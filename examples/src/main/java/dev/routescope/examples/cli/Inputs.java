package dev.routescope.examples.cli;

import dev.routescope.detect.MonitoredResources;
import dev.routescope.relationships.AsGraph;
import dev.routescope.relationships.CaidaAsRel;
import dev.routescope.relationships.LoadReport;
import dev.routescope.rpki.RouteOriginValidator;
import dev.routescope.rpki.RpkiData;
import dev.routescope.rpki.RpkiFormatException;
import dev.routescope.rpki.RpkiReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The reference data of the commands: VRPs, AS relationships and monitored prefixes, from the
 * user's files or from the real sets embedded in the jar (see {@code samples/PROVENANCE.md}).
 * Every failure a user can cause becomes a one-line {@link CliException} naming the file.
 */
final class Inputs {
    static final String EMBEDDED_VRPS = "samples/rpki/rpki-client-20250720T093135Z.csv.gz";
    /** rpki-client's {@code buildtime} of the embedded set (the CSV form does not carry it). */
    static final Instant EMBEDDED_VRPS_TIME = Instant.parse("2025-07-20T09:31:33Z");

    static final String EMBEDDED_AS_REL = "samples/asrel/20180101.as-rel.txt.gz";
    static final String EMBEDDED_PREFIXES = "samples/prefixes.yml";

    private Inputs() {}

    /**
     * Loaded VRPs (and ASPAs when the format carries them).
     *
     * @param data what the reader returned
     * @param description where they came from, for the header line
     * @param dataTime when the set was produced, or null when unknown
     */
    record Vrps(RpkiData data, String description, @Nullable Instant dataTime) {
        RouteOriginValidator validator() {
            return RouteOriginValidator.of(data.vrps());
        }

        String summary() {
            return String.format(
                    Locale.ROOT,
                    "VRPs: %,d from %s%s%s",
                    data.vrps().size(),
                    description,
                    data.aspas().isEmpty()
                            ? ""
                            : String.format(
                                    Locale.ROOT, ", %,d ASPAs", data.aspas().size()),
                    data.skipped() == 0
                            ? ""
                            : String.format(Locale.ROOT, " (%,d bad entries skipped)", data.skipped()));
        }
    }

    /**
     * A relationship graph and where it came from.
     *
     * @param graph the graph
     * @param report the loader's counts
     * @param description where it came from
     */
    record Relationships(AsGraph graph, LoadReport report, String description) {
        String summary() {
            return String.format(
                    Locale.ROOT,
                    "AS relationships: %,d links from %s%s",
                    report.records(),
                    description,
                    report.skipped() == 0
                            ? ""
                            : String.format(Locale.ROOT, " (%,d bad lines skipped)", report.skipped()));
        }
    }

    static Vrps vrps(@Nullable Path file) throws CliException {
        if (file == null) {
            try (InputStream in = Samples.open(EMBEDDED_VRPS)) {
                RpkiData d = RpkiReader.builder().build().read(in, "embedded:" + EMBEDDED_VRPS);
                return new Vrps(d, "the embedded rpki-client set of " + EMBEDDED_VRPS_TIME, EMBEDDED_VRPS_TIME);
            } catch (IOException ex) {
                throw new CliException("cannot read the embedded VRPs: " + Cli.describe(ex), ex);
            }
        }
        requireReadable(file, "VRP file");
        RpkiData d;
        try {
            d = RpkiReader.read(file);
        } catch (RpkiFormatException ex) {
            throw new CliException("unreadable VRP file " + file + ": " + Cli.describe(ex), ex);
        } catch (IOException ex) {
            throw new CliException("cannot read VRP file " + file + ": " + Cli.describe(ex), ex);
        }
        if (d.vrps().isEmpty()) {
            String first =
                    d.problems().isEmpty() ? "" : "; first: " + d.problems().get(0);
            throw new CliException("unreadable VRP file " + file + ": no valid VRP in it (" + d.skipped()
                    + " bad entries skipped" + first + ")");
        }
        return new Vrps(d, file.toString(), null);
    }

    static Relationships relationships(@Nullable Path file) throws CliException {
        AsGraph.Builder builder = AsGraph.builder();
        LoadReport report;
        String description;
        if (file == null) {
            description = "the embedded CAIDA serial-1 file of 2018-01-01";
            try (InputStream in = Samples.open(EMBEDDED_AS_REL)) {
                report = CaidaAsRel.load(in, "embedded:" + EMBEDDED_AS_REL, builder);
            } catch (IOException ex) {
                throw new CliException("cannot read the embedded AS relationships: " + Cli.describe(ex), ex);
            }
        } else {
            requireReadable(file, "AS relationship file");
            description = file.toString();
            try {
                report = CaidaAsRel.load(file, builder);
            } catch (IOException ex) {
                throw new CliException("cannot read AS relationship file " + file + ": " + Cli.describe(ex), ex);
            }
            if (report.records() == 0) {
                String first = report.problems().isEmpty()
                        ? ""
                        : "; first: " + report.problems().get(0);
                throw new CliException("unreadable AS relationship file " + file + ": no relationship in it ("
                        + report.skipped() + " bad lines skipped" + first + ")");
            }
        }
        return new Relationships(builder.build(), report, description);
    }

    static MonitoredResources prefixes(@Nullable Path file) throws CliException {
        if (file == null) {
            try (Reader r = new InputStreamReader(Samples.open(EMBEDDED_PREFIXES), StandardCharsets.UTF_8)) {
                return MonitoredResources.parseBgpalerterYaml(r, "embedded:" + EMBEDDED_PREFIXES);
            } catch (IOException ex) {
                throw new CliException("cannot read the embedded prefixes.yml: " + Cli.describe(ex), ex);
            }
        }
        requireReadable(file, "prefixes file");
        try {
            return MonitoredResources.load(file);
        } catch (IllegalArgumentException ex) {
            // The YAML importer's messages already name the file, line and column.
            throw new CliException("bad prefixes file: " + Cli.describe(ex), ex);
        } catch (IOException ex) {
            throw new CliException("cannot read prefixes file " + file + ": " + Cli.describe(ex), ex);
        }
    }

    static void requireReadable(Path file, String what) throws CliException {
        if (!Files.exists(file)) {
            throw new CliException("no such " + what + ": " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CliException("cannot read " + what + ": " + file);
        }
    }
}
