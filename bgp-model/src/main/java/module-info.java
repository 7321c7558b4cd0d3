/**
 * Immutable BGP values shared by every Routescope module: {@link dev.routescope.model.Asn}, {@link
 * dev.routescope.model.Prefix}, {@link dev.routescope.model.AsPath}, communities, path attributes and
 * {@link dev.routescope.model.RouteEvent}s.
 */
module dev.routescope.model {
    requires static org.jspecify;

    exports dev.routescope.model;
}
