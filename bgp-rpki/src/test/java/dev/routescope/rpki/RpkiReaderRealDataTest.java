package dev.routescope.rpki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.AddressFamily;
import dev.routescope.model.Prefix;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Loads the real validator outputs of {@code ../shared/data/rpki} (see its MANIFEST.md). */
class RpkiReaderRealDataTest {

    @Test
    void read_rpkiClientGlobalSnapshotBz2_loadsEveryVrpAndAspa() throws IOException {
        RpkiData d = RpkiReader.read(SharedData.file("rpki/rpkiclient_summary_20250720T093135Z.json.bz2"));

        assertThat(d.format()).isEqualTo(RpkiFormat.JSON);
        assertThat(d.skipped()).isZero();
        assertThat(d.vrpRecords()).isEqualTo(723_521);
        // metadata.uniquevrps = 723,521; the bench README counts 580,366 IPv4 + 143,155 IPv6
        assertThat(d.vrps().size()).isEqualTo(723_521);
        assertThat(d.vrps().size(AddressFamily.IPV4)).isEqualTo(580_366);
        assertThat(d.vrps().size(AddressFamily.IPV6)).isEqualTo(143_155);
        assertThat(d.vrps().prefixCount()).isEqualTo(640_715);
        assertThat(d.aspas().size()).isEqualTo(100);
        assertThat(d.aspas().get(945).orElseThrow().providerAsns()).containsExactly(13213, 150369);
        assertThat(d.vrps().entry(Vrp.of("1.1.1.0/24", 24, 13335))).hasValueSatisfying(e -> {
            assertThat(e.trustAnchor()).isEqualTo("apnic");
            assertThat(e.expires()).isEqualTo(1753453058L);
        });
        assertThat(d.vrps().validateState(Prefix.parse("1.1.1.0/24"), 13335)).isEqualTo(RovState.VALID);
        assertThat(d.vrps().validateState(Prefix.parse("1.1.1.0/24"), 4755)).isEqualTo(RovState.INVALID);
        assertThat(d.vrps().validateState(Prefix.parse("2001:200:136::/48"), 9367))
                .isEqualTo(RovState.VALID);
    }

    @Test
    void read_rpkiClient2021StringNumbers_loads() throws IOException {
        RpkiData d = RpkiReader.read(SharedData.file("rpki/rpkilog_roa_test.rpkiclient2021.json"));
        assertThat(d.skipped()).isZero();
        assertThat(d.vrps().size()).isEqualTo(70);
        assertThat(d.vrps().contains(Vrp.of("1.0.4.0/22", 22, 38803))).isTrue();
    }

    @Test
    void read_rpkiClient2023WithAspas_loadsBoth() throws IOException {
        RpkiData d = RpkiReader.read(SharedData.file("rpki/rpkilog_roa_test.rpkiclient2023.json"));
        assertThat(d.skipped()).isZero();
        assertThat(d.vrps().size()).isEqualTo(379);
        assertThat(d.aspas().aspas())
                .containsExactly(
                        Aspa.of(945, 1299, 6939, 8849, 20473, 50058, 59105), Aspa.of(15562, 2914, 8283, 51088, 206238));
    }

    @Test
    void read_stayrtrTestFile_loads19Vrps() throws IOException {
        RpkiData d = RpkiReader.read(SharedData.file("rpki/stayrtr_test.rpki.json"));
        assertThat(d.skipped()).isZero();
        assertThat(d.vrps().size()).isEqualTo(19);
    }

    @Test
    void read_bareArrayWithStringAsns_loads5000Vrps() throws IOException {
        RpkiData d = RpkiReader.read(SharedData.file("rpki/rpki-validator_test_vrps.json"));
        assertThat(d.skipped()).isZero();
        assertThat(d.vrpRecords()).isEqualTo(5000);
        assertThat(d.vrps().contains(Vrp.of("103.10.112.0/22", 32, 0))).isTrue();
    }
}
