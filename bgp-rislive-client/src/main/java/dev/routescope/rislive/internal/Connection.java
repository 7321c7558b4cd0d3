package dev.routescope.rislive.internal;

import java.util.concurrent.CompletableFuture;

/** One open transport connection. */
public interface Connection {

    /** {@return completes with the reason when the connection ends, from either side} */
    CompletableFuture<String> closed();

    /**
     * Sends a text frame to the server (WebSocket only); sends are serialised.
     *
     * @param text the frame
     * @return false if this transport cannot send (firehose, replay)
     */
    boolean send(String text);

    /** Ends the connection at once; {@link #closed()} then completes. */
    void abort();

    /**
     * Ends the connection politely where the protocol has a way (WebSocket close handshake, bounded
     * by a short wait), else like {@link #abort()}.
     */
    default void close() {
        abort();
    }
}
