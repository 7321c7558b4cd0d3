package dev.routescope.benchmarks.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Benchmark regression gate: runs a short subset of the JMH suite, each benchmark in a fresh forked
 * JVM (in one shared JVM, JIT profiles polluted by earlier benchmarks made some scores bimodal run to
 * run), with {@code CalibrationBenchmark} run right before and after every group, divides every
 * score by the calibration score, compares the normalised scores with a committed
 * baseline and exits 1 when any benchmark slowed down by more than the tolerance.
 *
 * <pre>{@code
 * bench/check                      # compare with bench/baseline.tsv
 * bench/check --update-baseline    # rewrite the baseline from this run
 * java -cp benchmarks.jar dev.routescope.benchmarks.gate.RegressionGate \
 *      --baseline my-baseline.tsv --tolerance 0.30 --include 'PrefixTextBenchmark'
 * }</pre>
 *
 * <p>Baseline format: {@code benchmark [params]<TAB>normalised score}, one line per benchmark, '#'
 * comments, and {@code # include REGEX [param=v1,v2 ...]} lines naming what the gate runs (a
 * parameter list restricts a parameterised benchmark to a short subset). Normalised score = ops/s of
 * the benchmark ÷ ops/s of the calibration run in the same JVM (mean of the calibration runs just
 * before and after the benchmark's include group; each score is the median of its measurement
 * iterations). Every benchmark runs in throughput mode here, whatever its own annotation says, so
 * higher is always better.
 */
public final class RegressionGate {
    private static final String CALIBRATION = "dev.routescope.benchmarks.CalibrationBenchmark.chase";

    private RegressionGate() {}

    /**
     * Runs the gate.
     *
     * @param args {@code [--baseline FILE] [--tolerance FRACTION] [--include REGEX]... [--update-baseline]
     *     [--iterations N] [--seconds S] [--retries N]}
     * @throws Exception on I/O or JMH failure
     */
    public static void main(String[] args) throws Exception {
        Path baseline = Path.of("bench/baseline.tsv");
        double tolerance = 0.30;
        boolean update = false;
        int iterations = 3;
        int seconds = 2;
        int retries = 1;
        List<String> includes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--baseline" -> baseline = Path.of(value(args, ++i, "--baseline"));
                case "--tolerance" -> tolerance = Double.parseDouble(value(args, ++i, "--tolerance"));
                case "--include" -> includes.add(value(args, ++i, "--include"));
                case "--update-baseline" -> update = true;
                case "--iterations" -> iterations = Integer.parseInt(value(args, ++i, "--iterations"));
                case "--seconds" -> seconds = Integer.parseInt(value(args, ++i, "--seconds"));
                case "--retries" -> retries = Integer.parseInt(value(args, ++i, "--retries"));
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (includes.isEmpty()) {
            includes.addAll(readIncludes(baseline));
        }
        if (includes.isEmpty()) {
            System.err.println("nothing to run: give --include REGEX or a baseline with '# include' lines");
            System.exit(2);
        }

        Map<String, Double> normalised = new LinkedHashMap<>();
        Map<String, List<String>> keysByGroup = measure(includes, iterations, seconds, normalised);

        if (update) {
            writeBaseline(baseline, includes, normalised);
            System.out.println("baseline written: " + baseline + " (" + normalised.size() + " benchmarks)");
            return;
        }
        Map<String, Double> base = readBaseline(baseline);
        GateComparison result = GateComparison.compare(base, normalised, tolerance);
        // A regression must reproduce: groups with a slow benchmark run again and each benchmark keeps
        // its better score, so one preempted group on a busy CI machine does not fail the build.
        for (int attempt = 0; attempt < retries && result.failures() > 0; attempt++) {
            List<String> again = new ArrayList<>();
            for (Map.Entry<String, List<String>> g : keysByGroup.entrySet()) {
                for (String k : g.getValue()) {
                    Double b = base.get(k);
                    if (b != null && (normalised.get(k) - b) / b < -tolerance) {
                        again.add(g.getKey());
                        break;
                    }
                }
            }
            if (again.isEmpty()) {
                break;
            }
            System.out.println("re-running slow group(s) to confirm: " + again);
            Map<String, Double> second = new LinkedHashMap<>();
            measure(again, iterations, seconds, second);
            second.forEach((k, v) -> normalised.merge(k, v, Math::max));
            result = GateComparison.compare(base, normalised, tolerance);
        }
        System.out.print(result.table());
        if (result.failures() > 0) {
            System.exit(1);
        }
    }

