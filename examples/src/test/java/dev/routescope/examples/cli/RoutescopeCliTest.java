package dev.routescope.examples.cli;

import static dev.routescope.examples.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.routescope.testsupport.ExternalTool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutescopeCliTest {

    @Test
    void summary_noFiles_summarisesEmbeddedSampleWithBgpdumpCounts() {
        CliRun.Result r = run("summary");
        assertThat(r.code()).isZero();
        // counts equal `bgpdump -m` over the six embedded rrc04 files (A 135159, W 3947, STATE 189)
        assertThat(r.out())
                .contains("embedded RIPE RIS rrc04 sample")
                .contains("2021-01-01T04:55:00Z .. 2021-01-01T05:24:59Z")
                .contains("announcements 135,159")
                .contains("withdrawals   3,947")
                .contains("state changes 189")
                .contains("Prefixes with more than one origin (MOAS): 37")
                .contains("Decoding problems: 0");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void dump_m_isByteIdenticalToBgpdump(@TempDir Path tmp) throws Exception {
        Path bgpdump = ExternalTool.require("bgpdump");
        Path file = CliRun.rrc04Sample(tmp, "updates.20210101.0515.gz");
        CliRun.Result ours = run("dump", "-m", file.toString());
        assertThat(ours.code()).isZero();
        Process p = new ProcessBuilder(bgpdump.toString(), "-m", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String theirs = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(theirs).isNotEmpty();
        assertThat(ours.out()).isEqualTo(theirs);
    }

    @Test
    void dump_json_writesOneValidObjectPerEvent() throws IOException {
        CliRun.Result r = run("dump", "--json");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(135_159 + 3_947 + 189);
        JsonFactory f = new JsonFactory();
        int announcements = 0;
        for (String line : lines.subList(0, 2000)) {
            try (JsonParser p = f.createParser(line)) {
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    if ("type".equals(p.currentName())
                            && p.currentToken() == JsonToken.VALUE_STRING
                            && p.getText().equals("announcement")) {
                        announcements++;
                    }
                }
                assertThat(p.nextToken()).isNull();
            }
        }
        assertThat(announcements).isPositive();
        assertThat(lines.get(0)).contains("\"collector\":\"rrc04\"");
    }

    @Test
    void missingFile_printsOneLineAndExitsOne() {
        CliRun.Result r = run("summary", "/nonexistent/updates.gz");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("routescope: no such MRT file: /nonexistent/updates.gz");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void verbose_addsStackTrace() {
        CliRun.Result r = run("summary", "--verbose", "/nonexistent/updates.gz");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("routescope: no such MRT file").contains("at dev.routescope.examples.cli.");
    }

    @Test
    void truncatedGzipHeader_isOneLineErrorNamingTheFile(@TempDir Path tmp) throws IOException {
        Path junk = tmp.resolve("junk.gz");
        Files.write(junk, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        CliRun.Result r = run("summary", junk.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip())
                .startsWith("routescope: cannot read " + junk + ": unexpected end of file")
                .doesNotContain("\n");
    }

    @Test
    void corruptGzipBody_isCountedAsDecodingProblemNotACrash(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("ok.gz");
        try (InputStream in = Samples.open("samples/rrc04/updates.20210101.0515.gz")) {
            Files.copy(in, src);
        }
        byte[] bytes = Files.readAllBytes(src);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
            bytes[i] ^= (byte) 0x5A;
        }
        Path corrupt = tmp.resolve("corrupt.gz");
        Files.write(corrupt, bytes);
        CliRun.Result r = run("summary", corrupt.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("Decoding problems: [1-9]").contains(corrupt.toString());
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void unknownOption_isUsageErrorTwo() {
        CliRun.Result r = run("dump", "--frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void conflictingFormats_rejected() {
        CliRun.Result r = run("dump", "-m", "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("routescope: choose one of -m and --json");
    }

    @Test
    void bench_embeddedSample_comparesWithBgpdumpAndZcatInTheSameRun() {
        ExternalTool.require("bgpdump");
        CliRun.Result r = run("bench", "--rounds", "1", "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        // every contender read the same 139,295 elements / lines
        assertThat(r.out())
                .containsPattern("(?m)^routescope parse, 1 thread +[0-9.]+ +139,295 .* [0-9.]+x$")
                .containsPattern("(?m)^routescope parse, 2 threads +[0-9.]+ +139,295 ")
                .containsPattern("(?m)^routescope dump -m \\(text\\) +[0-9.]+ +139,295 ")
                .containsPattern("(?m)^bgpdump -m +[0-9.]+ +139,295 .* 1\\.00x$")
                .containsPattern("(?m)^zcat/bzcat \\(decompress only\\) +[0-9.]+ +9,838,922 B ");
        assertThat(r.err()).contains("round 1 bgpdump -m");
    }

    @Test
    void bench_missingFile_oneLine() {
        CliRun.Result r = run("bench", "/nonexistent/updates.gz");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("routescope: no such MRT file: /nonexistent/updates.gz");
    }

    @Test
    void help_listsEverySubcommand() {
        CliRun.Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("monitor", "summary", "dump", "validate", "leak-check", "rtr", "bench");
    }
}
