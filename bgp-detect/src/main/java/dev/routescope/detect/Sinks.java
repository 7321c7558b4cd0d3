package dev.routescope.detect;

import dev.routescope.detect.internal.JsonLinesSink;
import dev.routescope.detect.internal.Slf4jSink;
import dev.routescope.detect.internal.SyslogSink;
import dev.routescope.detect.internal.WebhookSink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Built-in incident sinks. The pipeline wraps each in an {@link AsyncSink}; use {@link #async} to do
 * that yourself outside a pipeline.
 *
 * <pre>{@code
 * Pipeline.builder()
 *         .sink(Sinks.slf4j())
 *         .sink(Sinks.jsonLines(Path.of("incidents.jsonl")))
 *         .sink(Sinks.webhook(URI.create("https://hooks.slack.com/services/T0/B0/X")))
 *         .sink(Sinks.syslogTcp("127.0.0.1", 6514))
 *         ...
 * }</pre>
 *
 * @since 0.1
 */
public final class Sinks {
    private Sinks() {}

    /** {@return a thread-safe in-memory sink (capacity 1,000,000)} */
    public static InMemorySink inMemory() {
        return new InMemorySink(1_000_000);
    }

    /**
     * An in-memory sink that refuses notifications beyond {@code capacity} (they then spill).
     *
     * @param capacity the maximum kept
     * @return the sink
     */
    public static InMemorySink inMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " (expected: >= 1)");
        }
        return new InMemorySink(capacity);
    }

    /** {@return a sink logging to {@code dev.routescope.incidents}: CRITICAL at ERROR, HIGH at WARN, else INFO} */
    public static IncidentSink slf4j() {
        return new Slf4jSink("dev.routescope.incidents");
    }

    /**
     * Appends one JSON object per line (jackson-core, fixed field order), flushing each line.
     *
     * @param file the file, created if missing
     * @return the sink
     * @throws IOException if the file cannot be opened
     */
    public static IncidentSink jsonLines(Path file) throws IOException {
        return new JsonLinesSink(file);
    }

    /**
     * POSTs Slack-compatible JSON ({@code {"text": "...", "incident": {...}}}); any non-2xx answer is
     * a failure (retried, then spilled). Timeout 10 s.
     *
     * @param uri http(s) endpoint
     * @return the sink
     */
    public static IncidentSink webhook(URI uri) {
        return new WebhookSink(uri, Duration.ofSeconds(10));
    }

    /**
     * RFC 5424 syslog over UDP (RFC 5426), facility local0, messages truncated to 2048 bytes.
     *
     * @param host receiver host
     * @param port receiver port
     * @return the sink
     */
    public static IncidentSink syslogUdp(String host, int port) {
        return new SyslogSink(new InetSocketAddress(host, port), false, 16, localHost(), 2048, Duration.ofSeconds(5));
    }

    /**
     * RFC 5424 syslog over TCP with RFC 6587 octet-counting framing, facility local0; reconnects on
     * the next attempt after a failure.
     *
     * @param host receiver host
     * @param port receiver port
     * @return the sink
     */
    public static IncidentSink syslogTcp(String host, int port) {
        return new SyslogSink(new InetSocketAddress(host, port), true, 16, localHost(), 2048, Duration.ofSeconds(5));
    }

    private static String localHost() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "-";
        }
    }

    /**
     * Wraps a sink in a bounded queue with its own thread, retries and a spill file.
     *
     * @param sink the sink
     * @param capacity queue capacity
     * @param maxAttempts delivery attempts per notification
     * @param backoff wait after the first failure (doubles, capped at 5 s)
     * @param spillFile where undeliverable notifications go (JSON lines), or null to log them at ERROR
     * @return the async sink (started)
     */
    public static AsyncSink async(
            IncidentSink sink, int capacity, int maxAttempts, Duration backoff, @Nullable Path spillFile) {
        return new AsyncSink(sink, capacity, maxAttempts, backoff, spillFile);
    }
}
