package dev.routescope.examples.cli;

import dev.routescope.detect.spi.Detector;
import dev.routescope.detect.spi.DetectorProvider;
import java.time.Instant;

/**
 * Detector wrappers of the CLI.
 */
final class Adapters {
    private Adapters() {}

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
