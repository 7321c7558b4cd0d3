package dev.routescope.rislive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.routescope.rislive.loopback.LoopbackRisServer;
import dev.routescope.rislive.tools.MrtToRisLive;
import dev.routescope.testsupport.SharedData;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * On-demand load run (not part of {@code mvn test}: the class name matches no Surefire include).
 * Converts real rrc12 updates to RIS Live frames, then measures in one JVM and one run: decode rate
 * on one thread against jackson-core tokenising the same frames, and end-to-end rate over loopback
 * (WebSocket and firehose, BLOCK, and WebSocket delivering {@link RisMessageView}s) against a bare JDK
 * WebSocket that only counts frames. The decode passes interleave decode(String), jackson-core
 * tokenising, decode(bytes), the jackson path and the view path, so their ratios share the same load. Peak heap is
 * sampled (used heap, an upper bound); run it with {@code -Xmx128m} to show the whole run fits.
 *
 * <pre>
 * ./mvnw -B -o -q -pl bgp-rislive-client test -Dtest=RisLiveLoadRun -DargLine=-Xmx128m \
 *     -Drislive.load.files=2 -Drislive.load.rounds=4
 * </pre>
 */
class RisLiveLoadRun {
    private static final String[] FILES = {"0500", "0505", "0510", "0515", "0520", "0525"};

