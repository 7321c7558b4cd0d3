package dev.routescope.benchmarks.relationships;

import dev.routescope.benchmarks.BenchmarkData;
import dev.routescope.mrt.MrtElement;
import dev.routescope.mrt.MrtElementReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Locates the benchmark inputs: shared CAIDA data and rrc12 AS paths (prepared file or decoded from the MRT set). */
final class RelationshipData {
    private RelationshipData() {}

    static Path caida2018() {
        return shared("data/asrel/caida-serial-1/20180101.as-rel.txt");
    }

    static Path shared(String relative) {
        return BenchmarkData.shared(relative);
    }

    /**
     * Up to {@code max} stream-order AS paths as text: from {@code -Droutescope.rel.paths} or the file of
     * {@code scripts/rrc12-paths.sh} when present, else decoded straight from the rrc12 MRT files with
     * bgp-mrt-parser (one per announced prefix in stream order, like the script), so the benchmark needs no
     * preparation step, e.g. in the CI regression gate.
     */
    static List<String> rrc12Paths(int max) throws IOException {
        Path file = Path.of(System.getProperty(
                "routescope.rel.paths",
                Path.of(System.getProperty("java.io.tmpdir"), "routescope-rel", "rrc12-paths.txt")
                        .toString()));
        List<String> out = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                String line;
                while (out.size() < max && (line = r.readLine()) != null) {
                    out.add(line);
                }
            }
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(shared("data/mrt/ris-2021-01-01/rrc12"))) {
            files = s.filter(p -> p.getFileName().toString().startsWith("updates."))
                    .sorted()
                    .toList();
        }
        for (Path f : files) {
            try (MrtElementReader r = MrtElementReader.open(f)) {
                while (out.size() < max && r.advance()) {
                    MrtElement e = r.element();
                    if (e.kind() == MrtElement.Kind.ANNOUNCEMENT) {
                        out.add(e.attributes().asPath().toString());
                    }
                }
            }
            if (out.size() >= max) {
                break;
            }
        }
        return out;
    }
}
