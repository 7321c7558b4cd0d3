package dev.routescope.rpki.rtr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.rpki.RpkiReader;
import dev.routescope.rpki.Vrp;
import dev.routescope.testsupport.ExternalTool;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real RTR cache: {@code stayrtr} (apt, 0.5.1 here) on a loopback port serving VRP JSON
 * derived at test time from the two real rpki-client snapshots of {@code shared/data/rpki}.
 *
 * <p>The served set is a deterministic subset (about 1 in 12 VRPs, chosen by a hash of the VRP,
 * plus every VRP that differs between the snapshots) so the delta between the two files is the real
 * one while each stayrtr load takes seconds, not the ~20 s of the full 723k set on this shared
 * machine.
 */
class StayrtrIntegrationTest {
    private static final Duration SYNC = Duration.ofMinutes(3);

    @TempDir
    @Nullable
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopStayrtr() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void stayrtr_syncThenFileChangeThenRestart_clientEqualsTheFileEachTime() throws Exception {
        Path stayrtr = ExternalTool.require("stayrtr");
        Path tmp = tempDir();
        List<Set<Vrp>> files = servedSubsets();
        Set<Vrp> file1 = files.get(0);
        Set<Vrp> file2 = files.get(1);
        Set<Vrp> added = new TreeSet<>(file2);
        added.removeAll(file1);
        Set<Vrp> removed = new TreeSet<>(file1);
        removed.removeAll(file2);

        Path served = tmp.resolve("vrps.json");
        writeJson(served, file1, "");
        int port = freePort();
        Process cache = startStayrtr(stayrtr, served, port, tmp.resolve("stayrtr-1.log"), 2);

        List<RtrSync> syncs = Collections.synchronizedList(new ArrayList<>());
        try (RtrClient client = RtrClient.builder()
                .host("127.0.0.1")
                .port(port)
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .responseTimeout(Duration.ofSeconds(60))
                .listener(new RtrListener() {
                    @Override
                    public void synced(RtrSync sync) {
                        syncs.add(sync);
                    }
                })
                .build()) {
            client.start();
            client.awaitSynced(SYNC);
            // 1. after the reset: exactly the file
            assertThat(client.version()).isEqualTo(2);
            assertThat(new HashSet<>(client.validator().snapshot().vrps())).isEqualTo(file1);
            assertThat(client.vrpCount()).isEqualTo(file1.size());

            // 2. the file changes: stayrtr reloads, notifies, the client applies the serial delta
            writeJson(served, file2, "");
            await("client equals the second file", () -> sameVrps(client, file2), cache, tmp);
            assertThat(new HashSet<>(client.validator().snapshot().vrps())).isEqualTo(file2);
            int announced = 0;
            int withdrawn = 0;
            synchronized (syncs) {
                for (RtrSync s : syncs) {
                    if (!s.reset()) {
                        announced += s.vrpsAnnounced();
                        withdrawn += s.vrpsWithdrawn();
                    }
                }
            }
            assertThat(announced).as("announced in deltas %s", added).isEqualTo(added.size());
            assertThat(withdrawn).as("withdrawn in deltas %s", removed).isEqualTo(removed.size());
            assertThat(client.stats().resetQueries()).isEqualTo(1);
            assertThat(client.stats().serialQueries()).isPositive();
            assertThat(client.stats().errorReportsSent()).isZero();

            // 3. the cache dies: the client keeps the data and reconnects; the restarted cache (new
            // session, serving the first file again) is followed exactly
            cache.destroy();
            assertThat(cache.waitFor(30, TimeUnit.SECONDS)).isTrue();
            await("client notices the cache is gone", () -> client.state() == RtrState.CONNECTING, cache, tmp);
            assertThat(client.vrpCount()).as("data kept while reconnecting").isEqualTo(file2.size());
            int oldSession = client.sessionId();
            writeJson(served, file1, "");
            cache = startStayrtr(stayrtr, served, port, tmp.resolve("stayrtr-2.log"), 2);
            Process restarted = cache;
            await(
                    "client equals the restarted cache's file",
                    () -> client.state() == RtrState.SYNCED
                            && client.sessionId() != oldSession
                            && sameVrps(client, file1),
                    restarted,
                    tmp);
            assertThat(new HashSet<>(client.validator().snapshot().vrps())).isEqualTo(file1);
            assertThat(client.stats().connects()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void stayrtrOlderProtocol_clientDowngradesToWhatItServes() throws Exception {
        Path stayrtr = ExternalTool.require("stayrtr");
        Path tmp = tempDir();
        Set<Vrp> vrps = small();
        Path served = tmp.resolve("small.json");
        writeJson(served, vrps, "");
        for (int protocol = 0; protocol <= 1; protocol++) {
            int port = freePort();
            Process p = startStayrtr(
                    stayrtr, served, port, tmp.resolve("proto" + protocol + ".log"), 60, "-protocol", "" + protocol);
            try (RtrClient client = RtrClient.builder()
                    .host("127.0.0.1")
                    .port(port)
                    .reconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                    .build()) {
                client.start();
                client.awaitSynced(SYNC);
                assertThat(client.version())
                        .as("stayrtr -protocol %d", protocol)
                        .isEqualTo(protocol);
                assertThat(new HashSet<>(client.vrps().vrps())).isEqualTo(vrps);
            } finally {
                p.destroy();
            }
        }
    }

    /**
     * stayrtr 0.5.1 speaks version 2 as of draft-ietf-sidrops-8210bis-10: its ASPA PDU carries AFI
     * flags and a provider count the current draft dropped. The client must refuse it with an Error
     * Report (not crash or loop silently), and a client limited to version 1 syncs the VRPs.
     */
    @Test
    void stayrtrDraft10AspaPdu_isReportedAsProviderListError_andVersion1Syncs() throws Exception {
        Path stayrtr = ExternalTool.require("stayrtr");
        Path tmp = tempDir();
        Set<Vrp> vrps = small();
        Path served = tmp.resolve("aspa.json");
        writeJson(
                served,
                vrps,
                ",\"provider_authorizations\":{\"ipv4\":[{\"customer_asid\":64500,\"providers\":[64510,64511]}],"
                        + "\"ipv6\":[]}");
        int port = freePort();
        startStayrtr(stayrtr, served, port, tmp.resolve("aspa.log"), 60);
        List<RtrErrorReport> reports = Collections.synchronizedList(new ArrayList<>());
        try (RtrClient client = RtrClient.builder()
                .host("127.0.0.1")
                .port(port)
                .reconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(1))
                .listener(new RtrListener() {
                    @Override
                    public void errorReport(RtrErrorReport report) {
                        reports.add(report);
                    }
                })
                .build()) {
            client.start();
            await("an Error Report", () -> !reports.isEmpty(), null, tmp);
            RtrErrorReport r = reports.get(0);
            assertThat(r.sent()).isTrue();
            assertThat(r.errorCode()).isEqualTo(RtrErrorCode.ASPA_PROVIDER_LIST_ERROR);
            assertThat(r.erroneousPduType()).isEqualTo(11);
            assertThat(client.state()).isNotIn(RtrState.SYNCED, RtrState.FAILED);
        }
        try (RtrClient v1 =
                RtrClient.builder().host("127.0.0.1").port(port).maxVersion(1).build()) {
            v1.start();
            v1.awaitSynced(SYNC);
            assertThat(new HashSet<>(v1.vrps().vrps())).isEqualTo(vrps);
        }
    }

    /** The subsets of the two real snapshots to serve; both full sets are dropped before returning. */
    private static List<Set<Vrp>> servedSubsets() throws IOException {
        Set<Vrp> first =
                new HashSet<>(RpkiReader.read(SharedData.file("rpki/rpkiclient_summary_20250720T093135Z.json.bz2"))
                        .vrps()
                        .vrps());
        Set<Vrp> second =
                new HashSet<>(RpkiReader.read(SharedData.file("rpki/rpkiclient_summary_20250720T100145Z.json.bz2"))
                        .vrps()
                        .vrps());
        Set<Vrp> changed = new HashSet<>();
        for (Vrp v : first) {
            if (!second.contains(v)) {
                changed.add(v);
            }
        }
        for (Vrp v : second) {
            if (!first.contains(v)) {
                changed.add(v);
            }
        }
        // rpkilog's diff of these snapshots: 9 new and 6 deleted VRPs (the rest are expiry changes)
        assertThat(changed).as("VRPs that differ between the real snapshots").hasSize(15);
        return List.of(subset(first, changed), subset(second, changed));
    }

    private Path tempDir() {
        Path d = dir;
        if (d == null) {
            throw new IllegalStateException("no @TempDir");
        }
        return d;
    }

    private static boolean sameVrps(RtrClient client, Set<Vrp> expected) {
        return client.vrpCount() == expected.size()
                && expected.containsAll(client.vrps().vrps());
    }

    private static Set<Vrp> small() throws IOException {
        return new HashSet<>(RpkiReader.read(SharedData.file("rpki/stayrtr_test.rpki.json"))
                .vrps()
                .vrps());
    }

    /** About 1 in 12 VRPs by a hash stable across JVMs, plus every changed VRP. */
    private static Set<Vrp> subset(Set<Vrp> all, Set<Vrp> changed) {
        Set<Vrp> out = new HashSet<>();
        for (Vrp v : all) {
            long h = v.prefix().high() * 0x9E37_79B9_7F4A_7C15L
                    ^ v.prefix().low() * 0xC2B2_AE3D_27D4_EB4FL
                    ^ (v.asn() << 8 | v.maxLength()) * 0x1656_67B1_9E37_79F9L
                    ^ v.prefix().length();
            if (Math.floorMod(h ^ (h >>> 29), 12L) == 0 || changed.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** rpki-client JSON as stayrtr reads it; written beside and moved so stayrtr never sees half a file. */
    private static void writeJson(Path target, Set<Vrp> vrps, String extraMembers) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("{\"metadata\":{\"buildtime\":\"2025-07-20T09:31:33Z\"},\"roas\":[");
            boolean firstEntry = true;
            for (Vrp v : new TreeSet<>(vrps)) {
                w.write(firstEntry ? "\n" : ",\n");
                firstEntry = false;
                w.write("{\"asn\":" + v.asn() + ",\"prefix\":\"" + v.prefix() + "\",\"maxLength\":" + v.maxLength()
                        + ",\"ta\":\"test\"}");
            }
            w.write("]" + extraMembers + "}\n");
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Process startStayrtr(Path stayrtr, Path file, int port, Path log, int refreshSeconds, String... extra)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                stayrtr.toString(),
                "-bind",
                "127.0.0.1:" + port,
                "-cache",
                file.toString(),
                // the snapshots are from 2025: stayrtr would refuse them as stale
                "-checktime=false",
                // no metrics listener: parallel builds must not fight over its fixed port
                "-metrics.addr",
                "",
                "-refresh",
                Integer.toString(refreshSeconds),
                "-loglevel",
                "info"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(p);
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void await(String what, BooleanSupplier condition, @Nullable Process cache, Path logDir)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + SYNC.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                try (var files = Files.list(logDir)) {
                    for (Path f :
                            files.filter(f -> f.toString().endsWith(".log")).toList()) {
                        logs.append("\n--- ")
                                .append(f.getFileName())
                                .append('\n')
                                .append(Files.readString(f));
                    }
                }
                throw new AssertionError("timed out waiting for: " + what
                        + (cache != null && !cache.isAlive() ? " (stayrtr exited with " + cache.exitValue() + ")" : "")
                        + logs);
            }
            Thread.sleep(50);
        }
    }
}
