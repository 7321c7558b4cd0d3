/**
 * Detection of routing incidents from {@link dev.routescope.model.RouteEvent}s: the detector SPI
 * ({@code dev.routescope.detect.spi}), the built-in detectors ({@link dev.routescope.detect.Detectors}),
 * incident aggregation, sinks and the {@link dev.routescope.detect.Pipeline}.
 */
module dev.routescope.detect {
    requires static org.jspecify;
    requires transitive dev.routescope.model;
    requires transitive dev.routescope.mrt;
    requires transitive dev.routescope.mrt.archive;
    requires transitive dev.routescope.rpki;
    requires transitive dev.routescope.relationships;
    requires transitive dev.routescope.rislive;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;
    requires org.snakeyaml.engine.v2;
    requires java.net.http;

    exports dev.routescope.detect;
    exports dev.routescope.detect.spi;

    uses dev.routescope.detect.spi.DetectorProvider;
}
