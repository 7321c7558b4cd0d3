package dev.routescope.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.detect.internal.MrtSource;
import dev.routescope.model.Announcement;
import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import dev.routescope.model.PathAttributes;
import dev.routescope.model.Peer;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.mrt.MrtElementReader;
import dev.routescope.relationships.AsGraph;
import dev.routescope.rislive.RisFrame;
import dev.routescope.rislive.RisMessage;
import dev.routescope.rislive.RisMessageDecoder;
import dev.routescope.rpki.RouteOriginValidator;
import dev.routescope.rpki.RpkiReader;
import dev.routescope.rpki.Vrp;
import dev.routescope.rpki.VrpDiff;
import dev.routescope.rpki.VrpEntry;
import dev.routescope.rpki.VrpSnapshot;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapters to the other modules, on real data: MRT files, RIS Live recordings, real VRPs. */
class AdaptersTest {
    private static final String RRC12_0455 = "mrt/ris-2021-01-01/rrc12/updates.20210101.0455.gz";
    private static final String RRC04_0455 = "mrt/ris-2021-01-01/rrc04/updates.20210101.0455.gz";

    @Test
    void mrt_twoCollectors_mergedInTimeOrderWithCollectorFromPath() throws IOException {
        Path rrc12 = SharedData.file(RRC12_0455);
        Path rrc04 = SharedData.file(RRC04_0455);
        Map<String, Long> perCollector = new HashMap<>();
        long previous = Long.MIN_VALUE;
        long outOfOrder = 0;
        try (EventSource s = EventSource.mrt(List.of(rrc12, rrc04))) {
            RouteEvent e;
            while ((e = s.next()) != null) {
                perCollector.merge(e.collector(), 1L, Long::sum);
                long t = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, e.timestamp());
                if (t < previous) {
                    outOfOrder++;
                }
                previous = Math.max(previous, t);
            }
            assertThat(s.problems()).isZero();
        }
        // Same counts as the parser reading each file alone (itself checked against bgpdump -m).
        assertThat(perCollector).containsOnlyKeys("rrc12", "rrc04");
        assertThat(perCollector.get("rrc12")).isEqualTo(countAlone(rrc12)).isEqualTo(288_206L);
        assertThat(perCollector.get("rrc04")).isEqualTo(countAlone(rrc04));
        assertThat(outOfOrder).isZero();
    }

    private static long countAlone(Path file) throws IOException {
        try (MrtElementReader r = MrtElementReader.open(file)) {
            return r.events().count();
        }
    }

    @Test
    void mrt_truncatedFile_problemCountedInMetricsAndEventsBeforeItKept(@TempDir Path tmp) throws IOException {
        Path cut = tmp.resolve("rrc12").resolve("updates.20210101.0455");
        Files.createDirectories(cut.getParent());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SharedData.file(RRC12_0455)));
                OutputStream out = Files.newOutputStream(cut)) {
            // 1 MB + 7 bytes ends inside a record: its header promises more than is there.
            out.write(in.readNBytes(1_000_007));
        }
        InMemorySink sink = Sinks.inMemory();
        PipelineMetrics m;
        try (Pipeline p = Pipeline.builder()
                .source(EventSource.mrt(List.of(cut)))
                .detect(Detectors.bogon())
                .sink(sink)
                .build()) {
            m = p.run();
        }
        assertThat(m.sourceProblems()).isEqualTo(1);
        assertThat(m.events()).isGreaterThan(9_000);
    }

    @Test
    void mrt_missingFile_rejectedNamingIt() {
        Path missing = Path.of("no-such-dir", "rrc99", "updates.20210101.0455.gz");
        assertThatThrownBy(() -> EventSource.mrt(List.of(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> EventSource.mrt(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void collectorOf_risAndRouteViewsLayouts_collectorDirectory() {
        assertThat(MrtSource.collectorOf(Path.of("/data/rrc12/updates.20210101.0455.gz")))
                .isEqualTo("rrc12");
        assertThat(MrtSource.collectorOf(Path.of("/data/ris/rrc00/2021.01/bview.20210101.0000.gz")))
                .isEqualTo("rrc00");
        assertThat(MrtSource.collectorOf(Path.of("/rv/route-views2/bgpdata/2021.01/UPDATES/updates.20210101.0000.bz2")))
                .isEqualTo("route-views2");
        assertThat(MrtSource.collectorOf(Path.of("/tmp/2021.01/updates.20210101.0000.bz2")))
                .isEqualTo("tmp");
    }

    @Test
    void risLiveReplay_recordedMessages_flattenedIntoTheirEvents() throws IOException {
        Path recording = SharedData.file("rislive/bgpstream_ris-live-stream.json");
        RisMessageDecoder decoder = RisMessageDecoder.builder().build();
        List<RouteEvent> expected = new ArrayList<>();
        long malformed = 0;
        for (String line : Files.readAllLines(recording, StandardCharsets.UTF_8)) {
            RisFrame frame = decoder.decode(line);
            if (frame instanceof RisMessage msg) {
                expected.addAll(msg.events());
            } else if (frame instanceof RisFrame.Malformed) {
                malformed++;
            }
        }
        List<RouteEvent> got = new ArrayList<>();
        long problems;
        try (EventSource s = EventSource.risLiveReplay(recording)) {
            RouteEvent e;
            while ((e = s.next()) != null) {
                got.add(e);
            }
            problems = s.problems();
        }
        // The recording holds a frame the decoder rejects: counted, not fatal.
        assertThat(problems).isEqualTo(malformed).isPositive();
        assertThat(expected).isNotEmpty();
        assertThat(got).isEqualTo(expected);
        assertThat(got).allSatisfy(e -> assertThat(e.collector()).startsWith("rrc"));
    }

    @Test
    void risLiveReplay_missingFile_rejected() {
        assertThatThrownBy(() -> EventSource.risLiveReplay(Path.of("no-such.ndjson")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such.ndjson");
    }

    /**
     * The 2025-07-20 09:31 rpki-client snapshot (723 k VRPs, shared with the other tests) or the
     * 10:01 one (read each time: two of them held for the whole test JVM do not fit its 512 MB).
     */
    private static VrpSnapshot snapshot(String time) throws IOException {
        if (time.equals("093135")) {
            return RealData.rpki2025();
        }
        return RpkiReader.read(SharedData.file("rpki/rpkiclient_summary_20250720T" + time + "Z.json.bz2"))
                .vrps();
    }

    private static Announcement ann(Instant t, int peer, String prefix, String path) {
        return new Announcement(
                t,
                "rrc12",
                Peer.of("192.0.2." + peer, 64_000 + peer),
                Prefix.parse(prefix),
                RouteEvent.NO_PATH_ID,
                PathAttributes.builder().asPath(AsPath.parse(path)).build(),
                false);
    }

    @Test
    void rpki_realValidator_invalidOriginAlertedValidSilentAndUpdatesSeenLive() throws IOException {
        VrpSnapshot first = snapshot("093135");
        RouteOriginValidator validator = RouteOriginValidator.of(first);
        Instant t0 = Instant.parse("2025-07-20T09:40:00Z");
        // 1.1.1.0/24 has a ROA for AS13335 in the real data; AS12389 is not authorised.
        Prefix cloudflare = Prefix.parse("1.1.1.0/24");
        assertThat(validator.validateState(cloudflare, 13335)).isEqualTo(dev.routescope.rpki.RovState.VALID);
        Vrp extra = Vrp.of("1.1.1.0/24", 24, 12389);
        List<RouteEvent> events = List.of(
                ann(t0, 1, "1.1.1.0/24", "3356 13335"),
                ann(t0.plusSeconds(1), 2, "1.1.1.0/24", "1299 12389"),
                ann(t0.plusSeconds(2), 3, "1.1.1.0/24", "174 12389"));
        Iterator<RouteEvent> it = events.iterator();
        InMemorySink sink = Sinks.inMemory();
        try (Pipeline p = Pipeline.builder()
                .source(new EventSource() {
                    private int n;

                    @Override
                    public @Nullable RouteEvent next() {
                        if (!it.hasNext()) {
                            return null;
                        }
                        if (n++ == 2) {
                            // An RTR delta arrives before the third event: it must be used at once.
                            validator.apply(List.of(extra), List.of());
                        }
                        return it.next();
                    }
                })
                .monitored(MonitoredResources.builder()
                        .prefix(MonitoredPrefix.of(cloudflare, "Cloudflare DNS", Asn.of(13335)))
                        .build())
                .rpki(validator, () -> Instant.parse("2025-07-20T09:31:33Z"))
                .detect(Detectors.rpkiInvalid(), Detectors.rpkiDataStale())
                .debounce(Duration.ZERO)
                .batchSize(1)
                .workers(1)
                .sink(sink)
                .build()) {
            p.run();
        }
        List<Incident> invalid = sink.incidents().stream()
                .filter(i -> i.type().equals("rpki-invalid") && i.status() == Incident.Status.OPEN)
                .toList();
        assertThat(invalid).hasSize(1);
        assertThat(invalid.get(0).offender()).isEqualTo(Asn.of(12389));
        // One peer only: the third announcement was valid once the delta was applied.
        assertThat(invalid.get(0).maxPeerCount()).isEqualTo(1);
        assertThat(sink.incidents()).noneMatch(i -> i.type().equals("rpki-data-stale"));
    }

    @Test
    void rpki_emptyValidator_isUnavailableAndSaysSo() throws IOException {
        InMemorySink sink = Sinks.inMemory();
        try (Pipeline p = Pipeline.builder()
                .source(EventSource.of(List.of(ann(Instant.parse("2021-01-01T05:00:00Z"), 1, "1.1.1.0/24", "13335"))))
                .rpki(RouteOriginValidator.empty())
                .detect(Detectors.rpkiInvalid(true), Detectors.rpkiDataStale())
                .debounce(Duration.ZERO)
                .sink(sink)
                .build()) {
            p.run();
        }
        assertThat(sink.incidents())
                .anySatisfy(i -> {
                    assertThat(i.type()).isEqualTo("rpki-data-stale");
                    assertThat(i.detail()).isEqualTo("unavailable");
                })
                .noneMatch(i -> i.type().equals("rpki-invalid"));
    }

    @Test
    void updateRpki_twoRealSnapshots_roaChangesForMonitoredPrefixesOfTheDiff() throws IOException {
        VrpSnapshot before = snapshot("093135");
        VrpSnapshot after = snapshot("100145");
        VrpDiff diff = VrpDiff.between(before, after);
        assertThat(diff.isEmpty()).isFalse();
        // Monitor the prefixes of the first three added and removed VRPs.
        Set<Prefix> changed = new HashSet<>();
        diff.added().stream().limit(3).map(e -> e.vrp().prefix()).forEach(changed::add);
        diff.removed().stream().limit(3).map(e -> e.vrp().prefix()).forEach(changed::add);
        MonitoredResources.Builder mb = MonitoredResources.builder();
        for (Prefix prefix : changed) {
            mb.prefix(MonitoredPrefix.of(prefix, "changed in the real diff", Asn.of(64496)));
        }
        RouteOriginValidator validator = RouteOriginValidator.of(before);
        Instant t0 = Instant.parse("2025-07-20T10:00:00Z");
        InMemorySink sink = Sinks.inMemory();
        VrpDiff reported;
        try (Pipeline p = Pipeline.builder()
                .source(EventSource.of(List.of(ann(t0, 1, "192.0.2.0/24", "64496"))))
                .monitored(mb.build())
                .rpki(validator)
                .detect(Detectors.roaChanges())
                .debounce(Duration.ZERO)
                .sink(sink)
                .build()) {
            reported = p.updateRpki(after, Instant.parse("2025-07-20T10:01:43Z"));
            p.run();
        }
        assertThat(validator.snapshot()).isSameAs(after);
        assertThat(reported.added()).hasSameSizeAs(diff.added());
        List<Incident> changes = sink.incidents().stream()
                .filter(i -> i.type().equals("roa-change"))
                .toList();
        Set<Prefix> alerted = new HashSet<>();
        changes.forEach(i -> alerted.add(i.prefix()));
        assertThat(alerted).containsAll(changed);
        Set<Prefix> inDiff = new HashSet<>();
        for (VrpEntry e : diff.added()) {
            inDiff.add(e.vrp().prefix());
        }
        for (VrpEntry e : diff.removed()) {
            inDiff.add(e.vrp().prefix());
        }
        // Nothing outside the diff: an alert names a prefix of the diff or one covering it.
        assertThat(alerted)
                .allSatisfy(pr -> assertThat(inDiff.stream().anyMatch(d -> pr.covers(d) || d.covers(pr)))
                        .isTrue());
    }

    @Test
    void updateRpki_snapshotWithoutValidator_refused() {
        try (Pipeline p = Pipeline.builder()
                .source(EventSource.of(List.<RouteEvent>of()))
                .detect(Detectors.roaChanges())
                .build()) {
            assertThatThrownBy(() -> p.updateRpki(VrpSnapshot.empty(), Instant.EPOCH))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("RouteOriginValidator");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void baselines_learnedFromTableDumpV2Rib_originsOfItsEntries() throws IOException {
        Path rib = SharedData.file("mrt/bgpdump/bview.64k_stream_overflow.gz");
        Map<Prefix, Set<Long>> expected = new HashMap<>();
        try (MrtElementReader r = MrtElementReader.open(rib)) {
            r.events().forEach(e -> {
                if (e instanceof Announcement a && a.ribEntry() && a.asPath().originValue() >= 0) {
                    expected.computeIfAbsent(a.prefix(), k -> new HashSet<>())
                            .add(a.asPath().originValue());
                }
            });
        }
        assertThat(expected).isNotEmpty();
        Baselines learned;
        try (Pipeline p = Pipeline.builder()
                .source(EventSource.mrt(List.of(rib), "rrc00"))
                .detect(Detectors.hijack())
                .build()) {
            p.run();
            learned = p.baselines();
        }
        assertThat(learned.isFrozen()).isTrue();
        assertThat(learned.prefixCount()).isEqualTo(expected.size());
        expected.forEach((prefix, origins) -> {
            for (long o : origins) {
                assertThat(learned.isExpectedOrigin(prefix, o))
                        .as("%s AS%d", prefix, o)
                        .isTrue();
            }
        });
    }

    @Test
    void relationships_routeServerBetweenPeers_notALeakWhenTheGraphNamesIt() {
        // DE-CIX's route server AS6695 relays between two peers; an inference that gave it peer
        // links would make every route through it look like a peer-to-peer-to-peer leak.
        List<RouteEvent> events = List.of(
                ann(Instant.parse("2021-01-01T05:00:00Z"), 1, "193.0.0.0/21", "64500 6695 3333"),
                ann(Instant.parse("2021-01-01T05:00:01Z"), 2, "193.0.0.0/21", "64500 6695 3333"));
        AsGraph withRs = AsGraph.builder()
                .peers(3333, 6695)
                .peers(6695, 64500)
                .peers(64500, 3333)
                .routeServers(6695)
                .build();
        AsGraph withoutRs = AsGraph.builder()
                .peers(3333, 6695)
                .peers(6695, 64500)
                .peers(64500, 3333)
                .build();
        List<Incident> quiet =
                PipelineTestSupport.run(events, b -> b.relationships(withRs).detect(Detectors.valleyFree()));
        List<Incident> leak =
                PipelineTestSupport.run(events, b -> b.relationships(withoutRs).detect(Detectors.valleyFree()));
        assertThat(quiet).isEmpty();
        assertThat(leak).anySatisfy(i -> {
            assertThat(i.type()).isEqualTo("route-leak");
            assertThat(i.offender()).isEqualTo(Asn.of(6695));
        });
        // An extra route server given to the builder works the same.
        assertThat(PipelineTestSupport.run(
                        events, b -> b.relationships(withoutRs, 6695).detect(Detectors.valleyFree())))
                .isEmpty();
    }
}
