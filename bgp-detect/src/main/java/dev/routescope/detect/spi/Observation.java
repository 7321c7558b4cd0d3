package dev.routescope.detect.spi;

import dev.routescope.model.AsPath;
import dev.routescope.model.PathAttributes;
import dev.routescope.model.Peer;
import dev.routescope.model.Prefix;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A route event as a detector sees it: one (prefix, peer) change enriched with what the routing
 * state knew before it (this peer's previous origin) and after it (how many peers see the prefix).
 * The pipeline builds observations from {@link dev.routescope.model.Announcement}s, {@link
 * dev.routescope.model.Withdrawal}s and, when a session goes down, one implicit withdrawal per route
 * the peer held.
 *
 * <pre>{@code
 * if (o.isAnnouncement() && o.origin() != o.previousOrigin()) {
 *     // this peer switched origin for o.prefix()
 * }
 * }</pre>
 *
 * @param sequence position of the source event in the input (0-based, gap-free per pipeline run)
 * @param kind announcement or withdrawal
 * @param timestamp event time
 * @param collector the collector name, may be empty
 * @param peer the collector peer
 * @param peerId a dense id of (collector, peer) assigned in order of first appearance
 * @param prefix the prefix
 * @param attributes the announced attributes, null for withdrawals
 * @param origin origin ASN of the announced path, {@code -1} for withdrawals and AS_SET/empty origins
 * @param upstream the neighbour of the origin (next AS left of it after removing prepends), or -1
 * @param previousOrigin origin of this peer's previous route to the prefix, {@code -1} if none or
 *     unknown
 * @param previousUpstream upstream of this peer's previous route, or -1
 * @param hadRoute whether this peer held a route to the prefix before this event
 * @param visibility number of peers holding a route to the prefix after this event
 * @param implicit true for a withdrawal caused by the peer's session going down (not evidence
 *     against the prefix)
 * @since 0.1
 */
public record Observation(
        long sequence,
        Kind kind,
        Instant timestamp,
        String collector,
        Peer peer,
        int peerId,
        Prefix prefix,
        @Nullable PathAttributes attributes,
        long origin,
        long upstream,
        long previousOrigin,
        long previousUpstream,
        boolean hadRoute,
        int visibility,
        boolean implicit) {

    /** Announcement or withdrawal. */
    public enum Kind {
        /** The peer announced (or replaced) its route. */
        ANNOUNCE,
        /** The peer withdrew its route (explicitly, or implicitly by losing the session). */
        WITHDRAW
    }

    /** {@return true for an announcement} */
    public boolean isAnnouncement() {
        return kind == Kind.ANNOUNCE;
    }

    /** {@return true for an explicit or implicit withdrawal} */
    public boolean isWithdrawal() {
        return kind == Kind.WITHDRAW;
    }

    /** {@return the announced AS path, or null for withdrawals} */
    public @Nullable AsPath path() {
        return attributes == null ? null : attributes.asPath();
    }

    /** {@return true if this event made the prefix visible to its first peer} */
    public boolean firstVisible() {
        return kind == Kind.ANNOUNCE && visibility == 1 && !hadRoute;
    }
}
