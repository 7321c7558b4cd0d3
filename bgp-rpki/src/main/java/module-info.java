/**
 * RPKI for BGP monitoring: VRP and ASPA loading, route origin validation (RFC 6811), ASPA path
 * verification, SLURM (RFC 8416), VRP diffs and expiry warnings. Entry points: {@link
 * dev.routescope.rpki.RpkiReader}, {@link dev.routescope.rpki.VrpSnapshot}, {@link
 * dev.routescope.rpki.RouteOriginValidator}, {@link dev.routescope.rpki.AspaVerifier} and the RTR client
 * {@link dev.routescope.rpki.rtr.RtrClient}.
 */
module dev.routescope.rpki {
    requires static org.jspecify;
    requires transitive dev.routescope.model;
    requires com.fasterxml.jackson.core;
    requires org.apache.commons.compress;
    requires org.slf4j;

    exports dev.routescope.rpki;
    exports dev.routescope.rpki.rtr;
}
