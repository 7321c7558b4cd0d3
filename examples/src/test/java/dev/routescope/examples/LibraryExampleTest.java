package dev.routescope.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.detect.Detectors;
import dev.routescope.detect.spi.DetectorProvider;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryExampleTest {

    @Test
    void serviceLoader_findsTheCustomDetector() {
        assertThat(Detectors.discover()).extracting(DetectorProvider::name).contains("long-as-path");
    }

    @Test
    void main_onRealRisFile_reportsLongPathsThroughTheSpiDetector(@TempDir Path tmp) throws Exception {
        Path mrt = tmp.resolve("updates.20210101.0500.gz");
        try (InputStream in = Objects.requireNonNull(
                getClass().getClassLoader().getResourceAsStream("samples/rrc04/updates.20210101.0500.gz"))) {
            Files.copy(in, mrt);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            LibraryExample.main(new String[] {mrt.toString()});
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        // bgpdump -m counts 36,717 lines for this file
        assertThat(out).startsWith("36,717 events, ");
        assertThat(out).containsPattern("(?m)^OPEN long-as-path \\S+ MEDIUM");
        assertThat(out).containsPattern("(?m)^OPEN bogon ");
    }
}
