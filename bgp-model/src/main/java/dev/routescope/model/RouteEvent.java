package dev.routescope.model;

import java.time.Instant;

/**
 * One routing event as seen by a collector: an {@link Announcement}, a {@link Withdrawal} or a
 * {@link PeerStateChange}. Events are immutable values; time is event time (the collector's
 * timestamp, microsecond precision), never the wall clock.
 *
 * <pre>{@code
 * switch (event) {
 *     case Announcement a -> System.out.println(a.prefix() + " via " + a.attributes().asPath());
 *     case Withdrawal w -> System.out.println("withdrawn " + w.prefix());
 *     case PeerStateChange s -> System.out.println(s.peer() + " -> " + s.newState());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface RouteEvent permits Announcement, Withdrawal, PeerStateChange {

    /** Path identifier value meaning "no ADD-PATH identifier". */
    long NO_PATH_ID = -1;

    /** {@return when the collector received the event (microsecond precision)} */
    Instant timestamp();

    /** {@return the collector name, e.g. {@code rrc12} or {@code route-views2}; empty if unknown} */
    String collector();

    /** {@return the BGP peer the collector received the event from} */
    Peer peer();

    /**
     * Truncates to microseconds, the precision of MRT BGP4MP_ET and RIS Live timestamps.
     *
     * @param t an instant
     * @return {@code t} without its sub-microsecond part
     */
    static Instant toMicros(Instant t) {
        int nanos = t.getNano();
        return nanos % 1000 == 0 ? t : Instant.ofEpochSecond(t.getEpochSecond(), nanos - nanos % 1000);
    }

    /**
     * Validates an ADD-PATH identifier.
     *
     * @param pathId {@link #NO_PATH_ID} or an unsigned 32-bit value
     * @return {@code pathId}
     */
    static long checkPathId(long pathId) {
        if (pathId != NO_PATH_ID && (pathId < 0 || pathId > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("path id " + pathId + " (expected: -1 for none, or 0..4294967295)");
        }
        return pathId;
    }
}
