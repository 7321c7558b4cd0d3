package dev.routescope.detect.spi;

import java.time.Instant;
import java.util.List;

/**
 * The difference between two RPKI snapshots, delivered to {@link Detector#rpkiUpdated}.
 *
 * <pre>{@code
 * RpkiUpdate u = new RpkiUpdate(Instant.parse("2025-07-20T10:01:43Z"), List.of(added), List.of(removed));
 * }</pre>
 *
 * @param time event time at which the new snapshot applies (its build time, or the replay time)
 * @param added VRPs in the new snapshot only
 * @param removed VRPs in the old snapshot only
 * @since 0.1
 */
public record RpkiUpdate(Instant time, List<Vrp> added, List<Vrp> removed) {
    /** Copies the lists. */
    public RpkiUpdate {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
