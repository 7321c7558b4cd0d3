package dev.routescope.examples.cli;

import static dev.routescope.examples.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code routescope} without arguments: the monitor over the embedded real data, run once (it takes
 * seconds) and checked for the incidents the embedded prefixes.yml was chosen to show.
 */
class MonitorCommandTest {

    /** The default alerts file lands in the working directory, as for a user. */
    private static final Path DEFAULT_ALERTS = Path.of("alerts.jsonl");

    private static CliRun.Result defaultRun = new CliRun.Result(-1, "", "");
    private static List<String> alertLines = List.of();

    @BeforeAll
    static void runDefault() throws IOException {
        Files.deleteIfExists(DEFAULT_ALERTS);
        defaultRun = run();
        alertLines = Files.readAllLines(DEFAULT_ALERTS, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        Files.deleteIfExists(DEFAULT_ALERTS);
    }

    private static String row(String type, String prefix) {
        return defaultRun
                .out()
                .lines()
                .filter(l -> l.startsWith(type + " ") && l.contains(" " + prefix + " "))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no " + type + " row for " + prefix + " in\n" + defaultRun.out()));
    }

    @Test
    void noArguments_monitorsEmbeddedSample_exitZeroWithHeaderAndCounts() {
        assertThat(defaultRun.code()).as(defaultRun.err()).isZero();
        assertThat(defaultRun.out())
                .startsWith("Routescope monitor: embedded RIPE RIS rrc04 sample, 2021-01-01 04:55-05:25 UTC (6 files)")
                .contains("VRPs: 723,521 from the embedded rpki-client set of 2025-07-20T09:31:33Z")
                .contains("AS relationships: 261,340 links from the embedded CAIDA serial-1 file of 2018-01-01")
                .contains("monitored: 5 prefixes, 1 ASNs")
                // the same counts as bgpdump -m over the six files
                .contains("Replayed 139,295 events (135,159 announcements, 3,947 withdrawals, 189 state changes")
                .contains("Note: the VRPs are 1661 days newer than the routes");
        // not a terminal: one progress line per file, no bar
        assertThat(defaultRun.err()).contains("read embedded:samples/rrc04/updates.20210101.0520.gz: 20,974 elements");
        assertThat(defaultRun.err()).doesNotContain("\r").doesNotContain("Exception");
    }

    @Test
    void embeddedRun_originByCustomerOfExpectedOrigin_isLowHijackAndRpkiInvalid() {
        // 103.148.120.0/24: ROA and prefixes.yml say AS136653; at 05:06 paths end "... 136653 2".
        assertThat(row("hijack", "103.148.120.0/24"))
                .contains("LOW")
                .contains(" AS2 ")
                .contains("RESOLVED");
        assertThat(row("rpki-invalid", "103.148.120.0/24"))
                .contains("HIGH")
                .contains(" AS2 ")
                .contains("no ROA authorises AS2");
    }

    @Test
    void embeddedRun_routeOriginatedAgainstNewerRoa_isRpkiInvalid() {
        assertThat(row("rpki-invalid", "2a0f:9400:8027::/48"))
                .contains("AS20473")
                .contains("no ROA authorises AS20473");
        assertThat(row("rpki-invalid", "64.192.0.0/24")).contains("AS33548").contains("maxLength");
    }

    @Test
    void embeddedRun_beaconWithdrawal_isResolvedVisibilityLoss() {
        assertThat(row("visibility-loss", "84.205.66.0/24"))
                .contains("RIPE RIS routing beacon")
                .contains("RESOLVED");
    }

    /** The monitor on one embedded file, without RPKI, alerts written under {@code tmp}, plus {@code options}. */
    private static CliRun.Result monitorOneFile(Path tmp, String file, String... options) throws IOException {
        Path mrt = CliRun.rrc04Sample(tmp, file);
        List<String> args = new java.util.ArrayList<>(List.of(
                "monitor",
                "--mrt",
                mrt.toString(),
                "--no-rpki",
                "--alerts",
                tmp.resolve("alerts.jsonl").toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    @Test
    void lateralPathThroughAs6939_withoutWarmUp_isRouteLeakOfMonitoredPrefix(@TempDir Path tmp) throws IOException {
        // Without a warm-up nothing is learned, so no valley is taken as a known (inferred-link) one.
        CliRun.Result r = monitorOneFile(tmp, "updates.20210101.0500.gz", "--warm-up", "PT0S");
        assertThat(r.code()).as(r.err()).isZero();
        // path 15547 6939 9299 23930 at 05:01:49: AS6939 passes a peer's route to a peer (2018 links)
        assertThat(r.out())
                .containsPattern("(?m)^route-leak +HIGH .* 103\\.140\\.227\\.0/24 +AS6939 .*RFC 7908 type 2");
        // the same valley on an unmonitored prefix is not reported: leaks are checked on monitored routes
        assertThat(r.out()).doesNotContainPattern("(?m)^route-leak .* 2400:dc40::/32 ");
    }

    @Test
    void baselineWindow_onTheSample_keepsLearningAndSaysWhat(@TempDir Path tmp) throws IOException {
        // 05:00-05:05 with a 1-min warm-up and a 4-min window in 10-s steps: samples 05:01:10 .. 05:04:50.
        CliRun.Result r =
                monitorOneFile(tmp, "updates.20210101.0500.gz", "--warm-up", "PT1M", "--baseline-window", "PT4M");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern(
                        "(?m)^Rolling baselines \\(PT4M in steps of PT10S\\): (2[0-4]) samples, [1-9][0-9,]* associations"
                                + " promoted, [0-9,]+ expired; [1-9][0-9,]* prefixes and [1-9][0-9,]* origins expected now$");
    }

    @Test
    void baselineWindow_tooShortForItsSteps_isOneLine() {
        CliRun.Result r = run("monitor", "--baseline-window", "PT10S");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("routescope: bad --baseline-window: window PT10S in 24 steps");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void embeddedRun_moasAuthorisedByRoas_isNotAHijack() {
        // AS23930 and AS135356 both have ROAs for 103.140.227.0/24: RPKI-valid origins are not alerted.
        assertThat(defaultRun.out().lines().filter(l -> l.startsWith("hijack ") && l.contains("103.140.227.0/24")))
                .isEmpty();
    }

    @Test
    void embeddedRun_alertsFile_hasOneJsonObjectPerNotificationWithOpenBeforeResolved() throws IOException {
        assertThat(defaultRun.out()).contains(alertLines.size() + " notifications written to alerts.jsonl");
        JsonFactory f = new JsonFactory();
        Map<String, String> firstStatusById = new HashMap<>();
        Map<String, String> lastStatusById = new HashMap<>();
        for (String line : alertLines) {
            String id = null;
            String status = null;
            try (JsonParser p = f.createParser(line)) {
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    if (p.currentToken() == JsonToken.FIELD_NAME
                            && p.currentName().equals("id")) {
                        id = p.nextTextValue();
                    } else if (p.currentToken() == JsonToken.FIELD_NAME
                            && p.currentName().equals("status")) {
                        status = p.nextTextValue();
                    } else if (p.currentToken() == JsonToken.START_ARRAY
                            || p.currentToken() == JsonToken.START_OBJECT) {
                        p.skipChildren();
                    }
                }
                assertThat(p.nextToken()).isNull();
            }
            assertThat(id).as(line).isNotNull();
            assertThat(status).as(line).isNotNull();
            firstStatusById.putIfAbsent(id, status);
            lastStatusById.put(id, status);
        }
        assertThat(firstStatusById.values()).containsOnly("OPEN");
        assertThat(lastStatusById.values()).contains("RESOLVED");
    }

    @Test
    void missingMrtFile_failsBeforeLoadingWithOneLine() {
        CliRun.Result r = run("monitor", "--mrt", "/nonexistent/updates.gz");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("routescope: no such MRT file: /nonexistent/updates.gz");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingVrpFile_isOneLine() {
        CliRun.Result r = run("monitor", "--vrps", "/nonexistent/vrps.json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("routescope: no such VRP file: /nonexistent/vrps.json");
    }

    @Test
    void twoSources_rejected() {
        CliRun.Result r = run("monitor", "--rislive", "--replay", "x.ndjson");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("routescope: choose one source: --mrt, --rislive or --replay");
    }

    @Test
    void badSink_namesTheAcceptedForms() {
        CliRun.Result r = run("monitor", "--sink", "ftp://example.net/x");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip())
                .isEqualTo("routescope: bad --sink 'ftp://example.net/x': expected jsonl:FILE, http(s)://URL,"
                        + " syslog://HOST:PORT, syslog+tcp://HOST:PORT or log");
    }

    @Test
    void badPrefixesYaml_namesFileAndLine(@TempDir Path tmp) throws IOException {
        Path yml = tmp.resolve("prefixes.yml");
        Files.writeString(yml, """
                192.0.2.0/24:
                  description: x
                  asn: [64500]
                  ignoreMorespecifics: false
                not-a-prefix:
                  description: y
                  asn: 1
                  ignoreMorespecifics: false
                """);
        CliRun.Result r = run("monitor", "--prefixes", yml.toString(), "--no-rpki");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip())
                .startsWith("routescope: bad prefixes file: ")
                .contains("line 5")
                .doesNotContain("\n");
    }

    @Test
    void unreadableVrps_isOneLineNamingFile(@TempDir Path tmp) throws IOException {
        Path vrps = tmp.resolve("vrps.json");
        Files.writeString(vrps, "{\"roas\": [ {\"asn\": 13335, \"prefix\": \"1.1.1.0/24\"");
        CliRun.Result r = run(
                "monitor",
                "--vrps",
                vrps.toString(),
                "--alerts",
                tmp.resolve("a.jsonl").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip())
                .startsWith("routescope: unreadable VRP file " + vrps + ": ")
                .doesNotContain("\n");
    }

    @Test
    void oneMrtFileWithCustomInputs_writesAlertsWhereAsked(@TempDir Path tmp) throws IOException {
        // Given in reverse order: the source sorts one collector's files by name (= time).
        Path later = CliRun.rrc04Sample(tmp, "updates.20210101.0505.gz");
        Path earlier = CliRun.rrc04Sample(tmp, "updates.20210101.0500.gz");
        Path yml = tmp.resolve("prefixes.yml");
        Files.writeString(
                yml, "84.205.66.0/24:\n  description: RIS beacon\n  asn: 12654\n  ignoreMorespecifics: false\n");
        Path alerts = tmp.resolve("out/alerts.jsonl");
        Files.createDirectories(alerts.getParent());
        CliRun.Result r = run(
                "monitor",
                "--mrt",
                later.toString(),
                earlier.toString(),
                "--prefixes",
                yml.toString(),
                "--no-rpki",
                "--warm-up",
                "PT0S",
                "--alerts",
                alerts.toString(),
                "--sink",
                "jsonl:" + tmp.resolve("copy.jsonl"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Routescope monitor: 2 MRT file(s)")
                .contains("VRPs: none (--no-rpki)")
                .contains("Replayed 54,250 events");
        assertThat(r.out()).containsPattern("(?m)^visibility-loss +HIGH .* 84\\.205\\.66\\.0/24 ");
        List<String> written = Files.readAllLines(alerts);
        assertThat(written).isNotEmpty();
        assertThat(Files.readAllLines(tmp.resolve("copy.jsonl"))).isEqualTo(written);
    }

    @Test
    void replay_realRisLiveRecording_runsThroughThePipeline(@TempDir Path tmp) {
        Path recording = SharedData.file("rislive/bgpstream_ris-live-stream.json");
        CliRun.Result r = run(
                "monitor",
                "--replay",
                recording.toString(),
                "--no-rpki",
                "--warm-up",
                "PT0S",
                "--alerts",
                tmp.resolve("alerts.jsonl").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("Routescope monitor: RIS Live recording " + recording)
                // libbgpstream's capture: one announcement with a decodable raw UPDATE and one peer state
                .contains("Replayed 2 events (1 announcements, 0 withdrawals, 1 state changes");
    }

    @Test
    void rtrAndVrpsTogether_rejected() {
        CliRun.Result r = run("monitor", "--rtr", "127.0.0.1:3323", "--vrps", "x.json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("routescope: choose one of --vrps, --rtr and --no-rpki");
    }

    @Test
    void progressBar_forced_redrawsOneLineAndEndsAtHundredPercent(@TempDir Path tmp) throws IOException {
        CliRun.Result r = monitorOneFile(tmp, "updates.20210101.0515.gz", "--progress", "bar");
        assertThat(r.code()).as(r.err()).isZero();
        // the final redraw: full bar, every event of the file (bgpdump -m: 16,084 lines)
        assertThat(r.err()).contains("\r[##############################] 100% 16,084 events\n");
        assertThat(r.err()).doesNotContain("read " + tmp.resolve("updates.20210101.0515.gz"));
    }

    @Test
    void progress_unknownMode_isOneLineError() {
        CliRun.Result bad = run("monitor", "--progress", "fancy");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err().strip())
                .isEqualTo("routescope: bad --progress 'fancy' (expected: auto, bar, lines or none)");
    }

    @Test
    void webhookAndSyslogSinks_receiveEveryNotification(@TempDir Path tmp) throws Exception {
        List<String> posted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/hook", ex -> {
            posted.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        http.start();
        try (java.net.DatagramSocket syslog =
                new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            syslog.setSoTimeout(5000);
            Path alerts = tmp.resolve("alerts.jsonl"); // where monitorOneFile writes them
            CliRun.Result r = monitorOneFile(
                    tmp,
                    "updates.20210101.0505.gz",
                    "--warm-up",
                    "PT0S",
                    "--sink",
                    "http://127.0.0.1:" + http.getAddress().getPort() + "/hook",
                    "--sink",
                    "syslog://127.0.0.1:" + syslog.getLocalPort());
            assertThat(r.code()).as(r.err()).isZero();
            List<String> written = Files.readAllLines(alerts);
            assertThat(written).isNotEmpty();
            assertThat(posted).hasSize(written.size());
            assertThat(posted.get(0)).contains("\"status\":\"OPEN\"");
            byte[] buf = new byte[65535];
            java.net.DatagramPacket packet = new java.net.DatagramPacket(buf, buf.length);
            syslog.receive(packet);
            String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            // RFC 5424: <PRI>1 TIMESTAMP HOST APP …
            assertThat(message).matches("(?s)<[0-9]+>1 .*");
        } finally {
            http.stop(0);
        }
    }
}
