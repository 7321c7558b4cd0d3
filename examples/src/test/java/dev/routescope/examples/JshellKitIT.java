package dev.routescope.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code jshell/explore.jsh} non-interactively with the shaded jar (an integration test: it
 * needs {@code package}), the way the README tells a researcher to, and checks the answers.
 */
class JshellKitIT {

    @Test
    void exploreScript_withShadedJar_parsesValidatesAndChecksPaths() throws Exception {
        Path jar = Path.of("target", "routescope.jar");
        assertThat(jar).as("run `package` first").exists();
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        assertThat(jshell).exists();
        String input = """
                head(sample(2), 1)
                count(sample(2))
                rov("103.148.120.0/24", 2)
                rov("1.1.1.0/24", 13335).state()
                leak("29222 6939 3356 20473").firstLeak().get().leakerAsn()
                /exit
                """;
        Process p = new ProcessBuilder(List.of(
                        jshell.toString(),
                        "-q",
                        "-R-Djava.io.tmpdir=" + Path.of("target").toAbsolutePath(),
                        "--class-path",
                        jar.toAbsolutePath().toString(),
                        Path.of("jshell", "explore.jsh").toString()))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out)
                .contains("routescope kit: sample(i)")
                // bgpdump -m line of the first element of updates.20210101.0505.gz
                .contains(
                        "BGP4MP|1609477500|A|192.65.185.140|29222|201.33.47.0/24|29222 3356 37468 61568 28624 28615|IGP")
                .contains("\"announcements=16899 withdrawals=601 states=33 problems=0\"")
                .contains("state=INVALID, reason=WRONG_ORIGIN, matching=[], covering=[103.148.120.0/24-24 AS136653]")
                .contains("==> VALID")
                .contains("==> 6939")
                .doesNotContain("Exception")
                .doesNotContain("Error:");
        assertThat(Files.exists(Path.of("target", "routescope-samples"))).isTrue();
    }
}
