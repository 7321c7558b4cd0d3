package dev.routescope.rislive;

/**
 * Life-cycle and problem callbacks of a {@link RisLiveClient}; every method has a do-nothing
 * default. Connection events ({@link #onConnected}, {@link #onDisconnected}, {@link #onGap}) come
 * from the client's connector thread; frame events ({@link #onMalformed}, {@link #onServerError},
 * {@link #onSubscribed}, {@link #onCollectorList}) from the consuming thread, in stream order with the
 * messages. Keep them short; an exception thrown by a callback is logged and ignored.
 *
 * <pre>{@code
 * RisLiveListener listener = new RisLiveListener() {
 *     @Override
 *     public void onGap(RisGap gap) {
 *         backfill.schedule(gap.from(), gap.to());
 *     }
 * };
 * }</pre>
 *
 * @since 0.1
 */
public interface RisLiveListener {

    /**
     * A connection is open and its subscriptions were sent.
     *
     * @param endpoint what was connected to
     */
    default void onConnected(String endpoint) {}

    /**
     * A connection ended; the client will reconnect unless it is closing or replaying.
     *
     * @param reason why (server close, error, stall)
     */
    default void onDisconnected(String reason) {}

    /**
     * The client is connected again after a loss; messages in the window may be missing.
     *
     * @param gap the window
     */
    default void onGap(RisGap gap) {}

    /**
     * A frame was skipped because it was malformed or too long. Frames longer than {@code
     * maxFrameChars} are reported from the network thread, as soon as they are discarded.
     *
     * @param malformed the frame text (cut), offset and reason
     */
    default void onMalformed(RisFrame.Malformed malformed) {}

    /**
     * The server sent {@code ris_error}.
     *
     * @param error its message
     */
    default void onServerError(RisFrame.ServerError error) {}

    /**
     * The server acknowledged a subscription ({@code acknowledge} socket option).
     *
     * @param ok the acknowledged subscription
     */
    default void onSubscribed(RisFrame.SubscribeOk ok) {}

    /**
     * The answer to {@link RisLiveClient#requestCollectorList()}.
     *
     * @param list the collectors
     */
    default void onCollectorList(RisFrame.CollectorList list) {}
}