    /**
     * Runs the include groups with a calibration run around each (each group is normalised by the
     * machine speed measured right next to it; medians resist the odd preempted iteration).
     */
    private static Map<String, List<String>> measure(
            List<String> includes, int iterations, int seconds, Map<String, Double> normalised) throws RunnerException {
        Map<String, List<String>> keysByGroup = new LinkedHashMap<>();
        double calBefore = calibrate(iterations, seconds);
        for (String include : includes) {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (RunResult r : run(GateInclude.parse(include), iterations, seconds)) {
                scores.put(key(r), median(r));
            }
            double calAfter = calibrate(iterations, seconds);
            double cal = (calBefore + calAfter) / 2;
            System.out.printf(
                    Locale.ROOT,
                    "calibration around '%s': %.0f ops/s before, %.0f after (drift %+.1f%%)%n",
                    include,
                    calBefore,
                    calAfter,
                    100 * (calAfter - calBefore) / calBefore);
            scores.forEach((k, v) -> normalised.put(k, v / cal));
            keysByGroup.put(include, new ArrayList<>(scores.keySet()));
            calBefore = calAfter;
        }
        return keysByGroup;
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            System.err.println(name + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    private static double calibrate(int iterations, int seconds) throws RunnerException {
        Collection<RunResult> r =
                run(new GateInclude(java.util.regex.Pattern.quote(CALIBRATION) + "$", Map.of()), iterations, seconds);
        return median(r.iterator().next());
    }

    private static double median(RunResult r) {
        return r.getPrimaryResult().getStatistics().getPercentile(50);
    }

    private static Collection<RunResult> run(GateInclude include, int iterations, int seconds) throws RunnerException {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(include.regex())
                .mode(Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .shouldFailOnError(true);
        include.params().forEach((k, v) -> b.param(k, v.toArray(String[]::new)));
        return new Runner(b.build()).run();
    }

    private static String key(RunResult r) {
        var params = r.getParams();
        StringBuilder sb = new StringBuilder(params.getBenchmark().replace("dev.routescope.benchmarks.", ""));
        sb.append(" [");
        boolean first = true;
        for (String p : params.getParamsKeys()) {
            sb.append(first ? "" : ",").append(p).append('=').append(params.getParam(p));
            first = false;
        }
        return sb.append(']').toString();
    }

    private static List<String> readIncludes(Path baseline) throws IOException {
        List<String> out = new ArrayList<>();
        if (Files.exists(baseline)) {
            for (String line : Files.readAllLines(baseline, StandardCharsets.UTF_8)) {
                if (line.startsWith("# include ")) {
                    out.add(line.substring("# include ".length()).trim());
                }
            }
        }
        return out;
    }

    private static Map<String, Double> readBaseline(Path baseline) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!Files.exists(baseline)) {
            System.err.println("no baseline at " + baseline + "; run with --update-baseline first");
            System.exit(2);
        }
        int n = 0;
        for (String line : Files.readAllLines(baseline, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 2) {
                throw new IOException(baseline + ":" + n + ": expected 'benchmark [params]<TAB>score', got: " + line);
            }
            out.put(f[0], Double.parseDouble(f[1]));
        }
        return out;
    }

    private static void writeBaseline(Path baseline, List<String> includes, Map<String, Double> normalised)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Routescope benchmark baseline: ops/s divided by CalibrationBenchmark ops/s in the same JVM.\n");
        sb.append("# Written by: bench/check --update-baseline  (JDK ")
                .append(System.getProperty("java.version"))
                .append(")\n");
        for (String inc : includes) {
            sb.append("# include ").append(inc).append('\n');
        }
        normalised.forEach((k, v) -> sb.append(k)
                .append('\t')
                .append(String.format(Locale.ROOT, "%.6f", v))
                .append('\n'));
        Path dir = baseline.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "baseline", ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, baseline, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
