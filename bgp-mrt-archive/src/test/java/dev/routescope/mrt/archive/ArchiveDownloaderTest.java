package dev.routescope.mrt.archive;

import static dev.routescope.mrt.archive.LoopbackArchiveServer.Fault.CLOSE_HALFWAY;
import static dev.routescope.mrt.archive.LoopbackArchiveServer.Fault.FORBIDDEN;
import static dev.routescope.mrt.archive.LoopbackArchiveServer.Fault.IGNORE_RANGE;
import static dev.routescope.mrt.archive.LoopbackArchiveServer.Fault.STALL_HALFWAY;
import static dev.routescope.mrt.archive.LoopbackArchiveServer.Fault.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.mrt.archive.DownloadResult.Source;
import dev.routescope.mrt.archive.internal.CacheFiles;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloader against a loopback HTTP archive that serves the real RIS files of
 * {@code shared/data/mrt/ris-2021-01-01} under the RIS layout and a real RouteViews file under the
 * RouteViews layout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ArchiveDownloaderTest {

    private static final Instant H5 = Instant.parse("2021-01-01T05:00:00Z");

    @TempDir
    Path cache;

    private LoopbackArchiveServer server;
    private Path rrc12;
    private Path rrc04;
    private final List<ArchiveDownloader> downloaders = new ArrayList<>();

    @BeforeEach
    void serveRisLayout() throws IOException {
        rrc12 = SharedData.dir("mrt/ris-2021-01-01/rrc12");
        rrc04 = SharedData.dir("mrt/ris-2021-01-01/rrc04");
        server = new LoopbackArchiveServer();
        for (Path dir : List.of(rrc12, rrc04)) {
            String collector = dir.getFileName().toString();
            try (Stream<Path> files = Files.list(dir)) {
                // updates.20210101.0525.gz -> rrc12/2021.01/updates.20210101.0525.gz, as on data.ris.ripe.net
                files.forEach(f -> server.serve(collector + "/2021.01/" + f.getFileName(), f));
            }
        }
    }

    @AfterEach
    void stop() {
        downloaders.forEach(ArchiveDownloader::close);
        server.close();
    }

    private MrtArchive archive() {
        return MrtArchive.custom(server.baseUri(), ArchiveLayout.ris());
    }

    private ArchiveDownloader downloader(int parallelism) {
        return downloader(parallelism, DownloadListener.NONE, Duration.ofSeconds(10));
    }

    private ArchiveDownloader downloader(int parallelism, DownloadListener listener, Duration idle) {
        ArchiveDownloader d = ArchiveDownloader.builder()
                .cacheDirectory(cache)
                .parallelism(parallelism)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(20))
                .idleTimeout(idle)
                .listener(listener)
                .build();
        downloaders.add(d);
        return d;
    }

    private ArchiveFile risFile(String collector, String hhmm) {
        Instant start = Instant.parse("2021-01-01T" + hhmm.substring(0, 2) + ":" + hhmm.substring(2) + ":00Z");
        return archive()
                .listUpdates(List.of(collector), start, start.plusSeconds(1))
                .get(0);
    }

    private Path source(ArchiveFile f) {
        return (f.collector().equals("rrc12") ? rrc12 : rrc04)
                .resolve(f.path().substring(f.path().lastIndexOf('/') + 1));
    }

    /** The result as stored, or a test failure that shows why it was not. */
    private static DownloadResult.Stored stored(DownloadResult r) {
        assertThat(r).as("%s", r).isInstanceOf(DownloadResult.Stored.class);
        return (DownloadResult.Stored) r;
    }

    @Test
    void downloadAll_listedRange_storesExactCopiesUnderRisPaths() throws Exception {
        List<ArchiveFile> files = archive().listUpdates(List.of("rrc12", "rrc04"), H5, H5.plus(Duration.ofMinutes(30)));
        assertThat(files).hasSize(12);

        DownloadReport report = downloader(3).downloadAll(files);

        assertThat(report.isComplete()).as(report.toString()).isTrue();
        assertThat(report.stored()).allSatisfy(s -> {
            assertThat(s.source()).isEqualTo(Source.NETWORK);
            assertThat(s.attempts()).isEqualTo(1);
            assertThat(s.path()).endsWith(Path.of(s.file().path()));
            assertThat(s.path()).startsWith(cache);
            assertThat(Files.mismatch(s.path(), source(s.file()))).isEqualTo(-1L);
            assertThat(s.size()).isEqualTo(Files.size(source(s.file())));
        });
        assertThat(report.results()).extracting(DownloadResult::file).containsExactlyElementsOf(files);
        assertThat(report.bytesTransferred()).isEqualTo(server.bodyBytes());
        assertThat(server.requests()).hasSize(12);
    }

    @Test
    void download_expectedSha256FromManifest_isVerified() throws Exception {
        // sha256 of rrc12/updates.20210101.0525.gz as recorded in shared/data/MANIFEST.md
        ArchiveFile f = risFile("rrc12", "0525")
                .withExpectedSha256("283bc0c8ff5ac5f04b7a4f7ca9cded1a4bd2c999de24122c78483866ff220846")
                .withExpectedSize(2739902);

        DownloadResult r = downloader(1).download(f);

        assertThat(r).isInstanceOf(DownloadResult.Stored.class);
        assertThat(CacheFiles.sha256(stored(r).path()))
                .isEqualTo("283bc0c8ff5ac5f04b7a4f7ca9cded1a4bd2c999de24122c78483866ff220846");
    }

    @Test
    void downloadAll_secondRun_servesFromCacheWithoutContactingServer() throws Exception {
        List<ArchiveFile> files = archive().listUpdates(List.of("rrc04"), H5, H5.plus(Duration.ofMinutes(20)));
        downloader(2).downloadAll(files);
        int requestsAfterFirst = server.requests().size();

        DownloadReport again = downloader(2).downloadAll(files);

        assertThat(server.requests()).hasSize(requestsAfterFirst);
        assertThat(again.cacheHits()).isEqualTo(4);
        assertThat(again.bytesTransferred()).isZero();
        assertThat(again.stored()).allSatisfy(s -> assertThat(s.attempts()).isZero());
    }

    @Test
    void download_cachedFileWithWrongSha256_isFetchedAgain() throws Exception {
        ArchiveFile f = risFile("rrc04", "0500");
        ArchiveDownloader d = downloader(1);
        Path cached = stored(d.download(f)).path();
        Files.write(cached, new byte[] {1, 2, 3}); // bit rot / tampering
        String sha = CacheFiles.sha256(source(f));

        DownloadResult r = d.download(f.withExpectedSha256(sha));

        assertThat(stored(r).source()).isEqualTo(Source.NETWORK);
        assertThat(CacheFiles.sha256(cached)).isEqualTo(sha);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void downloadAll_slotMissingFromArchive_isReportedNotFatal() throws Exception {
        // rrc12 06:35 is absent from the shared data (MANIFEST), so the server answers 404.
        List<ArchiveFile> files = archive()
                .listUpdates(
                        List.of("rrc12"), Instant.parse("2021-01-01T06:30:00Z"), Instant.parse("2021-01-01T06:45:00Z"));

        DownloadReport report = downloader(2).downloadAll(files);

        assertThat(report.stored()).hasSize(2);
        assertThat(report.missing()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(404);
            assertThat(m.file().path()).isEqualTo("rrc12/2021.01/updates.20210101.0635.gz");
        });
        assertThat(report.failed()).isEmpty();
        assertThat(report.isComplete()).isFalse();
        assertThat(server.requests("rrc12/2021.01/updates.20210101.0635.gz")).hasSize(1);
        assertThat(Files.exists(cache.resolve(
                        "127.0.0.1_" + server.baseUri().getPort() + "/rrc12/2021.01/updates.20210101.0635.gz.part")))
                .isFalse();
    }

    @Test
    void download_connectionClosedHalfway_resumesWithRangeAndStoresExactCopy() throws Exception {
        ArchiveFile f = risFile("rrc12", "0500");
        server.inject(f.path(), CLOSE_HALFWAY);

        DownloadResult r = downloader(1).download(f);

        DownloadResult.Stored s = stored(r);
        assertThat(s.source()).isEqualTo(Source.RESUMED);
        assertThat(s.attempts()).isEqualTo(2);
        assertThat(Files.mismatch(s.path(), source(f))).isEqualTo(-1L);
        List<LoopbackArchiveServer.Request> requests = server.requests(f.path());
        long half = Files.size(source(f)) / 2;
        assertThat(requests.get(0).range()).isNull();
        // The server wrote half the body before closing; the client resumes from what it received
        // (JDK 25's client may drop the last buffers it had in flight when the connection breaks).
        String range = Objects.requireNonNull(requests.get(1).range());
        assertThat(range).matches("bytes=[0-9]+-");
        long resumedAt = Long.parseLong(range.substring(6, range.length() - 1));
        assertThat(resumedAt).isPositive().isLessThanOrEqualTo(half);
        assertThat(requests.get(1).ifRange()).startsWith("\"v1-");
        // Each byte the client kept crossed the wire once.
        assertThat(s.bytesTransferred()).isEqualTo(Files.size(source(f)));
    }

    @Test
    void download_alwaysTruncated_failsAndNeverCachesPartialAsComplete() throws Exception {
        ArchiveFile f = risFile("rrc04", "0510");
        server.inject(f.path(), CLOSE_HALFWAY, CLOSE_HALFWAY, CLOSE_HALFWAY, CLOSE_HALFWAY, CLOSE_HALFWAY);
        ArchiveDownloader d = downloader(1);

        DownloadResult r = d.download(f);

        assertThat(r).isInstanceOf(DownloadResult.Failed.class);
        DownloadResult.Failed failed = (DownloadResult.Failed) r;
        assertThat(failed.attempts()).isEqualTo(ArchiveDownloader.Builder.DEFAULT_MAX_ATTEMPTS);
        assertThat(failed.reason())
                .contains("gave up after 5 attempts")
                .contains(f.uri().toString())
                .contains("at byte ");
        Path target = d.storedPath(f);
        assertThat(target).doesNotExist();
        assertThat(CacheFiles.sibling(target, ".part")).exists();

        // The fault is gone: a later run continues from the partial file instead of starting over.
        long partSize = Files.size(CacheFiles.sibling(target, ".part"));
        DownloadResult.Stored later = stored(d.download(f));
        assertThat(later.source()).isEqualTo(Source.RESUMED);
        assertThat(later.bytesTransferred()).isEqualTo(Files.size(source(f)) - partSize);
        assertThat(Files.mismatch(target, source(f))).isEqualTo(-1L);
        assertThat(CacheFiles.sibling(target, ".part")).doesNotExist();
        assertThat(CacheFiles.sibling(target, ".part.meta")).doesNotExist();
    }

    @Test
    void download_serverIgnoresRange_startsOverAndStoresExactCopy() throws Exception {
        ArchiveFile f = risFile("rrc04", "0515");
        server.inject(f.path(), CLOSE_HALFWAY, IGNORE_RANGE);

        DownloadResult.Stored s = stored(downloader(1).download(f));

        assertThat(s.source()).isEqualTo(Source.NETWORK);
        assertThat(s.attempts()).isEqualTo(2);
        assertThat(Files.mismatch(s.path(), source(f))).isEqualTo(-1L);
    }

    @Test
    void download_partialFileFromEarlierProcess_isResumed() throws Exception {
        ArchiveFile f = risFile("rrc12", "0510");
        ArchiveDownloader d = downloader(1);
        Path target = d.storedPath(f);
        Files.createDirectories(target.getParent());
        byte[] all = Files.readAllBytes(source(f));
        Files.write(CacheFiles.sibling(target, ".part"), Arrays.copyOf(all, 1_000_000));

        DownloadResult.Stored s = stored(d.download(f));

        assertThat(s.source()).isEqualTo(Source.RESUMED);
        assertThat(s.bytesTransferred()).isEqualTo(all.length - 1_000_000L);
        assertThat(server.requests(f.path()))
                .singleElement()
                .extracting(LoopbackArchiveServer.Request::range)
                .isEqualTo("bytes=1000000-");
        assertThat(Files.mismatch(target, source(f))).isEqualTo(-1L);
    }

    @Test
    void download_fileChangedSincePartialStarted_refetchesWholeFile() throws Exception {
        ArchiveFile f = risFile("rrc12", "0515");
        server.inject(f.path(), CLOSE_HALFWAY);
        ArchiveDownloader d =
                ArchiveDownloader.builder().cacheDirectory(cache).maxAttempts(1).build();
        downloaders.add(d);
        assertThat(d.download(f)).isInstanceOf(DownloadResult.Failed.class);
        server.changeEtag(f.path());

        DownloadResult.Stored s = stored(downloader(1).download(f));

        // If-Range carried the old ETag, so the server sent the whole (new) representation.
        assertThat(server.requests(f.path()).get(1).ifRange()).startsWith("\"v1-");
        assertThat(s.source()).isEqualTo(Source.NETWORK);
        assertThat(Files.mismatch(s.path(), source(f))).isEqualTo(-1L);
    }

    @Test
    void download_completePartialLeftBeforeRename_isPromotedOn416() throws Exception {
        ArchiveFile f = risFile("rrc04", "0520");
        ArchiveDownloader d = downloader(1);
        Path target = d.storedPath(f);
        Files.createDirectories(target.getParent());
        Files.copy(source(f), CacheFiles.sibling(target, ".part"));

        DownloadResult.Stored s = stored(d.download(f));

        assertThat(s.bytesTransferred()).isZero();
        assertThat(s.size()).isEqualTo(Files.size(source(f)));
        assertThat(Files.mismatch(target, source(f))).isEqualTo(-1L);
    }

    @Test
    void download_stalledBody_isAbandonedAfterIdleTimeoutAndResumed() throws Exception {
        ArchiveFile f = risFile("rrc04", "0525");
        server.inject(f.path(), STALL_HALFWAY);
        long t0 = System.nanoTime();

        DownloadResult.Stored s = stored(
                downloader(1, DownloadListener.NONE, Duration.ofMillis(400)).download(f));

        assertThat(s.source()).isEqualTo(Source.RESUMED);
        assertThat(Files.mismatch(s.path(), source(f))).isEqualTo(-1L);
        // The server holds the stalled response for 30 s; we must not wait for it.
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void download_503ThenOk_retriesAndReportsRetry() throws Exception {
        ArchiveFile f = risFile("rrc04", "0530");
        server.inject(f.path(), UNAVAILABLE, UNAVAILABLE);
        List<String> retries = Collections.synchronizedList(new ArrayList<>());
        DownloadListener listener = new DownloadListener() {
            @Override
            public void retrying(ArchiveFile file, int failedAttempt, String reason, Duration delay) {
                retries.add(failedAttempt + ":" + reason);
            }
        };

        DownloadResult.Stored s =
                stored(downloader(1, listener, Duration.ofSeconds(10)).download(f));

        assertThat(s.attempts()).isEqualTo(3);
        assertThat(retries).hasSize(2).allSatisfy(r -> assertThat(r).contains("HTTP 503"));
        assertThat(retries.get(0)).startsWith("1:");
    }

    @Test
    void download_403_failsAtOnceWithoutRetry() throws Exception {
        ArchiveFile f = risFile("rrc04", "0535");
        server.inject(f.path(), FORBIDDEN);

        DownloadResult r = downloader(1).download(f);

        assertThat(r).isInstanceOf(DownloadResult.Failed.class);
        assertThat(((DownloadResult.Failed) r).reason())
                .contains("HTTP 403")
                .contains(f.uri().toString());
        assertThat(((DownloadResult.Failed) r).attempts()).isEqualTo(1);
        assertThat(server.requests(f.path())).hasSize(1);
    }

    @Test
    void download_wrongExpectedSha256_failsAndLeavesNoFile() throws Exception {
        ArchiveFile f = risFile("rrc04", "0540").withExpectedSha256("00".repeat(32));
        ArchiveDownloader d = ArchiveDownloader.builder()
                .cacheDirectory(cache)
                .maxAttempts(2)
                .backoff(Duration.ZERO, Duration.ZERO)
                .build();
        downloaders.add(d);

        DownloadResult r = d.download(f);

        assertThat(r).isInstanceOf(DownloadResult.Failed.class);
        assertThat(((DownloadResult.Failed) r).reason()).contains("SHA-256").contains("expected 0000");
        assertThat(d.storedPath(f)).doesNotExist();
        assertThat(CacheFiles.sibling(d.storedPath(f), ".part")).doesNotExist();
    }

    @Test
    void download_contentLengthDiffersFromExpectedSize_failsWithoutRetry() throws Exception {
        ArchiveFile f = risFile("rrc04", "0545").withExpectedSize(12345);

        DownloadResult r = downloader(1).download(f);

        assertThat(((DownloadResult.Failed) r).reason()).contains("expected 12345");
        assertThat(server.requests(f.path())).hasSize(1);
    }

    @Test
    void download_bodyAboveMaxFileSize_isRefused() throws Exception {
        ArchiveFile f = risFile("rrc04", "0550");
        ArchiveDownloader d = ArchiveDownloader.builder()
                .cacheDirectory(cache)
                .maxFileSize(1000)
                .build();
        downloaders.add(d);

        DownloadResult r = d.download(f);

        assertThat(((DownloadResult.Failed) r).reason()).contains("above maxFileSize 1000");
        assertThat(d.storedPath(f)).doesNotExist();
    }

    @Test
    void downloadAll_manyFiles_neverExceedsParallelism() throws Exception {
        server.delayResponses(150);
        List<ArchiveFile> files = archive().listUpdates(List.of("rrc04"), H5, H5.plus(Duration.ofMinutes(60)));

        DownloadReport report = downloader(3).downloadAll(files);

        assertThat(report.isComplete()).isTrue();
        assertThat(server.maxInProgress()).isEqualTo(3);
    }

    @Test
    void downloadAsync_sameFileTwice_makesOneRequest() throws Exception {
        server.delayResponses(200);
        ArchiveFile f = risFile("rrc04", "0555");
        ArchiveDownloader d = downloader(2);

        CompletableFuture<DownloadResult> a = d.downloadAsync(f);
        CompletableFuture<DownloadResult> b = d.downloadAsync(f);

        assertThat(a.get()).isSameAs(b.get());
        assertThat(server.requests(f.path())).hasSize(1);
    }

    @Test
    void listener_seesStartProgressAndFinish() throws Exception {
        ArchiveFile f = risFile("rrc12", "0520");
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        long size = Files.size(source(f));
        DownloadListener listener = new DownloadListener() {
            @Override
            public void started(ArchiveFile file, long offset, long totalSize) {
                events.add("start " + offset + " " + totalSize);
            }

            @Override
            public void progress(ArchiveFile file, long bytesOnDisk, long totalSize) {
                events.add("progress " + bytesOnDisk);
            }

            @Override
            public void finished(DownloadResult result) {
                events.add("finished " + result.getClass().getSimpleName());
            }
        };

        downloader(1, listener, Duration.ofSeconds(10)).download(f);
        Thread.sleep(50); // finished() runs right after the result is published

        assertThat(events.get(0)).isEqualTo("start 0 " + size);
        assertThat(events).contains("progress " + size);
        assertThat(events.stream().filter(e -> e.startsWith("progress"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events.get(events.size() - 1)).isEqualTo("finished Stored");
    }

    @Test
    void routeViewsLayout_realJinxFile_isListedAndDownloaded() throws Exception {
        Path jinx = SharedData.file("mrt/bgpstream/routeviews.route-views.jinx.updates.1427846400.bz2");
        server.serve("route-views.jinx/bgpdata/2015.04/UPDATES/updates.20150401.0000.bz2", jinx);
        MrtArchive rv = MrtArchive.custom(server.baseUri(), ArchiveLayout.routeViews());
        Instant t = Instant.ofEpochSecond(1427846400);

        List<ArchiveFile> files = rv.listUpdates(List.of("route-views.jinx"), t, t.plus(Duration.ofMinutes(30)));
        DownloadReport report = downloader(2).downloadAll(files);

        assertThat(files)
                .extracting(f -> f.uri().getPath())
                .containsExactly(
                        "/route-views.jinx/bgpdata/2015.04/UPDATES/updates.20150401.0000.bz2",
                        "/route-views.jinx/bgpdata/2015.04/UPDATES/updates.20150401.0015.bz2");
        assertThat(report.stored())
                .singleElement()
                .satisfies(s -> assertThat(Files.mismatch(s.path(), jinx)).isEqualTo(-1L));
        assertThat(report.missing())
                .singleElement()
                .extracting(m -> m.file().start())
                .isEqualTo(t.plusSeconds(900));
    }

    @Test
    void localFile_isUsedInPlace() throws Exception {
        ArchiveLayout flat = ArchiveLayout.builder()
                .updates("{collector}/updates.{YYYY}{MM}{DD}.{hh}{mm}.gz", Duration.ofMinutes(5))
                .build();
        MrtArchive mirror = MrtArchive.localMirror(SharedData.dir("mrt/ris-2021-01-01"), flat);
        List<ArchiveFile> files = mirror.listUpdates(List.of("rrc12"), H5, H5.plusSeconds(600));

        DownloadReport report = downloader(1).downloadAll(files);

        assertThat(report.stored()).hasSize(2).allSatisfy(s -> {
            assertThat(s.source()).isEqualTo(Source.LOCAL);
            assertThat(s.path()).isEqualTo(Path.of(s.file().uri()));
        });
        assertThat(server.requests()).isEmpty();
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void close_duringStalledTransfer_keepsPartialForLaterResume() throws Exception {
        ArchiveFile f = risFile("rrc12", "0530");
        server.inject(f.path(), STALL_HALFWAY);
        ArchiveDownloader d = downloader(1);
        CompletableFuture<DownloadResult> future = d.downloadAsync(f);
        Path part = CacheFiles.sibling(d.storedPath(f), ".part");
        while (!Files.exists(part) || Files.size(part) == 0) {
            Thread.sleep(10);
        }

        d.close();

        assertThat(future).isDone();
        assertThat(d.storedPath(f)).doesNotExist();
        assertThat(part).exists();
        assertThatThrownBy(() -> d.downloadAsync(f)).isInstanceOf(IllegalStateException.class);
        DownloadResult.Stored s = stored(downloader(1).download(f));
        assertThat(s.source()).isEqualTo(Source.RESUMED);
        assertThat(Files.mismatch(s.path(), source(f))).isEqualTo(-1L);
    }

    @Test
    void storedPath_hostileUri_isRefused() {
        ArchiveDownloader d = downloader(1);
        ArchiveFile f = risFile("rrc12", "0500");
        ArchiveFile hostile = new ArchiveFile(
                f.collector(),
                f.kind(),
                f.start(),
                f.period(),
                java.net.URI.create("http://127.0.0.1/a/../../etc/passwd"),
                "x",
                -1,
                null);
        assertThatThrownBy(() -> d.downloadAsync(hostile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'..'");
    }

    @Test
    void builder_settingTwiceOrMissingCache_isRefused() {
        assertThatThrownBy(() -> ArchiveDownloader.builder().parallelism(2).parallelism(3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parallelism was already set to 2");
        assertThatThrownBy(() -> ArchiveDownloader.builder().parallelism(0)).hasMessageContaining("expected: 1..64");
        assertThatThrownBy(() -> ArchiveDownloader.builder().build()).hasMessageContaining("cacheDirectory");
    }
}
