package dev.routescope.detect.spi;

import dev.routescope.detect.Baselines;
import dev.routescope.detect.MonitoredResources;
import dev.routescope.model.Prefix;
import java.time.Instant;

/**
 * What a detector may read besides the observation: event time, the monitored resources, learned
 * baselines, RPKI/ASPA/relationship data and (for {@link DetectorProvider.Partitioning#BY_PREFIX}
 * detectors) the current routes of the observation's prefix. Everything here is read-only and safe
 * to read from any worker; shared data is swapped atomically by the pipeline, never mutated.
 *
 * <pre>{@code
 * RovState rov = ctx.routeOrigins().validate(o.prefix(), o.origin());
 * int sameOrigin = ctx.originPeers(o.prefix(), o.origin());
 * }</pre>
 *
 * @since 0.1
 */
public interface DetectorContext {

    /** {@return the event-time watermark: the latest event time seen so far (never the wall clock)} */
    Instant now();

    /** {@return what the operator asked to monitor} */
    MonitoredResources monitored();

    /** {@return baselines learned during warm-up (empty if none)} */
    Baselines baselines();

    /** {@return route origin validation; {@link RouteOriginLookup#NONE} if not configured} */
    RouteOriginLookup routeOrigins();

    /** {@return ASPA provider authorisations; {@link AspaLookup#NONE} if not configured} */
    AspaLookup aspa();

    /** {@return AS relationships; {@link RelationshipLookup#NONE} if not configured} */
    RelationshipLookup relationships();

    /**
     * How many peers currently route {@code prefix} with origin {@code origin}. Only answered for the
     * prefix partition a {@code BY_PREFIX} detector runs in; {@code SINGLE} detectors get 0.
     *
     * @param prefix the prefix
     * @param origin the origin ASN
     * @return the number of peers
     */
    int originPeers(Prefix prefix, long origin);

    /** {@return distinct collector peers seen so far in the run} */
    int knownPeers();
}
