/**
 * RPKI-to-Router client (RFC 6810 v0, RFC 8210 v1, draft-ietf-sidrops-8210bis v2 with ASPA) that
 * keeps a {@link dev.routescope.rpki.RouteOriginValidator} in sync with an RTR cache. Entry point:
 * {@link dev.routescope.rpki.rtr.RtrClient}.
 */
@NullMarked
package dev.routescope.rpki.rtr;

import org.jspecify.annotations.NullMarked;
