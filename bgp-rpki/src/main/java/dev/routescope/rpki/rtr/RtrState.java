package dev.routescope.rpki.rtr;

/**
 * Where an {@link RtrClient} is. The validator keeps the cache's last complete data in every state
 * until it is replaced by the next complete response or, in {@link #STALE}, flushed (unless the
 * client was built with {@code flushOnExpire(false)}).
 *
 * <pre>{@code
 * NEW -> CONNECTING -> SYNCING -> SYNCED <-> (refresh / Serial Notify: Serial Query, stays SYNCED)
 *            ^            |          |
 *            +------------+----------+  connection lost, Error Report, malformed PDU: back off, reconnect
 * any state but NEW -> STALE         when the Expire interval passes without a successful sync
 * STALE -> SYNCED                    on the next successful sync
 * CONNECTING -> FAILED               the cache refuses even protocol version 0 (nothing left to try)
 * any -> CLOSED                      close()
 * }</pre>
 *
 * @since 0.1
 */
public enum RtrState {
    /** Built, not started. */
    NEW,
    /** Opening the TCP connection (or waiting to retry after a failure). */
    CONNECTING,
    /** Connected; the first response of this connection is being received. */
    SYNCING,
    /** The data equals the cache's as of the last End of Data; refreshes happen in this state. */
    SYNCED,
    /** The Expire interval passed without a successful sync; still reconnecting. */
    STALE,
    /** Version negotiation failed for good: the cache supports no version this client speaks. */
    FAILED,
    /** Closed by the caller. */
    CLOSED
}
