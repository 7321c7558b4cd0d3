package dev.routescope.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.routescope.detect.spi.Severity;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinksTest {
    @TempDir
    Path dir;

    static Incident incident(String id, Incident.Status status) {
        return new Incident(
                id,
                status,
                "hijack",
                Prefix.parse("193.0.0.0/21"),
                Asn.of(12389),
                Asn.of(3333),
                "",
                Severity.CRITICAL,
                0.9,
                List.of("RPKI invalid"),
                "The prefix 193.0.0.0/21 is announced by \"AS12389\"",
                Instant.parse("2021-01-01T05:00:00Z"),
                Instant.parse("2021-01-01T05:01:00Z"),
                null,
                3,
                3,
                List.of("rrc12 80.81.192.13 (AS8218)"),
                List.of("rrc12"),
                List.of("8218 12389"),
                3);
    }

    private static Map<String, String> parseFlat(String json) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            int depth = 1;
            while (depth > 0) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t != null && t.isScalarValue()) {
                    out.putIfAbsent(p.currentName(), p.getText());
                }
            }
        }
        return out;
    }

    @Test
    void jsonLines_twoIncidents_twoParsableLinesWithFields() throws Exception {
        Path f = dir.resolve("incidents.jsonl");
        try (IncidentSink s = Sinks.jsonLines(f)) {
            s.publish(incident("a", Incident.Status.OPEN));
            s.publish(incident("a", Incident.Status.RESOLVED));
        }
        List<String> lines = Files.readAllLines(f);
        assertThat(lines).hasSize(2);
        Map<String, String> first = parseFlat(lines.get(0));
        assertThat(first)
                .containsEntry("id", "a")
                .containsEntry("status", "OPEN")
                .containsEntry("prefix", "193.0.0.0/21")
                .containsEntry("offender", "12389")
                .containsEntry("severity", "CRITICAL");
        assertThat(first.get("message")).contains("\"AS12389\"");
    }

    /** A one-request-per-connection HTTP/1.1 server on loopback answering with the given statuses. */
    private static final class LoopbackHttp implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final Thread thread;

        LoopbackHttp(int... statuses) throws IOException {
            AtomicInteger n = new AtomicInteger();
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        String body = readRequest(s.getInputStream());
                        bodies.add(body);
                        int i = n.getAndIncrement();
                        int status = i < statuses.length ? statuses[i] : 200;
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hook");
        }

        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1) {
                head.write(c);
                String h = head.toString(StandardCharsets.US_ASCII);
                if (h.endsWith("\r\n\r\n")) {
                    int len = 0;
                    for (String line : h.split("\r\n")) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            len = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    return new String(in.readNBytes(len), StandardCharsets.UTF_8);
                }
            }
            return "";
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void webhook_slackCompatibleBody_isPosted() throws Exception {
        try (LoopbackHttp http = new LoopbackHttp(200)) {
            Sinks.webhook(http.uri()).publish(incident("w1", Incident.Status.OPEN));
            assertThat(http.bodies).singleElement().satisfies(b -> {
                Map<String, String> m = parseFlat(b);
                assertThat(m.get("text")).startsWith("[CRITICAL] OPEN hijack: The prefix 193.0.0.0/21");
                assertThat(m).containsEntry("id", "w1");
            });
        }
    }

    @Test
    void webhook_serverErrorThenOk_isRetriedAndDelivered() throws Exception {
        try (LoopbackHttp http = new LoopbackHttp(500, 503, 200);
                AsyncSink s = Sinks.async(Sinks.webhook(http.uri()), 16, 3, Duration.ofMillis(10), null)) {
            s.publish(incident("w2", Incident.Status.OPEN));
            assertThat(s.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(s.delivered()).isEqualTo(1);
            assertThat(s.retries()).isEqualTo(2);
            assertThat(http.bodies).hasSize(3);
        }
    }

    @Test
    void failingSink_afterRetries_spillsToFileAndCounts() throws Exception {
        Path spill = dir.resolve("spill.jsonl");
        IncidentSink broken = new IncidentSink() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void publish(Incident incident) throws IOException {
                throw new IOException("connection refused");
            }
        };
        try (AsyncSink s = Sinks.async(broken, 16, 3, Duration.ofMillis(1), spill)) {
            s.publish(incident("s1", Incident.Status.OPEN));
            s.publish(incident("s2", Incident.Status.OPEN));
            assertThat(s.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(s.spilled()).isEqualTo(2);
            assertThat(s.retries()).isEqualTo(4);
            assertThat(s.lost()).isZero();
        }
        List<String> lines = Files.readAllLines(spill);
        assertThat(lines).hasSize(2);
        assertThat(parseFlat(lines.get(1))).containsEntry("id", "s2");
    }

    @Test
    void slowSink_neverBlocksPublisher_overflowSpills() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> got = new CopyOnWriteArrayList<>();
        IncidentSink slow = new IncidentSink() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public void publish(Incident incident) throws InterruptedException {
                release.await(10, TimeUnit.SECONDS);
                got.add(incident.id());
            }
        };
        Path spill = dir.resolve("slow.jsonl");
        try (AsyncSink s = Sinks.async(slow, 4, 1, Duration.ZERO, spill)) {
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                s.publish(incident("x" + i, Incident.Status.OPEN));
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            // The sink is stuck, so at most the queue (4) plus the one in hand were taken.
            assertThat(s.spilled()).isGreaterThanOrEqualTo(15);
            assertThat(tookMs).isLessThan(5_000); // would be >= 10 s if publish waited for the sink
            release.countDown();
            assertThat(s.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(s.delivered() + s.spilled()).isEqualTo(20);
        }
        assertThat(got.size() + Files.readAllLines(spill).size()).isEqualTo(20);
    }

    @Test
    void noSpillFile_undeliverable_isCountedAsLost() throws Exception {
        IncidentSink broken = new IncidentSink() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void publish(Incident incident) throws IOException {
                throw new IOException("down");
            }
        };
        try (AsyncSink s = Sinks.async(broken, 4, 2, Duration.ZERO, null)) {
            s.publish(incident("l1", Incident.Status.OPEN));
            assertThat(s.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(s.lost()).isEqualTo(1);
        }
    }

    @Test
    void syslogUdp_rfc5424Message_isReceived() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                IncidentSink s = Sinks.syslogUdp("127.0.0.1", receiver.getLocalPort())) {
            receiver.setSoTimeout(5000);
            s.publish(incident("u1", Incident.Status.OPEN));
            DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
            receiver.receive(p);
            String msg = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            // local0 (16) * 8 + crit (2) = 130
            assertThat(msg).startsWith("<130>1 2021-01-01T05:01:00Z ");
            assertThat(msg).contains(" routescope - hijack [routescope@32473 id=\"u1\" status=\"OPEN\"");
            assertThat(msg).contains("prefix=\"193.0.0.0/21\" offender=\"12389\"");
            assertThat(msg).endsWith("] \uFEFFThe prefix 193.0.0.0/21 is announced by \"AS12389\"");
        }
    }

    @Test
    void syslogTcp_octetCountedFrames_areReceivedAndReconnectAfterFailure() throws Exception {
        List<String> frames = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    for (int conn = 0; conn < 2; conn++) {
                        try (Socket s = server.accept()) {
                            InputStream in = s.getInputStream();
                            // Read one frame per connection, then drop it to force a reconnect.
                            StringBuilder len = new StringBuilder();
                            int c;
                            while ((c = in.read()) != ' ') {
                                len.append((char) c);
                            }
                            frames.add(new String(
                                    in.readNBytes(Integer.parseInt(len.toString())), StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException e) {
                    // test ends
                }
            });
            t.setDaemon(true);
            t.start();
            try (AsyncSink s = Sinks.async(
                    Sinks.syslogTcp("127.0.0.1", server.getLocalPort()), 16, 5, Duration.ofMillis(50), null)) {
                s.publish(incident("t1", Incident.Status.OPEN));
                assertThat(s.flush(Duration.ofSeconds(10))).isTrue();
                Thread.sleep(200); // let the server close the first connection
                s.publish(incident("t2", Incident.Status.RESOLVED));
                assertThat(s.flush(Duration.ofSeconds(20))).isTrue();
                assertThat(s.delivered()).isEqualTo(2);
            }
            t.join(5000);
        }
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).startsWith("<130>1 ").contains("id=\"t1\"");
        assertThat(frames.get(1)).startsWith("<133>1 ").contains("status=\"RESOLVED\""); // notice for RESOLVED
    }

    @Test
    void slf4j_anyIncident_isLoggedWithoutError() throws Exception {
        IncidentSink s = Sinks.slf4j();
        for (Incident.Status st : Incident.Status.values()) {
            s.publish(incident("g", st));
        }
        assertThat(s.name()).isEqualTo("slf4j");
    }

    @Test
    void pipeline_brokenSink_detectionCompletesAndSpills() throws Exception {
        Path spillDir = Files.createDirectory(dir.resolve("spill"));
        IncidentSink broken = new IncidentSink() {
            @Override
            public String name() {
                return "pager";
            }

            @Override
            public void publish(Incident incident) throws IOException {
                throw new IOException("pager down");
            }
        };
        InMemorySink ok = Sinks.inMemory();
        List<dev.routescope.model.RouteEvent> ev = new ArrayList<>();
        ev.add(Events.ann(0, 1, "10.0.0.0/8", "64001 65010"));
        ev.add(Events.ann(100, 2, "8.8.8.0/24", "64002 15169"));
        try (Pipeline p = Pipeline.builder()
                .source(EventSource.of(ev))
                .detect(Detectors.bogon())
                .sink(broken)
                .sink(ok)
                .spillDirectory(spillDir)
                .sinkDelivery(8, 2, Duration.ofMillis(1))
                .build()) {
            PipelineMetrics m = p.run();
            assertThat(java.util.Objects.requireNonNull(m.sinks().get("pager")).spilled())
                    .isEqualTo(ok.incidents().size())
                    .isPositive();
            assertThat(java.util.Objects.requireNonNull(m.sinks().get("in-memory"))
                            .delivered())
                    .isEqualTo(ok.incidents().size());
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Files.newInputStream(spillDir.resolve("pager.spill.jsonl")), StandardCharsets.UTF_8))) {
            assertThat(r.lines().count()).isEqualTo(ok.incidents().size());
        }
    }
}
