/**
 * Streaming MRT decoder (RFC 6396, 6397, 8050) with a bgpdump-compatible formatter.
 *
 * <p>Entry points: {@link dev.routescope.mrt.MrtReader} (record level) and {@link
 * dev.routescope.mrt.MrtElementReader} (one element per prefix, producing {@link
 * dev.routescope.model.RouteEvent}s on request).
 */
module dev.routescope.mrt {
    requires static org.jspecify;
    requires transitive dev.routescope.model;
    requires io.netty.buffer;
    requires org.apache.commons.compress;

    exports dev.routescope.mrt;
}
