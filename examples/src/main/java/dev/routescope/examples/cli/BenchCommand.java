package dev.routescope.examples.cli;

import dev.routescope.mrt.BgpdumpFormatter;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.MrtStats;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code routescope bench [FILES…]}: whole-file throughput of our MRT parser (1 and N threads, and
 * writing {@code bgpdump -m} text) against {@code bgpdump -m} and {@code zcat}/{@code bzcat} on the
 * same files, in the same run, rounds alternating between tools; the best round of each is
 * reported with its ratio to {@code bgpdump -m}. Missing tools are skipped with a message.
 *
 * <p>A whole-run comparison, not a JMH benchmark: it includes JVM start-up effects in the first
 * round and whatever else the machine is doing, so read the ratios, not the absolute figures.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Whole-file MRT throughput: our parser (1 and N threads) vs bgpdump -m vs zcat, ratios printed.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "MRT files; none = the embedded sample.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads for the parallel run (default: available processors).")
    @Nullable
    Integer threads;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "3",
            description = "Rounds per tool (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Spec
    @Nullable
    CommandSpec spec;

    /** One contender: runs over all files, returns the elements (or lines) it produced. */
    private interface Contender {
        long run(List<Path> files) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1 || rounds < 1) {
            throw new CliException("--threads and --rounds must be >= 1");
        }
        PrintWriter out = Cli.out(spec);
        PrintWriter err = Cli.err(spec);
        Path tmp = null;
        List<Path> inputs = files;
        if (inputs.isEmpty()) {
            // bgpdump and zcat need files: copy the embedded sample out of the jar
            tmp = Files.createTempDirectory("routescope-bench");
            inputs = new ArrayList<>();
            for (String resource : Samples.RRC04_UPDATES) {
                Path f = tmp.resolve(Path.of(resource).getFileName().toString());
                try (InputStream in = Samples.open(resource)) {
                    Files.copy(in, f);
                }
                inputs.add(f);
            }
        } else {
            for (Path f : inputs) {
                Inputs.requireReadable(f, "MRT file");
            }
        }
        try {
            return bench(inputs, n, out, err);
        } finally {
            if (tmp != null) {
                for (Path f : inputs) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(tmp);
            }
        }
    }

    private int bench(List<Path> inputs, int n, PrintWriter out, PrintWriter err) throws Exception {
        long bytes = 0;
        for (Path f : inputs) {
            bytes += Files.size(f);
        }
        Map<String, Contender> contenders = new LinkedHashMap<>();
        contenders.put("routescope parse, 1 thread", fs -> parse(fs, 1));
        if (n > 1) {
            contenders.put("routescope parse, " + n + " threads", fs -> parse(fs, n));
        }
        contenders.put("routescope dump -m (text)", BenchCommand::dumpText);
        Path bgpdump = onPath("bgpdump");
        if (bgpdump != null) {
            contenders.put("bgpdump -m", fs -> external(List.of(bgpdump.toString(), "-m"), fs, true));
        } else {
            err.println("bgpdump not found on PATH: skipped (apt-get install bgpdump)");
        }
        Path zcat = onPath("zcat");
        Path bzcat = onPath("bzcat");
        if (zcat != null && (bzcat != null || inputs.stream().noneMatch(BenchCommand::isBzip2))) {
            contenders.put("zcat/bzcat (decompress only)", fs -> decompress(fs, zcat, bzcat));
        } else {
            err.println("zcat/bzcat not found on PATH: decompression reference skipped");
        }

        Map<String, Long> best = new LinkedHashMap<>();
        Map<String, Long> produced = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Contender> c : contenders.entrySet()) {
                long t0 = System.nanoTime();
                long count = c.getValue().run(inputs);
                long ns = System.nanoTime() - t0;
                best.merge(c.getKey(), ns, Math::min);
                produced.put(c.getKey(), count);
                err.printf(Locale.ROOT, "round %d %-32s %8.3f s%n", round, c.getKey(), ns / 1e9);
                err.flush();
            }
        }
        Long reference = best.get("bgpdump -m");
        out.printf(
                Locale.ROOT,
                "%d file(s), %,.1f MB compressed, %d round(s), best round shown, %d CPUs%n",
                inputs.size(),
                bytes / 1e6,
                rounds,
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-32s %9s %14s %14s %10s%n", "tool", "seconds", "output", "per second", "vs bgpdump");
        for (Map.Entry<String, Long> e : best.entrySet()) {
            double s = e.getValue() / 1e9;
            long count = produced.getOrDefault(e.getKey(), 0L);
            out.printf(
                    Locale.ROOT,
                    "%-32s %9.3f %14s %14s %10s%n",
                    e.getKey(),
                    s,
                    e.getKey().startsWith("zcat")
                            ? String.format(Locale.ROOT, "%,d B", count)
                            : String.format(Locale.ROOT, "%,d", count),
                    e.getKey().startsWith("zcat")
                            ? String.format(Locale.ROOT, "%,.0f MB", count / 1e6 / s)
                            : String.format(Locale.ROOT, "%,.0f", count / s),
                    reference == null ? "-" : String.format(Locale.ROOT, "%.2fx", reference / (double) e.getValue()));
        }
        out.println("(output: elements for our parser, lines for bgpdump -m, decompressed bytes for zcat;"
                + " 'vs bgpdump' > 1 means faster)");
        out.flush();
        return 0;
    }

    private static long parse(List<Path> files, int threads) throws Exception {
        long elements = 0;
        for (MrtStats s : MrtElementReader.parallel(files, threads, f -> e -> true)) {
            elements += s.elements();
        }
        return elements;
    }

    private static long dumpText(List<Path> files) throws IOException {
        long lines = 0;
        BgpdumpFormatter formatter = new BgpdumpFormatter();
        StringBuilder line = new StringBuilder(256);
        long sink = 0;
        for (Path f : files) {
            try (MrtElementReader r = MrtElementReader.open(f)) {
                while (r.advance()) {
                    line.setLength(0);
                    if (formatter.format(r.element(), line)) {
                        lines++;
                        sink += line.length();
                    }
                }
            }
        }
        // keeps the formatting from being optimised away
        return sink < 0 ? -1 : lines;
    }

    private static long external(List<String> command, List<Path> files, boolean countLines) throws Exception {
        long total = 0;
        for (Path f : files) {
            List<String> cmd = new ArrayList<>(command);
            cmd.add(f.toString());
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[1 << 16];
                int r;
                while ((r = in.read(buf)) > 0) {
                    if (countLines) {
                        for (int i = 0; i < r; i++) {
                            if (buf[i] == '\n') {
                                total++;
                            }
                        }
                    } else {
                        total += r;
                    }
                }
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new CliException(command.get(0) + " failed on " + f + " (exit " + p.exitValue() + ")");
            }
        }
        return total;
    }

    private static long decompress(List<Path> files, Path zcat, @Nullable Path bzcat) throws Exception {
        long total = 0;
        for (Path f : files) {
            Path tool = isBzip2(f) && bzcat != null ? bzcat : zcat;
            // zcat -f passes plain files through, like our reader
            total += external(List.of(tool.toString(), "-f"), List.of(f), false);
        }
        return total;
    }

    private static boolean isBzip2(Path f) {
        return f.getFileName().toString().endsWith(".bz2");
    }

    private static @Nullable Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
