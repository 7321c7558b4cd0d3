package dev.routescope.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the team's real data set ({@code ../shared}) for benchmark set-up: {@code -Droutescope.shared.dir}
 * first, else a {@code shared} directory beside the working directory or any of its parents, so the jar
 * runs from the repository root, from {@code bgp-benchmarks} or from a CI checkout alike.
 *
 * <pre>{@code
 * Path vrps = BenchmarkData.shared("data/rpki/rpkiclient_summary_20250720T093135Z.json.bz2");
 * }</pre>
 */
public final class BenchmarkData {
    private BenchmarkData() {}

    /**
     * Resolves a path below the shared directory.
     *
     * @param relative path below {@code shared/}, e.g. {@code data/mrt/...}
     * @return the existing file or directory
     * @throws IllegalStateException naming the path and how to point at the data
     */
    public static Path shared(String relative) {
        String prop = System.getProperty("routescope.shared.dir");
        List<Path> candidates = new ArrayList<>();
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            candidates.add(p.resolveSibling("shared"));
        }
        for (Path root : candidates) {
            Path f = root.resolve(relative);
            if (Files.exists(f)) {
                return f;
            }
        }
        throw new IllegalStateException("cannot find shared/" + relative
                + " (run from the repository or pass -Droutescope.shared.dir=/path/to/shared)");
    }
}
