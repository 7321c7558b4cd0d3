package dev.routescope.rpki.rtr;

/**
 * Callbacks from an {@link RtrClient}. All methods have empty defaults; implement what you need.
 *
 * <pre>{@code
 * RtrListener l = new RtrListener() {
 *     public void stateChanged(RtrState previous, RtrState current) {
 *         if (current == RtrState.STALE) alert("RPKI data expired");
 *     }
 * };
 * RtrClient.builder().host("127.0.0.1").port(3323).listener(l).build().start();
 * }</pre>
 *
 * <h2>Threading</h2>
 *
 * Called on the client's own thread, one call at a time, in protocol order. Do not block: the
 * session waits while a callback runs. An exception thrown by a callback is logged and ignored.
 *
 * @since 0.1
 */
public interface RtrListener {
    /**
     * The state changed.
     *
     * @param previous the old state
     * @param current the new state
     */
    default void stateChanged(RtrState previous, RtrState current) {}

    /**
     * A complete response was applied to the validator (and the ASPA set). Called before the state
     * becomes {@link RtrState#SYNCED}, so a caller woken by {@link RtrClient#awaitSynced} finds the
     * callback done.
     *
     * @param sync what was applied
     */
    default void synced(RtrSync sync) {}

    /**
     * An Error Report was sent or received.
     *
     * @param report the report
     */
    default void errorReport(RtrErrorReport report) {}

    /**
     * The connection ended or could not be opened; the client backs off and reconnects.
     *
     * @param reason what happened, e.g. {@code connect: Connection refused}
     */
    default void disconnected(String reason) {}
}
