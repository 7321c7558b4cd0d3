/**
 * The detector extension point: a {@link dev.routescope.detect.spi.DetectorProvider} (found with
 * {@link java.util.ServiceLoader}) creates one {@link dev.routescope.detect.spi.Detector} per worker;
 * the detector turns {@link dev.routescope.detect.spi.Observation}s into {@link
 * dev.routescope.detect.spi.Alert}s, reading shared data through the {@link
 * dev.routescope.detect.spi.DetectorContext}. RPKI, ASPA and AS-relationship data plug in through
 * the small lookup interfaces {@link dev.routescope.detect.spi.RouteOriginLookup}, {@link
 * dev.routescope.detect.spi.AspaLookup} and {@link dev.routescope.detect.spi.RelationshipLookup}, which
 * the pipeline adapts from the {@code bgp-rpki} and {@code bgp-relationships} modules.
 */
@NullMarked
package dev.routescope.detect.spi;

import org.jspecify.annotations.NullMarked;
