package dev.routescope.mrt.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MrtArchiveListTest {

    private static final Instant H5 = Instant.parse("2021-01-01T05:00:00Z");
    private static final Instant H6 = Instant.parse("2021-01-01T06:00:00Z");

    @Test
    void risUpdates_oneHour_gives12FilesPerCollectorInTimeOrder() {
        List<ArchiveFile> files = MrtArchive.ris().listUpdates(List.of("rrc12", "rrc04"), H5, H6);
        assertThat(files).hasSize(24);
        assertThat(files.get(0).uri())
                .isEqualTo(URI.create("https://data.ris.ripe.net/rrc04/2021.01/updates.20210101.0500.gz"));
        assertThat(files.get(1).uri())
                .isEqualTo(URI.create("https://data.ris.ripe.net/rrc12/2021.01/updates.20210101.0500.gz"));
        assertThat(files.get(23).path()).isEqualTo("rrc12/2021.01/updates.20210101.0555.gz");
        assertThat(files).isSorted();
        assertThat(files).allSatisfy(f -> {
            assertThat(f.period()).isEqualTo(Duration.ofMinutes(5));
            assertThat(f.expectedSize()).isEqualTo(ArchiveFile.UNKNOWN_SIZE);
            assertThat(f.kind()).isEqualTo(FileKind.UPDATES);
        });
    }

    @Test
    void updates_rangeStartingInsideAFile_includesThatFile() {
        List<ArchiveFile> files = MrtArchive.ris()
                .listUpdates(
                        List.of("rrc12"), Instant.parse("2021-01-01T04:57:30Z"), Instant.parse("2021-01-01T05:05:00Z"));
        assertThat(files)
                .extracting(ArchiveFile::start)
                .containsExactly(Instant.parse("2021-01-01T04:55:00Z"), Instant.parse("2021-01-01T05:00:00Z"));
    }

    @Test
    void updates_rangeEndIsExclusive() {
        List<ArchiveFile> files =
                MrtArchive.ris().listUpdates(List.of("rrc12"), H5, Instant.parse("2021-01-01T05:05:00.000000001Z"));
        assertThat(files).hasSize(2);
        assertThat(MrtArchive.ris().listUpdates(List.of("rrc12"), H5, H5)).isEmpty();
    }

    @Test
    void risRibs_oneDay_areAt00_08_16() {
        List<ArchiveFile> ribs = MrtArchive.ris()
                .list(
                        List.of("rrc00"),
                        Instant.parse("2021-01-01T00:00:00Z"),
                        Instant.parse("2021-01-02T00:00:00Z"),
                        Set.of(FileKind.RIB));
        assertThat(ribs)
                .extracting(ArchiveFile::path)
                .containsExactly(
                        "rrc00/2021.01/bview.20210101.0000.gz",
                        "rrc00/2021.01/bview.20210101.0800.gz",
                        "rrc00/2021.01/bview.20210101.1600.gz");
    }

    @Test
    void ribs_rangeStartingAfterSnapshot_excludesIt() {
        List<ArchiveFile> ribs = MrtArchive.routeViews()
                .list(
                        List.of("route-views2"),
                        Instant.parse("2021-01-01T00:00:01Z"),
                        Instant.parse("2021-01-01T06:00:00Z"),
                        Set.of(FileKind.RIB));
        assertThat(ribs)
                .extracting(ArchiveFile::uri)
                .containsExactly(
                        URI.create("https://archive.routeviews.org/bgpdata/2021.01/RIBS/rib.20210101.0200.bz2"),
                        URI.create("https://archive.routeviews.org/bgpdata/2021.01/RIBS/rib.20210101.0400.bz2"));
    }

    @Test
    void routeViews_allKinds_ribSortsBeforeUpdatesOfSameTime() {
        List<ArchiveFile> files = MrtArchive.routeViews()
                .list(
                        List.of("route-views.jinx"),
                        Instant.ofEpochSecond(1427846400),
                        Instant.ofEpochSecond(1427846400 + 1800),
                        EnumSet.allOf(FileKind.class));
        assertThat(files)
                .extracting(ArchiveFile::path)
                .containsExactly(
                        "route-views.jinx/bgpdata/2015.04/RIBS/rib.20150401.0000.bz2",
                        "route-views.jinx/bgpdata/2015.04/UPDATES/updates.20150401.0000.bz2",
                        "route-views.jinx/bgpdata/2015.04/UPDATES/updates.20150401.0015.bz2");
    }

    @Test
    void list_monthBoundary_switchesDirectory() {
        List<ArchiveFile> files = MrtArchive.ris()
                .listUpdates(
                        List.of("rrc01"), Instant.parse("2020-12-31T23:55:00Z"), Instant.parse("2021-01-01T00:05:00Z"));
        assertThat(files)
                .extracting(ArchiveFile::path)
                .containsExactly("rrc01/2020.12/updates.20201231.2355.gz", "rrc01/2021.01/updates.20210101.0000.gz");
    }

    @Test
    void list_duplicateCollectors_areListedOnce() {
        assertThat(MrtArchive.ris().listUpdates(List.of("rrc12", "rrc12"), H5, H6))
                .hasSize(12);
    }

    @Test
    void list_hugeRange_isRefusedBeforeAllocating() {
        assertThatThrownBy(() -> MrtArchive.ris()
                        .listUpdates(
                                List.of("rrc00", "rrc01", "rrc03", "rrc04", "rrc05"),
                                Instant.parse("2000-01-01T00:00:00Z"),
                                Instant.parse("2010-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit: " + MrtArchive.MAX_LISTED_FILES)
                .hasMessageContaining("split the range");
    }

    @Test
    void list_reversedRange_isRefused() {
        assertThatThrownBy(() -> MrtArchive.ris().listUpdates(List.of("rrc12"), H6, H5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends before it starts");
    }

    @Test
    void custom_baseWithoutSlash_resolvesBelowIt() {
        MrtArchive a = MrtArchive.custom(URI.create("http://mirror.example/ris"), ArchiveLayout.ris());
        assertThat(a.listUpdates(List.of("rrc12"), H5, H5.plusSeconds(1)).get(0).uri())
                .isEqualTo(URI.create("http://mirror.example/ris/rrc12/2021.01/updates.20210101.0500.gz"));
        assertThatThrownBy(() -> MrtArchive.custom(URI.create("ftp://x/"), ArchiveLayout.ris()))
                .hasMessageContaining("http, https or file");
    }

    /** The shared data keeps each collector's files in one directory: a custom layout lists it as a mirror. */
    @Test
    void localMirror_sharedRisData_listsExistingFilesWithSizes() throws IOException {
        Path root = SharedData.dir("mrt/ris-2021-01-01");
        ArchiveLayout flat = ArchiveLayout.builder()
                .updates("{collector}/updates.{YYYY}{MM}{DD}.{hh}{mm}.gz", Duration.ofMinutes(5))
                .build();
        MrtArchive mirror = MrtArchive.localMirror(root, flat);
        List<ArchiveFile> files = mirror.listUpdates(
                List.of("rrc12", "rrc04"),
                Instant.parse("2021-01-01T04:00:00Z"),
                Instant.parse("2021-01-01T08:00:00Z"));
        // MANIFEST: rrc04 has all 26 slots 04:55..07:00, rrc12 lacks 06:35.
        assertThat(files.stream().filter(f -> f.collector().equals("rrc04"))).hasSize(26);
        assertThat(files.stream().filter(f -> f.collector().equals("rrc12"))).hasSize(25);
        assertThat(files).noneMatch(f -> f.path().equals("rrc12/updates.20210101.0635.gz"));
        assertThat(files).isSorted();
        ArchiveFile first12 = files.stream()
                .filter(f -> f.collector().equals("rrc12"))
                .findFirst()
                .orElseThrow();
        assertThat(first12.start()).isEqualTo(Instant.parse("2021-01-01T04:55:00Z"));
        assertThat(first12.expectedSize()).isEqualTo(Files.size(root.resolve("rrc12/updates.20210101.0455.gz")));
        assertThat(first12.isLocal()).isTrue();
        assertThat(Path.of(first12.uri()))
                .isEqualTo(root.resolve("rrc12/updates.20210101.0455.gz")
                        .toAbsolutePath()
                        .normalize());

        List<ArchiveFile> narrow = mirror.listUpdates(
                List.of("rrc12"), Instant.parse("2021-01-01T06:30:00Z"), Instant.parse("2021-01-01T06:45:00Z"));
        assertThat(narrow)
                .extracting(ArchiveFile::path)
                .containsExactly("rrc12/updates.20210101.0630.gz", "rrc12/updates.20210101.0640.gz");
    }

    @Test
    void localMirror_risLayout_findsIrregularTimesAndIgnoresStrays(@TempDir Path root) throws IOException {
        Path month = Files.createDirectories(root.resolve("rrc00/1999.09"));
        Files.write(month.resolve("updates.19990903.1041.gz"), new byte[] {1, 2, 3});
        Files.write(month.resolve("updates.19990903.1056.gz"), new byte[] {4});
        Files.write(month.resolve("updates.19990903.1056.gz.part"), new byte[] {5});
        Files.write(month.resolve("updates.19991003.1100.gz"), new byte[] {6}); // misfiled: October in September
        Files.write(month.resolve("bview.19990903.0800.gz"), new byte[] {7, 8});
        Files.createDirectories(month.resolve("updates.19990903.1046.gz")); // a directory, not a file
        MrtArchive mirror = MrtArchive.localMirror(root, ArchiveLayout.ris());

        List<ArchiveFile> files = mirror.list(
                List.of("rrc00"),
                Instant.parse("1999-09-03T00:00:00Z"),
                Instant.parse("1999-09-03T11:00:00Z"),
                EnumSet.allOf(FileKind.class));

        assertThat(files)
                .extracting(ArchiveFile::path)
                .containsExactly(
                        "rrc00/1999.09/bview.19990903.0800.gz",
                        "rrc00/1999.09/updates.19990903.1041.gz",
                        "rrc00/1999.09/updates.19990903.1056.gz");
        assertThat(files.get(1).expectedSize()).isEqualTo(3);
    }

    @Test
    void localMirror_routeViews2AtRoot_isFoundAndOtherCollectorsAreNot(@TempDir Path root) throws IOException {
        Path rv2 = Files.createDirectories(root.resolve("bgpdata/2015.04/UPDATES"));
        Files.write(rv2.resolve("updates.20150401.0000.bz2"), new byte[] {1});
        Path jinx = Files.createDirectories(root.resolve("route-views.jinx/bgpdata/2015.04/UPDATES"));
        Files.write(jinx.resolve("updates.20150401.0015.bz2"), new byte[] {2, 2});
        MrtArchive mirror = MrtArchive.localMirror(root, ArchiveLayout.routeViews());
        Instant from = Instant.ofEpochSecond(1427846400);

        assertThat(mirror.listUpdates(List.of("route-views2"), from, from.plusSeconds(3600)))
                .extracting(ArchiveFile::path)
                .containsExactly("bgpdata/2015.04/UPDATES/updates.20150401.0000.bz2");
        assertThat(mirror.listUpdates(List.of("route-views.jinx", "route-views2"), from, from.plusSeconds(3600)))
                .extracting(ArchiveFile::collector)
                .containsExactly("route-views2", "route-views.jinx");
        assertThat(mirror.listUpdates(List.of("route-views3"), from, from.plusSeconds(3600)))
                .isEmpty();
    }
}
