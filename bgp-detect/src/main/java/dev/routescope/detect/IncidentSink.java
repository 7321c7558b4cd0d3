package dev.routescope.detect;

import java.io.IOException;

/**
 * Where incident notifications go. Implementations may block and may throw; the pipeline always
 * wraps them in an {@link AsyncSink} (bounded queue, retry, spill file), so a slow or failing sink
 * never blocks detection and never loses notifications silently.
 *
 * <pre>{@code
 * IncidentSink pager = new IncidentSink() {
 *     public String name() { return "pager"; }
 *     public void publish(Incident i) throws IOException { pagerClient.send(i.summary()); }
 * };
 * }</pre>
 *
 * @since 0.1
 */
public interface IncidentSink extends AutoCloseable {

    /** {@return a short name for metrics and logs, e.g. {@code webhook}} */
    String name();

    /**
     * Delivers one notification; called from one thread at a time.
     *
     * @param incident the notification
     * @throws Exception if delivery failed (it will be retried, then spilled)
     */
    void publish(Incident incident) throws Exception;

    /**
     * Releases resources. Default: nothing.
     *
     * @throws IOException if releasing failed
     */
    @Override
    default void close() throws IOException {}
}
