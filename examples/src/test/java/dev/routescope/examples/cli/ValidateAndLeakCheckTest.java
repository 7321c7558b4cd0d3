package dev.routescope.examples.cli;

import static dev.routescope.examples.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} and {@code leak-check} end to end, on the embedded real VRPs and CAIDA file. */
class ValidateAndLeakCheckTest {

    @Test
    void validate_routeFileOnEmbeddedVrps_printsStateReasonAndVrps(@TempDir Path tmp) throws IOException {
        Path routes = tmp.resolve("routes.txt");
        Files.writeString(routes, """
                # prefix origin
                1.1.1.0/24 13335
                1.1.1.0/25,AS13335
                103.148.120.0/24|2
                64.192.0.0/24 33548
                192.0.2.0/24 64496   # documentation space: no ROA
                """);
        CliRun.Result r = run("validate", "--file", routes.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines())
                .containsExactly(
                        "1.1.1.0/24 AS13335 VALID matching: 1.1.1.0/24-24 AS13335",
                        "1.1.1.0/25 AS13335 INVALID (TOO_SPECIFIC) covering: 1.1.1.0/24-24 AS13335",
                        "103.148.120.0/24 AS2 INVALID (WRONG_ORIGIN) covering: 103.148.120.0/24-24 AS136653",
                        "64.192.0.0/24 AS33548 INVALID (TOO_SPECIFIC) covering: 64.192.0.0/21-21 AS33548",
                        "192.0.2.0/24 AS64496 NOT_FOUND (no VRP covers the prefix)");
        assertThat(r.err())
                .contains("VRPs: 723,521 from the embedded rpki-client set of 2025-07-20T09:31:33Z")
                .contains("5 routes validated, 0 lines skipped");
    }

    @Test
    void validate_singleRouteWithUserVrps_usesOnlyThoseVrps(@TempDir Path tmp) throws IOException {
        Path vrps = tmp.resolve("vrps.csv");
        Files.writeString(vrps, """
                ASN,IP Prefix,Max Length,Trust Anchor
                AS64500,192.0.2.0/24,25,test
                AS0,198.51.100.0/24,24,test
                """);
        CliRun.Result valid = run("validate", "--vrps", vrps.toString(), "192.0.2.128/25", "AS64500");
        assertThat(valid.out().strip()).isEqualTo("192.0.2.128/25 AS64500 VALID matching: 192.0.2.0/24-25 AS64500");
        assertThat(valid.err()).contains("VRPs: 2 from " + vrps);
        CliRun.Result as0 = run("validate", "--vrps", vrps.toString(), "198.51.100.0/24", "64501");
        assertThat(as0.out().strip())
                .isEqualTo("198.51.100.0/24 AS64501 INVALID (AS0) covering: 198.51.100.0/24-24 AS0");
        // 1.1.1.0/24 has a ROA in the embedded set, but not in this file
        CliRun.Result notFound = run("validate", "--vrps", vrps.toString(), "1.1.1.0/24", "13335");
        assertThat(notFound.out()).contains("NOT_FOUND");
    }

    @Test
    void validate_badLinesInRouteFile_reportedWithLineNumbersAndExitOne(@TempDir Path tmp) throws IOException {
        Path vrps = tmp.resolve("vrps.csv");
        Files.writeString(vrps, "ASN,IP Prefix,Max Length\nAS64500,192.0.2.0/24,24\n");
        Path routes = tmp.resolve("routes.txt");
        Files.writeString(routes, "192.0.2.0/24 64500\n192.0.2.0/33 64500\n192.0.2.0/24\n192.0.2.0/24 ASx\n");
        CliRun.Result r = run("validate", "--vrps", vrps.toString(), "--file", routes.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().strip()).isEqualTo("192.0.2.0/24 AS64500 VALID matching: 192.0.2.0/24-24 AS64500");
        assertThat(r.err())
                .contains(routes + " line 2: invalid prefix '192.0.2.0/33'")
                .contains(routes + " line 3: expected 'PREFIX ASN', found 1 fields (skipped)")
                .contains(routes + " line 4: ")
                .contains("1 routes validated, 3 lines skipped")
                .doesNotContain("Exception");
    }

