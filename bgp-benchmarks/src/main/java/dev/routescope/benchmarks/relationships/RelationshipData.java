package dev.routescope.benchmarks.relationships;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates the benchmark inputs: shared CAIDA data and the rrc12 path file of scripts/rrc12-paths.sh. */
final class RelationshipData {
    private RelationshipData() {}

    static Path caida2018() {
        return shared("data/asrel/caida-serial-1/20180101.as-rel.txt");
    }

    static Path shared(String relative) {
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

    /** Up to {@code max} stream-order paths as text, from {@code -Droutescope.rel.paths} or the default. */
    static List<String> rrc12Paths(int max) throws IOException {
        Path file = Path.of(System.getProperty("routescope.rel.paths", "/tmp/routescope-rel/rrc12-paths.txt"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run bgp-relationships/scripts/rrc12-paths.sh first"
                    + " (or pass -Droutescope.rel.paths=FILE, one bgpdump AS path per line)");
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            while (out.size() < max && (line = r.readLine()) != null) {
                out.add(line);
            }
        }
        return out;
    }
}
