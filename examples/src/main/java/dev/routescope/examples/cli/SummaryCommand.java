package dev.routescope.examples.cli;

import dev.routescope.mrt.MrtElement;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.MrtStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code routescope summary [FILES…]}: what a window of MRT updates contains — elements by kind,
 * peers, prefixes, the busiest origins, prefixes seen with more than one origin (MOAS) and every
 * decoding problem. Without files it reads the embedded RIS sample.
 */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Summarise MRT update files (default: the embedded RIS rrc04 sample).")
final class SummaryCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "MRT files (gz, bz2 or plain).")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--top",
            defaultValue = "10",
            description = "How many origins and MOAS prefixes to list (default: ${DEFAULT-VALUE}).")
    int top = 10;

    @Spec
    @Nullable
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec == null
                ? new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8)
                : spec.commandLine().getOut();
        List<MrtSources.Source> sources = MrtSources.of(files);
        long announcements = 0;
        long withdrawals = 0;
        long states = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Set<String> peers = new HashSet<>();
        Map<String, Set<Long>> originsByPrefix = new HashMap<>();
        Map<Long, Long> announcementsByOrigin = new HashMap<>();
        List<String> problemLines = new ArrayList<>();
        long problems = 0;
        for (MrtSources.Source source : sources) {
            MrtStats stats;
            try (MrtElementReader reader = source.open()) {
                while (reader.advance()) {
                    MrtElement e = reader.element();
                    first = Math.min(first, e.timestamp());
                    last = Math.max(last, e.timestamp());
                    switch (e.kind()) {
                        case ANNOUNCEMENT, RIB_ENTRY -> {
                            announcements++;
                            peers.add(e.peerAddress() + " AS" + e.peerAsn());
                            long origin = e.attributes().originAsn();
                            if (origin >= 0 && !e.treatAsWithdraw()) {
                                announcementsByOrigin.merge(origin, 1L, Long::sum);
                                originsByPrefix
                                        .computeIfAbsent(e.prefix().toString(), k -> new HashSet<>())
                                        .add(origin);
                            }
                        }
                        case WITHDRAWAL -> withdrawals++;
                        case STATE_CHANGE -> states++;
                    }
                }
                stats = reader.stats();
            } catch (IOException ex) {
                throw new CliException("cannot read " + source.name() + ": " + Cli.describe(ex), ex);
            }
            problems += stats.problems();
            if (stats.problems() > 0) {
                problemLines.add(source.name() + ": " + stats.problemsByKind());
            }
        }

        out.printf(
                Locale.ROOT,
                "Routescope summary of %d MRT file(s)%s%n",
                sources.size(),
                files.isEmpty() ? " (embedded RIPE RIS rrc04 sample)" : "");
        if (first != Long.MAX_VALUE) {
            out.printf(
                    Locale.ROOT,
                    "  time window   %s .. %s%n",
                    Instant.ofEpochSecond(first),
                    Instant.ofEpochSecond(last));
        }
        out.printf(
                Locale.ROOT,
                "  announcements %,d%n  withdrawals   %,d%n  state changes %,d%n",
                announcements,
                withdrawals,
                states);
        out.printf(
                Locale.ROOT,
                "  peers %,d, prefixes announced %,d, origin ASes %,d%n",
                peers.size(),
                originsByPrefix.size(),
                announcementsByOrigin.size());
        out.printf(Locale.ROOT, "%nBusiest origins (announcements):%n");
        announcementsByOrigin.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(en -> out.printf(Locale.ROOT, "  AS%-10d %,9d%n", en.getKey(), en.getValue()));
        List<Map.Entry<String, Set<Long>>> moas = originsByPrefix.entrySet().stream()
                .filter(en -> en.getValue().size() > 1)
                .sorted(Map.Entry.<String, Set<Long>>comparingByKey())
                .toList();
        out.printf(Locale.ROOT, "%nPrefixes with more than one origin (MOAS): %d%n", moas.size());
        moas.stream()
                .limit(top)
                .forEach(en -> out.printf(
                        Locale.ROOT,
                        "  %-20s origins %s%n",
                        en.getKey(),
                        en.getValue().stream().sorted().map(a -> "AS" + a).toList()));
        out.printf(Locale.ROOT, "%nDecoding problems: %d%n", problems);
        problemLines.forEach(l -> out.println("  " + l));
        out.flush();
        return 0;
    }
}
