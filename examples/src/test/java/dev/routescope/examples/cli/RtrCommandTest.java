package dev.routescope.examples.cli;

import static dev.routescope.examples.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.testsupport.ExternalTool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtr} and {@code monitor --rtr} against a real stayrtr cache on loopback. */
class RtrCommandTest {

    /**
     * Real VRPs of the embedded 2025-07-20 set for prefixes of the embedded sample (copied from
     * {@code samples/rpki/rpki-client-20250720T093135Z.csv.gz}).
     */
    private static final String VRPS = """
            {"metadata":{"buildtime":"2025-07-20T09:31:33Z"},"roas":[
            {"asn":13335,"prefix":"1.1.1.0/24","maxLength":24,"ta":"apnic"},
            {"asn":33548,"prefix":"64.192.0.0/21","maxLength":21,"ta":"arin"},
            {"asn":12654,"prefix":"84.205.66.0/24","maxLength":24,"ta":"ripe"},
            {"asn":23930,"prefix":"103.140.227.0/24","maxLength":24,"ta":"apnic"},
            {"asn":135356,"prefix":"103.140.227.0/24","maxLength":24,"ta":"apnic"},
            {"asn":136653,"prefix":"103.148.120.0/24","maxLength":24,"ta":"apnic"},
            {"asn":53356,"prefix":"2a0f:9400:8027::/48","maxLength":48,"ta":"ripe"}
            ]}
            """;

    private @Nullable Process stayrtr;

    @AfterEach
    void stopCache() throws InterruptedException {
        Process p = stayrtr;
        if (p != null) {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private int startStayrtr(Path tmp) throws Exception {
        Path bin = ExternalTool.require("stayrtr");
        Path json = tmp.resolve("vrps.json");
        Files.writeString(json, VRPS);
        int port = freePort();
        Process started = new ProcessBuilder(List.of(
                        bin.toString(),
                        "-bind",
                        "127.0.0.1:" + port,
                        "-cache",
                        json.toString(),
                        "-checktime=false", // 2025 data: stayrtr would call it stale
                        "-metrics.addr",
                        "", // no fixed metrics port: parallel builds
                        "-loglevel",
                        "info"))
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("stayrtr.log").toFile())
                .start();
        stayrtr = started;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(s.isConnected()).isTrue();
                return port;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !started.isAlive()) {
                    throw new AssertionError("stayrtr did not listen: " + Files.readString(tmp.resolve("stayrtr.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void rtr_realStayrtr_printsCountsSerialSessionVersionAndState(@TempDir Path tmp) throws Exception {
        int port = startStayrtr(tmp);
        CliRun.Result r = run("rtr", "127.0.0.1:" + port);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("cache       127.0.0.1:" + port)
                .containsPattern("state       SYNCED after [0-9,]+ ms")
                .containsPattern("version     [12]\n")
                .containsPattern("session     [0-9]+\n")
                .containsPattern("serial      [0-9]+\n")
                .contains("VRPs        7 (IPv4 6, IPv6 1)")
                .contains("ASPAs       0");
    }

    @Test
    void monitorWithRtr_validatesTheSampleAgainstTheCachesVrps(@TempDir Path tmp) throws Exception {
        int port = startStayrtr(tmp);
        Path mrt = CliRun.rrc04Sample(tmp, "updates.20210101.0505.gz");
        CliRun.Result r = run(
                "monitor",
                "--rtr",
                "127.0.0.1:" + port,
                "--mrt",
                mrt.toString(),
                "--warm-up",
                "PT0S",
                "--alerts",
                tmp.resolve("alerts.jsonl").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("VRPs: 7 and 0 ASPAs from RTR cache 127\\.0\\.0\\.1:" + port + " \\(protocol");
        // 103.148.120.0/24 with origin AS2 appears at 05:06 in this file; the cache's ROA says AS136653
        assertThat(r.out()).containsPattern("(?m)^rpki-invalid .* 103\\.148\\.120\\.0/24 +AS2 ");
    }

    @Test
    void rtr_unreachableCache_oneLineExitOne() throws IOException {
        int port = freePort(); // nothing listens there
        CliRun.Result r = run("rtr", "--timeout", "PT2S", "127.0.0.1:" + port);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip())
                .startsWith("routescope: unreachable RTR cache: rtr 127.0.0.1:" + port)
                .doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void rtr_badEndpoint_oneLine() {
        CliRun.Result r = run("rtr", "localhost");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip())
                .isEqualTo("routescope: bad RTR cache 'localhost' (expected: HOST:PORT, e.g. 127.0.0.1:3323)");
    }
}
