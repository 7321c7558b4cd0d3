package dev.routescope.rpki.rtr;

import java.io.IOException;

/**
 * The RTR client could not reach the state the caller waited for: the cache is unreachable, it
 * refused every protocol version, the client was closed, or the wait timed out. The message names
 * the cache, the client state and the last failure.
 *
 * <pre>{@code
 * try {
 *     client.awaitSynced(Duration.ofSeconds(30));
 * } catch (RtrException e) {
 *     System.err.println(e.getMessage()); // "rtr 127.0.0.1:3323: not synced within PT30S (state CONNECTING; last failure: connect: Connection refused)"
 *     e.state();                          // CONNECTING
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class RtrException extends IOException {
    private static final long serialVersionUID = 1L;

    private final RtrState state;

    /**
     * An exception.
     *
     * @param message what failed, naming the cache
     * @param state the client state when it was thrown
     */
    public RtrException(String message, RtrState state) {
        super(message);
        this.state = state;
    }

    /** {@return the client state when this was thrown} */
    public RtrState state() {
        return state;
    }
}
