package dev.routescope.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A route to one prefix announced by a peer (one {@code bgpdump -m} A or B line).
 *
 * <pre>{@code
 * Announcement a = new Announcement(Instant.parse("2021-01-01T05:00:00Z"), "rrc12",
 *         Peer.of("192.0.2.1", 64500), Prefix.parse("198.51.100.0/24"), RouteEvent.NO_PATH_ID,
 *         PathAttributes.builder().asPath(AsPath.parse("64500 64501")).build(), false);
 * a.origin(); // Optional[AS64501]
 * }</pre>
 *
 * @param timestamp when it was received (truncated to microseconds)
 * @param collector collector name
 * @param peer the peer that sent it
 * @param prefix the announced prefix
 * @param pathId ADD-PATH identifier, or {@link RouteEvent#NO_PATH_ID}
 * @param attributes the route's path attributes
 * @param ribEntry true if it comes from a RIB dump (TABLE_DUMP/TABLE_DUMP_V2) rather than an UPDATE
 * @since 0.1
 */
public record Announcement(
        Instant timestamp,
        String collector,
        Peer peer,
        Prefix prefix,
        long pathId,
        PathAttributes attributes,
        boolean ribEntry)
        implements RouteEvent {

    /** Truncates the timestamp to microseconds and checks the path id. */
    public Announcement {
        timestamp = RouteEvent.toMicros(timestamp);
        RouteEvent.checkPathId(pathId);
    }

    /** {@return the origin AS, empty if the path is empty or ends in an AS_SET} */
    public Optional<Asn> origin() {
        return attributes.asPath().origin();
    }

    /** {@return the AS path} */
    public AsPath asPath() {
        return attributes.asPath();
    }

    /** {@return true if an ADD-PATH identifier is present} */
    public boolean hasPathId() {
        return pathId != NO_PATH_ID;
    }
}
