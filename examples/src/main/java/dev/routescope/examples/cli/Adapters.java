package dev.routescope.examples.cli;

import dev.routescope.detect.spi.AspaAuthorization;
import dev.routescope.detect.spi.AspaLookup;
import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorProvider;
import dev.routescope.detect.spi.Relationship;
import dev.routescope.detect.spi.RelationshipLookup;
import dev.routescope.detect.spi.RouteOriginLookup;
import dev.routescope.detect.spi.RovState;
import dev.routescope.model.Prefix;
import dev.routescope.relationships.AsGraph;
import dev.routescope.rpki.AspaSet;
import dev.routescope.rpki.InvalidReason;
import dev.routescope.rpki.RouteOriginValidator;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Plugs {@code bgp-rpki} and {@code bgp-relationships} into the detection seams of {@code
 * bgp-detect} (which deliberately does not depend on them).
 */
final class Adapters {
    private Adapters() {}

    /** RFC 6811 through bgp-rpki's compiled table; the reason is only computed for invalid routes. */
    static RouteOriginLookup routeOrigins(RouteOriginValidator rov, @Nullable Instant dataTime) {
        return new RouteOriginLookup() {
            @Override
            public RovState validate(Prefix prefix, long originAsn) {
                return switch (rov.validateState(prefix, originAsn)) {
                    case VALID -> RovState.VALID;
                    case NOT_FOUND -> RovState.NOT_FOUND;
                    case INVALID ->
                        rov.validate(prefix, originAsn).reason() == InvalidReason.TOO_SPECIFIC
                                ? RovState.INVALID_LENGTH
                                : RovState.INVALID_ORIGIN;
                };
            }

            @Override
            public @Nullable Instant dataTime() {
                return dataTime;
            }
        };
    }

    static AspaLookup aspa(AspaSet aspas) {
        return (customer, provider) -> switch (aspas.authorized(customer, provider)) {
            case NO_ATTESTATION -> AspaAuthorization.NO_ATTESTATION;
            case PROVIDER_PLUS -> AspaAuthorization.PROVIDER_PLUS;
            case NOT_PROVIDER_PLUS -> AspaAuthorization.NOT_PROVIDER_PLUS;
        };
    }

    /** Both sides mean "the role of {@code to} seen from {@code from}". */
    static RelationshipLookup relationships(AsGraph graph) {
        return (from, to) -> switch (graph.relationship(from, to)) {
            case CUSTOMER -> Relationship.CUSTOMER;
            case PROVIDER -> Relationship.PROVIDER;
            case PEER -> Relationship.PEER;
            case SIBLING -> Relationship.SIBLING;
            case UNKNOWN -> Relationship.UNKNOWN;
        };
    }

    /**
     * Restricts a detector to routes of monitored prefixes or origins. Used for the valley-free
     * check: run on every route of a collector with years-old CAIDA links, it reports thousands of
     * paths whose links changed since, which would bury the incidents an operator watches.
     */
    static DetectorProvider monitoredOnly(DetectorProvider inner) {
        return new DetectorProvider() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public Partitioning partitioning() {
                return inner.partitioning();
            }

            @Override
            public Detector create() {
                Detector d = inner.create();
                return new Detector() {
                    @Override
                    public boolean accepts(dev.routescope.detect.spi.Observation o) {
                        return d.accepts(o);
                    }

                    @Override
                    public void observe(
                            dev.routescope.detect.spi.Observation o,
                            dev.routescope.detect.spi.DetectorContext ctx,
                            java.util.function.Consumer<dev.routescope.detect.spi.Alert> out) {
                        if (ctx.monitored().match(o.prefix()) != null
                                || (o.origin() >= 0 && ctx.monitored().asn(o.origin()) != null)) {
                            d.observe(o, ctx, out);
                        }
                    }

                    @Override
                    public void advanceTime(
                            Instant now,
                            long sequence,
                            dev.routescope.detect.spi.DetectorContext ctx,
                            java.util.function.Consumer<dev.routescope.detect.spi.Alert> out) {
                        d.advanceTime(now, sequence, ctx, out);
                    }

                    @Override
                    public int stateSize() {
                        return d.stateSize();
                    }
                };
            }
        };
    }
}
