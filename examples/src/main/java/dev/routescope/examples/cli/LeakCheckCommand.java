package dev.routescope.examples.cli;

import dev.routescope.model.AsPath;
import dev.routescope.relationships.Leak;
import dev.routescope.relationships.LeakVerdict;
import dev.routescope.relationships.ValleyFreeChecker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code routescope leak-check PATH}: the valley-free (Gao-Rexford) verdict of one AS path as
 * received by a collector (leftmost = the collector's peer, rightmost = origin), with the RFC 7908
 * leak type, the leaker and the (from, leaker, to) triple of every valley.
 *
 * <p>The exit code is 0 whatever the verdict (1 and 2 are kept for errors); read the verdict line.
 */
@Command(
        name = "leak-check",
        mixinStandardHelpOptions = true,
        description = "Valley-free verdict and RFC 7908 leak type of an AS path (leftmost = collector peer).")
final class LeakCheckCommand implements Callable<Integer> {
    @Parameters(
            arity = "1..*",
            paramLabel = "ASN",
            description = "The AS path, as separate arguments or one quoted string; {a,b} is an AS_SET.")
    List<String> path = List.of();

    @Option(
            names = "--as-rel",
            paramLabel = "FILE",
            description = "CAIDA as-rel file (serial-1/2, plain/gz/bz2); default: the embedded 2018-01-01 file.")
    @Nullable
    Path asRel;

    @Spec
    @Nullable
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String text = String.join(" ", path).strip();
        AsPath asPath;
        try {
            asPath = AsPath.parse(text);
        } catch (IllegalArgumentException ex) {
            throw new CliException(ValidateCommand.message(ex, "bad AS path '" + text + "'"), ex);
        }
        if (asPath.isEmpty()) {
            throw new CliException("bad AS path '" + text + "': it is empty");
        }
        Inputs.Relationships rel = Inputs.relationships(asRel);
        PrintWriter err = Cli.err(spec);
        err.println(rel.summary());
        err.flush();
        LeakVerdict v = ValleyFreeChecker.builder(rel.graph()).build().verdict(asPath);
        PrintWriter out = Cli.out(spec);
        out.printf(Locale.ROOT, "path        %s%n", asPath);
        out.printf(
                Locale.ROOT,
                "verdict     %s, confidence %s (%d links checked, %d unknown)%n",
                v.status(),
                v.confidence(),
                v.linkCount(),
                v.unknownLinkCount());
        for (Leak leak : v.leaks()) {
            out.printf(
                    Locale.ROOT,
                    "leak        RFC 7908 type %d (%s) by AS%d at index %d, confidence %s%n",
                    leak.rfc7908Type(),
                    leak.type(),
                    leak.leakerAsn(),
                    leak.leakerIndex(),
                    leak.confidence());
            out.printf(
                    Locale.ROOT,
                    "triple      AS%d -> AS%d -> AS%d (received from AS%d, %s; sent to AS%d, %s)%n",
                    leak.fromAsn(),
                    leak.leakerAsn(),
                    leak.toAsn(),
                    leak.fromAsn(),
                    role(rel, leak.leakerAsn(), leak.fromAsn()),
                    leak.toAsn(),
                    role(rel, leak.leakerAsn(), leak.toAsn()));
        }
        out.flush();
        return 0;
    }

    private static String role(Inputs.Relationships rel, long of, long neighbour) {
        return "its " + rel.graph().relationship(of, neighbour).name().toLowerCase(Locale.ROOT);
    }
}