    @Test
    void validate_badPrefix_oneLineBeforeLoadingVrps() {
        CliRun.Result r = run("validate", "10.0.0.0/33", "64500");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip())
                .isEqualTo("routescope: invalid prefix '10.0.0.0/33': prefix length 33 (expected: 0..32)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void validate_badAsn_oneLine() {
        CliRun.Result r = run("validate", "10.0.0.0/8", "AS-FOO");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip())
                .startsWith("routescope: ")
                .contains("AS-FOO")
                .doesNotContain("\n");
    }

    @Test
    void validate_missingAndUnreadableVrps_oneLineEach(@TempDir Path tmp) throws IOException {
        CliRun.Result missing = run("validate", "--vrps", "/nonexistent/vrps.json", "10.0.0.0/8", "64500");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("routescope: no such VRP file: /nonexistent/vrps.json");
        Path junk = tmp.resolve("vrps.json");
        Files.writeString(junk, "{\"roas\": [ {\"asn\": 13335, ");
        CliRun.Result unreadable = run("validate", "--vrps", junk.toString(), "10.0.0.0/8", "64500");
        assertThat(unreadable.code()).isEqualTo(1);
        assertThat(unreadable.err().strip())
                .startsWith("routescope: unreadable VRP file " + junk + ": ")
                .doesNotContain("\n");
        Path noVrp = tmp.resolve("empty.csv");
        Files.writeString(noVrp, "ASN,IP Prefix,Max Length\nAS64500,192.0.2.1/24,24\n");
        CliRun.Result empty = run("validate", "--vrps", noVrp.toString(), "10.0.0.0/8", "64500");
        assertThat(empty.err().strip())
                .startsWith("routescope: unreadable VRP file " + noVrp + ": no valid VRP in it (1 bad entries skipped");
    }

    @Test
    void validate_verbose_showsStackTrace() {
        CliRun.Result r = run("validate", "--verbose", "--vrps", "/nonexistent/vrps.json", "10.0.0.0/8", "1");
        assertThat(r.err()).contains("routescope: no such VRP file").contains("\tat dev.routescope.examples.cli.");
    }

    @Test
    void validate_neitherRouteNorFile_isError() {
        CliRun.Result r = run("validate", "10.0.0.0/8");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("routescope: give a route (PREFIX ASN) or --file FILE");
    }

    @Test
    void leakCheck_realLateralLeakInSample_reportsTypeLeakerAndTriple() {
        // seen in the embedded rrc04 sample for 2a0f:9400:8027::/48
        CliRun.Result r = run("leak-check", "29222", "6939", "3356", "20473");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines())
                .containsExactly(
                        "path        29222 6939 3356 20473",
                        "verdict     LEAK, confidence HIGH (3 links checked, 0 unknown)",
                        "leak        RFC 7908 type 2 (LATERAL) by AS6939 at index 1, confidence HIGH",
                        "triple      AS3356 -> AS6939 -> AS29222 (received from AS3356, its peer; sent to AS29222,"
                                + " its peer)");
        assertThat(r.err()).contains("AS relationships: 261,340 links from the embedded CAIDA serial-1 file");
    }

    @Test
    void leakCheck_customerChain_isValleyFree() {
        CliRun.Result r = run("leak-check", "513 174 174 3356 20473");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("verdict     VALLEY_FREE, confidence HIGH (3 links checked, 0 unknown)")
                .doesNotContain("leak ");
    }

    @Test
    void leakCheck_userRelationships_hairpinByCustomerOfBoth(@TempDir Path tmp) throws IOException {
        Path rel = tmp.resolve("as-rel.txt");
        Files.writeString(rel, "# AS64500 buys transit from 64496 and 64510\n64496|64500|-1\n64510|64500|-1\n");
        CliRun.Result r = run("leak-check", "--as-rel", rel.toString(), "64496 64500 64510");
        assertThat(r.out())
                .contains("leak        RFC 7908 type 1 (HAIRPIN) by AS64500 at index 1")
                .contains("triple      AS64510 -> AS64500 -> AS64496 (received from AS64510, its provider;"
                        + " sent to AS64496, its provider)");
    }

    @Test
    void leakCheck_badPathAndMissingFile_oneLineEach() {
        CliRun.Result bad = run("leak-check", "64500", "x1");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err().strip())
                .startsWith("routescope: invalid AS path '64500 x1'")
                .doesNotContain("\n");
        CliRun.Result missing = run("leak-check", "--as-rel", "/nonexistent/as-rel.txt", "1 2");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip())
                .isEqualTo("routescope: no such AS relationship file: /nonexistent/as-rel.txt");
    }
}
