package dev.routescope.rpki.rtr;

import java.time.Duration;

/**
 * One applied cache response (everything from Cache Response to End of Data), as passed to {@link
 * RtrListener#synced}.
 *
 * <pre>{@code
 * RtrListener l = new RtrListener() {
 *     public void synced(RtrSync s) {
 *         System.out.printf("serial %d: +%d -%d VRPs, %d total%n", s.serial(), s.vrpsAnnounced(), s.vrpsWithdrawn(), s.vrpCount());
 *     }
 * };
 * }</pre>
 *
 * @param version the protocol version of the session
 * @param sessionId the cache's session id
 * @param serial the serial of the End of Data (unsigned 32-bit)
 * @param reset true for a full load (Reset Query), false for an incremental one (Serial Query)
 * @param vrpsAnnounced VRP announcements in the response
 * @param vrpsWithdrawn VRP withdrawals in the response
 * @param aspasAnnounced ASPA announcements in the response (v2)
 * @param aspasWithdrawn ASPA withdrawals in the response (v2)
 * @param vrpCount VRPs held after applying it
 * @param aspaCount ASPA customers held after applying it
 * @param refresh the Refresh interval in force (from End of Data in v1+, else the default)
 * @param retry the Retry interval in force
 * @param expire the Expire interval in force
 * @param elapsed time from sending the query to applying the response
 * @since 0.1
 */
public record RtrSync(
        int version,
        int sessionId,
        long serial,
        boolean reset,
        int vrpsAnnounced,
        int vrpsWithdrawn,
        int aspasAnnounced,
        int aspasWithdrawn,
        int vrpCount,
        int aspaCount,
        Duration refresh,
        Duration retry,
        Duration expire,
        Duration elapsed) {}
