package dev.routescope.benchmarks.rislive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.routescope.benchmarks.BenchmarkDefaults;
import dev.routescope.rislive.RawUpdateDecoder;
import dev.routescope.rislive.RisMessage;
import dev.routescope.rislive.RisMessageDecoder;
import dev.routescope.rislive.RisMessageView;
import dev.routescope.rislive.tools.MrtToRisLive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decode rate of RIS Live frames (one frame per operation, so ops/s = messages/s on one thread).
 * Frames are real rrc12 routing data (2021-01-01 05:00) converted to RIS Live JSON in the setup by
 * {@link MrtToRisLive}; {@link #INPUTS} frames are sampled evenly over the file (avg ~420 characters;
 * with {@code raw} ~700).
 *
 * <p>Adapters: {@code ROUTESCOPE_STRING} ({@link RisMessageDecoder#decode(String)}, the WebSocket
 * path, built-in scanner), {@code ROUTESCOPE_UTF8} ({@code decode(byte[], int, int)}, the
 * firehose/replay shape), {@code ROUTESCOPE_JACKSON_PATH} (the same decoder with {@code
 * fastPath(false)}: every frame through jackson-core, i.e. the phase-1 decoder), {@code
 * ROUTESCOPE_RAW} (frames with {@code raw}, decoded from the BGP bytes by bgp-mrt-parser), {@code
 * ROUTESCOPE_VIEW} ({@link RisMessageDecoder#decodeInto(String, RisMessageView)} into one reused view:
 * the allocation-free path, no model objects; run with {@code -prof gc} to see B/op) and the
 * reference {@code JACKSON_TOKENS} (jackson-core only tokenising the same String, string values
 * materialised, no model).
 *
 * <p>Input: system property {@code routescope.rislive.mrt} (default {@code
 * ../shared/data/mrt/ris-2021-01-01/rrc12/updates.20210101.0500.gz}, relative to the repository root).
 */
@State(Scope.Thread)
public class RisLiveDecodeBenchmark extends BenchmarkDefaults {

    /** What decodes. */
    public enum Adapter {
        /** {@link RisMessageDecoder#decode(String)}. */
        ROUTESCOPE_STRING,
        /** {@link RisMessageDecoder#decode(byte[], int, int)}. */
        ROUTESCOPE_UTF8,
        /** {@link RisMessageDecoder#decode(String)} with {@code fastPath(false)}. */
        ROUTESCOPE_JACKSON_PATH,
        /** {@link RisMessageDecoder#decode(String)} on frames carrying {@code raw}, decoded from it. */
        ROUTESCOPE_RAW,
        /** {@link RisMessageDecoder#decodeInto(String, RisMessageView)}, one reused view, no model. */
        ROUTESCOPE_VIEW,
        /** jackson-core {@code nextToken()} over the frame, string values materialised. */
        JACKSON_TOKENS
    }

    /** The adapter. */
    @Param({
        "ROUTESCOPE_STRING",
        "ROUTESCOPE_UTF8",
        "ROUTESCOPE_JACKSON_PATH",
        "ROUTESCOPE_RAW",
        "ROUTESCOPE_VIEW",
        "JACKSON_TOKENS"
    })
    public Adapter adapter;

    private String[] frames = new String[0];
    private byte[][] utf8 = new byte[0][];
    private RisMessageDecoder decoder = RisMessageDecoder.builder().build();
    private final RisMessageView view = new RisMessageView();
    private final JsonFactory json = new JsonFactory();
    private int i;

    /** Converts and samples the frames. */
    @Setup
    public void setUp() {
        Path file = Path.of(System.getProperty(
                "routescope.rislive.mrt", "../shared/data/mrt/ris-2021-01-01/rrc12/updates.20210101.0500.gz"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    file + " is missing: run from the repository root or set -Droutescope.rislive.mrt");
        }
        boolean raw = adapter == Adapter.ROUTESCOPE_RAW;
        List<String> all = new ArrayList<>();
        try {
            MrtToRisLive.builder().includeRaw(raw).build().convert(file, all::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RisMessageDecoder.Builder b = RisMessageDecoder.builder();
        if (adapter == Adapter.ROUTESCOPE_JACKSON_PATH) {
            b.fastPath(false);
        }
        if (!raw) {
            b.rawUpdateDecoder(RawUpdateDecoder.JSON_ONLY);
        }
        decoder = b.build();
        frames = new String[INPUTS];
        utf8 = new byte[INPUTS][];
        for (int k = 0; k < INPUTS; k++) {
            frames[k] = all.get((int) ((long) k * all.size() / INPUTS));
            utf8[k] = frames[k].getBytes(StandardCharsets.UTF_8);
            if (!(decoder.decode(frames[k]) instanceof RisMessage expected)) {
                throw new IllegalStateException("frame " + k + " of " + file + " does not decode: " + frames[k]);
            }
            if (adapter == Adapter.ROUTESCOPE_VIEW
                    && !(decoder.decodeInto(frames[k], view) && view.toMessage().equals(expected))) {
                throw new IllegalStateException(
                        "frame " + k + " of " + file + " differs through the view: " + frames[k]);
            }
        }
        if (raw && decoder.rawFallbacks() != 0) {
            throw new IllegalStateException(decoder.rawFallbacks() + " raw UPDATEs fell back to JSON");
        }
    }

    /**
     * Decodes one frame.
     *
     * @return the decoded frame, or a token count for the reference
     * @throws IOException never for valid input
     */
    @Benchmark
    public Object decode() throws IOException {
        int k = i++ & MASK;
        switch (adapter) {
            case ROUTESCOPE_UTF8:
                byte[] b = utf8[k];
                return decoder.decode(b, 0, b.length);
            case JACKSON_TOKENS:
                return tokens(frames[k]);
            case ROUTESCOPE_VIEW:
                // the view itself goes to the blackhole: returning a count would box it (an allocation)
                return decoder.decodeInto(frames[k], view) ? view : frames[k];
            default:
                return decoder.decode(frames[k]);
        }
    }

    private long tokens(String frame) throws IOException {
        long n = 0;
        try (JsonParser p = json.createParser(frame)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                n += t == JsonToken.VALUE_STRING ? p.getText().length() : 1;
            }
        }
        return n;
    }
}
