package dev.routescope.detect;

import dev.routescope.model.Asn;
import java.util.Set;

/**
 * A monitored AS (BGPalerter {@code options.monitorASns}): alerts when it originates unlisted
 * prefixes and, if upstreams/downstreams are given, when it has an unexpected neighbour.
 *
 * <pre>{@code
 * MonitoredAsn a = new MonitoredAsn(Asn.of(2914), "default", true, Set.of(Asn.of(174), Asn.of(3356)), false, Set.of());
 * }</pre>
 *
 * @param asn the AS
 * @param group who receives the alerts
 * @param checkUpstreams whether {@code upstreams} was given (an empty list then means "alert on any")
 * @param upstreams allowed left neighbours
 * @param checkDownstreams whether {@code downstreams} was given
 * @param downstreams allowed right neighbours
 * @since 0.1
 */
public record MonitoredAsn(
        Asn asn,
        String group,
        boolean checkUpstreams,
        Set<Asn> upstreams,
        boolean checkDownstreams,
        Set<Asn> downstreams) {

    /** Copies the sets. */
    public MonitoredAsn {
        upstreams = Set.copyOf(upstreams);
        downstreams = Set.copyOf(downstreams);
    }

    /**
     * A monitored AS without neighbour lists.
     *
     * @param asn the AS
     * @return the entry
     */
    public static MonitoredAsn of(Asn asn) {
        return new MonitoredAsn(asn, "default", false, Set.of(), false, Set.of());
    }
}
