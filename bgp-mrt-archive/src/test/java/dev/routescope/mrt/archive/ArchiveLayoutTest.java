package dev.routescope.mrt.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArchiveLayoutTest {

    private static final Instant T0525 = Instant.parse("2021-01-01T05:25:00Z");

    @Test
    void ris_updatesPath_matchesRisArchive() {
        assertThat(ArchiveLayout.ris().path("rrc12", FileKind.UPDATES, T0525))
                .isEqualTo("rrc12/2021.01/updates.20210101.0525.gz");
        assertThat(ArchiveLayout.ris().period(FileKind.UPDATES)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void ris_ribPath_isBview() {
        assertThat(ArchiveLayout.ris().path("rrc00", FileKind.RIB, Instant.parse("2020-12-31T16:00:00Z")))
                .isEqualTo("rrc00/2020.12/bview.20201231.1600.gz");
        assertThat(ArchiveLayout.ris().period(FileKind.RIB)).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void routeViews_namedCollector_hasOwnDirectory() {
        assertThat(ArchiveLayout.routeViews()
                        .path("route-views.jinx", FileKind.UPDATES, Instant.ofEpochSecond(1427846400)))
                .isEqualTo("route-views.jinx/bgpdata/2015.04/UPDATES/updates.20150401.0000.bz2");
        assertThat(ArchiveLayout.routeViews()
                        .path("route-views.sydney", FileKind.RIB, Instant.parse("2024-02-29T22:00:00Z")))
                .isEqualTo("route-views.sydney/bgpdata/2024.02/RIBS/rib.20240229.2200.bz2");
    }

    @Test
    void routeViews_routeViews2_livesAtArchiveRoot() {
        assertThat(ArchiveLayout.routeViews().path("route-views2", FileKind.UPDATES, T0525.plusSeconds(300)))
                .isEqualTo("bgpdata/2021.01/UPDATES/updates.20210101.0530.bz2");
        assertThat(ArchiveLayout.routeViews().collectorDirectory("route-views2"))
                .isEmpty();
    }

    @Test
    void path_unalignedStart_isRefused() {
        assertThatThrownBy(() -> ArchiveLayout.ris().path("rrc12", FileKind.UPDATES, T0525.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not aligned")
                .hasMessageContaining("PT5M");
        assertThatThrownBy(() -> ArchiveLayout.ris().path("rrc12", FileKind.RIB, Instant.parse("2021-01-01T04:00:00Z")))
                .hasMessageContaining("PT8H");
    }

    @Test
    void path_collectorWithSlashOrDots_isRefused() {
        assertThatThrownBy(() -> ArchiveLayout.ris().path("../etc", FileKind.UPDATES, T0525))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("collector name '../etc'");
        assertThatThrownBy(() -> ArchiveLayout.ris().path("rrc/12", FileKind.UPDATES, T0525))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void custom_unixTemplate_expandsEpochSeconds() {
        ArchiveLayout layout = ArchiveLayout.builder()
                .updates("{collector}/ris.{collector}.updates.{unix}.300.cache", Duration.ofMinutes(5))
                .build();
        assertThat(layout.path("rrc12", FileKind.UPDATES, T0525))
                .isEqualTo("rrc12/ris.rrc12.updates.1609478700.300.cache");
        assertThat(layout.supports(FileKind.RIB)).isFalse();
        assertThatThrownBy(() -> layout.period(FileKind.RIB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no RIB files");
    }

    @Test
    void builder_templateWithoutMinutes_isRefusedForSubHourPeriod() {
        assertThatThrownBy(() ->
                        ArchiveLayout.builder().updates("{collector}/{YYYY}{MM}{DD}.{hh}.gz", Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing {mm}");
    }

    @Test
    void builder_dailyPeriod_needsNoHourOrMinute() {
        ArchiveLayout daily = ArchiveLayout.builder()
                .ribs("{collector}/{YYYY}/rib.{YYYY}{MM}{DD}.mrt", Duration.ofDays(1))
                .build();
        assertThat(daily.path("c1", FileKind.RIB, Instant.parse("2022-03-04T00:00:00Z")))
                .isEqualTo("c1/2022/rib.20220304.mrt");
    }

    @Test
    void builder_badTemplates_areRefusedWithReason() {
        Duration p = Duration.ofMinutes(5);
        assertThatThrownBy(() -> ArchiveLayout.builder().updates("/abs/{collector}/{unix}", p))
                .hasMessageContaining("relative");
        assertThatThrownBy(() -> ArchiveLayout.builder().updates("{collector}/../{unix}", p))
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> ArchiveLayout.builder().updates("{collector}/{year}", p))
                .hasMessageContaining("unknown placeholder {year}");
        assertThatThrownBy(() -> ArchiveLayout.builder().updates("{collector}/{unix", p))
                .hasMessageContaining("unclosed");
        assertThatThrownBy(() -> ArchiveLayout.builder().updates("{collector}/a b{unix}", p))
                .hasMessageContaining("character ' '");
        assertThatThrownBy(() -> ArchiveLayout.builder().updates("files/{unix}", p))
                .hasMessageContaining("lacks {collector}");
    }

    @Test
    void builder_periodNotDividingDay_isRefused() {
        assertThatThrownBy(() -> ArchiveLayout.builder().updates("{collector}/{unix}", Duration.ofMinutes(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT7M");
        assertThatThrownBy(() -> ArchiveLayout.builder().updates("{collector}/{unix}", Duration.ofSeconds(90)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_settingTwice_isRefused() {
        ArchiveLayout.Builder b = ArchiveLayout.builder().updates("{collector}/{unix}", Duration.ofMinutes(5));
        assertThatThrownBy(() -> b.updates("{collector}/x{unix}", Duration.ofMinutes(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already set to '{collector}/{unix}'");
        b.collectorDirectory("a", "");
        assertThatThrownBy(() -> b.collectorDirectory("a", "b")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.collectorDirectory("c", "")).hasMessageContaining("already used");
        assertThatThrownBy(() -> ArchiveLayout.builder().build()).isInstanceOf(IllegalStateException.class);
    }
}
