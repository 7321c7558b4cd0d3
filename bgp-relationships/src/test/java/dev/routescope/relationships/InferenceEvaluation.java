package dev.routescope.relationships;

import dev.routescope.model.AsPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;

/**
 * Evaluation harness (not a unit test): infers relationships from a file of AS paths (one per line,
 * bgpdump notation, e.g. from {@code scripts/rrc12-paths.sh}) and compares them with a CAIDA file;
 * also reports how the rrc12 paths fare in the valley-free check against both graphs.
 *
 * <pre>
 * java -cp … dev.routescope.relationships.InferenceEvaluation PATHS.txt CAIDA.as-rel.txt
 * </pre>
 */
public final class InferenceEvaluation {
    private InferenceEvaluation() {}

    public static void main(String[] args) throws IOException {
        Path paths = Path.of(args[0]);
        Path caidaFile = Path.of(args[1]);
        AsGraph.Builder cb = AsGraph.builder();
        CaidaAsRel.load(caidaFile, cb);
        AsGraph caida = cb.build();

        for (boolean withClique : new boolean[] {false, true}) {
            RelationshipInference.Builder ib = RelationshipInference.builder().routeServers(caida.routeServers());
            if (withClique) {
                ib.clique(caida.clique());
            }
            RelationshipInference inference = ib.build();
            long t0 = System.nanoTime();
            try (BufferedReader r = Files.newBufferedReader(paths, StandardCharsets.US_ASCII)) {
                String line;
                while ((line = r.readLine()) != null) {
                    inference.addPath(AsPath.parse(line));
                }
            }
            long t1 = System.nanoTime();
            AsGraph inferred = inference.infer();
            long t2 = System.nanoTime();
            GraphComparison c = GraphComparison.compare(inferred, caida);
            System.out.printf(
                    Locale.ROOT,
                    "inference%s: %d paths offered, %d rejected, %d distinct; %s; add %.2f s, infer %.2f s%n",
                    withClique ? " (+CAIDA clique)" : "",
                    inference.pathsOffered(),
                    inference.pathsRejected(),
                    inference.distinctPaths(),
                    c,
                    (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9);
            System.out.printf(Locale.ROOT, "  inferred graph %s%n", inferred);
            verdicts("  valley-free vs inferred", inferred, paths);
        }
        verdicts("valley-free vs CAIDA", caida, paths);
    }

    private static void verdicts(String label, AsGraph graph, Path paths) throws IOException {
        ValleyFreeChecker checker = ValleyFreeChecker.builder(graph).build();
        EnumMap<PathStatus, Long> byStatus = new EnumMap<>(PathStatus.class);
        long[] byType = new long[5];
        EnumMap<Confidence, Long> byConfidence = new EnumMap<>(Confidence.class);
        long total = 0;
        try (BufferedReader r = Files.newBufferedReader(paths, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = r.readLine()) != null) {
                PathStatus s = checker.check(AsPath.parse(line));
                total++;
                byStatus.merge(s, 1L, Long::sum);
                byConfidence.merge(checker.confidence(), 1L, Long::sum);
                if (s == PathStatus.LEAK) {
                    byType[checker.leakType(0).rfc7908Type()]++;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%s: %d paths: valley-free %.2f%%, leak %.2f%% (type1 %d, type2 %d, type3 %d, type4 %d),"
                        + " undecidable %d; confidence high %.1f%% medium %.1f%% low %.1f%%%n",
                label,
                total,
                100.0 * byStatus.getOrDefault(PathStatus.VALLEY_FREE, 0L) / total,
                100.0 * byStatus.getOrDefault(PathStatus.LEAK, 0L) / total,
                byType[1],
                byType[2],
                byType[3],
                byType[4],
                byStatus.getOrDefault(PathStatus.UNDECIDABLE, 0L),
                100.0 * byConfidence.getOrDefault(Confidence.HIGH, 0L) / total,
                100.0 * byConfidence.getOrDefault(Confidence.MEDIUM, 0L) / total,
                100.0 * byConfidence.getOrDefault(Confidence.LOW, 0L) / total);
    }
}