    @Test
    void run() throws Exception {
        int files = Integer.getInteger("rislive.load.files", 2);
        int rounds = Integer.getInteger("rislive.load.rounds", 4);
        int passes = Integer.getInteger("rislive.load.passes", 5);
        List<byte[]> corpus = new ArrayList<>();
        long events = 0;
        for (int i = 0; i < files; i++) {
            Path mrt = SharedData.file("mrt/ris-2021-01-01/rrc12/updates.20210101." + FILES[i] + ".gz");
            MrtToRisLive.Stats s =
                    MrtToRisLive.builder().build().convert(mrt, f -> corpus.add(f.getBytes(StandardCharsets.UTF_8)));
            events += s.announcements() + s.withdrawals() + s.states();
        }
        long bytes = corpus.stream().mapToLong(b -> b.length).sum();
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "corpus: %d rrc12 files, %,d frames, %,d events, %,d bytes (avg %d B/frame); JDK %s; %d cpus; -Xmx %d MB%n",
                files,
                corpus.size(),
                events,
                bytes,
                bytes / corpus.size(),
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20));

        List<String> text = new ArrayList<>(corpus.size());
        for (byte[] b : corpus) {
            text.add(new String(b, StandardCharsets.UTF_8));
        }
        double[] ours = new double[passes];
        double[] ourBytes = new double[passes];
        double[] ref = new double[passes];
        double[] jacksonPath = new double[passes];
        double[] views = new double[passes];
        RisMessageDecoder viewDecoder = RisMessageDecoder.builder().build();
        RisMessageView view = new RisMessageView();
        JsonFactory json = new JsonFactory();
        RisMessageDecoder decoder = RisMessageDecoder.builder().build();
        // the same decoder with every frame through jackson-core: the phase-1 decode path ("before")
        RisMessageDecoder viaJackson =
                RisMessageDecoder.builder().fastPath(false).build();
        for (int warm = 0; warm < 3; warm++) {
            decodeAll(decoder, text);
            decodeAll(viaJackson, text);
            decodeAllBytes(decoder, corpus);
            tokenizeAll(json, text);
            viewAll(viewDecoder, view, text);
        }
        for (int p = 0; p < passes; p++) {
            long t0 = System.nanoTime();
            long ev = decodeAll(decoder, text);
            long t1 = System.nanoTime();
            tokenizeAll(json, text);
            long t2 = System.nanoTime();
            long evBytes = decodeAllBytes(decoder, corpus);
            long t3 = System.nanoTime();
            long evJackson = decodeAll(viaJackson, text);
            long t4 = System.nanoTime();
            long evView = viewAll(viewDecoder, view, text);
            long t5 = System.nanoTime();
            assertThat(evView).isEqualTo(events);
            views[p] = text.size() / ((t5 - t4) / 1e9);
            assertThat(evJackson).isEqualTo(events);
            jacksonPath[p] = text.size() / ((t4 - t3) / 1e9);
            assertThat(ev).isEqualTo(events);
            assertThat(evBytes).isEqualTo(events);
            ours[p] = text.size() / ((t1 - t0) / 1e9);
            ref[p] = text.size() / ((t2 - t1) / 1e9);
            ourBytes[p] = text.size() / ((t3 - t2) / 1e9);
        }
        text = null;
        double oursMedian = median(ours);
        double refMedian = median(ref);
        report.append(String.format(
                Locale.ROOT,
                "decode, 1 thread, median of %d passes: RisMessageDecoder(String) %,.0f msg/s (%,.0f events/s);"
                        + " RisMessageDecoder(UTF-8 bytes) %,.0f msg/s; jackson-core tokenise only (String) %,.0f msg/s;"
                        + " ratio String decode / tokenise %.2f%n"
                        + "  before (fastPath(false), every frame through jackson-core) %,.0f msg/s; ratio %.2f of"
                        + " tokenise; after/before %.2f; per-pass ratios after/tokenise %s%n",
                passes,
                oursMedian,
                oursMedian * events / corpus.size(),
                median(ourBytes),
                refMedian,
                oursMedian / refMedian,
                median(jacksonPath),
                median(jacksonPath) / refMedian,
                oursMedian / median(jacksonPath),
                ratios(ours, ref)));
        double viewMedian = median(views);
        report.append(String.format(
                Locale.ROOT,
                "  view (decodeInto(String, RisMessageView), no model) %,.0f msg/s; ratio view / tokenise %.2f;",
                viewMedian,
                viewMedian / refMedian));
        report.append(String.format(
                Locale.ROOT,
                " view / decode(String) %.2f; per-pass ratios view/tokenise %s%n",
                viewMedian / oursMedian,
                ratios(views, ref)));

        long total = (long) corpus.size() * rounds;
        // End to end: passes interleave the bare reference and the two client modes (each pass is
        // short, so JIT warm-up and the order would otherwise favour whatever runs later); medians.
        int e2ePasses = Integer.getInteger("rislive.load.e2ePasses", 1);
        try (LoopbackRisServer server = new LoopbackRisServer()) {
            double[] rawRates = new double[e2ePasses];
            double[] wsRates = new double[e2ePasses];
            double[] viewRates = new double[e2ePasses];
            for (int p = 0; p < e2ePasses; p++) {
                Result raw = rawJdkWebSocket(server, corpus, rounds);
                report.append(line("bare JDK WebSocket, count only (reference)", total, raw));
                Result ws = client(server, corpus, rounds, false);
                report.append(line("RisLiveClient WebSocket, BLOCK, decode+deliver", total, ws));
                Result wsViews = clientViews(server, corpus, rounds);
                report.append(line("RisLiveClient WebSocket, BLOCK, startViews", total, wsViews));
                rawRates[p] = raw.rate(total);
                wsRates[p] = ws.rate(total);
                viewRates[p] = wsViews.rate(total);
            }
            Result fh = client(server, corpus, rounds, true);
            report.append(line("RisLiveClient firehose, BLOCK, decode+deliver", total, fh));
            report.append(String.format(
                    Locale.ROOT,
                    "end to end, median of %d interleaved passes: bare JDK WebSocket %,.0f msg/s, client %,.0f,"
                            + " client startViews %,.0f%n",
                    e2ePasses,
                    median(rawRates),
                    median(wsRates),
                    median(viewRates)));
            report.append(String.format(
                    Locale.ROOT,
                    "ratio WebSocket client / bare JDK WebSocket: %.2f (per pass %s)%n",
                    median(wsRates) / median(rawRates),
                    ratios(wsRates, rawRates)));
            report.append(String.format(
                    Locale.ROOT,
                    "ratio WebSocket client startViews / bare JDK WebSocket: %.2f (per pass %s)%n",
                    median(viewRates) / median(rawRates),
                    ratios(viewRates, rawRates)));
        }
        System.out.print(report);
        Path out = Path.of("target", "rislive-load-" + Runtime.version().feature() + ".txt");
        Files.writeString(out, report.toString());
    }

    private static String ratios(double[] a, double[] b) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", a[i] / b[i]));
        }
        return sb.append(']').toString();
    }

    private static String line(String what, long total, Result r) {
        return String.format(
                Locale.ROOT,
                "%-48s %,10d msg in %6.2f s = %,9.0f msg/s; dropped %d; peak heap %d MB%n",
                what,
                total,
                r.nanos / 1e9,
                r.rate(total),
                r.dropped,
                r.peakHeapBytes >> 20);
    }

    record Result(long nanos, long dropped, long peakHeapBytes) {
        double rate(long total) {
            return total / (nanos / 1e9);
        }
    }

    private static Result client(LoopbackRisServer server, List<byte[]> corpus, int rounds, boolean firehose)
            throws Exception {
        long total = (long) corpus.size() * rounds;
        resetPeaks();
        CompletableFuture<Long>[] written = newFutureArray();
        if (firehose) {
            server.onFirehose(s -> written[0] = s.streamUtf8(corpus, rounds).whenComplete((n, e) -> s.endFirehose()));
        }
        RisLiveClient.Builder b = RisLiveClient.builder()
                .overflowPolicy(OverflowPolicy.BLOCK)
                .reconnectBackoff(Duration.ofMinutes(1), Duration.ofMinutes(1));
        b = firehose ? b.firehose(server.firehoseUri()) : b.webSocket(server.webSocketUri());
        try (RisLiveClient client = b.build();
                RisMessageStream stream = client.messages()) {
            LoopbackRisServer.Session session = server.nextSession(Duration.ofSeconds(10));
            long t0 = System.nanoTime();
            if (!firehose) {
                written[0] = session.streamUtf8(corpus, rounds);
            }
            long n = 0;
            long events = 0;
            while (n < total) {
                RisMessage m = stream.next();
                events += m.events().size();
                if ((++n & 4095) == 0) {
                    sampleHeap();
                }
            }
            long t1 = System.nanoTime();
            assertThat(written[0].get(30, TimeUnit.SECONDS)).isEqualTo(total);
            RisLiveMetrics metrics = client.metrics();
            assertThat(metrics.decoded()).isEqualTo(total);
            assertThat(metrics.dropped()).isZero();
            assertThat(events).isPositive();
            return new Result(t1 - t0, metrics.dropped(), peakHeap());
        }
    }

    /** The client delivering views (no model objects): counts prefixes as a monitor would look at them. */
    private static Result clientViews(LoopbackRisServer server, List<byte[]> corpus, int rounds) throws Exception {
        long total = (long) corpus.size() * rounds;
        resetPeaks();
        AtomicLong delivered = new AtomicLong();
        long[] prefixes = new long[1];
        CompletableFuture<Long> done = new CompletableFuture<>();
        try (RisLiveClient client = RisLiveClient.builder()
                .overflowPolicy(OverflowPolicy.BLOCK)
                .reconnectBackoff(Duration.ofMinutes(1), Duration.ofMinutes(1))
                .webSocket(server.webSocketUri())
                .build()) {
            client.startViews(v -> {
                prefixes[0] += v.announcedCount() + v.withdrawnCount();
                long n = delivered.incrementAndGet();
                if ((n & 4095) == 0) {
                    sampleHeap();
                }
                if (n == total) {
                    done.complete(System.nanoTime());
                }
            });
            LoopbackRisServer.Session session = server.nextSession(Duration.ofSeconds(10));
            long t0 = System.nanoTime();
            CompletableFuture<Long> written = session.streamUtf8(corpus, rounds);
            long t1 = done.get(300, TimeUnit.SECONDS);
            assertThat(written.get(30, TimeUnit.SECONDS)).isEqualTo(total);
            RisLiveMetrics metrics = client.metrics();
            assertThat(metrics.decoded()).isEqualTo(total);
            assertThat(metrics.dropped()).isZero();
            assertThat(prefixes[0]).isPositive();
            return new Result(t1 - t0, metrics.dropped(), peakHeap());
        }
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<Long>[] newFutureArray() {
        return (CompletableFuture<Long>[]) new CompletableFuture<?>[1];
    }

    private static Result rawJdkWebSocket(LoopbackRisServer server, List<byte[]> corpus, int rounds) throws Exception {
        long total = (long) corpus.size() * rounds;
        resetPeaks();
        AtomicLong frames = new AtomicLong();
        CompletableFuture<Long> all = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(server.webSocketUri(), new WebSocket.Listener() {
                    @Override
                    public @Nullable CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        long n = last ? frames.incrementAndGet() : frames.get();
                        if ((n & 4095) == 0) {
                            sampleHeap();
                        }
                        if (last && n == total) {
                            all.complete(System.nanoTime());
                        }
                        w.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        LoopbackRisServer.Session session = server.nextSession(Duration.ofSeconds(10));
        long t0 = System.nanoTime();
        var unused = session.streamUtf8(corpus, rounds);
        long t1 = all.get(120, TimeUnit.SECONDS);
        ws.abort();
        return new Result(t1 - t0, 0, peakHeap());
    }

    private static long decodeAll(RisMessageDecoder decoder, List<String> frames) {
        long events = 0;
        for (String f : frames) {
            events += ((RisMessage) decoder.decode(f)).events().size();
        }
        return events;
    }

    /** Events a model decode would give, counted from the view: prefixes, plus one per peer-state message. */
    private static long viewAll(RisMessageDecoder decoder, RisMessageView view, List<String> frames) {
        long events = 0;
        for (String f : frames) {
            if (!decoder.decodeInto(f, view)) {
                throw new AssertionError("not a message: " + f);
            }
            events += view.withdrawnCount()
                    + view.announcedCount()
                    + (view.type() == RisMessageType.RIS_PEER_STATE ? 1 : 0);
        }
        return events;
    }

    private static long decodeAllBytes(RisMessageDecoder decoder, List<byte[]> frames) {
        long events = 0;
        for (byte[] f : frames) {
            events += ((RisMessage) decoder.decode(f, 0, f.length)).events().size();
        }
        return events;
    }

    private static long tokenizeAll(JsonFactory json, List<String> frames) throws IOException {
        long n = 0;
        for (String f : frames) {
            try (JsonParser p = json.createParser(f)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.VALUE_STRING) {
                        n += p.getTextLength();
                    }
                }
            }
        }
        return n;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static long peak;

    private static void resetPeaks() {
        System.gc();
        peak = 0;
    }

    // The test runs inside the client's JPMS module, which does not read java.management: sample
    // Runtime instead (used heap including not-yet-collected garbage, so an upper bound).
    private static void sampleHeap() {
        Runtime r = Runtime.getRuntime();
        peak = Math.max(peak, r.totalMemory() - r.freeMemory());
    }

    private static long peakHeap() {
        sampleHeap();
        return peak;
    }
}
