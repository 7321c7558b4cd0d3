package dev.routescope.rpki.rtr;

/**
 * Counters of an {@link RtrClient} since it was built.
 *
 * <pre>{@code
 * RtrStats s = client.stats();
 * System.out.println(s.connects() + " connections, " + s.errorReportsSent() + " error reports sent");
 * }</pre>
 *
 * @param connectAttempts TCP connection attempts
 * @param connects connections opened
 * @param resetQueries Reset Queries sent
 * @param serialQueries Serial Queries sent
 * @param syncs responses applied (up to End of Data)
 * @param pdusReceived PDUs received and decoded
 * @param errorReportsSent Error Reports sent (malformed or inconsistent PDUs from the cache)
 * @param errorReportsReceived Error Reports received from the cache
 * @param downgrades protocol version downgrades
 * @param routerKeysIgnored Router Key PDUs received (BGPsec; validated, not kept)
 * @since 0.1
 */
public record RtrStats(
        long connectAttempts,
        long connects,
        long resetQueries,
        long serialQueries,
        long syncs,
        long pdusReceived,
        long errorReportsSent,
        long errorReportsReceived,
        long downgrades,
        long routerKeysIgnored) {}
