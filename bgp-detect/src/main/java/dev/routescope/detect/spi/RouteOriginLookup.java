package dev.routescope.detect.spi;

import dev.routescope.detect.internal.VrpTable;
import dev.routescope.model.Prefix;
import java.time.Instant;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Route origin validation as detectors need it: the seam where {@code bgp-rpki}'s validator plugs
 * in (the pipeline adapts it; nothing here depends on that module). Implementations must be
 * thread-safe and must not block: swap snapshots atomically.
 *
 * <pre>{@code
 * RouteOriginLookup rov = RouteOriginLookup.of(List.of(
 *         new Vrp(Prefix.parse("1.1.1.0/24"), 24, Asn.of(13335))), Instant.parse("2025-07-20T09:31:33Z"));
 * rov.validate(Prefix.parse("1.1.1.1/32"), 267613); // INVALID_ORIGIN
 * }</pre>
 *
 * @since 0.1
 */
public interface RouteOriginLookup {

    /** No RPKI data: every route is {@link RovState#UNKNOWN}, {@link #isAvailable()} is false. */
    RouteOriginLookup NONE = new RouteOriginLookup() {
        @Override
        public RovState validate(Prefix prefix, long originAsn) {
            return RovState.UNKNOWN;
        }

        @Override
        public boolean isAvailable() {
            return false;
        }
    };

    /**
     * Validates a route.
     *
     * @param prefix the route prefix
     * @param originAsn the origin ASN, or {@code -1} for NONE (AS_SET or empty path)
     * @return the state; {@link RovState#UNKNOWN} if no data is loaded
     */
    RovState validate(Prefix prefix, long originAsn);

    /** {@return whether data is loaded and usable; false makes {@code rpkiDataStale()} alert} */
    default boolean isAvailable() {
        return true;
    }

    /** {@return when the loaded data was produced (e.g. rpki-client buildtime), or null if unknown} */
    default @Nullable Instant dataTime() {
        return null;
    }

    /**
     * A small in-memory table, for tests and for use before {@code bgp-rpki} is wired (a hash map
     * per prefix walked over the covering lengths; fine for thousands of VRPs, use {@code bgp-rpki}
     * for the full 700k set).
     *
     * @param vrps the VRPs
     * @param dataTime when the data was produced, or null
     * @return the lookup
     */
    static RouteOriginLookup of(Collection<Vrp> vrps, @Nullable Instant dataTime) {
        return new VrpTable(vrps, dataTime);
    }
}
