/**
 * RPKI for BGP monitoring. Load VRPs and ASPAs with {@link dev.routescope.rpki.RpkiReader}
 * (rpki-client and Routinator JSON, CSV, gzip/bzip2), apply local exceptions with {@link
 * dev.routescope.rpki.Slurm}, validate route origins with a {@link dev.routescope.rpki.VrpSnapshot}
 * or the atomically updated {@link dev.routescope.rpki.RouteOriginValidator}, verify AS paths with
 * {@link dev.routescope.rpki.AspaVerifier}, and compare snapshots with {@link
 * dev.routescope.rpki.VrpDiff}.
 */
@NullMarked
package dev.routescope.rpki;

import org.jspecify.annotations.NullMarked;
