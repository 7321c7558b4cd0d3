package dev.routescope.examples.cli;

import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import dev.routescope.rpki.RouteOriginValidator;
import dev.routescope.rpki.RovResult;
import dev.routescope.rpki.Vrp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code routescope validate PREFIX ASN} and {@code validate --file FILE}: RPKI route origin
 * validation (RFC 6811) with the reason of an invalid state and the VRPs involved.
 *
 * <p>Output, one line per route: {@code 1.1.1.0/25 AS13335 INVALID (TOO_SPECIFIC) covering:
 * 1.1.1.0/24-24 AS13335}. Bad lines of a route file are reported on stderr with their line number
 * and skipped; the exit code is then 1.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "RPKI route origin validation (RFC 6811) of one route or of a file of routes.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "0..2", paramLabel = "PREFIX ASN", description = "The route: prefix and origin ASN.")
    List<String> route = List.of();

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "Routes, one 'PREFIX ASN' per line (space, comma or '|' separated, '#' comments).")
    @Nullable
    Path file;

    @Option(
            names = "--vrps",
            paramLabel = "FILE",
            description =
                    "VRPs (rpki-client/Routinator JSON or CSV, plain/gz/bz2); default: the embedded 2025-07-20 set.")
    @Nullable
    Path vrps;

    @Spec
    @Nullable
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (file == null && route.size() != 2) {
            throw new CliException("give a route (PREFIX ASN) or --file FILE");
        }
        if (file != null && !route.isEmpty()) {
            throw new CliException("give either a route (PREFIX ASN) or --file FILE, not both");
        }
        PrintWriter out = Cli.out(spec);
        PrintWriter err = Cli.err(spec);
        Prefix single = null;
        long singleAsn = -1;
        if (file == null) {
            // Check the arguments before the (seconds-long) VRP load.
            single = parsePrefix(route.get(0));
            singleAsn = parseAsn(route.get(1));
        } else {
            Inputs.requireReadable(file, "route file");
        }
        Inputs.Vrps loaded = Inputs.vrps(vrps);
        err.println(loaded.summary());
        err.flush();
        RouteOriginValidator rov = loaded.validator();
        if (single != null) {
            out.println(format(rov.validate(single, singleAsn)));
            out.flush();
            return 0;
        }
        Path routes = java.util.Objects.requireNonNull(file);
        long lineNo = 0;
        long checked = 0;
        long skipped = 0;
        try (BufferedReader r = Files.newBufferedReader(routes, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                int hash = line.indexOf('#');
                String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (text.isEmpty()) {
                    continue;
                }
                String[] f = text.split("[\\s,|]+");
                try {
                    if (f.length != 2) {
                        throw new CliException("expected 'PREFIX ASN', found " + f.length + " fields");
                    }
                    out.println(format(rov.validate(parsePrefix(f[0]), parseAsn(f[1]))));
                    checked++;
                } catch (CliException ex) {
                    skipped++;
                    err.println("routescope: " + routes + " line " + lineNo + ": " + ex.getMessage() + " (skipped)");
                }
            }
        } catch (IOException ex) {
            throw new CliException("cannot read route file " + routes + ": " + Cli.describe(ex), ex);
        }
        out.flush();
        err.printf(Locale.ROOT, "%,d routes validated, %,d lines skipped%n", checked, skipped);
        err.flush();
        return skipped == 0 ? 0 : 1;
    }

    static String format(RovResult r) {
        StringBuilder b = new StringBuilder();
        b.append(r.prefix())
                .append(' ')
                .append(r.origin() < 0 ? "NONE" : "AS" + r.origin())
                .append(' ');
        switch (r.state()) {
            case VALID -> b.append("VALID matching: ").append(join(r.matching()));
            case INVALID ->
                b.append("INVALID (").append(r.reason()).append(") covering: ").append(join(r.covering()));
            case NOT_FOUND -> b.append("NOT_FOUND (no VRP covers the prefix)");
        }
        return b.toString();
    }

    private static String join(List<Vrp> vrps) {
        return vrps.stream().map(Vrp::toString).collect(Collectors.joining(", "));
    }

    /** The model's messages already quote the text and say what was expected. */
    static String message(IllegalArgumentException ex, String fallback) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? fallback : m;
    }

    static Prefix parsePrefix(String text) throws CliException {
        try {
            return Prefix.parse(text);
        } catch (IllegalArgumentException ex) {
            throw new CliException(message(ex, "bad prefix '" + text + "'"), ex);
        }
    }

    static long parseAsn(String text) throws CliException {
        try {
            return Asn.parse(text).value();
        } catch (IllegalArgumentException ex) {
            throw new CliException(message(ex, "bad ASN '" + text + "'"), ex);
        }
    }
}
