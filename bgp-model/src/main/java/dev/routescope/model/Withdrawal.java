package dev.routescope.model;

import java.time.Instant;

/**
 * A peer's withdrawal of its route to one prefix (one {@code bgpdump -m} W line).
 *
 * <pre>{@code
 * Withdrawal w = new Withdrawal(Instant.now(), "rrc12", Peer.of("192.0.2.1", 64500),
 *         Prefix.parse("198.51.100.0/24"), RouteEvent.NO_PATH_ID);
 * }</pre>
 *
 * @param timestamp when it was received (truncated to microseconds)
 * @param collector collector name
 * @param peer the peer that withdrew
 * @param prefix the withdrawn prefix
 * @param pathId ADD-PATH identifier, or {@link RouteEvent#NO_PATH_ID}
 * @since 0.1
 */
public record Withdrawal(Instant timestamp, String collector, Peer peer, Prefix prefix, long pathId)
        implements RouteEvent {

    /** Truncates the timestamp to microseconds and checks the path id. */
    public Withdrawal {
        timestamp = RouteEvent.toMicros(timestamp);
        RouteEvent.checkPathId(pathId);
    }

    /** {@return true if an ADD-PATH identifier is present} */
    public boolean hasPathId() {
        return pathId != NO_PATH_ID;
    }
}
