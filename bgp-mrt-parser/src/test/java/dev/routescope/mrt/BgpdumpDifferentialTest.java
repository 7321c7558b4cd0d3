package dev.routescope.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.testsupport.ExternalTool;
import dev.routescope.testsupport.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test: for every MRT file in {@code ../shared/data/mrt} (the 25-file rrc12 benchmark set included),
 * our {@code -m} output must equal {@code bgpdump -m} (1.6.2, run in the same test) line for line, except for the
 * documented differences of {@link BgpdumpLineComparator.Difference}. Both sides are streamed; nothing is held.
 */
class BgpdumpDifferentialTest {

    static List<Path> mrtFiles() throws IOException {
        Path root = SharedData.dir("mrt");
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).toString().contains("expected"))
                    .filter(p -> !p.getFileName().toString().matches(".*\\.(rst|md|txt)$"))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyMrtFile_bgpdumpMinusM_sameLinesExceptDocumentedDifferences() throws IOException {
        Path bgpdump = ExternalTool.require("bgpdump");
        Path root = SharedData.dir("mrt");
        List<Path> files = mrtFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(60);
        assertThat(files.stream().filter(p -> p.toString().contains("rrc12"))).hasSize(25);
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> {
                    Process p = new ProcessBuilder(bgpdump.toString(), "-m", f.toString())
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    try (BufferedReader theirs = new BufferedReader(
                            new InputStreamReader(p.getInputStream(), StandardCharsets.ISO_8859_1), 1 << 16)) {
                        BgpdumpLineComparator cmp = compare(f, theirs);
                        assertThat(p.waitFor()).as("bgpdump exit status").isZero();
                        assertThat(cmp.failures())
                                .as("undocumented differences in %s (%s)", f, cmp.differences())
                                .isEmpty();
                    } finally {
                        p.destroy();
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> bgpdumpReferenceOutputs_sameLinesExceptDocumentedDifferences() throws IOException {
        Path dir = SharedData.dir("mrt/bgpdump/expected");
        List<Path> refs;
        try (Stream<Path> s = Files.list(dir)) {
            refs = s.filter(r -> Files.exists(input(r))).sorted().toList();
        }
        assertThat(refs).hasSizeGreaterThanOrEqualTo(11);
        return refs.stream()
                .map(r -> DynamicTest.dynamicTest(r.getFileName().toString(), () -> {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(r), 1 << 16);
                            BufferedReader theirs = new BufferedReader(
                                    new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16)) {
                        BgpdumpLineComparator cmp = compare(input(r), theirs);
                        assertThat(cmp.failures())
                                .as("undocumented differences (%s)", cmp.differences())
                                .isEmpty();
                        assertThat(cmp.ourLines()).isPositive();
                    }
                }));
    }

    private static Path input(Path reference) {
        String name = reference.getFileName().toString();
        Path expectedDir = java.util.Objects.requireNonNull(reference.getParent(), "parent");
        return expectedDir.resolveSibling(name.substring(0, name.length() - ".bgp.gz".length()));
    }

    /** Streams our lines (with problem markers) through the comparator. */
    static BgpdumpLineComparator compare(Path file, BufferedReader theirs) throws IOException {
        BgpdumpLineComparator cmp = new BgpdumpLineComparator(theirs);
        List<String> markers = new ArrayList<>();
        long[] recordTime = {0};
        MrtReader[] current = new MrtReader[1];
        MrtReader reader = MrtReader.builder()
                .problemListener(pr -> {
                    switch (pr.kind()) {
                        case GARBAGE_SKIPPED, RECORD_TOO_LARGE -> markers.add("#RESYNC");
                        case MALFORMED_NLRI -> {
                            if (pr.action() == MrtProblem.Action.ELEMENT_DROPPED
                                    && pr.detail().contains("exceeds")) {
                                markers.add("#DROP");
                            } else if (pr.action() == MrtProblem.Action.NOTED
                                    && pr.detail().contains("undeclared")) {
                                markers.add("#ADDPATH " + current[0].record().timestamp());
                            }
                        }
                        case MALFORMED_RECORD -> {
                            if (pr.detail().contains("UPDATE skipped")) {
                                markers.add("#SKIPREC " + recordTime[0]);
                            }
                        }
                        default -> {}
                    }
                })
                .open(file);
        current[0] = reader;
        BgpdumpFormatter fmt = new BgpdumpFormatter();
        StringBuilder line = new StringBuilder(512);
        try (MrtElementReader elements = new MrtElementReader(reader)) {
            while (true) {
                boolean more = elements.advance();
                for (String m : markers) {
                    cmp.ours(m);
                }
                markers.clear();
                if (!more) {
                    break;
                }
                recordTime[0] = reader.record().timestamp();
                line.setLength(0);
                if (fmt.format(elements.element(), line)) {
                    line.setLength(line.length() - 1);
                    cmp.ours(line.toString());
                }
            }
        }
        cmp.end();
        return cmp;
    }
}
