package dev.routescope.mrt.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.mrt.MrtElement;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.mrt.MrtProblem;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge over real RIS files of two collectors (and a real RouteViews file) fetched from a
 * loopback archive: order, completeness against reading each file alone, pushed-down filters
 * against filtering afterwards, missing and corrupt files.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ArchiveStreamTest {

    private static final Instant H5 = Instant.parse("2021-01-01T05:00:00Z");

    @TempDir
    Path cache;

    @TempDir
    Path scratch;

    private LoopbackArchiveServer server;
    private ArchiveDownloader downloader;

    @BeforeEach
    void serve() throws IOException {
        server = new LoopbackArchiveServer();
        for (String collector : List.of("rrc12", "rrc04")) {
            Path dir = SharedData.dir("mrt/ris-2021-01-01/" + collector);
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> server.serve(collector + "/2021.01/" + f.getFileName(), f));
            }
        }
        downloader = ArchiveDownloader.builder()
                .cacheDirectory(cache)
                .parallelism(2)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(10))
                .build();
    }

    @AfterEach
    void stop() {
        downloader.close();
        server.close();
    }

    private MrtArchive ris() {
        return MrtArchive.custom(server.baseUri(), ArchiveLayout.ris());
    }

    /** (file order, element index in file) pairs as the merge delivered them, plus timestamps. */
    private static final class Delivered {
        private final List<ArchiveFile> files;
        private final int[] fileOrder;
        private final int[] indexInFile;
        private final long[] micros;

        Delivered(List<ArchiveFile> files, int[] fileOrder, int[] indexInFile, long[] micros) {
            this.files = files;
            this.fileOrder = fileOrder;
            this.indexInFile = indexInFile;
            this.micros = micros;
        }

        List<ArchiveFile> files() {
            return files;
        }

        int[] fileOrder() {
            return fileOrder;
        }

        int[] indexInFile() {
            return indexInFile;
        }

        long[] micros() {
            return micros;
        }
    }

    private static Delivered drain(ArchiveStream stream, int capacity) {
        List<ArchiveFile> files = new ArrayList<>();
        Map<ArchiveFile, Integer> order = new HashMap<>();
        Map<ArchiveFile, int[]> counters = new HashMap<>();
        int[] fileOrder = new int[capacity];
        int[] index = new int[capacity];
        long[] micros = new long[capacity];
        int n = 0;
        while (stream.advance()) {
            ArchiveFile f = stream.file();
            Integer o = order.get(f);
            if (o == null) {
                o = files.size();
                files.add(f);
                order.put(f, o);
            }
            int[] counter = counters.computeIfAbsent(f, k -> new int[1]);
            MrtElement e = stream.element();
            fileOrder[n] = o;
            index[n] = counter[0]++;
            micros[n] = e.timestamp() * 1_000_000L + e.microseconds();
            n++;
        }
        return new Delivered(files, Arrays.copyOf(fileOrder, n), Arrays.copyOf(index, n), Arrays.copyOf(micros, n));
    }

    /** Timestamps of each file read alone, without the merge. */
    private static long[] alone(Path file, ElementFilter filter) throws IOException {
        List<Long> out = new ArrayList<>();
        try (MrtElementReader r = MrtElementReader.open(file)) {
            while (r.advance()) {
                MrtElement e = r.element();
                if (filter.test(e)) {
                    out.add(e.timestamp() * 1_000_000L + e.microseconds());
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void merge_twoCollectorsHalfHour_isTimeOrderedAndEqualsEachFileReadAlone() throws IOException {
        List<ArchiveFile> files = ris().listUpdates(List.of("rrc12", "rrc04"), H5, H5.plus(Duration.ofMinutes(30)));

        Delivered d;
        ArchiveStreamStats stats;
        try (ArchiveStream stream =
                ArchiveStream.builder().files(files).downloader(downloader).build()) {
            d = drain(stream, 2_000_000);
            stats = stream.stats();
        }

        // Order: never backwards in time.
        for (int i = 1; i < d.micros().length; i++) {
            if (d.micros()[i] < d.micros()[i - 1]) {
                assertThat(d.micros()[i]).as("element %d", i).isGreaterThanOrEqualTo(d.micros()[i - 1]);
            }
        }
        assertThat(stats.outOfOrder()).isZero();
        // Completeness: each file's elements, in that file's order, exactly once.
        assertThat(d.files()).hasSize(12);
        long expectedTotal = 0;
        for (int o = 0; o < d.files().size(); o++) {
            ArchiveFile f = d.files().get(o);
            long[] expected = alone(downloader.storedPath(f), ElementFilter.ALL);
            expectedTotal += expected.length;
            int seen = 0;
            for (int i = 0; i < d.fileOrder().length; i++) {
                if (d.fileOrder()[i] == o) {
                    assertThat(d.indexInFile()[i]).isEqualTo(seen);
                    assertThat(d.micros()[i]).isEqualTo(expected[seen]);
                    seen++;
                }
            }
            assertThat(seen).as("elements of %s", f.path()).isEqualTo(expected.length);
        }
        assertThat(d.micros()).hasSize((int) expectedTotal);
        assertThat(stats.elementsRead()).isEqualTo(expectedTotal);
        assertThat(stats.elementsMatched()).isEqualTo(expectedTotal);
        assertThat(stats.filesOpened()).isEqualTo(12);
        assertThat(stats.filesFinished()).isEqualTo(12);
        assertThat(stats.missing()).isEmpty();
        assertThat(stats.failed()).isEmpty();
        // Both collectors interleave rather than one after the other.
        long switches = 0;
        for (int i = 1; i < d.fileOrder().length; i++) {
            if (!d.files()
                    .get(d.fileOrder()[i])
                    .collector()
                    .equals(d.files().get(d.fileOrder()[i - 1]).collector())) {
                switches++;
            }
        }
        assertThat(switches).isGreaterThan(1000);
    }

    @Test
    void merge_ties_followFileOrder() {
        // Both collectors' 05:00 files start with elements at 05:00:00; rrc04 sorts first by collector name.
        List<ArchiveFile> files = ris().listUpdates(List.of("rrc12", "rrc04"), H5, H5.plusSeconds(300));
        try (ArchiveStream stream =
                ArchiveStream.builder().files(files).downloader(downloader).build()) {
            assertThat(stream.advance()).isTrue();
            assertThat(stream.element().timestamp()).isEqualTo(H5.getEpochSecond());
            assertThat(stream.file().collector()).isEqualTo("rrc04");
        }
    }

    @Test
    void filter_pushedDown_equalsFilteringTheMergedEvents() {
        Instant from = H5.plusSeconds(150);
        Instant until = H5.plusSeconds(450);
        List<ArchiveFile> files = ris().listUpdates(List.of("rrc12", "rrc04"), from, until);
        assertThat(files).hasSize(4);
        ElementFilter filter = ElementFilter.builder()
                .timeRange(from, until)
                .kinds(EnumSet.of(MrtElement.Kind.ANNOUNCEMENT, MrtElement.Kind.WITHDRAWAL))
                .prefixes(ElementFilter.PrefixMatch.MORE_SPECIFIC, List.of(Prefix.parse("0.0.0.0/1")))
                .build();

        List<RouteEvent> pushed;
        ArchiveStreamStats pushedStats;
        try (ArchiveStream stream = ArchiveStream.builder()
                .files(files)
                .downloader(downloader)
                .filter(filter)
                .build()) {
            pushed = stream.events().toList();
            pushedStats = stream.stats();
        }
        List<RouteEvent> after = new ArrayList<>();
        try (ArchiveStream stream =
                ArchiveStream.builder().files(files).downloader(downloader).build()) {
            while (stream.advance()) {
                MrtElement e = stream.element();
                Instant t = Instant.ofEpochSecond(e.timestamp());
                if ((e.kind() == MrtElement.Kind.ANNOUNCEMENT || e.kind() == MrtElement.Kind.WITHDRAWAL)
                        && !t.isBefore(from)
                        && t.isBefore(until)
                        && Prefix.parse("0.0.0.0/1").covers(e.prefix())) {
                    after.add(e.toEvent());
                }
            }
        }

        assertThat(pushed).isNotEmpty().hasSize(after.size());
        assertThat(pushed).isEqualTo(after);
        assertThat(pushedStats.elementsMatched()).isEqualTo(pushed.size());
        assertThat(pushedStats.elementsRead()).isGreaterThan(pushedStats.elementsMatched());
    }

    @Test
    void filter_origin_deliversOnlyThatOriginsAnnouncements() {
        List<ArchiveFile> files = ris().listUpdates(List.of("rrc04"), H5, H5.plusSeconds(300));
        long origin;
        try (ArchiveStream stream =
                ArchiveStream.builder().files(files).downloader(downloader).build()) {
            long found = -1;
            while (found < 0 && stream.advance()) {
                if (stream.element().kind() == MrtElement.Kind.ANNOUNCEMENT) {
                    found = stream.element().attributes().originAsn();
                }
            }
            origin = found;
        }
        ElementFilter filter =
                ElementFilter.builder().originAsns(List.of(Asn.of(origin))).build();
        try (ArchiveStream stream = ArchiveStream.builder()
                .files(files)
                .downloader(downloader)
                .filter(filter)
                .build()) {
            List<RouteEvent> events = stream.events().toList();
            assertThat(events)
                    .isNotEmpty()
                    .allSatisfy(ev -> assertThat(ev)
                            .isInstanceOfSatisfying(
                                    dev.routescope.model.Announcement.class,
                                    a -> assertThat(a.origin()).contains(Asn.of(origin))));
        }
    }

    @Test
    void merge_missingSlot_isSkippedAndReported() {
        // rrc12 06:35 is absent from the shared data: 404 from the loopback archive.
        List<ArchiveFile> files = ris().listUpdates(
                        List.of("rrc12"), Instant.parse("2021-01-01T06:30:00Z"), Instant.parse("2021-01-01T06:45:00Z"));

        try (ArchiveStream stream =
                ArchiveStream.builder().files(files).downloader(downloader).build()) {
            long n = 0;
            while (stream.advance()) {
                n++;
            }
            ArchiveStreamStats stats = stream.stats();
            assertThat(n).isPositive();
            assertThat(stats.filesOpened()).isEqualTo(2);
            assertThat(stats.missing()).singleElement().satisfies(m -> {
                assertThat(m.status()).isEqualTo(404);
                assertThat(m.file().path()).endsWith("updates.20210101.0635.gz");
            });
        }
    }

    @Test
    void merge_longRange_keepsFewFilesOpen() {
        List<ArchiveFile> files = ris().listUpdates(
                        List.of("rrc04", "rrc12"),
                        Instant.parse("2021-01-01T04:55:00Z"),
                        Instant.parse("2021-01-01T06:00:00Z"));
        int maxOpen = 0;
        try (ArchiveStream stream = ArchiveStream.builder()
                .files(files)
                .downloader(downloader)
                .filter(ElementFilter.builder()
                        .kinds(EnumSet.of(MrtElement.Kind.STATE_CHANGE))
                        .build())
                .build()) {
            while (stream.advance()) {
                ArchiveStreamStats s = stream.stats();
                maxOpen = Math.max(maxOpen, s.filesOpened() - s.filesFinished());
            }
            assertThat(stream.stats().filesOpened()).isEqualTo(26);
        }
        // One current file per collector, plus the next one opened at a period boundary.
        assertThat(maxOpen).isBetween(2, 4);
    }

    @Test
    void merge_corruptFile_reportsProblemAndKeepsOtherFiles() throws IOException {
        Path real = SharedData.file("mrt/ris-2021-01-01/rrc04/updates.20210101.0505.gz");
        byte[] bytes = Files.readAllBytes(real);
        Path cut = scratch.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        server.serve("rrc04/2021.01/updates.20210101.0505.gz", cut);
        List<ArchiveFile> files =
                ris().listUpdates(List.of("rrc04", "rrc12"), H5.plusSeconds(300), H5.plusSeconds(600));
        List<MrtProblem> problems = Collections.synchronizedList(new ArrayList<>());

        long fromRrc12 = 0;
        long fromRrc04 = 0;
        ArchiveStreamStats stats;
        try (ArchiveStream stream = ArchiveStream.builder()
                .files(files)
                .downloader(downloader)
                .problemListener(problems::add)
                .build()) {
            while (stream.advance()) {
                if (stream.file().collector().equals("rrc12")) {
                    fromRrc12++;
                } else {
                    fromRrc04++;
                }
            }
            stats = stream.stats();
        }

        Path rrc12 = SharedData.file("mrt/ris-2021-01-01/rrc12/updates.20210101.0505.gz");
        assertThat(fromRrc12).isEqualTo(alone(rrc12, ElementFilter.ALL).length);
        assertThat(fromRrc04).isPositive().isLessThan(alone(real, ElementFilter.ALL).length);
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).source()).contains("updates.20210101.0505.gz");
        assertThat(stats.problems()).isEqualTo(problems.size());
    }

    @Test
    void merge_risAndRouteViewsArchives_interleaveInOneStream() {
        Path jinx = SharedData.file("mrt/bgpstream/routeviews.route-views.jinx.updates.1427846400.bz2");
        Path rrc06 = SharedData.file("mrt/bgpstream/ris.rrc06.updates.1427846400.gz");
        server.serve("route-views.jinx/bgpdata/2015.04/UPDATES/updates.20150401.0000.bz2", jinx);
        server.serve("rrc06/2015.04/updates.20150401.0000.gz", rrc06);
        Instant t = Instant.ofEpochSecond(1427846400);
        List<ArchiveFile> files = new ArrayList<>();
        files.addAll(MrtArchive.custom(server.baseUri(), ArchiveLayout.routeViews())
                .listUpdates(List.of("route-views.jinx"), t, t.plusSeconds(300)));
        files.addAll(ris().listUpdates(List.of("rrc06"), t, t.plusSeconds(300)));

        try (ArchiveStream stream =
                ArchiveStream.builder().files(files).downloader(downloader).build()) {
            Delivered d = drain(stream, 200_000);
            for (int i = 1; i < d.micros().length; i++) {
                assertThat(d.micros()[i]).isGreaterThanOrEqualTo(d.micros()[i - 1]);
            }
            assertThat(d.files())
                    .extracting(ArchiveFile::collector)
                    .containsExactlyInAnyOrder("route-views.jinx", "rrc06");
            assertThat(stream.stats().outOfOrder()).isZero();
            assertThat(d.micros()).hasSizeGreaterThan(8611); // jinx alone has 8,611 bgpdump lines
        }
    }

    @Test
    void localMirror_streamsWithoutDownloader() throws IOException {
        ArchiveLayout flat = ArchiveLayout.builder()
                .updates("{collector}/updates.{YYYY}{MM}{DD}.{hh}{mm}.gz", Duration.ofMinutes(5))
                .build();
        MrtArchive mirror = MrtArchive.localMirror(SharedData.dir("mrt/ris-2021-01-01"), flat);
        List<ArchiveFile> files = mirror.listUpdates(List.of("rrc04"), H5, H5.plusSeconds(600));

        long n;
        try (ArchiveStream stream = ArchiveStream.builder().files(files).build()) {
            n = stream.events().count();
        }

        assertThat(n)
                .isEqualTo(alone(
                                        SharedData.file("mrt/ris-2021-01-01/rrc04/updates.20210101.0500.gz"),
                                        ElementFilter.ALL)
                                .length
                        + alone(SharedData.file("mrt/ris-2021-01-01/rrc04/updates.20210101.0505.gz"), ElementFilter.ALL)
                                .length);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void builder_remoteFilesWithoutDownloader_isRefused() {
        List<ArchiveFile> files = ris().listUpdates(List.of("rrc04"), H5, H5.plusSeconds(1));
        assertThatThrownBy(() -> ArchiveStream.builder().files(files).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set downloader");
        assertThatThrownBy(() -> ArchiveStream.builder().build()).hasMessageContaining("files(..) is required");
    }

    @Test
    void element_beforeAdvance_isRefused() {
        try (ArchiveStream stream = ArchiveStream.builder().files(List.of()).build()) {
            assertThatThrownBy(stream::element).isInstanceOf(IllegalStateException.class);
            assertThat(stream.advance()).isFalse();
        }
    }
}
