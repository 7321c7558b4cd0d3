package dev.routescope.model;

import java.time.Instant;

/**
 * A change of a BGP session's FSM state (MRT STATE_CHANGE, RIS Live RIS_PEER_STATE).
 *
 * <pre>{@code
 * PeerStateChange s = new PeerStateChange(Instant.now(), "rrc12", Peer.of("192.0.2.1", 64500),
 *         BgpState.ESTABLISHED, BgpState.IDLE);
 * s.isSessionDown(); // true
 * }</pre>
 *
 * @param timestamp when it happened (truncated to microseconds)
 * @param collector collector name
 * @param peer the peer whose session changed
 * @param oldState previous state ({@link BgpState#UNKNOWN} if not reported)
 * @param newState new state
 * @since 0.1
 */
public record PeerStateChange(Instant timestamp, String collector, Peer peer, BgpState oldState, BgpState newState)
        implements RouteEvent {

    /** Truncates the timestamp to microseconds. */
    public PeerStateChange {
        timestamp = RouteEvent.toMicros(timestamp);
    }

    /** {@return true if the session left ESTABLISHED: the peer's routes are gone} */
    public boolean isSessionDown() {
        return oldState == BgpState.ESTABLISHED && newState != BgpState.ESTABLISHED;
    }

    /** {@return true if the session reached ESTABLISHED} */
    public boolean isSessionUp() {
        return newState == BgpState.ESTABLISHED && oldState != BgpState.ESTABLISHED;
    }
}
