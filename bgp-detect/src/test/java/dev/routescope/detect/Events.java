package dev.routescope.detect;

import dev.routescope.model.AsPath;
import dev.routescope.model.BgpState;
import dev.routescope.model.PathAttributes;
import dev.routescope.model.Peer;
import dev.routescope.model.PeerStateChange;
import dev.routescope.model.Prefix;
import dev.routescope.model.RouteEvent;
import dev.routescope.model.Withdrawal;
import java.time.Instant;

/** Compact event constructors for tests. */
final class Events {
    static final Instant T0 = Instant.parse("2021-01-01T05:00:00Z");

    private Events() {}

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Peer peer(int n) {
        return Peer.of("192.0.2." + n, 64_000 + n);
    }

    static dev.routescope.model.Announcement ann(long sec, int peer, String prefix, String path) {
        return new dev.routescope.model.Announcement(
                at(sec),
                "rrc12",
                peer(peer),
                Prefix.parse(prefix),
                RouteEvent.NO_PATH_ID,
                PathAttributes.builder().asPath(AsPath.parse(path)).build(),
                false);
    }

    static Withdrawal wd(long sec, int peer, String prefix) {
        return new Withdrawal(at(sec), "rrc12", peer(peer), Prefix.parse(prefix), RouteEvent.NO_PATH_ID);
    }

    static PeerStateChange down(long sec, int peer) {
        return new PeerStateChange(at(sec), "rrc12", peer(peer), BgpState.ESTABLISHED, BgpState.IDLE);
    }
}
