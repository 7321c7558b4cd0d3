package dev.routescope.rislive;

/**
 * What the client does when its bounded queue is full because the consumer is slower than the
 * stream.
 *
 * <pre>{@code
 * RisLiveClient.builder().overflowPolicy(OverflowPolicy.DROP_OLDEST).queueCapacity(50_000);
 * }</pre>
 *
 * @since 0.1
 */
public enum OverflowPolicy {
    /**
     * Stop reading from the network until the consumer catches up (WebSocket {@code request(n)} /
     * HTTP body demand): nothing is lost locally, but the server may disconnect a client that stays
     * too slow, which is then reported as a gap.
     */
    BLOCK,
    /** Keep reading; discard the oldest queued frame to make room, counted in {@link RisLiveMetrics#dropped()}. */
    DROP_OLDEST
}
