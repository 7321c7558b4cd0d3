package dev.routescope.benchmarks.rislive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.routescope.benchmarks.BenchmarkDefaults;
import dev.routescope.rislive.RisMessage;
import dev.routescope.rislive.RisMessageDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decode rate of RIS Live frames (one frame per operation, so ops/s = messages/s on one thread).
 * Frames are real rrc12 routing data (2021-01-01 05:00) converted to RIS Live JSON by the client's
 * interim bgpdump-based generator; {@link #INPUTS} frames are sampled evenly over the file.
 *
 * <p>Adapters: {@code ROUTESCOPE_STRING} ({@link RisMessageDecoder#decode(String)}, the WebSocket
 * path), {@code ROUTESCOPE_UTF8} ({@code decode(byte[], int, int)}, the firehose/replay shape) and the
 * reference {@code JACKSON_TOKENS} (jackson-core only tokenising the same String, no model: the floor
 * any jackson-based decoder pays).
 *
 * <p>Input: system property {@code routescope.rislive.frames} (default {@code
 * /tmp/routescope-bench/rislive/rrc12-0500.ndjson}); see the bgp-rislive-client README for the
 * command that writes it.
 */
@State(Scope.Thread)
public class RisLiveDecodeBenchmark extends BenchmarkDefaults {

    /** What decodes. */
    public enum Adapter {
        /** {@link RisMessageDecoder#decode(String)}. */
        ROUTESCOPE_STRING,
        /** {@link RisMessageDecoder#decode(byte[], int, int)}. */
        ROUTESCOPE_UTF8,
        /** jackson-core {@code nextToken()} over the frame, string values materialised. */
        JACKSON_TOKENS
    }

    /** The adapter. */
    @Param({"ROUTESCOPE_STRING", "ROUTESCOPE_UTF8", "JACKSON_TOKENS"})
    public Adapter adapter;

    private String[] frames = new String[0];
    private byte[][] utf8 = new byte[0][];
    private RisMessageDecoder decoder = RisMessageDecoder.builder().build();
    private final JsonFactory json = new JsonFactory();
    private int i;

    /** Loads and samples the frames. */
    @Setup
    public void setUp() {
        Path file = Path.of(
                System.getProperty("routescope.rislive.frames", "/tmp/routescope-bench/rislive/rrc12-0500.ndjson"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: write it with the BgpdumpToRisLive command in"
                    + " bgp-rislive-client/README.md");
        }
        List<String> all;
        try {
            all = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        frames = new String[INPUTS];
        utf8 = new byte[INPUTS][];
        for (int k = 0; k < INPUTS; k++) {
            frames[k] = all.get((int) ((long) k * all.size() / INPUTS));
            utf8[k] = frames[k].getBytes(StandardCharsets.UTF_8);
            if (!(decoder.decode(frames[k]) instanceof RisMessage)) {
                throw new IllegalStateException("frame " + k + " of " + file + " does not decode: " + frames[k]);
            }
        }
        decoder = RisMessageDecoder.builder().build();
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
            case ROUTESCOPE_STRING:
                return decoder.decode(frames[k]);
            case ROUTESCOPE_UTF8:
                byte[] b = utf8[k];
                return decoder.decode(b, 0, b.length);
            default:
                return tokens(frames[k]);
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
