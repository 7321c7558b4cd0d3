/**
 * Detection of routing incidents. Start at {@link dev.routescope.detect.Pipeline#builder()}: it reads
 * {@link dev.routescope.model.RouteEvent}s from a {@link dev.routescope.detect.EventSource}, runs the
 * detectors of {@link dev.routescope.detect.Detectors} (or any {@link
 * dev.routescope.detect.spi.DetectorProvider}) partitioned by prefix, folds their alerts into
 * {@link dev.routescope.detect.Incident}s with an {@link dev.routescope.detect.IncidentAggregator} and
 * delivers them to {@link dev.routescope.detect.IncidentSink}s built by {@link
 * dev.routescope.detect.Sinks}. What is watched comes from {@link
 * dev.routescope.detect.MonitoredResources} (also BGPalerter's {@code prefixes.yml}) and from
 * {@link dev.routescope.detect.Baselines} learned during a warm-up window.
 */
@NullMarked
package dev.routescope.detect;

import org.jspecify.annotations.NullMarked;
