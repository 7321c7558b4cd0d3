package dev.routescope.rpki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.routescope.model.Prefix;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;

class VrpDiffTest {

    @Test
    void between_realSnapshots30MinutesApart_equalsRpkilogDiff() throws IOException {
        VrpSnapshot before = RpkiReader.read(SharedData.file("rpki/rpkiclient_summary_20250720T093135Z.json.bz2"))
                .vrps();
        VrpSnapshot after = RpkiReader.read(SharedData.file("rpki/rpkiclient_summary_20250720T100145Z.json.bz2"))
                .vrps();
        Map<String, List<String>> expected = readRpkilogDiff();

        VrpDiff d = VrpDiff.between(before, after);

        assertThat(d.added().stream().map(VrpDiffTest::key)).containsExactlyInAnyOrderElementsOf(expected.get("NEW"));
        assertThat(d.removed().stream().map(VrpDiffTest::key))
                .containsExactlyInAnyOrderElementsOf(expected.get("DELETE"));
        assertThat(d.metadataChanged().stream().map(c -> key(c.before()) + " => " + key(c.after())))
                .containsExactlyInAnyOrderElementsOf(expected.get("REPLACE"));
        assertThat(d.added()).hasSize(9);
        assertThat(d.removed()).hasSize(6);
        assertThat(d.metadataChanged()).hasSize(10_193);
        // 82.21.153.0/24 moved from AS3320 to AS834: one prefix group with one removal and one addition
        VrpDiff.PrefixGroup g = d.byPrefix().stream()
                .filter(x -> x.prefix().equals(Prefix.parse("82.21.153.0/24")))
                .findFirst()
                .orElseThrow();
        assertThat(g.removed()).extracting(e -> e.vrp().asn()).containsExactly(3320L);
        assertThat(g.added()).extracting(e -> e.vrp().asn()).containsExactly(834L);
        assertThat(d.byAsn().stream()
                        .filter(a -> a.asn() == 3320)
                        .findFirst()
                        .orElseThrow()
                        .removed())
                .hasSize(3);
        assertThat(VrpDiff.between(after, after).isEmpty()).isTrue();
    }

    @Test
    void expiringWithin_realSnapshotTwoHoursAfterBuild_countsEntriesBeforeLimit() throws IOException {
        VrpSnapshot s = RpkiReader.read(SharedData.file("rpki/rpkiclient_summary_20250720T093135Z.json.bz2"))
                .vrps();
        Instant build = Instant.parse("2025-07-20T09:31:33Z");
        // counted independently with Python over the raw JSON: expires < buildtime + window
        assertThat(s.expiringWithin(build, Duration.ofHours(2))).hasSize(9);
        assertThat(s.expiringWithin(build, Duration.ofHours(24))).hasSize(330_172);
        assertThat(s.expiringWithin(build, Duration.ofHours(2)))
                .allSatisfy(e -> assertThat(e.expires()).isLessThan(build.getEpochSecond() + 7200));
    }

    @Test
    void between_smallSets_groupsByPrefixAndAsn() {
        VrpSnapshot a = VrpSnapshot.builder()
                .add(Vrp.of("192.0.2.0/24", 24, 64496), "ripe", 100)
                .add(Vrp.of("2001:db8::/32", 48, 64498))
                .build();
        VrpSnapshot b = VrpSnapshot.builder()
                .add(Vrp.of("192.0.2.0/24", 24, 64496), "ripe", 200)
                .add(Vrp.of("192.0.2.0/24", 24, 64497), "ripe", 200)
                .build();
        VrpDiff d = VrpDiff.between(a, b);
        assertThat(d.added()).extracting(VrpEntry::vrp).containsExactly(Vrp.of("192.0.2.0/24", 24, 64497));
        assertThat(d.removed()).extracting(VrpEntry::vrp).containsExactly(Vrp.of("2001:db8::/32", 48, 64498));
        assertThat(d.metadataChanged()).singleElement().satisfies(c -> {
            assertThat(c.before().expires()).isEqualTo(100);
            assertThat(c.after().expires()).isEqualTo(200);
        });
        assertThat(d.byPrefix())
                .extracting(VrpDiff.PrefixGroup::prefix)
                .containsExactly(Prefix.parse("192.0.2.0/24"), Prefix.parse("2001:db8::/32"));
        assertThat(d.byAsn()).extracting(VrpDiff.AsnGroup::asn).containsExactly(64497L, 64498L);
    }

    private static String key(VrpEntry e) {
        return e.vrp().prefix() + " " + e.vrp().maxLength() + " " + e.vrp().asn() + " " + e.trustAnchor() + " "
                + e.expires();
    }

    /** verb -> keys, read with the streaming parser from rpkilog's own diff file. */
    private static Map<String, List<String>> readRpkilogDiff() throws IOException {
        Map<String, List<String>> out = new HashMap<>();
        out.put("NEW", new ArrayList<>());
        out.put("DELETE", new ArrayList<>());
        out.put("REPLACE", new ArrayList<>());
        try (InputStream in = new BZip2CompressorInputStream(
                        Files.newInputStream(SharedData.file("rpki/rpkiclient_vrpdiff_20250720T100145Z.json.bz2")));
                JsonParser p = new JsonFactory().createParser(in)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals("vrp_diffs")) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String verb = "";
                    String oldRoa = "";
                    String newRoa = "";
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        switch (f) {
                            case "verb" -> verb = p.getText();
                            case "old_roa" -> oldRoa = roa(p);
                            case "new_roa" -> newRoa = roa(p);
                            default -> p.skipChildren();
                        }
                    }
                    out.computeIfAbsent(verb, k -> new ArrayList<>())
                            .add(
                                    verb.equals("REPLACE")
                                            ? oldRoa + " => " + newRoa
                                            : verb.equals("NEW") ? newRoa : oldRoa);
                }
            }
        }
        assertThat(out.get("NEW").size()
                        + out.get("DELETE").size()
                        + out.get("REPLACE").size())
                .as("diff_count in the file's metadata")
                .isEqualTo(10_208);
        return out;
    }

    private static String roa(JsonParser p) throws IOException {
        Map<String, String> f = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String n = p.currentName();
            p.nextToken();
            f.put(n, p.getText());
        }
        return Prefix.parse(f.getOrDefault("prefix", "")) + " " + f.get("maxLength") + " " + f.get("asn") + " "
                + f.get("ta") + " " + f.get("expires");
    }
}
